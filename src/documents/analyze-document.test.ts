import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParsedAttachment } from '../mail/mime/types.js';
import { analyzeDocumentFile, analyzeMailBody } from './analyze-document.js';

const pdf = readFileSync(new URL('../../test/fixtures/documents/cv-1187-snv.pdf', import.meta.url));

function attachmentOf(content: Buffer): ParsedAttachment {
  return {
    filename: 'cv-1187-snv.pdf',
    filenameOriginal: 'cv-1187-snv.pdf',
    declaredType: 'application/octet-stream',
    detectedType: 'application/pdf',
    disposition: 'inline',
    content,
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    isDocument: true,
    partPath: '2',
    forwarded: false,
  } as ParsedAttachment;
}

describe('analyzeDocumentFile', () => {
  it('recognises an attached PDF', async () => {
    const result = await analyzeDocumentFile(attachmentOf(Buffer.from(pdf)), 0, 'V/v cử công chức', []);
    expect(result.recognized.metadata.type).toBe('CV');
    expect(result.recognized.metadata.number).toBe('1187');
    expect(result.attachmentPartPath).toBe('2');
  });

  // Regression: the extraction worker once received the attachment's own memory and detached
  // it, so storing the attachment afterwards failed with "detached ArrayBuffer".
  it('leaves the attachment bytes usable', async () => {
    const pooled = Buffer.concat([Buffer.from('x'), pdf]).subarray(1);
    const attachment = attachmentOf(pooled);

    await analyzeDocumentFile(attachment, 0, '', []);

    expect(attachment.content.length).toBe(pdf.length);
    expect(createHash('sha256').update(attachment.content).digest('hex')).toBe(attachment.sha256);
  });
});

describe('analyzeMailBody', () => {
  it('flags a mail without a document and keeps its subject', () => {
    const result = analyzeMailBody('Kính gửi quý cơ quan,\nXin gửi thông tin.', 'Thông tin họp', []);
    expect(result.recognized.metadata.subject).toBe('Thông tin họp');
    expect(result.flags.map((flag) => flag.code)).toContain('no-attachment');
  });

  // Regression: the first body line of an ordinary mail was taken as the issuer.
  it('takes no issuer from an ordinary mail body', () => {
    const result = analyzeMailBody('Không có tệp đính kèm', 'plain text only', []);
    expect(result.recognized.metadata.issuer).toBeNull();
    expect(result.recognized.metadata.type).toBe('unknown');
  });
});
