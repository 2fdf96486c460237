import { describe, expect, test } from 'vitest';

import { matchOrganization, organizationKey } from './organization-match.js';

const directory = [
  { code: '000.00.00.H36', name: 'Ủy ban nhân dân tỉnh Lâm Đồng', shortName: 'UBND tỉnh' },
  { code: '000.01.00.H36', name: 'Sở Nội vụ tỉnh Lâm Đồng', shortName: 'Sở Nội vụ' },
  { code: '000.41.31.H36', name: 'UBND xã Đam Rông' },
  { code: '000.41.32.H36', name: 'UBND xã Đam Rông 1' },
  { code: '000.09.00.H36', name: 'Sở Y tế' },
  { code: '000.09.00.H01', name: 'Sở Y tế' },
];

describe('matchOrganization', () => {
  test.each([
    [['Ủy ban nhân dân tỉnh Lâm Đồng'], '000.00.00.H36'],
    [['UY BAN NHAN DAN TINH LAM DONG'], '000.00.00.H36'],
    [['Ủy ban nhân dân xã Đam Rông'], '000.41.31.H36'],
    [['Sở Nội vụ'], '000.01.00.H36'],
    [['Sở Nội vụ tỉnh'], null],
    [['Sở Tài chính', 'Sở Nội vụ tỉnh Lâm Đồng'], '000.01.00.H36'],
  ])('matches %j', (names, code) => {
    const match = matchOrganization(names, directory);

    expect(match.kind === 'matched' ? match.organization.code : null).toBe(code);
  });

  test('reports several matches', () => {
    const match = matchOrganization(['Sở Y tế'], directory);

    expect(match.kind).toBe('ambiguous');
  });

  test('reports no match', () => {
    expect(matchOrganization(['Sở Tài chính'], directory).kind).toBe('none');
  });
});

describe('organizationKey', () => {
  test.each([
    ['UBND TP. Đà Lạt', 'uy ban nhan dan thanh pho da lat'],
    ['Ủy ban nhân dân thành phố Đà Lạt', 'uy ban nhan dan thanh pho da lat'],
    ['HĐND tỉnh', 'hoi dong nhan dan tinh'],
  ])('folds %j', (name, key) => {
    expect(organizationKey(name)).toBe(key);
  });
});
