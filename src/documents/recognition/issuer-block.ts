import type { TextLine } from '../../archive/text-extraction/extracted-text.js';

import { looksLikeDateLine } from './date-line.js';
import { isAddresseeLine, isMottoLine, isNationalNameLine, isSeparatorLine } from './line-kinds.js';
import { isStampLine } from './marks.js';
import { parseNumberLine } from './number-notation.js';
import { isBareOrganizationHead, startsWithOrganizationHead, toOrganizationCase } from './organization-name.js';
import { isSubjectOpening } from './subject.js';

export type IssuerBlock = {
  /** Issuing organization in normal case: "Sở Nội vụ". */
  issuer: string;
  /** Parent body printed above it, in normal case: "Ủy ban nhân dân tỉnh Lâm Đồng". */
  parent: string | null;
  /** Names to look the issuer up by in the directory, most specific last. */
  directoryNames: string[];
};

// A line that ends with one of these continues on the next line.
const CONTINUES_ON_NEXT_LINE = /(?:\s(?:VÀ|và|CỦA|của)|[,&-])$/u;

const PLACE_IN_NAME = /(?:^|\s)((?:tỉnh|thành phố|huyện|quận|thị xã|thị trấn|phường|xã|đặc khu)\s.+)$/u;

/**
 * Reads the issuer from the top-left block: the lines above "Số: …". The decree prints the parent
 * body (when there is one) above the issuing body, e.g. "UBND TỈNH LÂM ĐỒNG" over "SỞ NỘI VỤ", so
 * the lowest organization is the issuer. A line without an organization word ("ĐỒNG" under "ỦY
 * BAN NHÂN DÂN TỈNH LÂM") continues the name above it.
 */
export function readIssuerBlock(headerLeft: readonly TextLine[]): IssuerBlock | null {
  const units = groupOrganizations(issuerLines(headerLeft));
  const issuerUnit = units.at(-1);
  if (issuerUnit === undefined) {
    return null;
  }

  const parentUnit = units.at(-2) ?? null;
  const parent = parentUnit === null ? null : toOrganizationCase(parentUnit);
  // "VĂN PHÒNG" under "UBND TỈNH LÂM ĐỒNG" is the Office of that committee.
  const issuer =
    isBareOrganizationHead(issuerUnit) && parentUnit !== null
      ? toOrganizationCase(`${issuerUnit} ${parentUnit}`)
      : toOrganizationCase(issuerUnit);

  const directoryNames = [issuer];
  const parentPlace = parent === null ? undefined : PLACE_IN_NAME.exec(parent)?.[1];
  if (parentPlace !== undefined && !issuer.endsWith(parentPlace)) {
    directoryNames.push(`${issuer} ${parentPlace}`);
  }

  return { issuer, parent, directoryNames };
}

function issuerLines(headerLeft: readonly TextLine[]): TextLine[] {
  const lines: TextLine[] = [];

  for (const line of headerLeft) {
    const text = line.text;
    if (parseNumberLine(text) !== null || isSubjectOpening(text) || isAddresseeLine(text)) {
      break;
    }
    if (isSeparatorLine(text) || isStampLine(text) || isNationalNameLine(text) || isMottoLine(text) || looksLikeDateLine(text)) {
      continue;
    }
    if (/\p{L}/u.test(text)) {
      lines.push(line);
    }
  }

  return lines;
}

function groupOrganizations(lines: readonly TextLine[]): string[] {
  const units: string[] = [];
  let previous: TextLine | null = null;

  for (const line of lines) {
    const last = units.at(-1);
    const continues =
      last !== undefined &&
      previous !== null &&
      (line.paragraph === previous.paragraph || CONTINUES_ON_NEXT_LINE.test(last) || !startsWithOrganizationHead(line.text));

    if (continues && last !== undefined) {
      units[units.length - 1] = `${last} ${line.text}`;
    } else {
      units.push(line.text);
    }
    previous = line;
  }

  return units;
}
