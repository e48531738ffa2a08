// The default path (no zone passed) uses the runtime's local zone: here, TZ for this file only.
import { afterAll, describe, expect, it } from 'vitest';

const previous = process.env.TZ;
process.env.TZ = 'America/New_York';
afterAll(() => {
  if (previous === undefined) delete process.env.TZ;
  else process.env.TZ = previous;
});

const { localDay } = await import('../../../lib/ledger/day');

describe('localDay in the runtime zone', () => {
  it('uses the process zone, DST included', () => {
    expect(localDay(new Date('2026-06-16T03:59:59Z').getTime())).toBe('2026-06-15');
    expect(localDay(new Date('2026-06-16T04:00:00Z').getTime())).toBe('2026-06-16');
    expect(localDay(new Date('2026-01-16T04:59:59Z').getTime())).toBe('2026-01-15');
    expect(localDay(new Date('2026-01-16T05:00:00Z').getTime())).toBe('2026-01-16');
  });
});
