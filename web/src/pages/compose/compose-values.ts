import type { UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';

import type { DispatchMetadata } from '../../api/dispatch-types';
import type { NewDispatch } from '../../api/dispatches';
import type { Confidentiality, Urgency } from '../../api/types';

/** Values of the compose form, with dayjs values for the date pickers. */
export interface ComposeValues {
  /** The main document, at most one file. */
  document: UploadFile[];
  attachments: UploadFile[];
  type: string | undefined;
  number: string;
  notation: string;
  issuedOn: Dayjs | null;
  place: string;
  subject: string;
  signer: string;
  signerPosition: string;
  urgency: Urgency;
  confidentiality: Confidentiality;
  dueOn: Dayjs | null;
  /** Group codes, organization codes and mail addresses, as typed. */
  recipients: string[];
}

export type ComposeField = keyof ComposeValues;

export const initialComposeValues: ComposeValues = {
  document: [],
  attachments: [],
  type: undefined,
  number: '',
  notation: '',
  issuedOn: null,
  place: '',
  subject: '',
  signer: '',
  signerPosition: '',
  urgency: 'normal',
  confidentiality: 'none',
  dueOn: null,
  recipients: [],
};

const isoDate = 'YYYY-MM-DD';

function textOrNull(value: string | undefined): string | null {
  const trimmed = (value ?? '').trim();

  return trimmed === '' ? null : trimmed;
}

function filesOf(list: UploadFile[]): File[] {
  return list.map((item) => item.originFileObj).filter((file): file is NonNullable<typeof file> => file !== undefined);
}

export function mainFileOf(values: Pick<ComposeValues, 'document'>): File | null {
  return filesOf(values.document ?? [])[0] ?? null;
}

/** Builds the metadata part of the request. An empty number lets the server assign the next one. */
export function metadataOf(values: ComposeValues): DispatchMetadata {
  return {
    type: values.type ?? '',
    number: textOrNull(values.number),
    notation: textOrNull(values.notation),
    issuedOn: values.issuedOn ? values.issuedOn.format(isoDate) : null,
    place: textOrNull(values.place),
    subject: (values.subject ?? '').trim(),
    signer: textOrNull(values.signer),
    signerPosition: textOrNull(values.signerPosition),
    urgency: values.urgency,
    confidentiality: values.confidentiality,
    dueOn: values.dueOn ? values.dueOn.format(isoDate) : null,
  };
}

/** Builds the send request from validated form values, which always hold a main document. */
export function newDispatchOf(values: ComposeValues): NewDispatch {
  const document = mainFileOf(values);
  if (!document) {
    throw new Error('newDispatchOf was called without a main document');
  }

  return {
    document,
    attachments: filesOf(values.attachments ?? []),
    metadata: metadataOf(values),
    recipients: values.recipients,
  };
}
