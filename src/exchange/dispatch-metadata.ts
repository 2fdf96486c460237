import { z } from 'zod';
import { withoutControlCharacters } from '../platform/control-characters.js';
import { findDocumentTypeByCode } from '../documents/document-types.js';
import type { DocumentMetadata, RecognizedFields } from '../documents/recognition/document-metadata.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD').refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'no such day');
const text = (max: number) => z.string().max(max).transform((value) => withoutControlCharacters(value).normalize('NFC').trim());
const optionalText = (max: number) => text(max).nullish().transform((value) => (value ? value : null));

/** The metadata a clerk confirms before sending; the same fields travel to other installations. */
export const dispatchMetadataSchema = z.object({
  type: z.string().trim().refine((code) => findDocumentTypeByCode(code) !== undefined, 'unknown document type code'),
  number: optionalText(20),
  notation: optionalText(60),
  issuedOn: isoDate.nullish().transform((value) => value ?? null),
  place: optionalText(100),
  subject: text(1000).pipe(z.string().min(1, 'the subject (trích yếu) is required')),
  signer: optionalText(200),
  signerPosition: optionalText(200),
  urgency: z.enum(['normal', 'urgent', 'very-urgent', 'flash']).default('normal'),
  confidentiality: z.enum(['none', 'confidential', 'secret', 'top-secret']).default('none'),
  dueOn: isoDate.nullish().transform((value) => value ?? null),
});

export type DispatchMetadata = z.infer<typeof dispatchMetadataSchema>;

/** Content type and file name of the machine-readable part every dispatch message carries. */
export const DISPATCH_PART_TYPE = 'application/vnd.congvan.dispatch+json';
export const DISPATCH_PART_NAME = 'congvan-dispatch.json';

export const dispatchPartSchema = z.object({
  format: z.literal('congvan-dispatch'),
  version: z.literal(1),
  dispatchId: z.string().min(1).max(100),
  issuer: z.object({ code: z.string().max(35), name: z.string().max(500) }),
  /** File name of the main document among the message's attachments. */
  documentFile: z.string().max(500),
  sentAt: z.string().max(40),
  metadata: dispatchMetadataSchema,
});

export type DispatchPart = z.infer<typeof dispatchPartSchema>;

/** Reads the machine-readable part of a Công Văn dispatch; null when it is missing or invalid. */
export function parseDispatchPart(bytes: Uint8Array): DispatchPart | null {
  try {
    const parsed = dispatchPartSchema.safeParse(JSON.parse(Buffer.from(bytes).toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The register metadata of a document whose sender stated it: every field is the sender's, with
 * full confidence, so the recipient's register contains it exactly.
 */
export function metadataFromSender(metadata: DispatchMetadata, issuer: { code: string; name: string }): { metadata: DocumentMetadata; fields: RecognizedFields } {
  const values: DocumentMetadata = {
    type: metadata.type,
    number: metadata.number,
    notation: metadata.notation,
    issuedOn: metadata.issuedOn,
    place: metadata.place,
    issuer: issuer.name,
    issuerCode: issuer.code,
    subject: metadata.subject,
    signer: metadata.signer,
    signerPosition: metadata.signerPosition,
    signerAuthority: null,
    urgency: metadata.urgency,
    confidentiality: metadata.confidentiality,
    meeting: null,
  };

  const fields = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { value, confidence: 1, source: 'sender' }])) as RecognizedFields;
  return { metadata: values, fields };
}
