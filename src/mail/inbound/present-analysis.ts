import type { MessageAnalysis } from './analyze-message.js';
import type { SenderAuthentication } from './sender-authentication.js';

/**
 * Builds the JSON that `congvan ingest --json` prints: one object per document with the metadata under
 * the same field names as the API (type, number, notation, issuedOn …), each field's confidence and source, and the flags.
 */
export function presentAnalysis(analysis: MessageAnalysis, authentication: SenderAuthentication) {
  const { parsed } = analysis;

  return {
    message: {
      messageId: parsed.messageId,
      subject: parsed.subject,
      from: parsed.from,
      to: parsed.to,
      date: parsed.date,
      kind: parsed.kind,
      report: parsed.report,
      calendar: parsed.calendar.length > 0,
      authentication,
      attachments: parsed.attachments.map((attachment) => ({
        filename: attachment.filename,
        detectedType: attachment.detectedType,
        size: attachment.size,
        sha256: attachment.sha256,
        isDocument: attachment.isDocument,
      })),
    },
    documents: analysis.documents.map((document) => ({
      fileName: document.fileName,
      ...document.recognized.metadata,
      fields: document.recognized.fields,
      flags: document.flags,
    })),
    flags: analysis.flags,
  };
}
