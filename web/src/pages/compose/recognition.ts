import dayjs from 'dayjs';

import type { AnalyzedDocument } from '../../api/dispatch-types';
import type { RecognizedField } from '../../api/types';
import { isLowConfidence } from '../../components/confidence-mark';
import { metadataFields, type MetadataField } from '../document/metadata-values';
import type { ComposeValues } from './compose-values';

/** Form fields that recognition of the uploaded document can fill. The issuer is left out, because it is always the sender. */
export const recognizableFields = metadataFields.filter((field): field is Exclude<MetadataField, 'issuer'> => field !== 'issuer');

export type RecognizableField = (typeof recognizableFields)[number];

export type RecognitionMarks = Partial<Record<RecognizableField, RecognizedField>>;

type RecognizedValues = Pick<ComposeValues, RecognizableField>;

// `default` means nothing was read for the field, and `unknown` is the type of a document whose type was not found.
function wasRead(field: RecognizedField | undefined): field is RecognizedField {
  return field !== undefined && field.source !== 'default' && field.value !== null && field.value !== 'unknown';
}

/** Returns the form values the document gives, with the empty value for a field it does not give. */
export function valuesFromAnalysis(analyzed: AnalyzedDocument): RecognizedValues {
  const { metadata } = analyzed;
  const read = (name: RecognizableField) => wasRead(analyzed.fields[name]);

  return {
    type: read('type') ? metadata.type : undefined,
    number: read('number') ? (metadata.number ?? '') : '',
    notation: read('notation') ? (metadata.notation ?? '') : '',
    issuedOn: read('issuedOn') && metadata.issuedOn ? dayjs(metadata.issuedOn) : null,
    place: read('place') ? (metadata.place ?? '') : '',
    subject: read('subject') ? (metadata.subject ?? '') : '',
    signer: read('signer') ? (metadata.signer ?? '') : '',
    signerPosition: read('signerPosition') ? (metadata.signerPosition ?? '') : '',
    urgency: read('urgency') ? metadata.urgency : 'normal',
    confidentiality: read('confidentiality') ? metadata.confidentiality : 'none',
  };
}

/** Lists the given fields that recognition read from the document, with how sure it was. */
export function recognitionMarks(analyzed: AnalyzedDocument, fields: readonly RecognizableField[]): RecognitionMarks {
  const marks: RecognitionMarks = {};

  for (const name of fields) {
    const field = analyzed.fields[name];
    if (wasRead(field)) {
      marks[name] = field;
    }
  }

  return marks;
}

export function countUncertain(marks: RecognitionMarks): number {
  return Object.values(marks).filter((field) => field !== undefined && isLowConfidence(field)).length;
}
