// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dayKey, lastDays, parseDayKey, weekKey } from '../../../src/shared/dates';

describe('day and week arithmetic (local time, clock passed in)', () => {
  it('formats a local day', () => {
    expect(dayKey(new Date(2026, 10, 26, 23, 59))).toBe('2026-11-26');
    expect(dayKey(new Date(2026, 0, 5, 0, 0))).toBe('2026-01-05');
  });
  it('round-trips a day key', () => {
    expect(dayKey(parseDayKey('2026-02-28'))).toBe('2026-02-28');
  });
  it('lists the last n days, oldest first, across a month end', () => {
    expect(lastDays(3, new Date(2026, 11, 1))).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
  });
  it('weeks start on Monday', () => {
    expect(weekKey(new Date(2026, 10, 26))).toBe('2026-11-23'); // Thursday -> Monday
    expect(weekKey(new Date(2026, 10, 23))).toBe('2026-11-23'); // Monday itself
    expect(weekKey(new Date(2026, 10, 29))).toBe('2026-11-23'); // Sunday belongs to the week before
    expect(weekKey(new Date(2027, 0, 2))).toBe('2026-12-28'); // across a year end
  });
});
