import dayjs, { type Dayjs } from 'dayjs';

import type { DocumentDetail, MetadataPatch, Urgency } from '../../api/types';

/** Values of the edit form; the date is a dayjs value for the date picker. */
export interface MetadataFormValues {
  type: string | undefined;
  number: string;
  notation: string;
  issuedOn: Dayjs | null;
  place: string;
  issuer: string;
  subject: string;
  signer: string;
  signerPosition: string;
  urgency: Urgency;
}

export const textFields = ['number', 'notation', 'place', 'issuer', 'subject', 'signer', 'signerPosition'] as const;

export function formValuesOf(document: DocumentDetail): MetadataFormValues {
  return {
    type: document.type === 'unknown' ? undefined : document.type,
    number: document.number ?? '',
    notation: document.notation ?? '',
    issuedOn: document.issuedOn ? dayjs(document.issuedOn) : null,
    place: document.place ?? '',
    issuer: document.issuer ?? '',
    subject: document.subject ?? '',
    signer: document.signer ?? '',
    signerPosition: document.signerPosition ?? '',
    urgency: document.urgency,
  };
}

/**
 * Builds a patch of the trimmed fields that differ from the document, with null for a cleared field.
 * An empty patch means nothing changed.
 */
export function metadataPatch(document: DocumentDetail, values: MetadataFormValues): MetadataPatch {
  const patch: MetadataPatch = {};

  if (values.type !== undefined && values.type !== document.type) {
    patch.type = values.type;
  }

  for (const field of textFields) {
    const value = (values[field] ?? '').trim();
    if (value !== (document[field] ?? '')) {
      patch[field] = value === '' ? null : value;
    }
  }

  const issuedOn = values.issuedOn ? values.issuedOn.format('YYYY-MM-DD') : null;
  if (issuedOn !== document.issuedOn) {
    patch.issuedOn = issuedOn;
  }

  if (values.urgency !== document.urgency) {
    patch.urgency = values.urgency;
  }

  return patch;
}
