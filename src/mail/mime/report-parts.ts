import { readMessageId, readMessageIds } from './message-id.js';
import type { MessageReport, ReportKind, ReportRecipient } from './types.js';

// Parts of a multipart/report (RFC 6522), decoded to text by the caller.
export interface ReportInput {
  kind: Exclude<ReportKind, 'message'>;
  /** Body of the message/delivery-status or message/disposition-notification part. */
  statusText: string | null;
  /** Message-ID of the returned message or returned headers. */
  returnedMessageId: string | null;
  /** In-Reply-To and References of the report itself. */
  inReplyTo: string | null;
  references: string | null;
}

type FieldGroup = Map<string, string>;

/** Builds the report summary from a delivery status notification (RFC 3464) or an MDN (RFC 8098). */
export function buildReport(input: ReportInput): MessageReport {
  const groups = input.statusText === null ? [] : readFieldGroups(input.statusText);
  const perMessage = groups[0] ?? new Map<string, string>();
  const envelopeId = perMessage.get('original-envelope-id');
  const originalEnvelopeId = envelopeId ? decodeXtext(envelopeId.trim()) : null;

  const recipients =
    input.kind === 'delivery-status'
      ? groups.slice(1).map(readDeliveryRecipient).filter((recipient) => recipient.recipient !== null || recipient.action !== null)
      : [readDisposition(perMessage)];
  const main = pickMainRecipient(recipients);

  return {
    originalMessageId: findOriginalMessageId(perMessage, input, originalEnvelopeId),
    originalEnvelopeId,
    action: main?.action ?? null,
    status: main?.status ?? null,
    recipient: main?.recipient ?? null,
    diagnostic: main?.diagnostic ?? null,
    recipients: input.kind === 'delivery-status' ? recipients : [],
  };
}

/** Splits "Name: value" lines into groups at blank lines and unfolds continuation lines. Names are lower case. */
export function readFieldGroups(text: string): FieldGroup[] {
  const groups: FieldGroup[] = [];
  let current: FieldGroup = new Map();
  let lastName: string | null = null;

  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      if (current.size > 0) {
        groups.push(current);
        current = new Map();
      }
      lastName = null;
      continue;
    }

    if (/^[ \t]/.test(line) && lastName !== null) {
      current.set(lastName, `${current.get(lastName) ?? ''} ${line.trim()}`);
      continue;
    }

    const colon = line.indexOf(':');
    if (colon <= 0) {
      continue;
    }
    lastName = line.slice(0, colon).trim().toLowerCase();
    if (!current.has(lastName)) {
      current.set(lastName, line.slice(colon + 1).trim());
    }
  }

  if (current.size > 0) {
    groups.push(current);
  }

  return groups;
}

function readDeliveryRecipient(group: FieldGroup): ReportRecipient {
  return {
    recipient: addressOf(group.get('final-recipient') ?? group.get('original-recipient')),
    action: group.get('action')?.trim().toLowerCase() ?? null,
    status: group.get('status')?.trim().split(/\s/)[0] ?? null,
    diagnostic: withoutType(group.get('diagnostic-code')),
  };
}

// RFC 8098 section 3.2.6: Disposition: action-mode/sending-mode; disposition-type[/modifier]
function readDisposition(group: FieldGroup): ReportRecipient {
  const disposition = group.get('disposition') ?? '';
  const afterSemicolon = disposition.includes(';') ? disposition.slice(disposition.indexOf(';') + 1) : '';
  const type = afterSemicolon.trim().split(/[/\s]/)[0]?.toLowerCase() ?? '';

  return {
    recipient: addressOf(group.get('final-recipient') ?? group.get('original-recipient')),
    action: type === '' ? null : type,
    status: null,
    diagnostic: group.get('error') ?? group.get('failure') ?? group.get('warning') ?? null,
  };
}

// The recipient a reader cares about first: a failure, else a delay, else the first one.
function pickMainRecipient(recipients: ReportRecipient[]): ReportRecipient | undefined {
  return (
    recipients.find((recipient) => recipient.action === 'failed') ??
    recipients.find((recipient) => recipient.action === 'delayed') ??
    recipients[0]
  );
}

function findOriginalMessageId(perMessage: FieldGroup, input: ReportInput, envelopeId: string | null): string | null {
  const field = perMessage.get('original-message-id');
  const fromField = field ? readMessageId(field) : null;
  const fromReferences = input.references ? readMessageIds(input.references).at(-1) ?? null : null;
  const fromInReplyTo = input.inReplyTo ? readMessageId(input.inReplyTo) : null;
  const envelopeAsId = envelopeId && /^[^\s@]+@[^\s@]+$/.test(envelopeId.replace(/^<|>$/g, '')) ? envelopeId.replace(/^<|>$/g, '') : null;

  return fromField ?? input.returnedMessageId ?? fromInReplyTo ?? fromReferences ?? envelopeAsId;
}

// "rfc822; user@example.org" names the address type before the semicolon (RFC 3464 section 2.3.2).
function addressOf(value: string | undefined): string | null {
  const address = withoutType(value);

  return address === null ? null : address.replace(/^<|>$/g, '');
}

function withoutType(value: string | undefined): string | null {
  if (value === undefined) {
    return null;
  }

  const semicolon = value.indexOf(';');
  const text = (semicolon < 0 ? value : value.slice(semicolon + 1)).trim();

  return text === '' ? null : text;
}

// RFC 3461 section 4: xtext writes "+" and the bytes outside "!" to "~" as "+" and two hex digits.
function decodeXtext(value: string): string {
  return value.replace(/\+([0-9A-Fa-f]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
