/**
 * The last dashboard the popup showed, kept in the extension origin's localStorage (never a mail
 * site's): read synchronously, so the next opening paints the chart, streak and lists at once and
 * then refreshes them from the ledger. "Delete everything" forgets it with the ledger.
 *
 * With the organisation's CRM connected it also keeps the overdue list as the team's calls last
 * made it, shown until the background answers again, so the ledger's own list never flashes first.
 */
import type { Dashboard } from '../../lib/ledger/dashboard';
import type { Day } from '../../lib/ledger/day';
import type { OverdueContact } from '../../lib/ledger/queries';

const KEY = 'callfirst:lastDashboard';
const TEAM_KEY = 'callfirst:lastTeamOverdue';

export interface LastDashboard {
  dashboard: Dashboard;
  goal: number;
  /** The overdue window its list was read with (absent in dashboards kept before it was). */
  overdueDays?: number;
}

/** The dashboard kept for `today` (one kept on another day is not shown: its "today" has passed). */
export function readLastDashboard(today: Day): LastDashboard | undefined {
  const kept = read(KEY) as LastDashboard | undefined;
  return kept?.dashboard.today === today ? kept : undefined;
}

export function keepLastDashboard(value: LastDashboard): void {
  keep(KEY, value);
}

interface TeamOverdue {
  day: Day;
  overdue: OverdueContact[];
}

/** The overdue list as the team's calls made it, kept `today` (undefined: none kept today). */
export function readLastTeamOverdue(today: Day): OverdueContact[] | undefined {
  const kept = read(TEAM_KEY) as TeamOverdue | undefined;
  return kept?.day === today ? kept.overdue : undefined;
}

export function keepLastTeamOverdue(day: Day, overdue: OverdueContact[]): void {
  keep(TEAM_KEY, { day, overdue } satisfies TeamOverdue);
}

export function forgetLastDashboard(): void {
  try {
    localStorage.removeItem(KEY);
    localStorage.removeItem(TEAM_KEY);
  } catch {
    /* nothing kept */
  }
}

function read(key: string): unknown {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

function keep(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* storage full or disabled: the next opening just waits for the ledger */
  }
}
