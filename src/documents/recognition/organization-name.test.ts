import { describe, expect, test } from 'vitest';

import { isBareOrganizationHead, startsWithOrganizationHead, toOrganizationCase } from './organization-name.js';

describe('toOrganizationCase', () => {
  test.each([
    ['ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG', 'Ủy ban nhân dân tỉnh Lâm Đồng'],
    ['UBND TỈNH LÂM ĐỒNG', 'Ủy ban nhân dân tỉnh Lâm Đồng'],
    ['ỦY BAN NHÂN DÂN XÃ ĐAM RÔNG', 'Ủy ban nhân dân xã Đam Rông'],
    ['SỞ NỘI VỤ', 'Sở Nội vụ'],
    ['SỞ Y TẾ', 'Sở Y tế'],
    ['SỞ KHOA HỌC VÀ CÔNG NGHỆ', 'Sở Khoa học và Công nghệ'],
    ['SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH', 'Sở Văn hóa, Thể thao và Du lịch'],
    ['SỞ CÔNG THƯƠNG', 'Sở Công Thương'],
    ['SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI', 'Sở Lao động - Thương binh và Xã hội'],
    ['VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH', 'Văn phòng Ủy ban nhân dân tỉnh'],
    ['BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP', 'Ban Quản lý các khu công nghiệp'],
    ['THANH TRA TỈNH', 'Thanh tra tỉnh'],
    ['UBND TP. ĐÀ LẠT', 'Ủy ban nhân dân thành phố Đà Lạt'],
    ["UBND PHƯỜNG B'LAO", "Ủy ban nhân dân phường B'Lao"],
    ['ỦY BAN NHÂN DÂN PHƯỜNG XUÂN HƯƠNG - ĐÀ LẠT', 'Ủy ban nhân dân phường Xuân Hương - Đà Lạt'],
    ['ỦY BAN NHÂN DÂN ĐẶC KHU PHÚ QUÝ', 'Ủy ban nhân dân đặc khu Phú Quý'],
    ['CÔNG AN TỈNH LÂM ĐỒNG', 'Công an tỉnh Lâm Đồng'],
    ['HĐND TỈNH LÂM ĐỒNG', 'Hội đồng nhân dân tỉnh Lâm Đồng'],
    ['UBND xã Đam Rông', 'Ủy ban nhân dân xã Đam Rông'],
    ['Sở Nội vụ', 'Sở Nội vụ'],
  ])('writes %j', (printed, normal) => {
    expect(toOrganizationCase(printed)).toBe(normal);
  });
});

describe('startsWithOrganizationHead', () => {
  test.each([
    ['SỞ Y TẾ', true],
    ['ỦY BAN NHÂN DÂN', true],
    ['UBND TỈNH', true],
    ['VĂN PHÒNG', true],
    ['TỈNH LÂM ĐỒNG', false],
    ['ĐỒNG', false],
    ['SỞI', false],
  ])('%j is %s', (text, expected) => {
    expect(startsWithOrganizationHead(text)).toBe(expected);
  });
});

describe('isBareOrganizationHead', () => {
  test.each([
    ['VĂN PHÒNG', true],
    ['THANH TRA', true],
    ['THANH TRA TỈNH', false],
    ['SỞ Y TẾ', false],
  ])('%j is %s', (text, expected) => {
    expect(isBareOrganizationHead(text)).toBe(expected);
  });
});
