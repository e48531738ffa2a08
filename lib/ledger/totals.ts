/**
 * Daily totals: for each local day, how many events of each type it holds. The popup's chart,
 * streak and week of nudges, and the export, read these few hundred small rows instead of
 * counting events, so a year of history costs what a week does.
 *
 * They change only in the transaction that changes `events`, and only through lib/ledger/write.ts,
 * which owns every such change (recording, pruning, deleting everything; the v2→v3 upgrade builds
 * them with `countByDay`), so the totals always equal a count of the events.
 */
import type { Day } from './day';
import type { EventType, LedgerDb } from './db';

export interface DayTotals {
  calls: number;
  emails: number;
  nudgesShown: number;
  nudgesAccepted: number;
  nudgesDismissed: number;
}

/** One row of the `totals` table. */
export interface TotalsRow extends DayTotals {
  day: Day;
}

export const TOTAL_FIELD: Record<EventType, keyof DayTotals> = {
  call_logged: 'calls',
  email_sent: 'emails',
  nudge_shown: 'nudgesShown',
  nudge_accepted: 'nudgesAccepted',
  nudge_dismissed: 'nudgesDismissed',
};

export function emptyTotals(day: Day): TotalsRow {
  return { day, calls: 0, emails: 0, nudgesShown: 0, nudgesAccepted: 0, nudgesDismissed: 0 };
}

/** The totals of these events, by day (pure: the upgrade and the tests count with it too). */
export function countByDay(events: Iterable<{ type: EventType; day: Day }>, sign: 1 | -1 = 1): Map<Day, TotalsRow> {
  const out = new Map<Day, TotalsRow>();
  for (const { type, day } of events) {
    let row = out.get(day);
    if (!row) out.set(day, (row = emptyTotals(day)));
    row[TOTAL_FIELD[type]] += sign;
  }
  return out;
}

function isEmpty(row: DayTotals): boolean {
  return !row.calls && !row.emails && !row.nudgesShown && !row.nudgesAccepted && !row.nudgesDismissed;
}

/**
 * Adds events just stored (`sign` 1) to the totals, or takes events just deleted (-1) out of them.
 * Call inside the read-write transaction that stored or deleted them. A day left with nothing goes.
 */
export async function moveTotals(
  db: LedgerDb,
  events: Iterable<{ type: EventType; day: Day }>,
  sign: 1 | -1,
): Promise<void> {
  const moves = countByDay(events, sign);
  if (!moves.size) return;
  const days = [...moves.keys()];
  const stored = await db.totals.bulkGet(days);
  const put: TotalsRow[] = [];
  const gone: Day[] = [];
  days.forEach((day, i) => {
    const row = stored[i] ?? emptyTotals(day);
    const move = moves.get(day)!;
    for (const field of Object.values(TOTAL_FIELD)) row[field] = Math.max(0, row[field] + move[field]);
    if (isEmpty(row)) gone.push(day);
    else put.push(row);
  });
  if (put.length) await db.totals.bulkPut(put);
  if (gone.length) await db.totals.bulkDelete(gone);
}
