/**
 * The few reads the popup's numbers are made of, each bounded by an index: a daily-totals row or a
 * range of them, the contacts emailed since an instant, the calls at given instants, and whether
 * events are stored yet. The queries (./queries.ts, ./dashboard.ts) are written once against this;
 * two readers serve them: Dexie's tables (`dexieReader`, inside a Dexie transaction: the background,
 * the popup's live queries) and plain IndexedDB (./first-read.ts: the popup's opening, before Dexie
 * has loaded).
 */
import type { CallRow, ContactRow, LedgerDb } from './db';
import type { Day } from './day';
import type { TotalsRow } from './totals';

export interface LedgerReader {
  totalsOf(day: Day): Promise<TotalsRow | undefined>;
  /** The stored totals rows from `from` to `to` (inclusive), oldest first (days with nothing have none). */
  totalsBetween(from: Day, to: Day): Promise<TotalsRow[]>;
  /** The earliest day with a totals row. */
  firstDay(): Promise<Day | undefined>;
  /** Contacts last emailed at or after `at` (epoch ms), through the `lastEmailAt` index, oldest first. */
  contactsEmailedSince(at: number): Promise<ContactRow[]>;
  /** The calls made at these instants, through the `at` index. */
  callsAt(instants: readonly number[]): Promise<CallRow[]>;
  /** For each key, whether its event is stored. */
  eventsStored(keys: readonly string[]): Promise<boolean[]>;
}

/**
 * The reader over Dexie's tables (call inside a Dexie transaction to read one state of the database).
 * Dexie's own promises throughout (no async functions here), so the transaction stays open across them.
 */
export function dexieReader(db: LedgerDb): LedgerReader {
  return {
    totalsOf: (day) => db.totals.get(day),
    totalsBetween: (from, to) => db.totals.where('day').between(from, to, true, true).toArray(),
    firstDay: () => db.totals.orderBy('day').first((row) => row?.day),
    contactsEmailedSince: (at) => db.contacts.where('lastEmailAt').aboveOrEqual(at).toArray(),
    callsAt: (instants) => db.calls.where('at').anyOf(instants).toArray(),
    eventsStored: (keys) => db.events.bulkGet([...keys]).then((rows) => rows.map(Boolean)),
  };
}
