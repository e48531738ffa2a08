/**
 * Every change to the ledger's events: recording (exactly once per idempotency key, all or nothing
 * per batch; also the way in for anything imported or synced), pruning old days and deleting
 * everything. Each runs in one read-write transaction that also moves the daily totals
 * (lib/ledger/totals.ts), so they always match the events: write events nowhere else.
 *
 * IndexedDB runs overlapping read-write transactions one after another, so contact summaries and
 * totals never lose an update when several tabs (or the background and a flush) record at once.
 */
import { contactIdOf } from '../contact-history';
import type { Day } from './day';
import type { ContactRow, LedgerDb } from './db';
import { emailsAfter } from './queries';
import { buildRows, contactRefsOf, type PreparedEvent } from './rows';
import { moveTotals } from './totals';

export interface WriteOptions {
  /** Queue new calls (not those read from the CRM) in the outbox, in the same transaction. */
  outbox?: boolean;
  now?: number;
}

/** Records `batch`; returns the keys that were new (the others were already recorded). */
export async function writeEvents(
  db: LedgerDb,
  batch: PreparedEvent[],
  options: WriteOptions = {},
): Promise<Set<string>> {
  if (!batch.length) return new Set();
  return db.transaction('rw', [db.events, db.calls, db.contacts, db.totals, db.outbox], async () => {
    const byKey = new Map<string, PreparedEvent>();
    for (const p of batch) if (!byKey.has(p.event.key)) byKey.set(p.event.key, p);
    const keys = [...byKey.keys()];
    const existing = await db.events.bulkGet(keys);
    const fresh = keys.filter((_, i) => !existing[i]).map((k) => byKey.get(k)!);
    if (!fresh.length) return new Set<string>();

    // Load the contacts these events may touch: by id, and by name for name-only references.
    const ids = new Set<string>();
    const nameKeys = new Set<string>();
    for (const { event } of fresh) {
      for (const ref of contactRefsOf(event)) {
        const id = contactIdOf(ref);
        if (!id) continue;
        if (id.startsWith('name:')) {
          nameKeys.add(id.slice(5));
          ids.add(id);
        } else ids.add(id);
      }
    }
    const known = new Map<string, ContactRow>();
    for (const row of await db.contacts.bulkGet([...ids])) if (row) known.set(row.id, row);
    if (nameKeys.size) {
      for (const row of await db.contacts
        .where('nameKey')
        .anyOf([...nameKeys])
        .toArray())
        known.set(row.id, row);
    }

    const rows = buildRows(fresh, known);
    await db.events.bulkAdd(rows.events);
    await moveTotals(db, rows.events, 1);
    if (rows.calls.length) await db.calls.bulkAdd(rows.calls);
    for (const id of rows.recount) {
      const row = rows.contacts.find((c) => c.id === id);
      if (row) await recountEmailsSince(db, row);
    }
    if (rows.contacts.length) await db.contacts.bulkPut(rows.contacts);
    if (options.outbox) {
      const queuedAt = options.now ?? Date.now();
      const toSend = rows.calls.filter((c) => c.source !== 'crm');
      if (toSend.length) await db.outbox.bulkAdd(toSend.map((c) => ({ key: c.key, queuedAt, attempts: 0, nextAt: 0 })));
    }
    return new Set(fresh.map((p) => p.event.key));
  });
}

/**
 * Deletes the events and calls of every day before `keepFrom`, and those days' totals (whole days
 * go, so their totals go whole). Runs in the caller's transaction when there is one (it must
 * include events, calls and totals). Returns the number of events deleted.
 */
export function deleteDaysBefore(db: LedgerDb, keepFrom: Day): Promise<number> {
  return db.transaction('rw', db.events, db.calls, db.totals, async () => {
    const n = await db.events.where('day').below(keepFrom).delete();
    await db.calls.where('day').below(keepFrom).delete();
    await db.totals.where('day').below(keepFrom).delete();
    return n;
  });
}

/** Deletes every event, call, contact and total. */
export function deleteEverything(db: LedgerDb): Promise<void> {
  return db.transaction('rw', [db.events, db.calls, db.contacts, db.totals, db.outbox], async () => {
    await Promise.all([db.events.clear(), db.calls.clear(), db.contacts.clear(), db.totals.clear(), db.outbox.clear()]);
  });
}

/** Emails since the last call, counted from the events (when a call arrived after later emails). */
export async function recountEmailsSince(db: LedgerDb, row: ContactRow): Promise<void> {
  const { count, first } = await emailsAfter(db, row.id, row.lastCallAt ?? -Infinity);
  row.emailsSinceLastCall = count;
  if (first === undefined) delete row.firstEmailSinceCallAt;
  else row.firstEmailSinceCallAt = first;
}
