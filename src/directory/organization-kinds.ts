/**
 * Kinds of organization in a province's directory. The kind decides how the organization is
 * grouped on screens and in the demo groups. It does not change what the organization may do.
 */
export const ORGANIZATION_KINDS = [
  /** The provincial People's Committee (UBND tỉnh), the root of the directory. */
  'province',
  /** The Office of the provincial People's Committee (Văn phòng UBND tỉnh), which monitors the exchange. */
  'office',
  /** A department, board or sector body of the province (sở, ban, ngành), e.g. Sở Nội vụ, Thanh tra tỉnh. */
  'department',
  /** A commune-level People's Committee of a xã, phường or đặc khu. */
  'commune',
  /** A district-level People's Committee (UBND huyện, thành phố thuộc tỉnh), abolished on 1 July 2025 but kept for older records. */
  'district',
  /** Any other body that exchanges documents with the province, e.g. a ministry or a public service unit. */
  'other',
] as const;

export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Vietnamese and English labels of each kind, for screens and error messages. */
export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, { vi: string; en: string }> = {
  province: { vi: 'UBND tỉnh', en: 'provincial People’s Committee' },
  office: { vi: 'Văn phòng UBND tỉnh', en: 'Office of the provincial People’s Committee' },
  department: { vi: 'sở, ban, ngành', en: 'department or board' },
  commune: { vi: 'UBND xã, phường, đặc khu', en: 'commune-level People’s Committee' },
  district: { vi: 'UBND huyện (trước 1/7/2025)', en: 'district People’s Committee (before 1 July 2025)' },
  other: { vi: 'cơ quan khác', en: 'other body' },
};

export function isOrganizationKind(value: string): value is OrganizationKind {
  return (ORGANIZATION_KINDS as readonly string[]).includes(value);
}
