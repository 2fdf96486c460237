/**
 * Normalises a mailbox address for directory look-ups: trimmed, lower case, and without a
 * `+tag` in the local part, so that `VanThu+bao-cao@So.gov.vn` finds `vanthu@so.gov.vn`.
 * Returns null for a string that is not local@domain.
 */
export function normalizeMailAddress(address: string): string | null {
  const trimmed = address.trim().replace(/^<(.*)>$/, '$1').toLowerCase();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1) return null;

  const local = trimmed.slice(0, at).split('+')[0]!;
  const domain = trimmed.slice(at + 1);
  if (local === '' || /\s/.test(local) || /\s/.test(domain)) return null;

  return `${local}@${domain}`;
}
