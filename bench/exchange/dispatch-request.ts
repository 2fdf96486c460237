import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ApiClient } from '../../test/helpers/api-client.js';
import { padPdf } from '../ingest/padded-pdf.js';
import { SeededRandom } from '../ingest/seeded-random.js';

/** A text PDF from the test fixtures: an official letter (công văn) of the Department of Home Affairs. */
export const FIXTURE_NAME = 'cv-1187-snv';

/** Reads the fixture PDF and pads it to exactly `kib` KiB with random bytes drawn from `seed`. */
export function buildPaddedPdf(fixturesDir: string, kib: number, seed: number): Buffer {
  const original = readFileSync(path.join(fixturesDir, `${FIXTURE_NAME}.pdf`));

  return padPdf(original, kib * 1024, new SeededRandom(seed));
}

export interface SentRequest {
  dispatchId: string;
  /** performance.now() before the request was written. */
  startMs: number;
  /** Date.now() at the same moment, to compare with the servers' timestamps. */
  startWallMs: number;
  /** performance.now() after the 201 response and its body were read. */
  createdMs: number;
  /** Recipients the server resolved the entries to. */
  recipients: number;
}

/**
 * Sends one dispatch through `POST /api/v1/dispatches` with the PDF as its document. The server
 * numbers it in the outgoing register. `token` goes into the subject, so that a recipient finds
 * it with the inbox search. Throws unless the server returns 201.
 */
export async function sendDispatch(sender: ApiClient, pdf: Buffer, token: string, recipients: string[]): Promise<SentRequest> {
  const form = new FormData();
  form.set(
    'metadata',
    JSON.stringify({
      type: 'CV',
      notation: 'VP-TH',
      issuedOn: '2026-12-04',
      place: 'Lâm Đồng',
      subject: `V/v triển khai kế hoạch chuyển đổi số năm 2026 (${token})`,
      signer: 'Nguyễn Văn An',
      signerPosition: 'Chánh Văn phòng',
      urgency: 'normal',
    }),
  );
  form.set('recipients', JSON.stringify(recipients));
  form.append('document', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), `cong-van-${token}.pdf`);

  const startWallMs = Date.now();
  const startMs = performance.now();
  const response = await sender.form('POST', '/api/v1/dispatches', form);
  const body = await response.text();
  const createdMs = performance.now();
  if (response.status !== 201) throw new Error(`POST /api/v1/dispatches returned ${response.status}: ${body.slice(0, 500)}`);

  const sent = JSON.parse(body) as { id: string; recipients: unknown[] };

  return { dispatchId: sent.id, startMs, startWallMs, createdMs, recipients: sent.recipients.length };
}
