import type { Organization } from '../../directory/organization-repository.js';
import { analyzeDocumentFile, analyzeMailBody, type AnalyzedDocument } from '../../documents/analyze-document.js';
import { parseMessage } from '../mime/parse-message.js';
import type { Flag } from '../../documents/document-item.js';
import type { ParsedMessage } from '../mime/types.js';

// C0 controls except tab, line feed and carriage return, and DEL.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export interface MessageAnalysis {
  parsed: ParsedMessage;
  documents: AnalyzedDocument[];
  flags: Flag[];
}

/**
 * Parses a raw message and recognises the documents in it: one per attached PDF, DOCX or DOC,
 * or one from the mail itself when nothing is attached. Delivery reports and read receipts
 * carry no documents. Stores nothing, so `congvan ingest --json` and the server share it.
 */
export async function analyzeMessage(raw: Buffer, organizations: Organization[]): Promise<MessageAnalysis> {
  const parsed = await parseMessage(raw);
  // Control characters (NUL from a broken client, say) would reach screens, registers and exports.
  parsed.subject = parsed.subject.replace(CONTROL_CHARACTERS, '');

  if (parsed.kind !== 'message') {
    return { parsed, documents: [], flags: parsed.flags };
  }

  const documents: AnalyzedDocument[] = [];
  const flags: Flag[] = [...parsed.flags];
  const seen = new Set<string>();
  const documentAttachments = parsed.attachments.filter((attachment) => {
    if (!attachment.isDocument) return false;
    if (seen.has(attachment.sha256)) return false;
    seen.add(attachment.sha256);
    return true;
  });
  if (documentAttachments.length < parsed.attachments.filter((attachment) => attachment.isDocument).length) {
    flags.push({ code: 'duplicate-attachment', message: 'Có tệp đính kèm trùng nhau, chỉ đăng ký một lần.' });
  }

  for (const attachment of documentAttachments) {
    documents.push(await analyzeDocumentFile(attachment, documents.length, parsed.subject, organizations));
  }

  if (documents.length === 0) {
    documents.push(analyzeMailBody(parsed.text, parsed.subject, organizations));
  }

  return { parsed, documents, flags };
}
