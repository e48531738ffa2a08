/**
 * What the popup and the badge show, read in one go: the database's counts plus any events the
 * background is holding in memory because storage failed (each counted once: an event already in
 * the database is not counted again from memory).
 */
import type { OverdueOptions } from '../contact-history';
import { addDays, startOfWeek, type Day } from './day';
import type { EventType, LedgerDb } from './db';
import {
  callStreak,
  countDay,
  dailyCounts,
  nudgeCounts,
  overdueContacts,
  streakFrom,
  type DayCounts,
  type NudgeCounts,
  type OverdueContact,
} from './queries';
import type { PreparedEvent } from './rows';

export interface DashboardOptions extends OverdueOptions {
  today: Day;
  now: number;
  dailyCallGoal: number;
  /** Days shown in the chart (the popup offers 7 and 30). */
  chartDays?: number;
  /** Events held in memory by the background, not yet in the database. */
  pending?: readonly PreparedEvent[];
}

export interface Dashboard {
  today: Day;
  counts: DayCounts;
  goal: number;
  goalMet: boolean;
  streak: number;
  /** Oldest first, `chartDays` long, zero-filled. */
  days: ({ day: Day } & DayCounts)[];
  /** Monday of this week. */
  weekStart: Day;
  nudges: NudgeCounts;
  overdue: OverdueContact[];
}

/** Pending events whose key is not in the database yet. */
export async function unsavedPending(
  db: LedgerDb | null,
  pending: readonly PreparedEvent[] = [],
): Promise<PreparedEvent[]> {
  if (!pending.length || !db) return [...pending];
  const rows = await db.events.bulkGet(pending.map((p) => p.event.key));
  return pending.filter((_, i) => !rows[i]);
}

/** Pending events of `type` per day. */
export function pendingPerDay(pending: readonly PreparedEvent[], type: EventType): Map<Day, number> {
  const out = new Map<Day, number>();
  for (const p of pending) if (p.event.type === type) out.set(p.day, (out.get(p.day) ?? 0) + 1);
  return out;
}

/** Today's calls and emails: the popup's first paint and the badge. */
export async function readToday(
  db: LedgerDb | null,
  today: Day,
  pending: readonly PreparedEvent[] = [],
): Promise<DayCounts> {
  // One read transaction: the pending check and the counts see the same state of the database,
  // even while a flush is moving those very events into it.
  const read = async () => {
    const extra = pending.length ? await unsavedPending(db, pending) : [];
    const counts = db ? await countDay(db, today) : { calls: 0, emails: 0 };
    return { extra, counts };
  };
  const { extra, counts: base } = db ? await db.transaction('r', db.events, db.totals, read) : await read();
  for (const p of extra) {
    if (p.day !== today) continue;
    if (p.event.type === 'call_logged') base.calls++;
    else if (p.event.type === 'email_sent') base.emails++;
  }
  return base;
}

export async function readDashboard(db: LedgerDb | null, options: DashboardOptions): Promise<Dashboard> {
  // One read transaction, so pending events and the database are seen at the same moment.
  return db
    ? db.transaction('r', db.events, db.contacts, db.calls, db.totals, () => dashboardOf(db, options))
    : dashboardOf(null, options);
}

async function dashboardOf(db: LedgerDb | null, options: DashboardOptions): Promise<Dashboard> {
  const { today, now, dailyCallGoal: goal } = options;
  const chartDays = Math.max(1, options.chartDays ?? 30);
  const extra = options.pending?.length ? await unsavedPending(db, options.pending) : [];
  const extraCalls = pendingPerDay(extra, 'call_logged');
  const extraEmails = pendingPerDay(extra, 'email_sent');
  const from = addDays(today, -(chartDays - 1));
  const weekStart = startOfWeek(today);

  const [days, streak, nudges, overdue] = db
    ? await Promise.all([
        dailyCounts(db, from, today),
        callStreak(db, today, goal, extraCalls),
        nudgeCounts(db, weekStart, today),
        overdueContacts(db, now, options),
      ])
    : [
        emptyDays(from, today),
        streakOfPendingOnly(extraCalls, today, goal),
        { shown: 0, accepted: 0, dismissed: 0 },
        [] as OverdueContact[],
      ];

  for (const d of days) {
    d.calls += extraCalls.get(d.day) ?? 0;
    d.emails += extraEmails.get(d.day) ?? 0;
  }
  for (const p of extra) {
    if (p.day < weekStart || p.day > today) continue;
    if (p.event.type === 'nudge_shown') nudges.shown++;
    else if (p.event.type === 'nudge_accepted') nudges.accepted++;
    else if (p.event.type === 'nudge_dismissed') nudges.dismissed++;
  }
  const todayRow = days[days.length - 1]!;
  const counts = { calls: todayRow.calls, emails: todayRow.emails };
  return {
    today,
    counts,
    goal,
    goalMet: goal > 0 && counts.calls >= goal,
    streak,
    days,
    weekStart,
    nudges,
    overdue,
  };
}

function emptyDays(from: Day, to: Day): ({ day: Day } & DayCounts)[] {
  const out: ({ day: Day } & DayCounts)[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push({ day, calls: 0, emails: 0 });
  return out;
}

function streakOfPendingOnly(calls: ReadonlyMap<Day, number>, today: Day, goal: number): number {
  const earliest = [...calls.keys()].sort()[0] ?? today;
  return streakFrom((d) => calls.get(d) ?? 0, today, goal, earliest);
}
