/**
 * Builds small PDF files for tests: pages of ASCII text in Helvetica at given positions, and a
 * file whose /Encrypt dictionary demands a password.
 */

export type PdfTextRun = {
  text: string;
  /** Points from the left edge. */
  x: number;
  /** Points from the top edge to the baseline. */
  y: number;
  size?: number;
  /**
   * Text matrix "a b c d e f" in PDF user space, replacing x and y, for text drawn rotated:
   * "0 1 -1 0 100 72" reads upright on a page with /Rotate 90.
   */
  matrix?: string;
};

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;

export function buildPdf(
  pages: readonly (readonly PdfTextRun[])[],
  options: { passwordProtected?: boolean; rotate?: number } = {},
): Uint8Array {
  const objects: string[] = [];
  const pageCount = pages.length;
  const firstPageObject = 4;

  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  const kids = pages.map((_, index) => `${firstPageObject + index * 2} 0 R`).join(' ');
  objects[2] = `<< /Type /Pages /Kids [${kids}] /Count ${pageCount} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';

  pages.forEach((runs, index) => {
    const pageObject = firstPageObject + index * 2;
    const content = runs
      .map((run) => {
        const size = run.size ?? 12;

        const matrix = run.matrix ?? `1 0 0 1 ${run.x} ${PAGE_HEIGHT - run.y}`;

        return `BT /F1 ${size} Tf ${matrix} Tm (${escapePdfString(run.text)}) Tj ET`;
      })
      .join('\n');
    objects[pageObject] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Rotate ${options.rotate ?? 0} ` +
      `/Resources << /Font << /F1 3 0 R >> >> /Contents ${pageObject + 1} 0 R >>`;
    objects[pageObject + 1] = `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  });

  let trailerExtra = '';
  if (options.passwordProtected) {
    // /O and /U hashes that match no password, so a reader asks for one.
    const encryptObject = objects.length;
    const hash = 'A5'.repeat(32);
    objects[encryptObject] = `<< /Filter /Standard /V 1 /R 2 /O <${hash}> /U <${hash}> /P -4 >>`;
    trailerExtra = ` /Encrypt ${encryptObject} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]`;
  }

  return serialise(objects, trailerExtra);
}

function serialise(objects: readonly string[], trailerExtra: string): Uint8Array {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];

  for (let number = 1; number < objects.length; number++) {
    offsets[number] = Buffer.byteLength(body, 'latin1');
    body += `${number} 0 obj\n${objects[number]}\nendobj\n`;
  }

  const xrefOffset = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let number = 1; number < objects.length; number++) {
    body += `${String(offsets[number]).padStart(10, '0')} 00000 n \n`;
  }
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R${trailerExtra} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;

  return new Uint8Array(Buffer.from(body, 'latin1'));
}

function escapePdfString(text: string): string {
  return text.replace(/[\\()]/gu, (character) => `\\${character}`);
}
