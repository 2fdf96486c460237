/**
 * Builds a Content-Disposition value with an ASCII fallback and the exact UTF-8 name in `filename*`
 * (RFC 6266 with RFC 8187 encoding), so "Giấy mời.pdf" keeps its diacritics in every browser.
 */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  const fallback = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename.normalize('NFC')).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
