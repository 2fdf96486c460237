import { parseJsonColumn } from '../platform/json-column.js';
import { findDocumentTypeByCode } from './document-types.js';
import { localizeFlags } from './flag-labels.js';

export interface Flag {
  code: string;
  message: string;
}

/** One row of a mailbox: a document as one organization received it. */
export interface DocumentItem {
  id: string;
  deliveryId: string;
  registerNumber: number;
  registerYear: number;
  receivedAt: string;
  status: string;
  type: string;
  typeName: string;
  number: string | null;
  notation: string | null;
  issuedOn: string | null;
  place: string | null;
  issuer: string | null;
  issuerCode: string | null;
  subject: string | null;
  signer: string | null;
  signerPosition: string | null;
  urgency: string;
  confidentiality: string;
  flags: Flag[];
}

export interface DocumentItemRow {
  document_id: string;
  delivery_id: string;
  register_number: number;
  register_year: number;
  received_at: string;
  status: string;
  type: string;
  number: string | null;
  notation: string | null;
  issued_on: string | null;
  place: string | null;
  issuer: string | null;
  issuer_code: string | null;
  subject: string | null;
  signer: string | null;
  signer_position: string | null;
  urgency: string;
  confidentiality: string;
  flags: string;
}

export function toDocumentItem(row: DocumentItemRow, locale: 'vi' | 'en'): DocumentItem {
  return {
    id: row.document_id,
    deliveryId: row.delivery_id,
    registerNumber: row.register_number,
    registerYear: row.register_year,
    receivedAt: row.received_at,
    status: row.status,
    type: row.type,
    typeName: typeName(row.type, locale),
    number: row.number,
    notation: row.notation,
    issuedOn: row.issued_on,
    place: row.place,
    issuer: row.issuer,
    issuerCode: row.issuer_code,
    subject: row.subject,
    signer: row.signer,
    signerPosition: row.signer_position,
    urgency: row.urgency,
    confidentiality: row.confidentiality,
    flags: localizeFlags(parseJsonColumn<Flag[]>(row.flags, []), locale),
  };
}

export function typeName(code: string, locale: 'vi' | 'en'): string {
  const type = findDocumentTypeByCode(code);
  if (!type) return locale === 'en' ? 'Unrecognised' : 'Chưa nhận dạng';
  return locale === 'en' ? type.nameEn : type.nameVi;
}
