import { z } from 'zod';
import { withoutControlCharacters } from '../platform/control-characters.js';
import { localizedRefinement } from '../platform/validation-issues.js';
import { findDocumentTypeByCode } from '../documents/document-types.js';
import type { DocumentMetadata, RecognizedFields } from '../documents/recognition/document-metadata.js';

const URGENCIES = ['normal', 'urgent', 'very-urgent', 'flash'] as const;
const CONFIDENTIALITIES = ['none', 'confidential', 'secret', 'top-secret'] as const;

const isoDate = z.iso.date();
const text = (max: number) => z.string().max(max).transform((value) => withoutControlCharacters(value).normalize('NFC').trim());
const optionalText = (max: number) => text(max).nullish().transform((value) => (value ? value : null));
const isKnownType = (code: string) => findDocumentTypeByCode(code) !== undefined;
const knownType = localizedRefinement(
  'một mã trong danh mục loại văn bản (GET /api/v1/document-types), ví dụ CV hoặc GM',
  'a code of the document type catalogue (GET /api/v1/document-types), such as CV or GM',
);

/** The metadata a clerk confirms before sending; the same fields travel to other installations. */
export const dispatchMetadataSchema = z.object({
  type: z.string().trim().refine(isKnownType, knownType),
  number: optionalText(20),
  notation: optionalText(60),
  issuedOn: isoDate.nullish().transform((value) => value ?? null),
  place: optionalText(100),
  subject: text(1000).pipe(z.string().min(1)),
  signer: optionalText(200),
  signerPosition: optionalText(200),
  urgency: z.enum(URGENCIES).default('normal'),
  confidentiality: z.enum(CONFIDENTIALITIES).default('none'),
  dueOn: isoDate.nullish().transform((value) => value ?? null),
});

/**
 * The metadata of a draft: the same fields, each one missing, null or set. A field the clerk
 * has not set stays null, with no default, so that reopening the draft shows exactly what was
 * saved. Only sending checks the whole and fills the defaults.
 */
export const draftMetadataSchema = z.object({
  type: z
    .string()
    .trim()
    .nullish()
    .transform((value) => (value ? value : null))
    .refine((value) => value === null || isKnownType(value), knownType),
  number: optionalText(20),
  notation: optionalText(60),
  issuedOn: isoDate.nullish().transform((value) => value ?? null),
  place: optionalText(100),
  subject: optionalText(1000),
  signer: optionalText(200),
  signerPosition: optionalText(200),
  urgency: z.enum(URGENCIES).nullish().transform((value) => value ?? null),
  confidentiality: z.enum(CONFIDENTIALITIES).nullish().transform((value) => value ?? null),
  dueOn: isoDate.nullish().transform((value) => value ?? null),
});

export type DraftMetadata = z.infer<typeof draftMetadataSchema>;

export type DispatchMetadata = z.infer<typeof dispatchMetadataSchema>;

/** Maps the metadata of a dispatch or draft to its `dispatches` columns. */
export function dispatchMetadataColumns<M extends DraftMetadata | DispatchMetadata>(metadata: M) {
  return {
    type: metadata.type,
    number: metadata.number,
    notation: metadata.notation,
    issued_on: metadata.issuedOn,
    place: metadata.place,
    subject: metadata.subject,
    signer: metadata.signer,
    signer_position: metadata.signerPosition,
    urgency: metadata.urgency,
    confidentiality: metadata.confidentiality,
    due_on: metadata.dueOn,
  };
}

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
