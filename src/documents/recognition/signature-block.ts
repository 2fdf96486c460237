import type { TextLine } from '../../archive/text-extraction/extracted-text.js';
import { foldText } from '../../platform/text-fold.js';

import type { SignerAuthority } from './document-metadata.js';
import { isRecipientsLine, isUpperCaseText } from './line-kinds.js';
import { toPersonNameCase, toPositionCase } from './vietnamese-case.js';

export type SignatureBlock = {
  signer: string | null;
  position: string | null;
  authority: SignerAuthority | null;
};

// "TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC", "TL. CHỦ TỊCH", "TUQ. GIÁM ĐỐC", "Q. GIÁM ĐỐC", and the
// older "T/M", "K/T", "T/L".
const AUTHORITY_LINE = /^(T\s*\/\s*M|K\s*\/\s*T|T\s*\/\s*L|TM|KT|TL|TUQ)\s*\.?\s+(\S.*)$|^(Q)\s*\.\s*(\S.*)$/u;

const AUTHORITIES: Record<string, SignerAuthority> = { TM: 'TM.', KT: 'KT.', TL: 'TL.', TUQ: 'TUQ.', Q: 'Q.' };

// Words of positions, so that "PHÓ GIÁM ĐỐC" in capitals is not taken for a name.
const POSITION_WORDS = /\b(?:giam doc|chu tich|truong|pho|chanh|bi thu|thu truong|uy vien|tong|cuc|ban|so|uy ban|van phong)\b/u;

// Lines of a signing template or of a digital signature's appearance, which are no part of the
// block's text: "(Đã ký)", "(Ký, ghi rõ họ tên)", "Ký bởi: …", "Thời gian ký: …",
// "Signature Not Verified".
const SIGNATURE_NOISE =
  /^(?:[([].*[)\]]|da ky\b.*|signature (?:not )?(?:verified|valid)\b.*|(?:ky boi|nguoi ky|thoi gian ky|ngay ky|co quan|email|signed by|signing time|date)\s*:.*)$/u;

/**
 * Reads the signature block at the bottom right: the authority prefix with the head's title, the
 * signer's position, and, under the signature and seal, the signer's name. The position is the
 * line or lines between the last authority line and the name.
 */
export function readSignatureBlock(lines: readonly TextLine[], bodyStart: number): SignatureBlock | null {
  const block = locateBlock(lines, bodyStart)
    .map((line) => line.text)
    .filter((text) => !SIGNATURE_NOISE.test(foldText(text)));
  if (block.length === 0) {
    return null;
  }

  const authorityIndexes = block.map((text, index) => (AUTHORITY_LINE.test(text) ? index : -1)).filter((index) => index >= 0);
  const firstAuthority = authorityIndexes[0];
  const lastAuthority = authorityIndexes.at(-1) ?? -1;
  const nameIndex = findNameIndex(block, lastAuthority);

  const positionLines = nameIndex < 0 ? block.slice(lastAuthority + 1) : block.slice(lastAuthority + 1, nameIndex);
  let position = positionLines.length > 0 ? positionLines.join(' ') : null;
  if (position === null && lastAuthority >= 0 && nameIndex < 0) {
    position = authorityTitle(block[lastAuthority] ?? '');
  }
  if (lastAuthority < 0 && nameIndex > 0) {
    // Without a prefix the position is the line right above the name.
    position = block[nameIndex - 1] ?? null;
  }

  const name = nameIndex < 0 ? null : (block[nameIndex] ?? null);
  // The decree prints the authority and position in capitals; other text is not a signature block.
  if (position !== null && !isUpperCaseText(position)) {
    position = null;
  }
  if (name === null && position === null && firstAuthority === undefined) {
    return null;
  }

  return {
    signer: name === null ? null : toPersonNameCase(name),
    position: position === null ? null : toPositionCase(position),
    authority: firstAuthority === undefined ? null : authorityOf(block[firstAuthority] ?? ''),
  };
}

/**
 * Collects the right-hand lines of the signature area: from the last authority line, or else
 * beside "Nơi nhận", or else after the body, to the next full-width line. For a document without
 * blocks it collects the lines after the body that are not part of the recipient list.
 */
function locateBlock(lines: readonly TextLine[], bodyStart: number): TextLine[] {
  const body = lines.slice(bodyStart);
  const hasRightColumn = body.some((line) => line.column === 'right');
  if (!hasRightColumn) {
    return linesAfterBodyWithoutBlocks(body);
  }

  const start = blockStart(body);
  const block: TextLine[] = [];
  for (const line of body.slice(start)) {
    if (line.column === 'full' && block.length > 0) {
      break;
    }
    if (line.column === 'right') {
      block.push(line);
    }
  }

  return block;
}

function blockStart(body: readonly TextLine[]): number {
  let authority = -1;
  body.forEach((line, index) => {
    if (line.column === 'right' && AUTHORITY_LINE.test(line.text)) {
      authority = index;
    }
  });

  // Nested prefixes ("TL. CHỦ TỊCH" over "KT. CHÁNH VĂN PHÒNG") belong to one block.
  while (authority > 0) {
    const previousRight = findLastIndex(body, authority, (line) => line.column === 'right');
    if (previousRight < 0 || !AUTHORITY_LINE.test(body[previousRight]?.text ?? '')) {
      break;
    }
    authority = previousRight;
  }
  if (authority >= 0) {
    return authority;
  }

  const recipients = findLastIndex(body, body.length, (line) => isRecipientsLine(line.text));
  const end = recipients >= 0 ? recipients : body.length;

  return findLastIndex(body, end, (line) => line.column === 'full') + 1;
}

// Without blocks the signature area starts after the body's closing "./.", or else at "Nơi
// nhận", or else within the last lines.
const LINES_OF_SIGNATURE_AREA = 8;

function linesAfterBodyWithoutBlocks(body: readonly TextLine[]): TextLine[] {
  const bodyEnd = findLastIndex(body, body.length, (line) => /\.\s*\/\s*\.\s*$/u.test(line.text));
  const recipientsLine = findLastIndex(body, body.length, (line) => isRecipientsLine(line.text));
  let areaStart = Math.max(0, body.length - LINES_OF_SIGNATURE_AREA);
  if (bodyEnd >= 0) {
    areaStart = bodyEnd + 1;
  } else if (recipientsLine >= 0) {
    areaStart = recipientsLine;
  }
  const tail = body.slice(areaStart);
  const recipients = tail.findIndex((line) => isRecipientsLine(line.text));

  return tail.filter((line, index) => {
    const inRecipientList = recipients >= 0 && index >= recipients && /^(?:nơi nhận|[-+•])/iu.test(line.text.trim());

    return !inRecipientList && !/^lưu\s*:/iu.test(line.text.trim().replace(/^[-+•]\s*/u, ''));
  });
}

function findNameIndex(block: readonly string[], lastAuthority: number): number {
  for (let index = lastAuthority + 1; index < block.length; index++) {
    const text = block[index] ?? '';
    if (!isUpperCaseText(text) && looksLikePersonName(text)) {
      return index;
    }
  }

  // A name printed in capitals is the last line, below at least one position line.
  const last = block.length - 1;
  const lastText = block[last] ?? '';
  if (last > lastAuthority + 1 && looksLikePersonName(lastText) && !POSITION_WORDS.test(foldText(lastText))) {
    return last;
  }

  return -1;
}

function looksLikePersonName(text: string): boolean {
  const words = text.trim().split(/\s+/u);

  return words.length >= 2 && words.length <= 7 && !/[\d:;,()/@]/u.test(text) && words.every((word) => /^\p{Lu}/u.test(word));
}

function authorityOf(text: string): SignerAuthority | null {
  const match = AUTHORITY_LINE.exec(text);
  const prefix = (match?.[1] ?? match?.[3] ?? '').replace(/[\s/]/gu, '');

  return AUTHORITIES[prefix] ?? null;
}

function authorityTitle(text: string): string | null {
  const match = AUTHORITY_LINE.exec(text);

  return match?.[2] ?? match?.[4] ?? null;
}

function findLastIndex<T>(items: readonly T[], before: number, predicate: (item: T) => boolean): number {
  for (let index = Math.min(before, items.length) - 1; index >= 0; index--) {
    const item = items[index];
    if (item !== undefined && predicate(item)) {
      return index;
    }
  }

  return -1;
}
