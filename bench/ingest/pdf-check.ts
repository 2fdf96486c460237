import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { FIXTURE_NAMES, MAX_PDF_BYTES } from './bench-messages.js';
import { padPdf } from './padded-pdf.js';
import { SeededRandom } from './seeded-random.js';

/**
 * Checks that padding leaves each fixture's first page readable: pdfjs, the library the server
 * reads PDFs with, must extract the same first-page text from the padded file as from the
 * original. Throws on the first fixture that differs.
 */
export async function checkPaddedFixtures(fixturesDir: string): Promise<void> {
  const random = new SeededRandom(1);

  for (const name of FIXTURE_NAMES) {
    const original = readFileSync(path.join(fixturesDir, `${name}.pdf`));
    const padded = padPdf(original, MAX_PDF_BYTES, random);

    const expected = await firstPageText(original);
    const actual = await firstPageText(padded);
    if (expected.length === 0) throw new Error(`fixture ${name}.pdf has no text on its first page`);
    if (actual !== expected) throw new Error(`padding ${name}.pdf changed the text pdfjs reads from its first page`);
  }
}

async function firstPageText(bytes: Buffer): Promise<string> {
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: true, verbosity: 0 });

  try {
    const document = await task.promise;
    const page = await document.getPage(1);
    const content = await page.getTextContent();

    return content.items.map((item) => ('str' in item ? item.str : '')).join('');
  } finally {
    await task.destroy();
  }
}
