import { foldText } from '../../platform/text-fold.js';

import { isUpperCaseText } from './line-kinds.js';
import { capitalise, toProperNameCase } from './vietnamese-case.js';

/**
 * Words that open the name of a state body, with the name written in normal case. A header line
 * that starts with one of them starts a new organization, and abbreviations expand to the full
 * name. Longer entries come before their prefixes.
 */
const ORGANIZATION_HEADS: readonly (readonly [printed: string, normal: string])[] = [
  ['ủy ban mặt trận tổ quốc việt nam', 'Ủy ban Mặt trận Tổ quốc Việt Nam'],
  ['ủy ban nhân dân', 'Ủy ban nhân dân'],
  ['ubnd', 'Ủy ban nhân dân'],
  ['hội đồng nhân dân', 'Hội đồng nhân dân'],
  ['hđnd', 'Hội đồng nhân dân'],
  ['văn phòng', 'Văn phòng'],
  ['ban quản lý', 'Ban Quản lý'],
  ['ban chỉ đạo', 'Ban Chỉ đạo'],
  ['ban', 'Ban'],
  ['sở', 'Sở'],
  ['thanh tra', 'Thanh tra'],
  ['tổng cục', 'Tổng cục'],
  ['chi cục', 'Chi cục'],
  ['cục', 'Cục'],
  ['phòng', 'Phòng'],
  ['trung tâm', 'Trung tâm'],
  ['bộ chỉ huy', 'Bộ Chỉ huy'],
  ['bộ', 'Bộ'],
  ['công an', 'Công an'],
  ['kho bạc nhà nước', 'Kho bạc Nhà nước'],
  ['bảo hiểm xã hội', 'Bảo hiểm xã hội'],
  ['tòa án nhân dân', 'Tòa án nhân dân'],
  ['viện kiểm sát nhân dân', 'Viện kiểm sát nhân dân'],
  ['viện', 'Viện'],
  ['trường', 'Trường'],
  ['bệnh viện', 'Bệnh viện'],
  ['đài phát thanh và truyền hình', 'Đài Phát thanh và Truyền hình'],
  ['tỉnh ủy', 'Tỉnh ủy'],
  ['đảng ủy', 'Đảng ủy'],
  ['liên đoàn lao động', 'Liên đoàn Lao động'],
  ['hội', 'Hội'],
  ['chi nhánh', 'Chi nhánh'],
  ['công ty', 'Công ty'],
];

/** Levels of local government, which precede a place name: "tỉnh Lâm Đồng", "xã Đam Rông". */
const ADMINISTRATIVE_LEVELS: readonly (readonly [printed: string, normal: string])[] = [
  ['thành phố', 'thành phố'],
  ['tp.', 'thành phố'],
  ['tp', 'thành phố'],
  ['thị xã', 'thị xã'],
  ['thị trấn', 'thị trấn'],
  ['đặc khu', 'đặc khu'],
  ['tỉnh', 'tỉnh'],
  ['huyện', 'huyện'],
  ['quận', 'quận'],
  ['phường', 'phường'],
  ['xã', 'xã'],
];

// Function names whose every word is capitalised by convention.
const FUNCTION_NAME_EXCEPTIONS = new Map([['công thương', 'Công Thương']]);

const LOWER_CASE_OPENERS = new Set(['cac', 'cua', 've', 'cho']);

type WordMatch = { normal: string; length: number };

/** Checks whether the line starts with the name of an organization type ("SỞ", "ỦY BAN NHÂN DÂN" …). */
export function startsWithOrganizationHead(text: string): boolean {
  return matchAtStart(words(text), ORGANIZATION_HEADS) !== null;
}

/** Checks whether the text is only an organization type without a name, such as "VĂN PHÒNG". */
export function isBareOrganizationHead(text: string): boolean {
  const split = words(text);
  const head = matchAtStart(split, ORGANIZATION_HEADS);

  return head !== null && head.length === split.length;
}

/**
 * Writes an organization name printed in capitals in normal case: "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"
 * → "Ủy ban nhân dân tỉnh Lâm Đồng", "SỞ KHOA HỌC VÀ CÔNG NGHỆ" → "Sở Khoa học và Công nghệ".
 * Abbreviations expand ("UBND TỈNH" → "Ủy ban nhân dân tỉnh"); mixed case is kept apart from that.
 */
export function toOrganizationCase(text: string): string {
  const split = words(text);
  if (!isUpperCaseText(text)) {
    return expandAbbreviations(split).join(' ');
  }

  return caseWords(split);
}

function caseWords(split: readonly string[]): string {
  if (split.length === 0) {
    return '';
  }

  const head = matchAtStart(split, ORGANIZATION_HEADS);
  if (head !== null) {
    const rest = split.slice(head.length);
    const nestedHead = matchAtStart(rest, ORGANIZATION_HEADS);
    const restText = nestedHead !== null ? caseWords(rest) : caseFunctionAndPlace(rest);

    return [head.normal, restText].filter((part) => part !== '').join(' ');
  }

  const cased = caseFunctionAndPlace(split);

  return cased.charAt(0).toLocaleUpperCase('vi') + cased.slice(1);
}

function caseFunctionAndPlace(split: readonly string[]): string {
  const levelIndex = split.findIndex((_, index) => matchLevel(split.slice(index)) !== null);
  const functionWords = levelIndex < 0 ? split : split.slice(0, levelIndex);
  const parts = [caseFunctionName(functionWords)];

  if (levelIndex >= 0) {
    const level = matchLevel(split.slice(levelIndex));
    if (level !== null) {
      parts.push(level.normal, toProperNameCase(split.slice(levelIndex + level.length).join(' ')));
    }
  }

  return parts.filter((part) => part !== '').join(' ');
}

// Each part of a function name separated by "và", a comma or a dash starts with a capital:
// "Văn hóa, Thể thao và Du lịch", "Lao động - Thương binh và Xã hội".
function caseFunctionName(split: readonly string[]): string {
  const text = split.join(' ');
  const exception = FUNCTION_NAME_EXCEPTIONS.get(text.toLocaleLowerCase('vi'));
  if (exception !== undefined) {
    return exception;
  }

  return text
    .toLocaleLowerCase('vi')
    .split(/(\s+và\s+|,\s*|\s+-\s+)/u)
    .map((part, index) => {
      const isSeparator = index % 2 === 1;
      const firstWord = foldText(part).split(' ')[0] ?? '';

      return isSeparator || LOWER_CASE_OPENERS.has(firstWord) ? part : capitalise(part);
    })
    .join('');
}

function matchLevel(split: readonly string[]): WordMatch | null {
  const level = matchAtStart(split, ADMINISTRATIVE_LEVELS);
  // "xã hội" (society) is not the level "xã".
  if (level !== null && level.normal === 'xã' && foldText(split[1] ?? '') === 'hoi') {
    return null;
  }

  return level;
}

function matchAtStart(split: readonly string[], table: readonly (readonly [string, string])[]): WordMatch | null {
  for (const [printed, normal] of table) {
    const length = printed.split(' ').length;
    const candidate = split.slice(0, length).map((word) => word.replace(/[,;:]$/u, '')).join(' ');
    if (foldText(candidate) === foldText(printed)) {
      return { normal, length };
    }
  }

  return null;
}

function expandAbbreviations(split: readonly string[]): string[] {
  return split.map((word) => {
    const folded = foldText(word);
    if (folded === 'ubnd') {
      return 'Ủy ban nhân dân';
    }
    if (folded === 'hdnd') {
      return 'Hội đồng nhân dân';
    }

    return word;
  });
}

function words(text: string): string[] {
  return text.normalize('NFC').trim().split(/\s+/u).filter((word) => word !== '');
}
