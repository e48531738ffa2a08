/**
 * Reading the ledger. Every count goes through the `[type+day]` index: "how many calls on day D"
 * is one key-range count, "calls per day from D1 to D2" one count per day, and no event row is
 * loaded, so the popup's numbers cost the same with a year of history as with a day.
 */
import {
  normalizeAddress,
  normalizeName,
  overdueReason,
  type OverdueOptions,
  type OverdueReason,
} from '../contact-history';
import { OVERDUE_ALONE_EVERY_DAYS } from '../analysis/overdue-alone';
import type { ContactHistory } from '../messages';
import { addDays, localDay, type Day } from './day';
import type { EventType, LedgerDb } from './db';
import { isOverdueOnly, toContactHistory, toLastCall } from './rows';

export interface DayCounts {
  calls: number;
  emails: number;
}

export interface NudgeCounts {
  shown: number;
  accepted: number;
  dismissed: number;
}

const DAY_MS = 86_400_000;

/** Events of one type on one day: a single index count. */
export function countOn(db: LedgerDb, type: EventType, day: Day): Promise<number> {
  return db.events.where('[type+day]').equals([type, day]).count();
}

/** Today's calls and emails (two index counts). */
export async function countDay(db: LedgerDb, day: Day): Promise<DayCounts> {
  const [calls, emails] = await Promise.all([countOn(db, 'call_logged', day), countOn(db, 'email_sent', day)]);
  return { calls, emails };
}

/** Events of one type from `from` to `to` (inclusive). */
export function countBetween(db: LedgerDb, type: EventType, from: Day, to: Day): Promise<number> {
  return db.events.where('[type+day]').between([type, from], [type, to], true, true).count();
}

/**
 * Events of one type per day from `from` to `to` (inclusive): one index count per day, issued
 * together. (A key cursor over the range would read every event; counts read none.)
 */
export async function perDay(db: LedgerDb, type: EventType, from: Day, to: Day): Promise<Map<Day, number>> {
  const days: Day[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  const counts = await Promise.all(days.map((day) => countOn(db, type, day)));
  const out = new Map<Day, number>();
  days.forEach((day, i) => {
    if (counts[i]) out.set(day, counts[i]);
  });
  return out;
}

/** Calls and emails for each day from `from` to `to`, oldest first, zero-filled. */
export async function dailyCounts(db: LedgerDb, from: Day, to: Day): Promise<({ day: Day } & DayCounts)[]> {
  const [calls, emails] = await Promise.all([perDay(db, 'call_logged', from, to), perDay(db, 'email_sent', from, to)]);
  const out: ({ day: Day } & DayCounts)[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    out.push({ day, calls: calls.get(day) ?? 0, emails: emails.get(day) ?? 0 });
  }
  return out;
}

export async function nudgeCounts(db: LedgerDb, from: Day, to: Day): Promise<NudgeCounts> {
  const [shown, accepted, dismissed] = await Promise.all([
    countBetween(db, 'nudge_shown', from, to),
    countBetween(db, 'nudge_accepted', from, to),
    countBetween(db, 'nudge_dismissed', from, to),
  ]);
  return { shown, accepted, dismissed };
}

/**
 * Days in a row that met the goal, ending today when today already has, else ending yesterday
 * (today still counts as in progress). `callsOn` gives the calls of a day.
 */
export function streakFrom(callsOn: (day: Day) => number, today: Day, goal: number, earliest: Day): number {
  if (goal < 1) return 0;
  let day = callsOn(today) >= goal ? today : addDays(today, -1);
  let streak = 0;
  while (day >= earliest && callsOn(day) >= goal) {
    streak++;
    day = addDays(day, -1);
  }
  return streak;
}

/** The earliest day with any event, or null for an empty ledger. */
export async function earliestDay(db: LedgerDb): Promise<Day | null> {
  const first = await db.events.orderBy('day').first();
  return first?.day ?? null;
}

/**
 * The streak from the database, walking back from today in growing chunks (35 days, then 70, 140…,
 * never before the first recorded day), one index count per day, stopping at the first day that
 * missed the goal. `extraCalls` adds calls not yet in the database (the in-memory fallback).
 */
export async function callStreak(
  db: LedgerDb,
  today: Day,
  goal: number,
  extraCalls: ReadonlyMap<Day, number> = new Map(),
): Promise<number> {
  if (goal < 1) return 0;
  const firstExtra = [...extraCalls.keys()].sort()[0];
  const firstSaved = (await earliestDay(db)) ?? today;
  const earliest = firstExtra && firstExtra < firstSaved ? firstExtra : firstSaved;
  const extra = (d: Day) => extraCalls.get(d) ?? 0;
  const todayCalls = (await countOn(db, 'call_logged', today)) + extra(today);
  let day = todayCalls >= goal ? today : addDays(today, -1);
  let streak = 0;
  for (let chunk = 35; day >= earliest; chunk *= 2) {
    const back = addDays(day, -(chunk - 1));
    const from = back > earliest ? back : earliest;
    const calls = await perDay(db, 'call_logged', from, day);
    for (; day >= from; day = addDays(day, -1)) {
      if ((calls.get(day) ?? 0) + extra(day) < goal) return streak;
      streak++;
    }
  }
  return streak;
}

export interface OverdueContact extends ContactHistory {
  id: string;
  reason: Exclude<OverdueReason, null>;
}

/**
 * Contacts overdue for a call (see `overdueReason`): only contacts emailed in the last
 * `overdueDays` days are read, through the `lastEmailAt` index. Most emails since the last call first.
 */
export async function overdueContacts(db: LedgerDb, now: number, options: OverdueOptions): Promise<OverdueContact[]> {
  const recent = await db.contacts
    .where('lastEmailAt')
    .aboveOrEqual(now - options.overdueDays * DAY_MS)
    .toArray();
  const out: OverdueContact[] = [];
  for (const row of recent) {
    const history = toContactHistory(row);
    const reason = overdueReason(history, now, options);
    if (reason) out.push({ ...history, id: row.id, reason });
  }
  await addLastCalls(db, out);
  return out.sort(
    (a, b) =>
      b.emailsSinceLastCall - a.emailsSinceLastCall ||
      (a.lastCallAt ?? a.firstEmailSinceCallAt ?? 0) - (b.lastCallAt ?? b.firstEmailSinceCallAt ?? 0),
  );
}

/** Sets each contact's `lastCall` (its latest call with the notes) from the calls table. */
export async function addLastCalls(db: LedgerDb, histories: (ContactHistory & { id: string })[]): Promise<void> {
  if (!histories.length) return;
  const calls = await db.calls
    .where('contactId')
    .anyOf(histories.map((h) => h.id))
    .toArray();
  const latest = new Map<string, (typeof calls)[number]>();
  for (const call of calls) {
    const known = call.contactId === undefined ? undefined : latest.get(call.contactId);
    if (call.contactId !== undefined && (!known || call.at > known.at)) latest.set(call.contactId, call);
  }
  for (const history of histories) {
    const call = latest.get(history.id);
    if (call) history.lastCall = toLastCall(call.at, call.notes);
  }
}

/**
 * Sets each contact's `lastOverdueOnlyNudgeAt` from the nudges shown in the last week (through the
 * `[type+day]` index), so "not called in a while" alone shows at most once a week per contact.
 */
export async function addOverdueOnlyNudges(
  db: LedgerDb,
  histories: (ContactHistory & { id: string })[],
  now: number,
): Promise<void> {
  if (!histories.length) return;
  const since = now - OVERDUE_ALONE_EVERY_DAYS * DAY_MS;
  // A day earlier than UTC's: the local day of `since` in any zone is no earlier than that.
  const fromDay = addDays(localDay(since, 'UTC'), -1);
  const shown = await db.events
    .where('[type+day]')
    .between(['nudge_shown', fromDay], ['nudge_shown', '\uffff'], true, true)
    .filter((e) => e.at >= since && isOverdueOnly(e.reasons))
    .toArray();
  for (const history of histories) {
    for (const e of shown) {
      if (e.contacts.includes(history.id) && e.at > (history.lastOverdueOnlyNudgeAt ?? -Infinity)) {
        history.lastOverdueOnlyNudgeAt = e.at;
      }
    }
  }
}

/**
 * What the ledger knows of these people, in the order asked, leaving out the unknown: the summary,
 * the last call with its notes, and the last overdue-only nudge of the past week. Names match
 * contacts seen without an address, and contacts with an address whose name matches exactly one.
 */
export async function contactHistories(
  db: LedgerDb,
  addresses: readonly string[],
  names: readonly string[] = [],
  now: number = Date.now(),
): Promise<(ContactHistory & { id: string })[]> {
  const out: (ContactHistory & { id: string })[] = [];
  const seen = new Set<string>();
  const ids = [...new Set(addresses.map(normalizeAddress).filter(Boolean))];
  const rows = await db.contacts.bulkGet(ids);
  for (const row of rows) {
    if (!row || seen.has(row.id)) continue;
    seen.add(row.id);
    out.push({ ...toContactHistory(row), id: row.id });
  }
  for (const name of names) {
    const key = normalizeName(name);
    if (!key) continue;
    const byName = await db.contacts.where('nameKey').equals(key).toArray();
    const withAddress = byName.filter((r) => r.address);
    const pick = withAddress.length === 1 ? withAddress[0] : byName.find((r) => r.id === `name:${key}`);
    if (pick && !seen.has(pick.id)) {
      seen.add(pick.id);
      out.push({ ...toContactHistory(pick), id: pick.id });
    }
  }
  await Promise.all([addLastCalls(db, out), addOverdueOnlyNudges(db, out, now)]);
  return out;
}

/** People most recently emailed or called, for the call form's suggestions. */
export async function recentContacts(db: LedgerDb, limit = 50): Promise<ContactHistory[]> {
  const [emailed, called] = await Promise.all([
    db.contacts.orderBy('lastEmailAt').reverse().limit(limit).toArray(),
    db.contacts.orderBy('lastCallAt').reverse().limit(limit).toArray(),
  ]);
  const byId = new Map([...emailed, ...called].map((r) => [r.id, r]));
  const last = (r: { lastEmailAt?: number; lastCallAt?: number }) => Math.max(r.lastEmailAt ?? 0, r.lastCallAt ?? 0);
  return [...byId.values()]
    .sort((a, b) => last(b) - last(a))
    .slice(0, limit)
    .map(toContactHistory);
}
