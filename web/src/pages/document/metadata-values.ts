import type { Correction, DocumentDetail } from '../../api/types';

/** The metadata fields that recognition fills and a clerk may correct, by their API names. */
export const metadataFields = [
  'type',
  'number',
  'notation',
  'issuedOn',
  'place',
  'issuer',
  'subject',
  'signer',
  'signerPosition',
  'urgency',
  'confidentiality',
] as const;

export type MetadataField = (typeof metadataFields)[number];

export type MetadataValues = Record<MetadataField, unknown>;

export function currentValues(document: DocumentDetail): MetadataValues {
  const values = {} as MetadataValues;
  for (const field of metadataFields) {
    values[field] = document[field];
  }

  return values;
}

/** Finds the first correction of each field, whose `from` is the value that recognition produced. */
export function firstCorrections(corrections: Correction[]): Map<string, Correction> {
  const sorted = [...corrections].sort((a, b) => a.at.localeCompare(b.at));
  const first = new Map<string, Correction>();

  for (const correction of sorted) {
    if (!first.has(correction.field)) {
      first.set(correction.field, correction);
    }
  }

  return first;
}

/** Returns the values as recognised, before any correction. */
export function recognizedValues(document: DocumentDetail): MetadataValues {
  const values = currentValues(document);

  for (const [field, correction] of firstCorrections(document.corrections)) {
    if (field in values) {
      values[field as MetadataField] = correction.from;
    }
  }

  return values;
}
