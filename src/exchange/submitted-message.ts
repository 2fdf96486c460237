import type { AppContext } from '../platform/app-context.js';
import { AppError } from '../platform/errors.js';
import { validationError } from '../platform/validation-issues.js';
import { listOrganizations } from '../directory/organization-repository.js';
import type { User } from '../directory/user-repository.js';
import { METADATA_FIELD_LABELS } from '../documents/metadata-field-labels.js';
import { analyzeMessage } from '../mail/inbound/analyze-message.js';
import { prepareFiles, type UploadedFile } from './dispatch-files.js';
import { DISPATCH_PART_NAME, dispatchMetadataSchema } from './dispatch-metadata.js';
import { sendDispatch, type SentDispatch } from './send-dispatch.js';

/**
 * Sends a message that a mail client (Outlook, Thunderbird) submitted: the first attached PDF,
 * DOCX or DOC is the document, recognised like an incoming one; the other files are its
 * attachments; the envelope recipients are the recipients. From there it is the same dispatch
 * as one sent from the web: the same rules, numbering, local delivery and outbound queue.
 */
export async function sendSubmittedMessage(ctx: AppContext, user: User, raw: Buffer, envelopeRecipients: string[]): Promise<SentDispatch> {
  const analysis = await analyzeMessage(raw, await listOrganizations(ctx.db));
  const { parsed } = analysis;
  const main = analysis.documents.find((document) => document.attachmentPartPath !== null);
  if (!main) {
    throw new AppError(
      'rule-violation',
      'Thư không có tệp văn bản (PDF, DOCX hoặc DOC) đính kèm; văn bản đi phải là một tệp đính kèm.',
      'The message has no PDF, DOCX or DOC attached; an outgoing document must be an attached file.',
      'one-main-document',
    );
  }

  const files: UploadedFile[] = parsed.attachments
    .filter((attachment) => attachment.filename !== DISPATCH_PART_NAME && !attachment.forwarded)
    .map((attachment) => ({ filename: attachment.filename, content: attachment.content, role: attachment.partPath === main.attachmentPartPath ? 'document' : 'attachment' }));

  const recognised = main.recognized.metadata;
  const metadata = dispatchMetadataSchema.safeParse(
    {
      type: recognised.type === 'unknown' ? 'CV' : recognised.type,
      number: recognised.number,
      notation: recognised.notation,
      issuedOn: recognised.issuedOn,
      place: recognised.place,
      subject: recognised.subject ?? parsed.subject,
      signer: recognised.signer,
      signerPosition: recognised.signerPosition,
      urgency: recognised.urgency,
      confidentiality: recognised.confidentiality,
    },
    { reportInput: true },
  );
  if (!metadata.success) {
    throw validationError(metadata.error.issues, METADATA_FIELD_LABELS, { lead: { vi: 'không đọc được thông tin văn bản', en: 'the document’s details could not be read' } });
  }

  return sendDispatch(ctx, user, { metadata: metadata.data, recipients: envelopeRecipients, files: prepareFiles(files), source: 'submission' });
}
