import { buildZip } from './build-zip.js';

/**
 * Builds a DOCX file for tests from the inner XML of `<w:body>`, which the helpers below write
 * for paragraphs and tables.
 */
export function buildDocx(bodyXml: string): Uint8Array {
  return buildZip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
    'word/document.xml':
      '<?xml version="1.0" encoding="UTF-8"?>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      `<w:body>${bodyXml}</w:body></w:document>`,
  });
}

/** Builds the XML of a paragraph. In `text`, "\t" is a tab, "\n" a line break and "\f" a page break. */
export function paragraphXml(text: string, options: { centred?: boolean; font?: string } = {}): string {
  const properties = options.centred ? '<w:pPr><w:jc w:val="center"/></w:pPr>' : '';
  const runProperties = options.font ? `<w:rPr><w:rFonts w:ascii="${options.font}" w:hAnsi="${options.font}"/></w:rPr>` : '';
  const content = text
    .split(/([\t\n\f])/u)
    .map((part) => {
      if (part === '\t') {
        return '<w:tab/>';
      }
      if (part === '\n') {
        return '<w:br/>';
      }
      if (part === '\f') {
        return '<w:br w:type="page"/>';
      }

      return part === '' ? '' : `<w:t xml:space="preserve">${escapeXml(part)}</w:t>`;
    })
    .join('');

  return `<w:p>${properties}<w:r>${runProperties}${content}</w:r></w:p>`;
}

/** Builds the XML of a table with one row per entry, where each cell contains paragraphs. */
export function tableXml(rows: readonly (readonly (readonly string[])[])[]): string {
  const rowXml = rows.map((cells) => {
    const cellXml = cells.map((paragraphs) => `<w:tc>${paragraphs.map((text) => paragraphXml(text)).join('') || '<w:p/>'}</w:tc>`);

    return `<w:tr>${cellXml.join('')}</w:tr>`;
  });

  return `<w:tbl>${rowXml.join('')}</w:tbl>`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&]/gu, (character) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[character] ?? character);
}
