import { describe, expect, it } from 'vitest';

import { readCalendarMethod } from './calendar-method.js';

describe('readCalendarMethod', () => {
  it('prefers the Content-Type parameter', () => {
    expect(readCalendarMethod('request', 'BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\n')).toBe('REQUEST');
  });

  it('reads a folded METHOD property', () => {
    expect(readCalendarMethod(null, 'BEGIN:VCALENDAR\r\nMETH\r\n OD:publish\r\nEND:VCALENDAR')).toBe('PUBLISH');
  });

  it('returns null when neither is given', () => {
    expect(readCalendarMethod(null, 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR')).toBeNull();
  });
});
