import { foldText } from '../../platform/text-fold.js';

import { isUpperCaseText } from './line-kinds.js';

/** Lower-cases the text and upper-cases its first letter: "ĐỒNG" → "Đồng", "NỘI VỤ" → "Nội vụ". */
export function capitalise(word: string): string {
  const lower = word.toLocaleLowerCase('vi');
  const index = lower.search(/\p{L}/u);
  if (index < 0) {
    return lower;
  }

  return lower.slice(0, index) + lower.charAt(index).toLocaleUpperCase('vi') + lower.slice(index + 1);
}

/**
 * Capitalises every word of a proper name: "LÂM ĐỒNG" → "Lâm Đồng". A one-letter prefix with
 * an apostrophe starts a new syllable, as in the ethnic minority names "K' Brăo" and "B'Lao".
 */
export function toProperNameCase(text: string): string {
  return text
    .split(/(\s+)/u)
    .map((word) => {
      const apostrophe = /^(\p{L})(['’])(\p{L}.*)$/u.exec(word);
      if (apostrophe) {
        return `${capitalise(apostrophe[1] ?? '')}${apostrophe[2] ?? ''}${capitalise(apostrophe[3] ?? '')}`;
      }

      return capitalise(word);
    })
    .join('');
}

// Names of units inside a position keep their capital, as in "Chánh Văn phòng" and "Chánh
// Thanh tra" (Decree 30, Appendix II on capitals in names of organizations).
const UNIT_NAMES_IN_POSITIONS = ['văn phòng', 'thanh tra', 'thường trực', 'sở'];

/**
 * Writes a position printed in capitals in normal case: "PHÓ GIÁM ĐỐC" → "Phó Giám đốc",
 * "CHÁNH VĂN PHÒNG" → "Chánh Văn phòng". Text already in mixed case is kept.
 */
export function toPositionCase(text: string): string {
  const collapsed = text.replace(/\s+/gu, ' ').trim();
  if (!isUpperCaseText(collapsed)) {
    return collapsed;
  }

  const words = collapsed.toLocaleLowerCase('vi').split(' ');
  const capitalisedAt = new Set<number>([0]);
  if (foldText(words[0] ?? '') === 'pho') {
    capitalisedAt.add(1);
  }

  for (let index = 1; index < words.length; index++) {
    for (const unit of UNIT_NAMES_IN_POSITIONS) {
      const length = unit.split(' ').length;
      if (foldText(words.slice(index, index + length).join(' ')) === foldText(unit)) {
        capitalisedAt.add(index);
      }
    }
  }

  return words.map((word, index) => (capitalisedAt.has(index) ? capitalise(word) : word)).join(' ');
}

/** Writes a person's name printed in capitals with a capital per syllable; mixed case is kept. */
export function toPersonNameCase(text: string): string {
  const collapsed = text.replace(/\s+/gu, ' ').trim();

  return isUpperCaseText(collapsed) ? toProperNameCase(collapsed) : collapsed;
}
