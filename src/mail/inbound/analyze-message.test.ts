import { describe, expect, it } from 'vitest';
import { analyzeMessage } from './analyze-message.js';

describe('analyzeMessage', () => {
  // Regression: a NUL byte in the Subject reached the inbox and the register.
  it('strips control characters from the subject', async () => {
    const raw = Buffer.from('Subject: Gi\u0000ấy mời\u0007 họp\r\nMessage-ID: <nul@example.test>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nNội dung\r\n', 'utf8');

    const analysis = await analyzeMessage(raw, []);

    expect(analysis.parsed.subject).toBe('Giấy mời họp');
    expect(analysis.documents[0]!.recognized.metadata.subject).toBe('Giấy mời họp');
  });

  it('registers identical attachments once', async () => {
    const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');
    const part = (name: string) => `--b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename="${name}"\r\n\r\n${pdf}\r\n`;
    const raw = Buffer.from(`Subject: Hai bản\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n${part('a.pdf')}${part('b.pdf')}--b--\r\n`);

    const analysis = await analyzeMessage(raw, []);

    expect(analysis.documents).toHaveLength(1);
    expect(analysis.flags.map((flag) => flag.code)).toContain('duplicate-attachment');
  });
});
