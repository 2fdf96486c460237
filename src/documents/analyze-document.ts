import type { Organization } from '../directory/organization-repository.js';
import { extractText } from '../archive/text-extraction/extract-text.js';
import { emptyExtraction, type ExtractedText, type TextLine } from '../archive/text-extraction/extracted-text.js';
import type { ParsedAttachment } from '../mail/mime/types.js';
import { recognizeDocument, type RecognizedDocument } from './recognition/recognize-document.js';
import type { Flag } from './document-item.js';

export interface AnalyzedDocument {
  documentIndex: number;
  /** MIME part path of the document file, or null for a document recognised from the mail itself. */
  attachmentPartPath: string | null;
  fileName: string | null;
  recognized: RecognizedDocument;
  /** Extracted text, kept for search. */
  text: string;
  flags: Flag[];
}

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Extracts the text of an attached PDF or DOCX and recognises its metadata. */
export async function analyzeDocumentFile(
  attachment: ParsedAttachment,
  documentIndex: number,
  mailSubject: string,
  organizations: Organization[],
): Promise<AnalyzedDocument> {
  let kind: 'pdf' | 'docx' | null = null;
  if (attachment.detectedType === PDF) kind = 'pdf';
  if (attachment.detectedType === DOCX) kind = 'docx';
  const flags: Flag[] = [];

  let extracted: ExtractedText;
  if (kind) {
    extracted = await extractText(attachment.content, kind);
  } else {
    extracted = emptyExtraction([]);
    flags.push({ code: 'unsupported-format', message: `Chưa đọc được nội dung tệp ${attachment.detectedType}; thông tin lấy từ tiêu đề thư.` });
  }

  const recognized = recognizeDocument({ extracted, mailSubject, fileName: attachment.filename, organizations: toDirectoryNames(organizations) });

  return {
    documentIndex,
    attachmentPartPath: attachment.partPath,
    fileName: attachment.filename,
    recognized,
    text: extracted.text,
    flags: [...flags, ...extracted.flags, ...recognized.flags],
  };
}

/** Recognises a document written in the mail body, for a message with no document attached. */
export function analyzeMailBody(text: string, mailSubject: string, organizations: Organization[]): AnalyzedDocument {
  const extracted = plainTextExtraction(text);
  const recognized = recognizeDocument({ extracted, mailSubject, organizations: toDirectoryNames(organizations) });

  // An ordinary mail body has no header block: without a "Số: …" line its first line is a
  // greeting, not an issuing organization.
  if (recognized.metadata.number === null && recognized.metadata.type === 'unknown') {
    recognized.metadata.issuer = null;
    recognized.metadata.issuerCode = null;
    delete (recognized.fields as Partial<typeof recognized.fields>).issuer;
  }

  return {
    documentIndex: 0,
    attachmentPartPath: null,
    fileName: null,
    recognized,
    text: extracted.text,
    flags: [{ code: 'no-attachment', message: 'Thư không có văn bản đính kèm; thông tin lấy từ nội dung thư.' }, ...recognized.flags],
  };
}

function plainTextExtraction(text: string): ExtractedText {
  const lines: TextLine[] = [];
  let paragraph = 0;

  for (const raw of text.normalize('NFC').split(/\r?\n/)) {
    const trimmed = raw.trim();
    if (trimmed === '') {
      paragraph++;
      continue;
    }
    lines.push({ text: trimmed, page: 1, column: 'full', paragraph, centred: false, box: null });
  }

  return { lines, text: lines.map((line) => line.text).join('\n'), pageCount: 1, flags: [] };
}

function toDirectoryNames(organizations: Organization[]) {
  return organizations.map((organization) => ({ code: organization.code, name: organization.name, shortName: organization.shortName }));
}
