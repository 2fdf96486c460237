import { describe, expect, test } from 'vitest';

import { readMeeting } from './meeting.js';
import { documentText } from './testing/document-text.js';

const issuedOn = { year: 2026, month: 11, day: 30 };

function meetingOf(...body: (string | string[])[]) {
  return readMeeting(documentText({ body }).lines, issuedOn);
}

describe('readMeeting', () => {
  test.each([
    [['Thời gian: 13 giờ 30, thứ Sáu, ngày 18 tháng 12 năm 2026.', 'Địa điểm: Hội trường Trung tâm Hành chính tỉnh.'], '2026-12-18T13:30:00+07:00', 'Hội trường Trung tâm Hành chính tỉnh'],
    [['- Thời gian: 08 giờ 00 phút, ngày 05/12/2026.', '- Địa điểm: Phòng họp số 2, Sở Y tế./.'], '2026-12-05T08:00:00+07:00', 'Phòng họp số 2, Sở Y tế'],
    [['1. Thời gian: 14h00 ngày 05/12/2026', '2. Tại: Hội trường UBND xã'], '2026-12-05T14:00:00+07:00', 'Hội trường UBND xã'],
    [['Thời gian: 8h30\' ngày 5/12'], '2026-12-05T08:30:00+07:00', null],
    [['Thời gian: 2 giờ chiều, ngày 05/12/2026'], '2026-12-05T14:00:00+07:00', null],
    [['Thời gian: 14:00 ngày 05/01'], '2027-01-05T14:00:00+07:00', null],
    [['Thời gian: bắt đầu từ 07 giờ 30 ngày 10 tháng 12 năm 2026 (thứ Năm).'], '2026-12-10T07:30:00+07:00', null],
    [[['Thời gian: 13 giờ 30, thứ Sáu, ngày 18 tháng', '12 năm 2026.'], 'Địa điểm: Hội trường tỉnh.'], '2026-12-18T13:30:00+07:00', 'Hội trường tỉnh'],
  ])('reads %j', (body, start, location) => {
    expect(meetingOf(...body)).toEqual({ meeting: { start, location }, labelled: true });
  });

  test('reads a meeting from a sentence', () => {
    const reading = meetingOf('Ủy ban nhân dân tỉnh kính mời dự họp vào lúc 14 giờ 00 ngày 05/12/2026 tại Hội trường tỉnh.');

    expect(reading).toEqual({ meeting: { start: '2026-12-05T14:00:00+07:00', location: 'Hội trường tỉnh' }, labelled: false });
  });

  test.each([
    [['Kính mời các đồng chí dự họp.']],
    [['Thời gian: sẽ thông báo sau.']],
    [['Thời gian: 25 giờ 00 ngày 05/12/2026']],
    [['Thời gian: 8 giờ 00 ngày 31/02/2026']],
  ])('finds no meeting in %j', (body) => {
    expect(meetingOf(...body)).toBeNull();
  });
});
