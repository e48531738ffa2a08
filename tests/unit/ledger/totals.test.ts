import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { readDashboard } from '../../../lib/ledger/dashboard';
import { localDay } from '../../../lib/ledger/day';
import { LEDGER_SCHEMA_VERSION, SCHEMA_V2, type LedgerDb } from '../../../lib/ledger/db';
import { buildRows } from '../../../lib/ledger/rows';
import { countByDay } from '../../../lib/ledger/totals';
import type { LedgerEvent } from '../../../lib/messages';
import { at, call, email, ledgerMaker, nudge, testDatabase, useEnglishMessages } from './helpers';

const ZONE = 'America/New_York';
const NOW = at('2026-06-15T16:00:00Z'); // Monday, noon in New York
const DAY = 86_400_000;

const makeLedger = ledgerMaker(ZONE, NOW);

beforeEach(useEnglishMessages);

/** The totals as stored, and as counted afresh from the events: they must always be equal. */
async function totalsAndRecount(db: LedgerDb) {
  const stored = await db.totals.orderBy('day').toArray();
  const recount = [...countByDay(await db.events.toArray()).values()].sort((a, b) => (a.day < b.day ? -1 : 1));
  return { stored, recount };
}

/** A spread of every event type over `days` days before NOW, two contacts. */
function mixedEvents(days: number, prefix: string): LedgerEvent[] {
  const out: LedgerEvent[] = [];
  for (let d = 0; d < days; d++) {
    const when = NOW - d * DAY;
    out.push(email('dana@acme.example', when, `${prefix}:e${d}`));
    if (d % 2 === 0) out.push(call('dana@acme.example', when + 1_000, `${prefix}:c${d}`));
    if (d % 3 === 0) out.push(email('lee@acme.example', when + 2_000, `${prefix}:e2-${d}`));
    out.push(nudge((['nudge_shown', 'nudge_accepted', 'nudge_dismissed'] as const)[d % 3]!, when, `${prefix}:n${d}`));
  }
  return out;
}

describe('daily totals', () => {
  it('count every event type by local day as events are recorded', async () => {
    const ledger = makeLedger(testDatabase());
    await ledger.record(email('a@x.example', at('2026-06-15T03:30:00Z'))); // Sunday evening in New York
    await ledger.record(email('a@x.example', NOW));
    await ledger.record(call('a@x.example', NOW));
    await ledger.record(nudge('nudge_shown', NOW));
    await ledger.record(nudge('nudge_accepted', NOW));
    const db = await ledger.openDb();
    expect(await db.totals.toArray()).toEqual([
      { day: '2026-06-14', calls: 0, emails: 1, nudgesShown: 0, nudgesAccepted: 0, nudgesDismissed: 0 },
      { day: '2026-06-15', calls: 1, emails: 1, nudgesShown: 1, nudgesAccepted: 1, nudgesDismissed: 0 },
    ]);
  });

  it('stay equal to a count of the events through duplicates, concurrent writers, pruning and deleting', async () => {
    const tdb = testDatabase();
    const a = makeLedger(tdb);
    const b = makeLedger(tdb);
    const events = mixedEvents(60, 'x');
    // Every event from both writers at once, some twice: each is stored, and counted, once.
    await Promise.all(
      events.flatMap((e, i) => (i % 2 ? [a.record(e), b.record({ ...e })] : [b.record(e), a.record({ ...e })])),
    );
    const db = await a.openDb();
    let { stored, recount } = await totalsAndRecount(db);
    expect(stored).toHaveLength(60);
    expect(stored).toEqual(recount);
    expect(
      stored.reduce((n, r) => n + r.calls + r.emails + r.nudgesShown + r.nudgesAccepted + r.nudgesDismissed, 0),
    ).toBe(events.length);

    expect(await a.prune(30)).toBeGreaterThan(0);
    ({ stored, recount } = await totalsAndRecount(db));
    expect(stored).toHaveLength(30);
    expect(stored[0]?.day).toBe('2026-05-17');
    expect(stored).toEqual(recount);

    await a.clear();
    expect(await db.totals.count()).toBe(0);
    await b.record(call('dana@acme.example', NOW, 'after-clear'));
    ({ stored, recount } = await totalsAndRecount(db));
    expect(stored).toEqual([
      { day: '2026-06-15', calls: 1, emails: 0, nudgesShown: 0, nudgesAccepted: 0, nudgesDismissed: 0 },
    ]);
    expect(stored).toEqual(recount);
  });

  it('take in events saved late from memory exactly once', async () => {
    const tdb = testDatabase();
    const ledger = makeLedger(tdb);
    await ledger.record(email('a@x.example', NOW, 'saved-first'));
    tdb.failure.writes = true;
    expect(await ledger.record(call('a@x.example', NOW, 'held'))).toBe('kept_in_memory');
    expect(await ledger.record(email('a@x.example', NOW, 'saved-first'))).toBe('kept_in_memory');
    tdb.failure.writes = false;
    expect(await ledger.flush()).toBe(true);
    const { stored, recount } = await totalsAndRecount(await ledger.openDb());
    expect(stored).toEqual([
      { day: '2026-06-15', calls: 1, emails: 1, nudgesShown: 0, nudgesAccepted: 0, nudgesDismissed: 0 },
    ]);
    expect(stored).toEqual(recount);
  });

  it('give the dashboard the same chart, streak and nudges as counting the events', async () => {
    const ledger = makeLedger(testDatabase());
    for (const e of mixedEvents(45, 'y')) await ledger.record(e);
    const db = await ledger.openDb();
    const dash = await readDashboard(db, { today: '2026-06-15', now: NOW, overdueDays: 30, dailyCallGoal: 1 });
    const events = await db.events.toArray();
    const count = (type: string, day: string) => events.filter((e) => e.type === type && e.day === day).length;
    expect(dash.days.map((d) => [d.day, d.calls, d.emails])).toEqual(
      dash.days.map((d) => [d.day, count('call_logged', d.day), count('email_sent', d.day)]),
    );
    // A call every other day: today has one, so the streak is today alone.
    expect(dash.streak).toBe(1);
    expect(dash.nudges).toEqual({ shown: 1, accepted: 0, dismissed: 0 });
  });
});

describe('the v2 → v3 upgrade', () => {
  it('builds the daily totals from the events already stored', async () => {
    const tdb = testDatabase('callfirst-ledger');
    const v2 = new Dexie('callfirst-ledger', { indexedDB: tdb.factory, IDBKeyRange: tdb.IDBKeyRange });
    v2.version(2).stores(SCHEMA_V2);
    // Version-2 rows as that version's writer stored them (days fixed in the zone of the time).
    const prepared = mixedEvents(40, 'v2').map((event) => ({ event, day: localDay(event.at, ZONE) }));
    const rows = buildRows(prepared, new Map());
    await v2.table('events').bulkAdd(rows.events);
    await v2.table('calls').bulkAdd(rows.calls);
    await v2.table('contacts').bulkAdd(rows.contacts);
    v2.close();

    const db = tdb.create(ZONE);
    await db.open();
    expect(db.verno).toBe(LEDGER_SCHEMA_VERSION);
    const { stored, recount } = await totalsAndRecount(db);
    expect(stored).toHaveLength(40);
    expect(stored).toEqual(recount);
    expect(await db.totals.get('2026-06-15')).toEqual({
      day: '2026-06-15',
      calls: 1,
      emails: 2,
      nudgesShown: 1,
      nudgesAccepted: 0,
      nudgesDismissed: 0,
    });
    // Nothing else changed, and writing goes on adding to the totals.
    expect(await db.events.count()).toBe(rows.events.length);
    expect(await db.calls.count()).toBe(rows.calls.length);
    db.close();
    const ledger = makeLedger(tdb);
    await ledger.record(call('dana@acme.example', NOW + 60_000, 'after-upgrade'));
    expect(await ledger.todayCounts()).toEqual({ calls: 2, emails: 2 });
  });

  it('opens an empty version-2 database with no totals', async () => {
    const tdb = testDatabase('callfirst-ledger');
    const v2 = new Dexie('callfirst-ledger', { indexedDB: tdb.factory, IDBKeyRange: tdb.IDBKeyRange });
    v2.version(2).stores(SCHEMA_V2);
    await v2.open();
    v2.close();
    const db = tdb.create(ZONE);
    await db.open();
    expect(db.verno).toBe(LEDGER_SCHEMA_VERSION);
    expect(await db.totals.count()).toBe(0);
    db.close();
  });
});
