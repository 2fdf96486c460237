import { foldText } from '../../platform/text-fold.js';

/** Checks whether the line is a rule under a heading, such as "———", "-----" or "_____". */
export function isSeparatorLine(text: string): boolean {
  return /^[\s\-–—_=.*~·•]+$/u.test(text) && /[-–—_=~]/u.test(text);
}

/** Checks for "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", the national name at the top right. */
export function isNationalNameLine(text: string): boolean {
  return foldText(text).startsWith('cong hoa xa hoi chu nghia viet nam');
}

/** Checks for "Độc lập - Tự do - Hạnh phúc", the motto under the national name. */
export function isMottoLine(text: string): boolean {
  return /^doc lap\s*[-–—]?\s*tu do\s*[-–—]?\s*hanh phuc/u.test(foldText(text));
}

/** Checks whether the text has letters and none in lower case, as headings and stamps are printed. */
export function isUpperCaseText(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toLocaleUpperCase('vi');
}

/** Checks whether the folded text starts with the folded prefix at a word boundary. */
export function startsWithWords(text: string, prefix: string): boolean {
  const folded = foldText(text);
  const foldedPrefix = foldText(prefix);

  return folded === foldedPrefix || (folded.startsWith(foldedPrefix) && !/[\p{L}\p{N}]/u.test(folded.charAt(foldedPrefix.length)));
}

/** Checks for "Kính gửi:", which opens the body of a công văn. */
export function isAddresseeLine(text: string): boolean {
  return startsWithWords(text, 'kính gửi');
}

/** Checks for "Nơi nhận:", which opens the recipient list beside the signature block. */
export function isRecipientsLine(text: string): boolean {
  return startsWithWords(text, 'nơi nhận');
}
