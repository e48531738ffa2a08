import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { LedgerDb, SCHEMA_V2 } from '../../../lib/ledger/db';
import { readTodayTotals } from '../../../lib/ledger/first-read';
import { writeEvents } from '../../../lib/ledger/write';
import { at, call, email, testDatabase } from './helpers';

const NOW = at('2026-06-15T16:00:00Z');

describe('today’s numbers without Dexie (the popup’s first paint)', () => {
  it('reads today’s calls and emails from the daily totals, and zeros for a day with nothing', async () => {
    const tdb = testDatabase();
    const db = tdb.create('UTC');
    await writeEvents(db, [
      { event: email('a@x.example', NOW, 'e1'), day: '2026-06-15' },
      { event: email('b@x.example', NOW, 'e2'), day: '2026-06-15' },
      { event: call('a@x.example', NOW, 'c1'), day: '2026-06-15' },
      { event: call('a@x.example', NOW - 86_400_000, 'c0'), day: '2026-06-14' },
    ]);
    const read = (day: string) => readTodayTotals(day, { indexedDB: tdb.factory });
    // With the ledger's own connection still open, as the background's is.
    expect(await read('2026-06-15')).toEqual({ calls: 1, emails: 2 });
    expect(await read('2026-06-16')).toEqual({ calls: 0, emails: 0 });
    db.close();
  });

  it('gives nothing for a ledger from before the daily totals, and leaves its upgrade to Dexie', async () => {
    const tdb = testDatabase();
    const v2 = new Dexie('callfirst-ledger', { indexedDB: tdb.factory, IDBKeyRange: tdb.IDBKeyRange });
    v2.version(2).stores(SCHEMA_V2);
    await v2.open();
    v2.close();
    expect(await readTodayTotals('2026-06-15', { indexedDB: tdb.factory })).toBeUndefined();
    const upgraded = new LedgerDb('callfirst-ledger', { indexedDB: tdb.factory, IDBKeyRange: tdb.IDBKeyRange });
    await upgraded.open();
    expect(await readTodayTotals('2026-06-15', { indexedDB: tdb.factory })).toEqual({ calls: 0, emails: 0 });
    upgraded.close();
  });
});
