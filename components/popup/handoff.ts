/**
 * What the popup's first paint (./first-paint.tsx, a classic script) hands to the popup's own
 * script (another bundle, same page): today's numbers it showed and the dashboard it is reading.
 * Kept apart so the popup's script takes it without loading the first paint's code.
 */
import type { Day } from '../../lib/ledger/day';
import type { DayCounts } from '../../lib/ledger/queries';
import type { LastDashboard } from './last-dashboard';

export interface FirstPaint {
  day: Day;
  counts: DayCounts;
  /**
   * The whole dashboard read from the ledger at this opening, with the goal and overdue window of
   * the last dashboard (undefined when none was kept or the read failed).
   */
  dashboard?: Promise<LastDashboard | undefined>;
}

const HANDOFF = 'callfirstFirstPaint';

type Handoff = Record<typeof HANDOFF, Promise<FirstPaint | undefined> | undefined>;

export function handFirstPaint(painted: Promise<FirstPaint | undefined>): void {
  (window as unknown as Handoff)[HANDOFF] = painted;
}

/** What the first paint showed (undefined when it showed nothing), once it is on screen. */
export function takeFirstPaint(): Promise<FirstPaint | undefined> {
  return (window as unknown as Handoff)[HANDOFF] ?? Promise.resolve(undefined);
}

/** The value of `promise` if it has settled already, else undefined (never waits beyond this turn). */
export async function valueIfSettled<T>(promise: Promise<T> | undefined): Promise<T | undefined> {
  // Promise.race takes the first of already-settled promises in order, so a pending one loses.
  return promise && Promise.race([promise, Promise.resolve(undefined)]);
}
