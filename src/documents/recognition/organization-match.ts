import { foldText } from '../../platform/text-fold.js';

export type DirectoryOrganization = {
  code: string;
  name: string;
  shortName?: string | null;
};

export type OrganizationMatch =
  | { kind: 'matched'; organization: DirectoryOrganization }
  | { kind: 'ambiguous'; organizations: DirectoryOrganization[] }
  | { kind: 'none' };

/**
 * Finds the directory organization named by one of `candidateNames`, tried in order, comparing
 * folded names with abbreviations expanded ("UBND xã Đam Rông" is "Ủy ban nhân dân xã Đam
 * Rông"). The first candidate that matches any organization decides.
 */
export function matchOrganization(candidateNames: readonly string[], organizations: readonly DirectoryOrganization[]): OrganizationMatch {
  for (const candidate of candidateNames) {
    const key = organizationKey(candidate);
    const matches = organizations.filter((organization) => namesOf(organization).some((name) => organizationKey(name) === key));

    if (matches.length === 1 && matches[0] !== undefined) {
      return { kind: 'matched', organization: matches[0] };
    }
    if (matches.length > 1) {
      return { kind: 'ambiguous', organizations: matches };
    }
  }

  return { kind: 'none' };
}

function namesOf(organization: DirectoryOrganization): string[] {
  return organization.shortName ? [organization.name, organization.shortName] : [organization.name];
}

/** Folded name with the usual abbreviations written out and punctuation dropped. */
export function organizationKey(name: string): string {
  return foldText(name)
    .replace(/[.,;:()"“”]/gu, ' ')
    .split(' ')
    .filter((word) => word !== '')
    .map((word) => ABBREVIATIONS.get(word) ?? word)
    .join(' ');
}

const ABBREVIATIONS = new Map([
  ['ubnd', 'uy ban nhan dan'],
  ['hdnd', 'hoi dong nhan dan'],
  ['tp', 'thanh pho'],
]);
