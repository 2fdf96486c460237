import { LABOUR_DAY, NATIONAL_DAY, NEW_YEAR, type HolidayAnnouncement } from './default-holidays.js';

/**
 * The Government's yearly announcements for state bodies, where they differ from the rules in
 * ./default-holidays.ts. They ship as code rather than rows in the database, so that a fix in a
 * later release reaches every installation. An administrator's correction for a date still wins,
 * and a year missing here uses the rules alone.
 *
 * NOTE: 2027 has no entry because no announcement for it was found. Until an administrator
 * corrects it, its Tết runs from 5 to 9 February with days off in lieu on 10 and 11 February.
 * NOTE: 24 November (Ngày Văn hóa Việt Nam) was being made a paid holiday in 2026 but was not yet
 * in the Labour Code, so it is not a holiday here.
 */
export const ANNOUNCED_HOLIDAYS: Readonly<Record<number, HolidayAnnouncement>> = {
  2025: {
    // Tết from Monday 27 to Friday 31 January (28th of the 12th lunar month to the 3rd of the
    // 1st) makes nine days off with both weekends, and no day is worked in exchange. Source:
    // Government Office dispatch 8726/VPCP-KGVX of 26 November 2024, reported by vietnamnews.vn
    // and sggp.org.vn.
    tetDays: ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'],
    // 30 April to 4 May off, Friday 2 May swapped for Saturday 26 April: baochinhphu.vn, thoidai.com.vn.
    swaps: [{ dayOff: '2025-05-02', workingDay: '2025-04-26', occasion: LABOUR_DAY }],
  },
  2026: {
    // Tết from Monday 16 to Friday 20 February is the rule's own choice (vnanet.vn, 17 October 2025).
    swaps: [
      // 1 to 4 January off, Friday 2 January swapped for Saturday 10 January: Government Office
      // dispatch 12729/VPCP-KGVX of 25 December 2025.
      { dayOff: '2026-01-02', workingDay: '2026-01-10', occasion: NEW_YEAR },
      // 29 August to 2 September off, Monday 31 August swapped for Saturday 22 August: Ministry
      // of Home Affairs, as reported by vietnamnews.vn on 17 October 2025.
      { dayOff: '2026-08-31', workingDay: '2026-08-22', occasion: NATIONAL_DAY },
    ],
  },
};
