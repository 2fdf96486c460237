import { readFileSync } from 'node:fs';
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { padPdf } from './padded-pdf.js';
import { SeededRandom } from './seeded-random.js';

/** Text PDFs from the test fixtures. The scanned one is left out because it is 290 KB and has no text layer. */
export const FIXTURE_NAMES = ['bc-57-ubnd-xa', 'cv-1187-snv', 'cv-2214-syt-dklh', 'gm-88-ubnd', 'tb-61-ubnd'] as const;

export const MIN_PDF_BYTES = 50 * 1024;
export const MAX_PDF_BYTES = 100 * 1024;

export const SENDER = 'vanthu.snv@lamdong.gov.vn';
export const RECIPIENT = 'vanphong@lamdong.gov.vn';

export interface BenchMessage {
  index: number;
  /** Unique lower-case word in the attachment name, the subject and `X-Bench-Token`, used to find the message again. */
  token: string;
  fixture: string;
  pdfBytes: number;
  /** The message as written after DATA: CRLF line ends, dot-stuffed, without the terminating ".". */
  wire: Buffer;
}

export interface MessageSetOptions {
  count: number;
  seed: number;
  /** Run identifier of the same length in every run, so that no token is a substring of another. */
  runId: string;
  /** One letter that keeps the tokens of the warm-up, throughput and paced sets apart. */
  setLetter: string;
  fixturesDir: string;
}

/** Builds `count` MIME messages, each with one fixture PDF padded to a random size between 50 and 100 KiB. */
export async function buildMessages(options: MessageSetOptions): Promise<BenchMessage[]> {
  const random = new SeededRandom(options.seed);
  const fixtures = FIXTURE_NAMES.map((name) => ({ name, bytes: readFileSync(path.join(options.fixturesDir, `${name}.pdf`)) }));
  const subjects = readSubjects(options.fixturesDir);
  const messages: BenchMessage[] = [];

  for (let index = 0; index < options.count; index++) {
    const fixture = fixtures[random.integerBetween(0, fixtures.length - 1)]!;
    const pdf = padPdf(fixture.bytes, random.integerBetween(MIN_PDF_BYTES, MAX_PDF_BYTES), random);
    const token = `bk${options.runId}${options.setLetter}${String(index).padStart(5, '0')}`;

    const raw = await new MailComposer({
      from: { name: 'Văn thư Sở Nội vụ', address: SENDER },
      to: RECIPIENT,
      subject: `${subjects.get(fixture.name) ?? fixture.name} (${token})`,
      messageId: `<${token}@bench.invalid>`,
      headers: { 'X-Bench-Token': token },
      text: 'Kính gửi: Văn phòng Ủy ban nhân dân tỉnh.\n\nSở Nội vụ gửi kèm văn bản, đề nghị quý cơ quan tiếp nhận.\n\nTrân trọng.',
      attachments: [{ filename: `${fixture.name}-${token}.pdf`, content: pdf, contentType: 'application/pdf' }],
    })
      .compile()
      .build();

    messages.push({ index, token, fixture: fixture.name, pdfBytes: pdf.length, wire: toDataWire(raw) });
  }

  return messages;
}

/** Converts a message to the DATA form of RFC 5321, 4.5.2: CRLF line ends, and a "." doubled at the start of a line. */
export function toDataWire(raw: Buffer): Buffer {
  let text = raw.toString('latin1').replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
  if (!text.endsWith('\r\n')) text += '\r\n';

  return Buffer.from(text, 'latin1');
}

function readSubjects(fixturesDir: string): Map<string, string> {
  const expected = JSON.parse(readFileSync(path.join(fixturesDir, 'expected.json'), 'utf8')) as Record<string, { subject?: string }>;
  const subjects = new Map<string, string>();

  for (const name of FIXTURE_NAMES) {
    const subject = expected[name]?.subject;
    if (subject) subjects.set(name, subject);
  }

  return subjects;
}
