import type { SeededRandom } from './seeded-random.js';

const TAIL_BYTES = 4096;

interface Trailer {
  size: number;
  root: string;
  info: string | null;
  id: string | null;
  startXref: number;
}

/**
 * Pads a PDF to exactly `targetSize` bytes with an incremental update (ISO 32000-1, 7.5.6) that
 * adds one unreferenced stream of random bytes. Pages, fonts and text stay as they were, so a
 * reader extracts the same first page. Accepts files whose last section is a classic
 * cross-reference table with a `trailer` dictionary, as LibreOffice writes them.
 */
export function padPdf(original: Buffer, targetSize: number, random: SeededRandom): Buffer {
  const trailer = readTrailer(original);
  const objectNumber = trailer.size;
  const objectOffset = original.length + 1;

  let streamLength = targetSize - original.length;
  for (let iteration = 0; iteration < 5; iteration++) {
    const overhead = updateText(trailer, objectNumber, objectOffset, streamLength).overheadBytes;
    const next = targetSize - original.length - overhead;
    if (next === streamLength) break;
    streamLength = next;
  }
  if (streamLength < 0) {
    throw new Error(`padding a PDF of ${original.length} bytes to ${targetSize} bytes failed: the target is smaller than the file plus the update`);
  }

  const padding = Buffer.alloc(streamLength);
  random.fillBytes(padding);
  const { head, tail } = updateText(trailer, objectNumber, objectOffset, streamLength);
  const padded = Buffer.concat([original, Buffer.from(head, 'latin1'), padding, Buffer.from(tail, 'latin1')]);
  if (padded.length !== targetSize) {
    throw new Error(`padding a PDF produced ${padded.length} bytes instead of ${targetSize}`);
  }

  return padded;
}

function updateText(trailer: Trailer, objectNumber: number, objectOffset: number, streamLength: number) {
  const head = `\n${objectNumber} 0 obj\n<< /Length ${streamLength} >>\nstream\n`;
  const streamEnd = '\nendstream\nendobj\n';
  const xrefOffset = objectOffset - 1 + head.length + streamLength + streamEnd.length;

  const references = [`/Root ${trailer.root}`, trailer.info ? `/Info ${trailer.info}` : '', trailer.id ? `/ID ${trailer.id}` : ''].filter(Boolean).join(' ');
  // Each cross-reference entry is exactly 20 bytes: 10-digit offset, 5-digit generation, "n", space and LF.
  const tail =
    `${streamEnd}xref\n${objectNumber} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${objectNumber + 1} ${references} /Prev ${trailer.startXref} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;

  return { head, tail, overheadBytes: head.length + tail.length };
}

function readTrailer(pdf: Buffer): Trailer {
  const tail = pdf.subarray(Math.max(0, pdf.length - TAIL_BYTES)).toString('latin1');

  const startXref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const trailerStart = tail.lastIndexOf('trailer');
  if (!startXref || trailerStart < 0) {
    throw new Error('the PDF does not end with a trailer dictionary and startxref; use a file with a classic cross-reference table');
  }

  const dictionary = tail.slice(trailerStart, startXref.index);
  const size = /\/Size\s+(\d+)/.exec(dictionary);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(dictionary);
  if (!size || !root) {
    throw new Error('the PDF trailer has no /Size or /Root entry');
  }

  return {
    size: Number(size[1]),
    root: root[1]!,
    info: /\/Info\s+(\d+\s+\d+\s+R)/.exec(dictionary)?.[1] ?? null,
    id: /\/ID\s*(\[[^\]]*\])/.exec(dictionary)?.[1]?.replace(/\s+/g, ' ') ?? null,
    startXref: Number(startXref[1]),
  };
}
