// Result of parsing one received message. Every text value is Unicode NFC.

export interface MailAddress {
  name: string;
  address: string;
}

/**
 * Stable codes of the problems a parse can report. A flag never stops the parse: the message is
 * still returned with whatever could be decoded, and the raw bytes stay stored for a later retry.
 */
export const MESSAGE_FLAG_CODES = {
  /** A charset label that no decoder supports. The text was decoded as UTF-8 if valid, else windows-1252. */
  charsetUnknown: 'charset-unknown',
  /** A label that lies about its bytes (iso-8859-1 with windows-1252 bytes, gb2312 with GBK bytes, us-ascii with 8-bit bytes), so a superset or a guess decoded them. */
  charsetRelabelled: 'charset-relabelled',
  /** A text part with 8-bit bytes and no charset. It was decoded as UTF-8 if valid, else windows-1258. */
  charsetMissing: 'charset-missing',
  /** Bytes that are invalid in the declared UTF-8. They became U+FFFD. */
  charsetMismatch: 'charset-mismatch',
  /** Raw 8-bit bytes in a header, decoded as UTF-8 if valid, else windows-1258. The detail contains the raw bytes, each non-ASCII byte as \xHH. */
  header8bit: 'header-8bit',
  /** A header line that is neither a field nor a continuation. The body was taken to start there. */
  headerMalformed: 'header-malformed',
  /** A header section larger than 100 KiB, or with more fields than the parser keeps. */
  headerTooLarge: 'header-too-large',
  /** Characters outside the base64 alphabet or an incomplete final group. The valid characters were decoded. */
  base64Invalid: 'base64-invalid',
  /** An "=" that starts neither a soft line break nor a hex pair. It was kept as a literal "=". */
  quotedPrintableInvalid: 'quoted-printable-invalid',
  /** A Content-Transfer-Encoding the parser does not decode. The body was kept as it is. */
  transferEncodingUnknown: 'transfer-encoding-unknown',
  /** A multipart without a boundary parameter, without any delimiter line, or without its closing delimiter. */
  boundaryMissing: 'boundary-missing',
  /** A line longer than 998 octets, the limit of RFC 5322 section 2.1.1. */
  lineTooLong: 'line-too-long',
  /** No Message-ID header, or one without a usable value. */
  messageIdMissing: 'message-id-missing',
  /** A Date header that could not be read as a date. */
  dateInvalid: 'date-invalid',
  /** An Outlook winmail.dat (application/ms-tnef) part. It is kept as an attachment. */
  winmailDat: 'winmail-dat',
  /** Files were unpacked from a winmail.dat and added as attachments. */
  winmailDatUnpacked: 'winmail-dat-unpacked',
  /** An S/MIME or PGP signature that was found but not verified. */
  signatureUnverified: 'signature-unverified',
  /** A signed structure that is malformed: the signature part is missing or the PKCS #7 data cannot be read. */
  signatureInvalid: 'signature-invalid',
  /** An encrypted part (S/MIME enveloped-data or PGP/MIME) that cannot be read without the key. */
  messageEncrypted: 'message-encrypted',
  /** Active or remote HTML content (scripts, event handlers, forms, frames, remote images or styles) was removed. */
  htmlSanitised: 'html-sanitised',
  /** An HTML body larger or more deeply nested than the sanitiser accepts. Its first part was kept, or its deepest tags were dropped. */
  htmlTruncated: 'html-truncated',
  /** MIME nesting deeper than the parser follows, or more parts than it reads. The rest stays in the raw message. */
  structureTooComplex: 'structure-too-complex',
  /** The parse ran past its time budget and stopped. What was read until then is returned. */
  parseTimeout: 'parse-timeout',
  /** Nothing usable could be parsed: no header section, or an unexpected error. */
  parseFailed: 'parse-failed',
  /** More flags than a message keeps. The rest were dropped. */
  flagsTruncated: 'flags-truncated',
} as const;

export type MessageFlagCode = (typeof MESSAGE_FLAG_CODES)[keyof typeof MESSAGE_FLAG_CODES];

export interface MessageFlag {
  code: MessageFlagCode;
  message: string;
  detail?: string;
}

export interface ParsedAttachment {
  /** NFC, decoded, without directory parts. A name is generated when the part has none. */
  filename: string;
  /** The parameter value as it was in the header, before RFC 2047 or RFC 2231 decoding. Empty when the part has no name. */
  filenameOriginal: string;
  /** Content-Type as declared, lower case. */
  declaredType: string;
  /** Type decided from the content bytes, see sniffContentType. */
  detectedType: string;
  disposition: 'attachment' | 'inline' | null;
  /** Exact decoded bytes. */
  content: Buffer;
  size: number;
  /** SHA-256 of content, hex. */
  sha256: string;
  /** PDF, DOCX or DOC by content, whatever the disposition or declared type. Always false in delivery and read reports. */
  isDocument: boolean;
  /** MIME part number, such as "1.2", "2/1.1" inside the message/rfc822 part 2, or "1.3:1" for the first file unpacked from the winmail.dat part 1.3. */
  partPath: string;
  /** Inside a message/rfc822 part. */
  forwarded: boolean;
  contentId: string | null;
}

export interface CalendarPart {
  /** The method parameter of the part, else the METHOD property of the calendar, upper case. */
  method: string | null;
  content: string;
  partPath: string;
}

export type ReportKind = 'message' | 'delivery-status' | 'read-receipt';

export interface ReportRecipient {
  recipient: string | null;
  action: string | null;
  status: string | null;
  diagnostic: string | null;
}

export interface MessageReport {
  /** From Original-Message-ID, else the returned message or headers, else In-Reply-To, else the last References id, else an Original-Envelope-Id shaped like a Message-ID. Without angle brackets. */
  originalMessageId: string | null;
  /** Original-Envelope-Id of a delivery report, xtext-decoded. */
  originalEnvelopeId: string | null;
  /** Action of the main recipient: failed, delayed, delivered, relayed or expanded in a delivery report, and displayed, deleted, dispatched or processed in a read receipt. */
  action: string | null;
  /** Enhanced status code such as 5.1.1. */
  status: string | null;
  recipient: string | null;
  diagnostic: string | null;
  /** Every recipient of a delivery report. The top-level fields repeat the first failed one, else the first delayed one, else the first. */
  recipients: ReportRecipient[];
}

export interface MessageSignature {
  kind: 'smime' | 'pgp';
  /** Null because no cryptographic check runs yet. */
  verified: boolean | null;
  detail: string;
}

export interface ForwardedMessage {
  partPath: string;
  messageId: string | null;
  subject: string;
  from: MailAddress | null;
  date: string | null;
}

export interface ParsedMessage {
  /** Without angle brackets. */
  messageId: string | null;
  subject: string;
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  replyTo: MailAddress[];
  /** ISO 8601 UTC. */
  date: string | null;
  /** Header fields of the top-level message, decoded and unfolded, in order. */
  headers: { name: string; value: string }[];
  /** Plain text body, derived from the HTML when there is no text/plain part. Line ends are "\n". */
  text: string;
  /** Sanitised HTML body: no scripts, event handlers, forms, frames or remote loads. */
  html: string | null;
  attachments: ParsedAttachment[];
  calendar: CalendarPart[];
  kind: ReportKind;
  report: MessageReport | null;
  signature: MessageSignature | null;
  /** Headers of each message/rfc822 part, in order. */
  forwarded: ForwardedMessage[];
  flags: MessageFlag[];
}
