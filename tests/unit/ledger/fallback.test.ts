import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readDashboard, readToday } from '../../../lib/ledger/dashboard';
import { classifyStorageError, memoryPendingStore } from '../../../lib/ledger/ledger';
import { countDay } from '../../../lib/ledger/queries';
import { at, call, email, ledgerMaker, testDatabase, useEnglishMessages } from './helpers';
import { dexieReader } from '../../../lib/ledger/reader';

const ZONE = 'UTC';
const NOW = at('2026-06-15T12:00:00Z');

const makeLedger = ledgerMaker(ZONE, NOW, { openTimeoutMs: 200 });

beforeEach(useEnglishMessages);

describe('when IndexedDB fails', () => {
  it('keeps counting in memory when writes fail, and saves everything once storage is back', async () => {
    const tdb = testDatabase();
    const store = memoryPendingStore();
    const ledger = makeLedger(tdb, { pending: store });
    await ledger.record(email('a@x.example', NOW - 1000, 'e1'));

    tdb.failure.writes = true;
    expect(await ledger.record(email('a@x.example', NOW, 'e2'))).toBe('kept_in_memory');
    expect(await ledger.record(call('a@x.example', NOW + 1, 'c1', { discussed: 'pricing' }))).toBe('kept_in_memory');
    expect(await ledger.record(email('a@x.example', NOW, 'e2'))).toBe('duplicate');
    expect(ledger.getStatus()).toMatchObject({ persistent: false, problem: 'quota', pending: 2 });
    expect(store.state?.events.map((p) => p.event.key)).toEqual(['e2', 'c1']);
    // Counts and history go on, from the database and memory together.
    expect(await ledger.todayCounts()).toEqual({ calls: 1, emails: 2 });
    expect((await ledger.contactHistory(['a@x.example']))[0]).toMatchObject({
      lastCallAt: NOW + 1,
      emailsSinceLastCall: 0,
    });

    // Still failing: the retry keeps them.
    expect(await ledger.flush()).toBe(false);
    tdb.failure.writes = false;
    expect(await ledger.flush()).toBe(true);
    expect(ledger.getStatus()).toEqual({ persistent: true, pending: 0 });
    expect(store.state?.events).toEqual([]);
    const db = await ledger.openDb();
    expect(await countDay(dexieReader(db), '2026-06-15')).toEqual({ calls: 1, emails: 2 });
    expect((await db.calls.get('c1'))?.notes.discussed).toBe('pricing');
  });

  it('says storage is unavailable when the database will not open, and recovers', async () => {
    const tdb = testDatabase();
    tdb.failure.opens = true;
    tdb.failure.error = () =>
      new DOMException(
        'A mutation operation was attempted on a database that did not allow mutations.',
        'InvalidStateError',
      );
    const ledger = makeLedger(tdb);
    expect(await ledger.record(email('a@x.example', NOW, 'e1'))).toBe('kept_in_memory');
    expect(ledger.getStatus().problem).toBe('unavailable');
    expect(await ledger.todayCounts()).toEqual({ calls: 0, emails: 1 });
    expect(await ledger.contactHistory(['a@x.example'])).toEqual([
      { address: 'a@x.example', lastEmailAt: NOW, emailsSinceLastCall: 1, firstEmailSinceCallAt: NOW },
    ]);
    tdb.failure.opens = false;
    // The next record takes the pending events with it.
    expect(await ledger.record(email('a@x.example', NOW, 'e2'))).toBe('saved');
    expect(ledger.getStatus().persistent).toBe(true);
    expect(await countDay(dexieReader(await ledger.openDb()), '2026-06-15')).toEqual({ calls: 0, emails: 2 });
  });

  it('treats an open that never finishes (a blocked upgrade) as a failure', async () => {
    const tdb = testDatabase();
    const ledger = makeLedger(tdb, {
      openTimeoutMs: 30,
      createDb: () => {
        const db = tdb.create(ZONE);
        db.open = () => new Promise(() => undefined) as never;
        return db;
      },
    });
    expect(await ledger.record(email('a@x.example', NOW, 'e1'))).toBe('kept_in_memory');
    expect(ledger.getStatus().problem).toBe('blocked');
  });

  it('retries on a timer with backoff', async () => {
    const tdb = testDatabase();
    const ledger = makeLedger(tdb, { retryDelaysMs: [20] });
    tdb.failure.writes = true;
    await ledger.record(email('a@x.example', NOW, 'e1'));
    tdb.failure.writes = false;
    // The retry timer (20 ms) saves the event; waited for as the status it leaves, however slow the machine.
    await vi.waitFor(() => expect(ledger.getStatus()).toEqual({ persistent: true, pending: 0 }), { timeout: 5_000 });
    expect(await countDay(dexieReader(await ledger.openDb()), '2026-06-15')).toEqual({ calls: 0, emails: 1 });
  });

  it('never stores twice an event that reached the database another way meanwhile', async () => {
    const tdb = testDatabase();
    const store = memoryPendingStore();
    const failing = makeLedger(tdb, { pending: store });
    tdb.failure.writes = true;
    await failing.record(email('a@x.example', NOW, 'shared'));
    tdb.failure.writes = false;
    const other = makeLedger(tdb);
    await other.record(email('a@x.example', NOW, 'shared'));
    expect(await failing.flush()).toBe(true);
    const db = await other.openDb();
    expect(await countDay(dexieReader(db), '2026-06-15')).toEqual({ calls: 0, emails: 1 });
    expect((await other.contactHistory(['a@x.example']))[0]?.emailsSinceLastCall).toBe(1);
  });

  it('picks up events kept before the service worker stopped', async () => {
    const tdb = testDatabase();
    const store = memoryPendingStore();
    const first = makeLedger(tdb, { pending: store });
    tdb.failure.writes = true;
    await first.record(email('a@x.example', NOW, 'e1'));
    await first.record(call('a@x.example', NOW, 'c1'));
    first.close(); // the worker stops; only the store remains
    tdb.failure.writes = false;
    const second = makeLedger(tdb, { pending: store });
    expect(second.getPending()).toEqual([]); // not loaded yet…
    expect(await second.todayCounts()).toEqual({ calls: 1, emails: 1 }); // …but counted once loaded
    expect(await second.flush()).toBe(true);
    expect(store.state?.events).toEqual([]);
    expect(await countDay(dexieReader(await second.openDb()), '2026-06-15')).toEqual({ calls: 1, emails: 1 });
  });

  it('merges pending events into the popup’s numbers without counting any twice', async () => {
    const tdb = testDatabase();
    const ledger = makeLedger(tdb);
    await ledger.record(call('a@x.example', NOW, 'in-db'));
    const db = await ledger.openDb();
    const pending = [
      { event: call('a@x.example', NOW, 'in-db'), day: '2026-06-15' }, // already saved
      { event: call('b@x.example', NOW, 'mem-1'), day: '2026-06-15' },
      { event: email('b@x.example', NOW - 86_400_000, 'mem-2'), day: '2026-06-14' },
    ];
    expect(await readToday(db, '2026-06-15', pending)).toEqual({ calls: 2, emails: 0 });
    expect(await readToday(null, '2026-06-15', pending)).toEqual({ calls: 2, emails: 0 });
    const dash = await readDashboard(db, { today: '2026-06-15', now: NOW, overdueDays: 30, dailyCallGoal: 2, pending });
    expect(dash.counts).toEqual({ calls: 2, emails: 0 });
    expect(dash.goalMet).toBe(true);
    expect(dash.streak).toBe(1);
    expect(dash.days.at(-2)).toEqual({ day: '2026-06-14', calls: 0, emails: 1 });
    const memOnly = await readDashboard(null, {
      today: '2026-06-15',
      now: NOW,
      overdueDays: 30,
      dailyCallGoal: 2,
      pending,
    });
    expect(memOnly.counts).toEqual({ calls: 2, emails: 0 });
  });

  it('sorts storage errors into plain categories', () => {
    expect(classifyStorageError(new DOMException('x', 'QuotaExceededError'))).toBe('quota');
    expect(classifyStorageError({ name: 'OpenFailedError', inner: { name: 'QuotaExceededError' } })).toBe('quota');
    expect(classifyStorageError({ name: 'MissingAPIError' })).toBe('unavailable');
    expect(classifyStorageError({ name: 'OpenFailedError', inner: { name: 'InvalidStateError' } })).toBe('unavailable');
    expect(classifyStorageError({ name: 'OpenTimeoutError' })).toBe('blocked');
    expect(classifyStorageError({ name: 'UnknownError', message: 'Internal error opening backing store' })).toBe(
      'failed',
    );
  });
});
