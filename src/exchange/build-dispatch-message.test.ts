import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeMessage } from '../mail/inbound/analyze-message.js';
import { parseMessage } from '../mail/mime/parse-message.js';
import { buildDispatchMessage, dispatchSubject } from './build-dispatch-message.js';
import { DISPATCH_PART_NAME, dispatchMetadataSchema } from './dispatch-metadata.js';

const PDF = readFileSync(new URL('../../test/fixtures/documents/cv-1187-snv.pdf', import.meta.url));
const APPENDIX = readFileSync(new URL('../../test/fixtures/documents/tb-61-ubnd.pdf', import.meta.url));

const metadata = dispatchMetadataSchema.parse({
  type: 'CV',
  number: '12',
  notation: 'SNV-VP',
  issuedOn: '2026-12-04',
  place: 'Lâm Đồng',
  subject: 'V/v cử cán bộ tham dự tập huấn công tác văn thư, lưu trữ',
  signer: 'Trần Thị Hồng',
  signerPosition: 'Giám đốc',
  urgency: 'very-urgent',
  dueOn: '2026-12-10',
});

async function build() {
  return buildDispatchMessage({
    dispatchId: '0193a2f0-0000-7000-8000-000000000001',
    messageId: '0193a2f0-0000-7000-8000-000000000001@tinh-a.test',
    from: { name: 'Sở Nội vụ tỉnh A', address: 'vanthu.snv@tinh-a.test', organizationCode: '000.00.02.H99' },
    to: [{ name: 'Sở Y tế tỉnh B', address: 'vanthu.syt@tinh-b.test' }],
    metadata,
    files: [
      { filename: 'Công văn 12.pdf', contentType: 'application/pdf', content: PDF, role: 'document' },
      { filename: 'Phụ lục.pdf', contentType: 'application/pdf', content: APPENDIX, role: 'attachment' },
    ],
    sentAt: new Date('2026-12-04T03:00:00Z'),
    needsPaperCopy: false,
  });
}

describe('the dispatch message', () => {
  it('carries the files unchanged, the metadata part and a receipt request', async () => {
    const parsed = await parseMessage(await build());

    expect(parsed.subject).toBe(dispatchSubject(metadata));
    expect(parsed.subject).toBe('[THƯỢNG KHẨN] Công văn số 12/SNV-VP: V/v cử cán bộ tham dự tập huấn công tác văn thư, lưu trữ');
    expect(parsed.messageId).toBe('0193a2f0-0000-7000-8000-000000000001@tinh-a.test');
    expect(parsed.headers.find((header) => header.name.toLowerCase() === 'disposition-notification-to')?.value).toBe('vanthu.snv@tinh-a.test');
    expect(parsed.attachments.map((attachment) => attachment.filename)).toEqual(['Công văn 12.pdf', 'Phụ lục.pdf', DISPATCH_PART_NAME]);
    expect(parsed.attachments[0]!.content.equals(PDF)).toBe(true);
    expect(parsed.text).toContain('Hạn xử lý: 10/12/2026');
  });

  it('is registered by another Công Văn exactly as stated, as one document', async () => {
    const analysis = await analyzeMessage(await build(), []);

    expect(analysis.documents).toHaveLength(1);
    const [document] = analysis.documents;
    expect(document!.fileName).toBe('Công văn 12.pdf');
    expect(document!.recognized.metadata).toMatchObject({
      type: 'CV',
      number: '12',
      notation: 'SNV-VP',
      issuedOn: '2026-12-04',
      issuer: 'Sở Nội vụ tỉnh A',
      subject: metadata.subject,
      signer: 'Trần Thị Hồng',
      signerPosition: 'Giám đốc',
      urgency: 'very-urgent',
      confidentiality: 'none',
    });
    expect(document!.recognized.fields.number).toEqual({ value: '12', confidence: 1, source: 'sender' });
    expect(document!.text.length).toBeGreaterThan(100);
  });

  it('falls back to recognition when the metadata part is broken', async () => {
    const raw = (await build()).toString('latin1');
    const broken = raw.replace(/Content-Type: application\/vnd\.congvan\.dispatch\+json[\s\S]*?\r\n\r\n([A-Za-z0-9+/=\r\n]+)/, (match, body: string) => match.replace(body, Buffer.from('{"format":"khác"}').toString('base64') + '\r\n'));
    expect(broken).not.toBe(raw);

    const analysis = await analyzeMessage(Buffer.from(broken, 'latin1'), []);
    expect(analysis.documents).toHaveLength(2);
    expect(analysis.documents[0]!.recognized.fields.number.source).not.toBe('sender');
  });

  it('is flagged when it names a local organization but comes from elsewhere', async () => {
    const localIssuer = { id: 'org-snv', code: '000.00.02.H99', name: 'Sở Nội vụ tỉnh A', shortName: null, kind: 'department', parentCode: null, addresses: [{ address: 'vanthu.snv@tinh-a.test', isAlias: false }] };
    const forged = (await build()).toString('latin1').replace(/^From: .*$/m, 'From: <ke-gia-mao@example.test>');

    const proven = { fromDomain: 'tinh-a.test', verifiedBy: 'dkim' as const, dkim: 'pass', spf: 'none', dmarc: 'pass', dmarcPolicy: 'quarantine' };
    const genuine = await analyzeMessage(await build(), [localIssuer], proven);
    expect(genuine.documents[0]!.recognized.metadata.issuerCode).toBe('000.00.02.H99');
    expect(genuine.documents[0]!.flags.map((flag) => flag.code)).not.toContain('issuer-not-verified');

    const unproven = await analyzeMessage(await build(), [localIssuer], { ...proven, verifiedBy: null, dkim: 'none', dmarc: 'fail' });
    expect(unproven.documents[0]!.recognized.metadata.issuerCode).toBeNull();
    expect(unproven.documents[0]!.flags.find((flag) => flag.code === 'issuer-not-verified')?.message).toContain('không xác thực được địa chỉ gửi');

    const analysis = await analyzeMessage(Buffer.from(forged, 'latin1'), [localIssuer], proven);
    expect(forged).toContain('ke-gia-mao@example.test');
    expect(analysis.documents[0]!.recognized.metadata.issuerCode).toBeNull();
    expect(analysis.documents[0]!.flags.map((flag) => flag.code)).toContain('issuer-not-verified');
  });
});

