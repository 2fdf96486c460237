// Rules for a group's code and name, which the CSV import and the API share.

/**
 * Lower-case ASCII letters and digits in hyphen-separated words, such as `so-ban-nganh`. Without
 * dots, a group code cannot look like a dotted organization code such as `H36.151`.
 */
export const GROUP_CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_GROUP_CODE_LENGTH = 64;
export const MAX_GROUP_NAME_LENGTH = 200;

export function isGroupCode(value: string): boolean {
  return value.length <= MAX_GROUP_CODE_LENGTH && GROUP_CODE_PATTERN.test(value);
}

/** Group codes are stored in lower case, because recipients match them case-insensitively. */
export function normalizeGroupCode(value: string): string {
  return value.trim().toLowerCase();
}

/** Organization codes are stored in upper case. */
export function normalizeMemberCode(value: string): string {
  return value.trim().normalize('NFC').toUpperCase();
}
