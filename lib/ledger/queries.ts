/**
 * Reading the ledger. Counts come from the daily totals (lib/ledger/totals.ts): today is one row,
 * a 30-day chart thirty rows, a streak a row per day it lasts; no event row is loaded, so the
 * popup's numbers cost the same with a year of history as with a day. The popup's reads go through
 * a `LedgerReader` (./reader.ts), so Dexie and plain IndexedDB run the same queries.
 */
import {
  normalizeAddress,
  normalizeName,
  overdueReason,
  type OverdueOptions,
  type OverdueReason,
} from '../contact-history';
import { OVERDUE_ALONE_EVERY_DAYS } from '../analysis/overdue-alone';
import { MAX_HISTORY_LOOKUPS, type ContactHistory } from '../messages';
import { addDays, localDay, type Day } from './day';
import type { LedgerDb } from './db';
import { dexieReader, type LedgerReader } from './reader';
import { isOverdueOnly, toContactHistory, toLastCall } from './rows';
import { emptyTotals, type TotalsRow } from './totals';

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

/** Today's calls and emails (one row). */
export async function countDay(db: LedgerReader, day: Day): Promise<DayCounts> {
  const row = await db.totalsOf(day);
  return { calls: row?.calls ?? 0, emails: row?.emails ?? 0 };
}

/** The totals of each day from `from` to `to` (inclusive), oldest first, zero-filled. */
export async function totalsBetween(db: LedgerReader, from: Day, to: Day): Promise<TotalsRow[]> {
  if (from > to) return [];
  const rows = await db.totalsBetween(from, to);
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const out: TotalsRow[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push(byDay.get(day) ?? emptyTotals(day));
  return out;
}

/** Calls and emails for each day from `from` to `to`, oldest first, zero-filled. */
export async function dailyCounts(db: LedgerReader, from: Day, to: Day): Promise<({ day: Day } & DayCounts)[]> {
  return (await totalsBetween(db, from, to)).map(({ day, calls, emails }) => ({ day, calls, emails }));
}

export async function nudgeCounts(db: LedgerReader, from: Day, to: Day): Promise<NudgeCounts> {
  const out: NudgeCounts = { shown: 0, accepted: 0, dismissed: 0 };
  for (const r of await db.totalsBetween(from, to)) {
    out.shown += r.nudgesShown;
    out.accepted += r.nudgesAccepted;
    out.dismissed += r.nudgesDismissed;
  }
  return out;
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
export async function earliestDay(db: LedgerReader): Promise<Day | null> {
  return (await db.firstDay()) ?? null;
}

/**
 * The streak from the database, walking back from today in growing chunks of days (35, then 70,
 * 140…, never before the first recorded day), stopping at the first day that missed the goal.
 * `extraCalls` adds calls not yet in the database (the in-memory fallback).
 */
export async function callStreak(
  db: LedgerReader,
  today: Day,
  goal: number,
  extraCalls: ReadonlyMap<Day, number> = new Map(),
): Promise<number> {
  if (goal < 1) return 0;
  const firstExtra = [...extraCalls.keys()].sort()[0];
  const firstSaved = (await earliestDay(db)) ?? today;
  const earliest = firstExtra && firstExtra < firstSaved ? firstExtra : firstSaved;
  const extra = (d: Day) => extraCalls.get(d) ?? 0;
  const todayCalls = (await countDay(db, today)).calls + extra(today);
  let day = todayCalls >= goal ? today : addDays(today, -1);
  let streak = 0;
  for (let chunk = 35; day >= earliest; chunk *= 2) {
    const back = addDays(day, -(chunk - 1));
    const from = back > earliest ? back : earliest;
    const rows = await totalsBetween(db, from, day);
    for (let i = rows.length - 1; i >= 0; i--, day = addDays(day, -1)) {
      if (rows[i]!.calls + extra(day) < goal) return streak;
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
 * `overdueDays` days are read, through the `lastEmailAt` index. Most emails since the last call
 * first; the first `withLastCall` of them (all by default) carry their last call with its notes.
 */
export async function overdueContacts(
  db: LedgerReader,
  now: number,
  options: OverdueOptions,
  withLastCall = Infinity,
): Promise<OverdueContact[]> {
  const recent = await emailedWithinOverdueDays(db, now, options);
  const out: OverdueContact[] = [];
  for (const row of recent) {
    const history = toContactHistory(row);
    const reason = overdueReason(history, now, options);
    if (reason) out.push({ ...history, id: row.id, reason });
  }
  out.sort(mostOverdueFirst);
  await addLastCalls(db, out.slice(0, withLastCall));
  return out;
}

/** Contacts emailed in the last `overdueDays` days, read through the `lastEmailAt` index. */
function emailedWithinOverdueDays(db: LedgerReader, now: number, options: OverdueOptions) {
  return db.contactsEmailedSince(now - options.overdueDays * DAY_MS);
}

/** Most emails since the last call first, then the longest without a call. */
function mostOverdueFirst(a: ContactHistory, b: ContactHistory): number {
  return (
    b.emailsSinceLastCall - a.emailsSinceLastCall ||
    (a.lastCallAt ?? a.firstEmailSinceCallAt ?? 0) - (b.lastCallAt ?? b.firstEmailSinceCallAt ?? 0)
  );
}

/**
 * The addresses whose overdue state the team's last call (from the CRM) can change: contacts
 * emailed in the last `overdueDays` days that are overdue (a teammate's recent call takes them off
 * the list) or that the rep never called (a teammate's old call can put them on it: no call for
 * that long). A contact the rep called is not made overdue by a later call. Overdue ones first.
 */
export async function teamOverdueCandidates(
  db: LedgerReader,
  now: number,
  options: OverdueOptions,
  limit = MAX_HISTORY_LOOKUPS,
): Promise<string[]> {
  const recent = (await emailedWithinOverdueDays(db, now, options)).reverse();
  const overdue: string[] = [];
  const neverCalled: string[] = [];
  for (const row of recent) {
    if (!row.address) continue;
    if (overdueReason(toContactHistory(row), now, options)) overdue.push(row.address);
    else if (row.lastCallAt === undefined && row.emailsSinceLastCall > 0) neverCalled.push(row.address);
  }
  return [...overdue, ...neverCalled].slice(0, limit);
}

/**
 * The overdue list with the team's calls: `answered` is the background's `contact_history` answer
 * for `teamOverdueCandidates`, where the CRM's last call by anyone on the team is laid over the
 * ledger's and the emails since count from it. Each contact answered for is overdue or not by its
 * answer; the rest of `overdue` (the ledger's list) stays as it is.
 */
export function withTeamHistories(
  overdue: readonly OverdueContact[],
  answered: readonly ContactHistory[],
  now: number,
  options: OverdueOptions,
): OverdueContact[] {
  const asked = new Set(answered.map((h) => h.address));
  const out = overdue.filter((c) => !c.address || !asked.has(c.address));
  for (const history of answered) {
    const reason = overdueReason(history, now, options);
    if (reason) out.push({ ...history, id: history.address, reason });
  }
  return out.sort(mostOverdueFirst);
}

/** Emails sent to a contact after `since`: how many, and the first of them. */
export interface EmailsSince {
  count: number;
  first?: number;
}

/** The contact's emails after `since`, counted from its events (through the `contacts` index). */
export async function emailsAfter(db: LedgerDb, contactId: string, since: number): Promise<EmailsSince> {
  const out: EmailsSince = { count: 0 };
  await db.events
    .where('contacts')
    .equals(contactId)
    .each((e) => {
      if (e.type !== 'email_sent' || e.at <= since) return;
      out.count++;
      out.first = Math.min(out.first ?? e.at, e.at);
    });
  return out;
}

/**
 * Sets each contact's `lastCall` (its latest call with the notes) from the calls table. That call
 * is the one at the contact's `lastCallAt`, so only the calls at those instants are read (through
 * the `at` index), not every call of every contact: the popup's overdue list stays cheap with a
 * year of calls.
 */
export async function addLastCalls(db: LedgerReader, histories: (ContactHistory & { id: string })[]): Promise<void> {
  const called = histories.filter((h) => h.lastCallAt !== undefined);
  if (!called.length) return;
  const calls = await db.callsAt([...new Set(called.map((h) => h.lastCallAt!))]);
  const byContactAndTime = new Map(calls.map((c) => [`${c.contactId}|${c.at}`, c]));
  for (const history of called) {
    const call = byContactAndTime.get(`${history.id}|${history.lastCallAt}`);
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
  await Promise.all([addLastCalls(dexieReader(db), out), addOverdueOnlyNudges(db, out, now)]);
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
