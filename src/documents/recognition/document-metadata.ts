/** Độ khẩn: Khẩn, Thượng khẩn, Hỏa tốc. */
export type Urgency = 'normal' | 'urgent' | 'very-urgent' | 'flash';

/** Độ mật: Mật, Tối mật, Tuyệt mật. */
export type Confidentiality = 'none' | 'confidential' | 'secret' | 'top-secret';

/**
 * Prefix of the signature block: TM. on behalf of a collective, KT. deputy for the head, TL. by
 * order, TUQ. by authorisation, Q. acting.
 */
export type SignerAuthority = 'TM.' | 'KT.' | 'TL.' | 'TUQ.' | 'Q.';

export type Meeting = {
  /** ISO 8601 local time in Vietnam with its offset, such as "2026-12-18T13:30:00+07:00". */
  start: string;
  location: string | null;
};

export type DocumentMetadata = {
  /** Code from the document type catalogue ("GM", "QĐ", "CV" …), or "unknown". */
  type: string;
  /** Number as printed, with a leading zero where printed ("05"). */
  number: string | null;
  notation: string | null;
  /** ISO date. */
  issuedOn: string | null;
  place: string | null;
  /** Issuing organization in normal case, or its directory name when it was matched. */
  issuer: string | null;
  /** Directory code of the issuer when exactly one directory organization matched. */
  issuerCode: string | null;
  subject: string | null;
  signer: string | null;
  signerPosition: string | null;
  signerAuthority: SignerAuthority | null;
  urgency: Urgency;
  confidentiality: Confidentiality;
  /** Meeting announced by a giấy mời or giấy triệu tập. */
  meeting: Meeting | null;
};

/** Part of the document a value was read from. */
export type FieldSource =
  | 'title-line'
  | 'header-block'
  | 'date-line'
  | 'signature-block'
  | 'mail-subject'
  | 'file-name'
  | 'body'
  /** Given by the sender: typed by the clerk who composed it, or sent by another Công Văn. */
  | 'sender'
  | 'default';

export type RecognizedField<T> = {
  value: T;
  /** From 0 (a default, nothing read) to 1 (read from the place the decree layout puts it). */
  confidence: number;
  source: FieldSource;
};

export type RecognizedFields = { [Key in keyof DocumentMetadata]: RecognizedField<DocumentMetadata[Key]> };

/**
 * Problems a clerk should look at:
 * - `no-text`: the file gave no text (see the extraction flags), so nothing was recognised.
 * - `not-recognised`: neither a title nor a "V/v" subject was found, so the type is unknown.
 * - `type-notation-mismatch`: the title's type differs from the type code in the notation.
 * - `issuer-not-in-directory`, `issuer-ambiguous`: the issuer matched no or several organizations.
 * - `invalid-date`: the date line names a day that does not exist.
 * - `meeting-not-recognised`: an invitation or summons without a readable time.
 * - `classified`: a confidentiality stamp, and classified documents must not be handled here.
 * - `circulation-note`: a note such as "LƯU HÀNH NỘI BỘ" or "XEM XONG TRẢ LẠI".
 */
export type RecognitionFlagCode =
  | 'no-text'
  | 'not-recognised'
  | 'type-notation-mismatch'
  | 'issuer-not-in-directory'
  | 'issuer-ambiguous'
  | 'invalid-date'
  | 'meeting-not-recognised'
  | 'classified'
  | 'circulation-note';

export type RecognitionFlag = {
  code: RecognitionFlagCode;
  /** Vietnamese sentence for the clerk. */
  message: string;
};

export type RecognizedDocument = {
  metadata: DocumentMetadata;
  fields: RecognizedFields;
  flags: RecognitionFlag[];
};

export function recognized<T>(value: T, confidence: number, source: FieldSource): RecognizedField<T> {
  return { value, confidence, source };
}

export function defaulted<T>(value: T, confidence = 0): RecognizedField<T> {
  return { value, confidence, source: 'default' };
}
