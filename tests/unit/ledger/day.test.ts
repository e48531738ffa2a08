import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  lastDays,
  localDay,
  msUntilNextDay,
  startOfWeek,
  weekdayIndex,
} from '../../../lib/ledger/day';
import { at } from './helpers';

describe('localDay', () => {
  it('is the calendar date in the given zone, not in UTC', () => {
    const instant = at('2026-06-16T02:30:00Z');
    expect(localDay(instant, 'UTC')).toBe('2026-06-16');
    expect(localDay(instant, 'America/New_York')).toBe('2026-06-15'); // 22:30 the evening before
    expect(localDay(instant, 'America/Los_Angeles')).toBe('2026-06-15');
    expect(localDay(instant, 'Asia/Kolkata')).toBe('2026-06-16'); // 08:00
    expect(localDay(instant, 'Pacific/Kiritimati')).toBe('2026-06-16'); // UTC+14
  });

  it('turns at local midnight exactly', () => {
    // New York is UTC-4 in June: midnight local is 04:00Z.
    expect(localDay(at('2026-06-16T03:59:59.999Z'), 'America/New_York')).toBe('2026-06-15');
    expect(localDay(at('2026-06-16T04:00:00.000Z'), 'America/New_York')).toBe('2026-06-16');
    // Berlin is UTC+2 in June: midnight local is 22:00Z the day before.
    expect(localDay(at('2026-06-15T21:59:59.999Z'), 'Europe/Berlin')).toBe('2026-06-15');
    expect(localDay(at('2026-06-15T22:00:00.000Z'), 'Europe/Berlin')).toBe('2026-06-16');
  });

  it('follows daylight-saving changes', () => {
    // US spring forward: 2026-03-08 02:00 EST -> 03:00 EDT (a 23-hour day).
    expect(localDay(at('2026-03-08T04:59:59Z'), 'America/New_York')).toBe('2026-03-07'); // 23:59:59 EST
    expect(localDay(at('2026-03-08T05:00:00Z'), 'America/New_York')).toBe('2026-03-08'); // 00:00 EST
    expect(localDay(at('2026-03-09T03:59:59Z'), 'America/New_York')).toBe('2026-03-08'); // 23:59:59 EDT
    expect(localDay(at('2026-03-09T04:00:00Z'), 'America/New_York')).toBe('2026-03-09');
    // US fall back: 2026-11-01 is a 25-hour day; 01:30 happens twice, both on the 1st.
    expect(localDay(at('2026-11-01T05:30:00Z'), 'America/New_York')).toBe('2026-11-01'); // 01:30 EDT
    expect(localDay(at('2026-11-01T06:30:00Z'), 'America/New_York')).toBe('2026-11-01'); // 01:30 EST
    expect(localDay(at('2026-11-02T04:59:59Z'), 'America/New_York')).toBe('2026-11-01'); // 23:59:59 EST
    // EU: 2026-03-29 and 2026-10-25.
    expect(localDay(at('2026-03-28T23:30:00Z'), 'Europe/Berlin')).toBe('2026-03-29');
    expect(localDay(at('2026-10-25T22:59:59Z'), 'Europe/Berlin')).toBe('2026-10-25');
    expect(localDay(at('2026-10-25T23:00:00Z'), 'Europe/Berlin')).toBe('2026-10-26');
  });

  it('handles zones south of the equator and half-hour offsets', () => {
    // Auckland leaves daylight saving on 2026-04-05 (03:00 NZDT -> 02:00 NZST).
    expect(localDay(at('2026-04-04T11:30:00Z'), 'Pacific/Auckland')).toBe('2026-04-05');
    expect(localDay(at('2026-04-05T11:59:59Z'), 'Pacific/Auckland')).toBe('2026-04-05');
    expect(localDay(at('2026-04-05T12:00:00Z'), 'Pacific/Auckland')).toBe('2026-04-06');
    expect(localDay(at('2026-06-15T18:29:59Z'), 'Asia/Kolkata')).toBe('2026-06-15');
    expect(localDay(at('2026-06-15T18:30:00Z'), 'Asia/Kolkata')).toBe('2026-06-16');
  });
});

describe('calendar arithmetic', () => {
  it('adds days across month, year and DST boundaries', () => {
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-11-01', 1)).toBe('2026-11-02');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-06-15', -364)).toBe('2025-06-16');
  });

  it('counts whole days between dates', () => {
    expect(daysBetween('2026-03-01', '2026-04-11')).toBe(41);
    expect(daysBetween('2026-11-01', '2026-11-02')).toBe(1);
    expect(daysBetween('2026-06-15', '2026-06-15')).toBe(0);
    expect(daysBetween('2026-06-15', '2026-06-14')).toBe(-1);
  });

  it('lists the last days oldest first', () => {
    expect(lastDays('2026-03-02', 3)).toEqual(['2026-02-28', '2026-03-01', '2026-03-02']);
  });

  it('starts weeks on Monday', () => {
    expect(weekdayIndex('2026-06-15')).toBe(0); // a Monday
    expect(weekdayIndex('2026-06-21')).toBe(6); // a Sunday
    expect(startOfWeek('2026-06-21')).toBe('2026-06-15');
    expect(startOfWeek('2026-06-15')).toBe('2026-06-15');
    expect(startOfWeek('2026-01-01')).toBe('2025-12-29');
  });
});

describe('msUntilNextDay', () => {
  it('is the time to the next local midnight, on short and long days too', () => {
    expect(msUntilNextDay(at('2026-06-15T23:00:00Z'), 'UTC')).toBe(3_600_000);
    // 2026-03-08 in New York has 23 hours: from 00:00 EST the next day is 23 h away.
    expect(msUntilNextDay(at('2026-03-08T05:00:00Z'), 'America/New_York')).toBe(23 * 3_600_000);
    // 2026-11-01 has 25 hours.
    expect(msUntilNextDay(at('2026-11-01T04:00:00Z'), 'America/New_York')).toBe(25 * 3_600_000);
  });
});
