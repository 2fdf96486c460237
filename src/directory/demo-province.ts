import type { OrganizationKind } from './organization-kinds.js';
import type { Role } from './roles.js';

/**
 * A demo province modelled on Lâm Đồng after 1 July 2025, when the district level was
 * abolished and communes, wards and the special zone report to the province directly.
 *
 * The names are as documents print them, because recognition resolves an issuer to an
 * organization by its name without diacritics. The identifier codes are SIMULATED: they follow
 * the shape of QCVN 102:2016/BTTTT but the real per-level assignments were not confirmed.
 *   - 000.00.00.H36  the provincial People's Committee (H36 is Lâm Đồng)
 *   - 000.00.NN.H36  the Office (NN = 01) and the departments and boards (NN = 02…16)
 *   - 000.NN.90.H36  the commune-level committees, numbered NN = 01…99 in the made-up block 90
 * Mail goes to the demo domain; the @lamdong.gov.vn aliases are the addresses that the mail
 * and document test fixtures use.
 */
export const DEMO_DOMAIN = 'demo.congvan.test';

export const DEMO_CODES_ARE_SIMULATED = true;

export interface DemoOrganization {
  code: string;
  name: string;
  shortName: string;
  kind: OrganizationKind;
  parentCode: string | null;
  /** The first address is the primary one; its local part is also the login of the clerk. */
  addresses: string[];
  /** Full name of the organization's clerk (văn thư). */
  clerk: string;
}

export interface DemoGroup {
  code: string;
  name: string;
  /** Organizations of these kinds are the members. */
  memberKinds: OrganizationKind[];
}

export interface DemoUser {
  login: string;
  fullName: string;
  organizationCode: string;
  roles: Role[];
}

const PROVINCE_CODE = '000.00.00.H36';
const OFFICE_CODE = '000.00.01.H36';

const demo = (localPart: string) => `${localPart}@${DEMO_DOMAIN}`;

function department(number: number, name: string, shortName: string, localPart: string, clerk: string, aliases: string[] = []): DemoOrganization {
  return {
    code: `000.00.${String(number).padStart(2, '0')}.H36`,
    name,
    shortName,
    kind: 'department',
    parentCode: PROVINCE_CODE,
    addresses: [demo(`vanthu.${localPart}`), ...aliases],
    clerk,
  };
}

function commune(number: number, level: 'xã' | 'phường' | 'đặc khu', placeName: string, localPart: string, clerk: string, aliases: string[] = []): DemoOrganization {
  return {
    code: `000.${String(number).padStart(2, '0')}.90.H36`,
    name: `Ủy ban nhân dân ${level} ${placeName}`,
    shortName: `UBND ${level} ${placeName}`,
    kind: 'commune',
    parentCode: PROVINCE_CODE,
    addresses: [demo(`vanthu.${localPart}`), ...aliases],
    clerk,
  };
}

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    code: PROVINCE_CODE,
    name: 'Ủy ban nhân dân tỉnh Lâm Đồng',
    shortName: 'UBND tỉnh Lâm Đồng',
    kind: 'province',
    parentCode: null,
    addresses: [demo('vanthu.ubnd'), demo('ubnd')],
    clerk: 'Trần Thị Thanh Hương',
  },
  {
    code: OFFICE_CODE,
    name: 'Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng',
    shortName: 'Văn phòng UBND tỉnh',
    kind: 'office',
    parentCode: PROVINCE_CODE,
    addresses: [demo('vanthu.vp'), demo('vanphong'), 'vanphong@lamdong.gov.vn'],
    clerk: 'Lê Thị Minh Thư',
  },

  department(2, 'Sở Nội vụ', 'SNV', 'snv', 'Nguyễn Thị Lan Anh', [demo('snv'), 'vanthu.snv@lamdong.gov.vn']),
  department(3, 'Sở Tài chính', 'STC', 'stc', 'Phạm Văn Hùng', [demo('stc'), 'sotaichinh@lamdong.gov.vn']),
  department(4, 'Sở Nông nghiệp và Môi trường', 'SNNMT', 'snnmt', 'Hoàng Thị Mai'),
  department(5, 'Sở Công Thương', 'SCT', 'sct', 'Đỗ Minh Khoa'),
  department(6, 'Sở Tư pháp', 'STP', 'stp', 'Vũ Thị Ngọc Ánh'),
  department(7, 'Sở Văn hóa, Thể thao và Du lịch', 'SVHTTDL', 'svhttdl', 'Bùi Quang Huy'),
  department(8, 'Sở Xây dựng', 'SXD', 'sxd', 'Đặng Thị Thu Trang'),
  department(9, 'Sở Khoa học và Công nghệ', 'SKHCN', 'skhcn', 'Ngô Đức Thắng', ['sokhcn@lamdong.gov.vn']),
  department(10, 'Sở Giáo dục và Đào tạo', 'SGDĐT', 'sgddt', 'Dương Thị Kim Oanh'),
  department(11, 'Sở Y tế', 'SYT', 'syt', 'Huỳnh Thị Bích Ngọc', [demo('soyte'), 'soyte@lamdong.gov.vn']),
  department(12, 'Sở Dân tộc và Tôn giáo', 'SDTTG', 'sdttg', 'Ka Huyền'),
  department(13, 'Sở Ngoại vụ', 'SNgV', 'sngv', 'Lý Thanh Tâm'),
  department(14, 'Thanh tra tỉnh', 'TTT', 'ttt', 'Trịnh Văn Long'),
  department(15, 'Ban Quản lý các khu công nghiệp', 'BQLKCN', 'bqlkcn', 'Mai Thị Phương'),
  department(16, 'Công an tỉnh Lâm Đồng', 'CAT', 'cat', 'Phan Văn Toàn'),

  commune(1, 'xã', 'Đam Rông', 'damrong', 'Ka Sương', ['ubnd.damrong@lamdong.gov.vn']),
  commune(2, 'xã', 'Lạc Dương', 'lacduong', 'Bon Niêng Ha Thương'),
  commune(3, 'xã', "D'Ran", 'dran', 'Touneh Thị Hiền'),
  commune(4, 'xã', 'Tà Hine', 'tahine', 'Ya Thị Duyên'),
  commune(5, 'xã', 'Di Linh', 'dilinh', 'Nguyễn Thị Hà'),
  commune(6, 'xã', 'Đức Trọng', 'ductrong', 'Lương Văn Tài'),
  commune(7, 'phường', 'Xuân Hương - Đà Lạt', 'xuanhuong', 'Trương Thị Yến', [demo('ubnd.xuanhuong')]),
  commune(8, 'phường', 'Lang Biang - Đà Lạt', 'langbiang', 'Võ Hoàng Nam'),
  commune(9, 'phường', 'Cam Ly - Đà Lạt', 'camly', 'Đinh Thị Thảo'),
  commune(10, 'phường', '1 Bảo Lộc', 'baoloc1', 'Cao Văn Phúc'),
  commune(11, 'phường', "B'Lao", 'blao', 'Hồ Thị Nguyệt'),
  commune(12, 'phường', 'Phan Thiết', 'phanthiet', 'Lâm Quốc Bảo'),
  commune(13, 'phường', 'Bắc Gia Nghĩa', 'bacgianghia', 'Điểu Thị Nhung'),
  commune(14, 'đặc khu', 'Phú Quý', 'phuquy', 'Nguyễn Văn Lộc', [demo('ubnd.phuquy')]),
];

export const DEMO_GROUPS: DemoGroup[] = [
  { code: 'so-ban-nganh', name: 'Các sở, ban, ngành', memberKinds: ['department'] },
  { code: 'ubnd-cap-xa', name: 'UBND cấp xã', memberKinds: ['commune'] },
  // The province and its Office send province-wide documents, so they are not members.
  { code: 'toan-tinh', name: 'Toàn tỉnh', memberKinds: ['department', 'commune'] },
];

/** Users besides the clerk of each organization. */
export const DEMO_OFFICE_USERS: DemoUser[] = [
  { login: 'giamsat.vp', fullName: 'Nguyễn Văn Bình', organizationCode: OFFICE_CODE, roles: ['monitor'] },
  { login: 'quantri', fullName: 'Trần Quốc Việt', organizationCode: OFFICE_CODE, roles: ['admin'] },
];
