/** What the popup's dashboard shows: one set of options for its opening read and its live query. */
import type { DashboardOptions } from '../../lib/ledger/dashboard';
import type { Day } from '../../lib/ledger/day';
import type { PreparedEvent } from '../../lib/ledger/rows';

/** Overdue contacts listed (with their last call); the rest are counted. */
export const OVERDUE_SHOWN = 5;

export function popupDashboardOptions(
  today: Day,
  now: number,
  goal: number,
  overdueDays: number,
  pending: readonly PreparedEvent[] = [],
): DashboardOptions {
  return { today, now, dailyCallGoal: goal, overdueDays, chartDays: 30, pending, overdueShown: OVERDUE_SHOWN };
}
