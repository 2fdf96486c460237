/**
 * Prints the extraction of one file as JSON: `node --import tsx extract-from-command-line.ts
 * FILE`. Tests run it to check that the worker thread starts outside vitest.
 */
import { readFile } from 'node:fs/promises';

import { extractText } from '../extract-text.js';

const path = process.argv[2];
if (path === undefined) {
  process.stderr.write('Usage: extract-from-command-line.ts FILE.pdf|FILE.docx\n');
  process.exit(2);
}

const extracted = await extractText(new Uint8Array(await readFile(path)), path.toLowerCase().endsWith('.docx') ? 'docx' : 'pdf');
process.stdout.write(`${JSON.stringify(extracted)}\n`);
