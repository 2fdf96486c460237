import type { Organization } from '../../directory/organization-repository.js';
import { withoutControlCharacters } from '../../platform/control-characters.js';
import { normalizeMailAddress } from '../../directory/mail-address.js';
import { analyzeDocumentFile, analyzeMailBody, type AnalyzedDocument } from '../../documents/analyze-document.js';
import { parseMessage } from '../mime/parse-message.js';
import type { Flag } from '../../documents/document-item.js';
import type { ParsedMessage } from '../mime/types.js';
import { provesFrom, type SenderAuthentication } from './sender-authentication.js';
import { DISPATCH_PART_NAME, DISPATCH_PART_TYPE, metadataFromSender, parseDispatchPart } from '../../exchange/dispatch-metadata.js';

// Recognition doubts that the sender's stated metadata settles.
const STATED_BY_SENDER = new Set(['not-recognised', 'type-notation-mismatch', 'issuer-not-in-directory', 'issuer-ambiguous', 'invalid-date']);


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
export async function analyzeMessage(raw: Buffer, organizations: Organization[], authentication?: SenderAuthentication): Promise<MessageAnalysis> {
  const parsed = await parseMessage(raw);
  // Control characters (NUL from a broken client, say) would reach screens, registers and exports.
  parsed.subject = withoutControlCharacters(parsed.subject);

  if (parsed.kind !== 'message') {
    return { parsed, documents: [], flags: parsed.flags };
  }

  const fromCongVan = await analyzeCongVanDispatch(parsed, organizations, authentication);
  if (fromCongVan) return { parsed, documents: [fromCongVan], flags: [...parsed.flags] };

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

/**
 * A message sent by another Công Văn names its main document and states its metadata in a
 * machine-readable part, so the document is registered exactly as sent, without guessing, and
 * its other files stay attachments of that one document. Null for any other message, or when
 * the part is invalid or names a file the message does not carry.
 */
async function analyzeCongVanDispatch(parsed: ParsedMessage, organizations: Organization[], authentication: SenderAuthentication | undefined): Promise<AnalyzedDocument | null> {
  const part = parsed.attachments.find((attachment) => attachment.filename === DISPATCH_PART_NAME && attachment.declaredType === DISPATCH_PART_TYPE);
  const dispatch = part ? parseDispatchPart(part.content) : null;
  if (!dispatch) return null;

  const main = parsed.attachments.find((attachment) => attachment.isDocument && attachment.filename === dispatch.documentFile.normalize('NFC'));
  if (!main) return null;

  const analyzed = await analyzeDocumentFile(main, 0, parsed.subject, organizations);
  const stated = metadataFromSender(dispatch.metadata, dispatch.issuer);

  // A part naming an organization of this directory is linked to it only when it comes from one
  // of its addresses and DKIM or SPF proves that address, because anyone could otherwise present
  // a document as the committee's.
  const known = organizations.find((organization) => organization.code === dispatch.issuer.code);
  const from = parsed.from ? normalizeMailAddress(parsed.from.address) : null;
  const fromIssuer = known !== undefined && known.addresses.some((entry) => entry.address === from);
  const verified = fromIssuer && provesFrom(authentication, from);
  stated.metadata.issuerCode = verified ? known.code : null;
  const issuerFlags = known && !verified
    ? [{ code: 'issuer-not-verified', message: fromIssuer
        ? `Thư nêu cơ quan ban hành "${known.name}" nhưng không xác thực được địa chỉ gửi (DKIM, SPF); cần kiểm tra trước khi xử lý.`
        : `Thư nêu cơ quan ban hành "${known.name}" nhưng không gửi từ địa chỉ của cơ quan đó; cần kiểm tra trước khi xử lý.` }]
    : [];

  // A stamp the reader found outranks what the sender states: a classified document is
  // quarantined even when the sending system calls it unclassified.
  const read = analyzed.recognized.metadata.confidentiality;
  if (read !== 'none') {
    stated.metadata.confidentiality = read;
    stated.fields.confidentiality = analyzed.recognized.fields.confidentiality;
  }
  const remainingFlags = [...analyzed.flags.filter((flag) => !STATED_BY_SENDER.has(flag.code)), ...issuerFlags];

  return { ...analyzed, recognized: { metadata: stated.metadata, fields: stated.fields, flags: [] }, flags: remainingFlags };
}
