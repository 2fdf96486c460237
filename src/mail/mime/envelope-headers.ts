import { parseAddressList } from './address-list.js';
import type { FlagList } from './flag-list.js';
import { findField, type HeaderField } from './header-section.js';
import { decodedHeaderValue, headerText } from './header-value.js';
import { parseMailDate } from './mail-date.js';
import { readMessageId } from './message-id.js';
import type { MailAddress } from './types.js';

export interface EnvelopeHeaders {
  messageId: string | null;
  /** Whether a Message-ID field was present at all, usable or not. */
  hasMessageIdField: boolean;
  subject: string;
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  replyTo: MailAddress[];
  date: string | null;
  /** The Date field as written, when it could not be read as a date. */
  invalidDate: string | null;
  inReplyTo: string | null;
  references: string | null;
}

/** Reads the originator, destination, identification and date fields of a message header. */
export function readEnvelopeHeaders(fields: HeaderField[], flags: FlagList, where: string): EnvelopeHeaders {
  const text = (key: string): string | null => {
    const field = findField(fields, key);
    return field ? headerText(field, flags, where) : null;
  };
  const addresses = (key: string): MailAddress[] => {
    const value = text(key);
    return value === null ? [] : parseAddressList(value, flags, `${where}: ${key}`);
  };

  const subjectField = findField(fields, 'subject');
  const messageIdText = text('message-id');
  const dateText = text('date');
  const date = dateText === null ? null : parseMailDate(dateText);

  return {
    messageId: messageIdText === null ? null : readMessageId(messageIdText),
    hasMessageIdField: messageIdText !== null,
    subject: subjectField ? decodedHeaderValue(subjectField, flags, where) : '',
    from: addresses('from')[0] ?? null,
    to: addresses('to'),
    cc: addresses('cc'),
    replyTo: addresses('reply-to'),
    date,
    invalidDate: dateText !== null && date === null ? dateText.trim() : null,
    inReplyTo: text('in-reply-to'),
    references: text('references'),
  };
}
