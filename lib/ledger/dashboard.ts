/**
 * What the popup and the badge show, read in one go: the database's counts plus any events the
 * background is holding in memory because storage failed (each counted once: an event already in
 * the database is not counted again from memory).
 */
import type { OverdueOptions } from '../contact-history';
import { addDays, startOfWeek, type Day } from './day';
import type { EventType, LedgerDb } from './db';
import { dexieReader, type LedgerReader } from './reader';
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
  /** How many overdue contacts (most overdue first) the view shows with their last call; all by default. */
  overdueShown?: number;
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
  db: LedgerReader | null,
  pending: readonly PreparedEvent[] = [],
): Promise<PreparedEvent[]> {
  if (!pending.length || !db) return [...pending];
  const stored = await db.eventsStored(pending.map((p) => p.event.key));
  return pending.filter((_, i) => !stored[i]);
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
  const reader = db && dexieReader(db);
  const read = async () => {
    const extra = pending.length ? await unsavedPending(reader, pending) : [];
    const counts = reader ? await countDay(reader, today) : { calls: 0, emails: 0 };
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
    ? db.transaction('r', db.events, db.contacts, db.calls, db.totals, () => dashboardOf(dexieReader(db), options))
    : dashboardOf(null, options);
}

/**
 * The dashboard through any reader (./reader.ts); give it one that reads a single transaction, as
 * `readDashboard` does with Dexie's and lib/ledger/first-read.ts with plain IndexedDB's.
 */
export async function dashboardOf(db: LedgerReader | null, options: DashboardOptions): Promise<Dashboard> {
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
        overdueContacts(db, now, options, options.overdueShown),
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
