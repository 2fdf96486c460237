import { describe, expect, it } from 'vitest';

import { parseMailDate } from './mail-date.js';

describe('parseMailDate', () => {
  it.each([
    ['Fri, 04 Dec 2026 19:10:15 +0000', '2026-12-04T19:10:15.000Z'],
    ['Sat, 5 Dec 2026 08:30:00 +0700 (ICT)', '2026-12-05T01:30:00.000Z'],
    ['5 Dec 2026 08:30 +0700', '2026-12-05T01:30:00.000Z'],
    ['Fri, 04 Dec 26 19:10:15 GMT', '2026-12-04T19:10:15.000Z'],
    ['Fri, 04 Dec 2026 14:10:15 EST', '2026-12-04T19:10:15.000Z'],
    ['Fri,  4 Dec 2026 19:10:15 -0000', '2026-12-04T19:10:15.000Z'],
    ['Thu, 03 December 2026 10:00:00 +0700', '2026-12-03T03:00:00.000Z'],
    ['2026-12-04T19:10:15+07:00', '2026-12-04T12:10:15.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseMailDate(text)).toBe(iso);
  });

  it.each(['Thứ Sáu, 04 Thg 12 2026', 'yesterday', '', 'Fri, 04 Dec 2026 19:10:15 +0099'])('rejects %j', (text) => {
    expect(parseMailDate(text)).toBeNull();
  });
});
