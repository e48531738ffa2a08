import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { dashboardOf, readDashboard } from '../../../lib/ledger/dashboard';
import { LedgerDb, SCHEMA_V2 } from '../../../lib/ledger/db';
import { openLedgerToRead, plainReader } from '../../../lib/ledger/first-read';
import { countDay } from '../../../lib/ledger/queries';
import { writeEvents } from '../../../lib/ledger/write';
import { at, call, email, nudge, testDatabase } from './helpers';

const NOW = at('2026-06-15T16:00:00Z');
const DAY = 86_400_000;

describe('the ledger read without Dexie (the popup’s opening)', () => {
  it('reads today’s calls and emails from the daily totals, and zeros for a day with nothing', async () => {
    const tdb = testDatabase();
    const db = tdb.create('UTC');
    await writeEvents(db, [
      { event: email('a@x.example', NOW, 'e1'), day: '2026-06-15' },
      { event: email('b@x.example', NOW, 'e2'), day: '2026-06-15' },
      { event: call('a@x.example', NOW, 'c1'), day: '2026-06-15' },
      { event: call('a@x.example', NOW - DAY, 'c0'), day: '2026-06-14' },
    ]);
    // With the ledger's own connection still open, as the background's is.
    const plain = (await openLedgerToRead({ indexedDB: tdb.factory }))!;
    const read = (day: string) => countDay(plainReader(plain, ['totals'])!, day);
    expect(await read('2026-06-15')).toEqual({ calls: 1, emails: 2 });
    expect(await read('2026-06-16')).toEqual({ calls: 0, emails: 0 });
    plain.close();
    db.close();
  });

  it('reads the same whole dashboard as Dexie does, in one transaction', async () => {
    const tdb = testDatabase();
    const db = tdb.create('UTC');
    const dana = [{ address: 'dana@acme.example', name: 'Dana Lee' }];
    const events = [
      // A 3-day streak of 2 calls a day, broken 4 days ago.
      ...[1, 2, 3].flatMap((d) => [call('c@x.example', NOW - d * DAY), call('b@x.example', NOW - d * DAY)]),
      call('dana@acme.example', NOW - 40 * DAY, 'old', { nextPurpose: 'Sign-off' }),
      // Dana emailed three times since: overdue, with her last call's next step.
      ...[5, 4, 2].map((d) => email(dana, NOW - d * DAY)),
      email('lee@globex.example', NOW),
      nudge('nudge_shown', NOW),
      nudge('nudge_accepted', NOW),
    ];
    await writeEvents(
      db,
      events.map((event) => ({ event, day: new Date(event.at).toISOString().slice(0, 10) })),
    );
    const options = { today: '2026-06-15', now: NOW, dailyCallGoal: 2, overdueDays: 30, chartDays: 30 };
    const plain = (await openLedgerToRead({ indexedDB: tdb.factory }))!;
    const fromPlain = await dashboardOf(plainReader(plain, ['totals', 'contacts', 'calls', 'events'])!, options);
    plain.close();
    expect(fromPlain).toEqual(await readDashboard(db, options));
    expect(fromPlain.streak).toBe(3);
    expect(fromPlain.overdue.map((c) => [c.address, c.lastCall?.nextPurpose])).toEqual([
      ['dana@acme.example', 'Sign-off'],
    ]);
    expect(fromPlain.nudges).toEqual({ shown: 1, accepted: 1, dismissed: 0 });
    db.close();
  });

  it('gives nothing for a ledger from before the daily totals, and leaves its upgrade to Dexie', async () => {
    const tdb = testDatabase();
    const v2 = new Dexie('callfirst-ledger', { indexedDB: tdb.factory, IDBKeyRange: tdb.IDBKeyRange });
    v2.version(2).stores(SCHEMA_V2);
    await v2.open();
    v2.close();
    const old = (await openLedgerToRead({ indexedDB: tdb.factory }))!;
    expect(plainReader(old, ['totals'])).toBeUndefined();
    old.close();
    const upgraded = new LedgerDb('callfirst-ledger', { indexedDB: tdb.factory, IDBKeyRange: tdb.IDBKeyRange });
    await upgraded.open();
    const plain = (await openLedgerToRead({ indexedDB: tdb.factory }))!;
    expect(await countDay(plainReader(plain, ['totals'])!, '2026-06-15')).toEqual({ calls: 0, emails: 0 });
    plain.close();
    upgraded.close();
  });

  it('opens no ledger that does not exist yet, and leaves none behind', async () => {
    const tdb = testDatabase('never-opened');
    expect(await openLedgerToRead({ indexedDB: tdb.factory, name: 'never-opened' })).toBeUndefined();
    expect(await tdb.factory.databases()).toEqual([]);
  });
});
