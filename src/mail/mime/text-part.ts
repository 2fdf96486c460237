import { decodeText } from './charset.js';
import type { FlagList } from './flag-list.js';
import { plainParameter } from './header-params.js';
import type { MimeEntity } from './mime-tree.js';
import { decodeFlowed } from './format-flowed.js';

// The WHATWG HTML encoding prescan looks for a <meta> charset in the first 1024 bytes only.
const META_SCAN_BYTES = 1024;
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.()-]+)/i;

/**
 * Decodes a text part's bytes to NFC text with "\n" line ends. The MIME charset parameter wins.
 * An HTML part without one uses its <meta> charset, and text without either falls back as
 * decodeText describes. format=flowed text gets its soft breaks joined.
 */
export function decodeTextPart(entity: MimeEntity, bytes: Buffer, flags: FlagList): string {
  const declared = plainParameter(entity.contentType, 'charset');
  const isHtml = entity.contentType.value === 'text/html';
  let label: string | null = null;
  if (declared && declared.trim() !== '') {
    label = declared;
  } else if (isHtml) {
    label = metaCharset(bytes);
  }

  const decoded = decodeText(bytes, label);
  if (decoded.problem) {
    flags.add(decoded.problem.code, decoded.problem.message, `part ${entity.path || '1'}`);
  }

  const text = decoded.text.replace(/\r\n?/g, '\n');
  const format = (plainParameter(entity.contentType, 'format') ?? '').toLowerCase();
  if (entity.contentType.value !== 'text/plain' || format !== 'flowed') {
    return text;
  }

  const deleteSpace = (plainParameter(entity.contentType, 'delsp') ?? '').toLowerCase() === 'yes';

  return decodeFlowed(text, deleteSpace);
}

function metaCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, META_SCAN_BYTES).toString('latin1');

  return META_CHARSET.exec(head)?.[1] ?? null;
}
