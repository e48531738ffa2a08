/**
 * The last dashboard the popup showed, kept in the extension origin's localStorage (never a mail
 * site's): read synchronously, so the next opening paints the chart, streak and lists at once and
 * then refreshes them from the ledger. "Delete everything" forgets it with the ledger.
 */
import type { Dashboard } from '../../lib/ledger/dashboard';
import type { Day } from '../../lib/ledger/day';

const KEY = 'callfirst:lastDashboard';

export interface LastDashboard {
  dashboard: Dashboard;
  goal: number;
  /** The overdue window its list was read with (absent in dashboards kept before it was). */
  overdueDays?: number;
}

/** The dashboard kept for `today` (one kept on another day is not shown: its "today" has passed). */
export function readLastDashboard(today: Day): LastDashboard | undefined {
  try {
    const kept = JSON.parse(localStorage.getItem(KEY) ?? 'null') as LastDashboard | null;
    return kept?.dashboard.today === today ? kept : undefined;
  } catch {
    return undefined;
  }
}

export function keepLastDashboard(value: LastDashboard): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(value));
  } catch {
    /* storage full or disabled: the next opening just waits for the ledger */
  }
}

export function forgetLastDashboard(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    /* nothing kept */
  }
}
