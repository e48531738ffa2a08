import { describe, expect, it } from 'vitest';
import { backoffMs, sendOutbox, settleFailure } from '../../../lib/crm/outbox';
import type { Ledger } from '../../../lib/ledger/ledger';
import { call, ledgerMaker, testDatabase } from '../ledger/helpers';
import { useFakeSalesforce } from './helpers';

const NOW = Date.UTC(2026, 11, 2, 15, 0);
let now = NOW;
const fixture = useFakeSalesforce({ now: () => now });
const makeLedger = ledgerMaker('Europe/London', NOW, { queueCalls: () => true });

async function setUp(): Promise<{ ledger: Ledger; tdb: ReturnType<typeof testDatabase> }> {
  now = NOW;
  const tdb = testDatabase();
  const ledger = makeLedger(tdb);
  const { org, connection } = fixture();
  await connection.connect();
  org.contacts.push({ Id: '003000000000001AAA', Email: 'ada@client.test', Name: 'Ada' });
  return { ledger, tdb };
}

const adaCall = (key: string) =>
  call({ address: 'ada@client.test', name: 'Ada' }, NOW - 60_000, key, {
    purpose: 'renewal',
    discussed: 'price',
    proposed: 'two years',
    nextPurpose: 'sign',
  });

describe('the CRM outbox', () => {
  it('queues a call in the same write as the call, and sends it once with its notes', async () => {
    const { org, connection } = fixture();
    const { ledger } = await setUp();
    await ledger.record(adaCall('call:a'));
    const db = await ledger.openDb();
    expect(await db.outbox.count()).toBe(1);
    expect(await sendOutbox(db, connection, () => now)).toEqual({ sent: 1, nextAt: undefined });
    expect(await db.outbox.count()).toBe(0);
    expect(org.tasks).toHaveLength(1);
    expect(org.tasks[0]).toMatchObject({
      WhoId: '003000000000001AAA',
      CallObject: 'callfirst:call:a',
      Status: 'Completed',
      TaskSubtype: 'Call',
      OwnerId: org.user.Id,
    });
    expect(org.tasks[0]!.Description).toContain('Discussed: price');
    expect(await sendOutbox(db, connection, () => now)).toEqual({ sent: 0, nextAt: undefined });
    expect(org.tasks).toHaveLength(1);
  });

  it('never queues calls read from the CRM, nor anything while not connected', async () => {
    const tdb = testDatabase();
    const off = makeLedger(tdb, { queueCalls: () => false });
    await off.record(adaCall('call:off'));
    await off.record({ ...adaCall('crm:00T1'), source: 'crm' });
    const on = makeLedger(testDatabase('other'));
    await on.record({ ...adaCall('crm:00T2'), source: 'crm' });
    expect(await (await off.openDb()).outbox.count()).toBe(0);
    expect(await (await on.openDb()).outbox.count()).toBe(0);
  });

  it('waits as long as Retry-After says when rate limited, then sends', async () => {
    const { org, connection } = fixture();
    const { ledger } = await setUp();
    await ledger.record(adaCall('call:b'));
    const db = await ledger.openDb();
    org.failNext('createTask', {
      status: 429,
      body: [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'slow down' }],
      headers: { 'Retry-After': '600' },
    });
    const run = await sendOutbox(db, connection, () => now);
    expect(run).toMatchObject({ sent: 0, nextAt: NOW + 600_000, stoppedBy: { kind: 'busy' } });
    expect(await sendOutbox(db, connection, () => now)).toMatchObject({ sent: 0 });
    expect(org.tasks).toHaveLength(0);
    now = NOW + 600_000;
    expect((await sendOutbox(db, connection, () => now)).sent).toBe(1);
    expect(org.tasks).toHaveLength(1);
  });

  it('backs off while offline, keeps every call, and retries at once when asked', async () => {
    const { org, connection } = fixture();
    const { ledger } = await setUp();
    await ledger.record(adaCall('call:c1'));
    await ledger.record(adaCall('call:c2'));
    const db = await ledger.openDb();
    org.offline = true;
    const run = await sendOutbox(db, connection, () => now);
    expect(run).toMatchObject({ sent: 0, stoppedBy: { kind: 'network' }, nextAt: 0 });
    expect((await db.outbox.get('call:c1'))!.nextAt).toBe(NOW + backoffMs(1));
    expect((await sendOutbox(db, connection, () => now)).sent).toBe(0);
    org.offline = false;
    // Asked again (the popup opened): calls that got no answer go at once; rate limits would still wait.
    expect((await sendOutbox(db, connection, () => now, { retryOffline: true })).sent).toBe(2);
    expect(org.tasks.map((t) => t.CallObject).sort()).toEqual(['callfirst:call:c1', 'callfirst:call:c2']);
  });

  it('does not write a call twice when the answer to a write was lost', async () => {
    const { org, connection } = fixture();
    const { ledger } = await setUp();
    await ledger.record(adaCall('call:d'));
    const db = await ledger.openDb();
    // An earlier attempt created the Task, but its answer never arrived.
    org.addTask({ OwnerId: org.user.Id, CallObject: 'callfirst:call:d' });
    await db.outbox.update('call:d', { attempts: 1 });
    expect((await sendOutbox(db, connection, () => now)).sent).toBe(1);
    expect(org.tasks).toHaveLength(1);
    expect(org.log.filter((id) => id === 'createTask')).toHaveLength(0);
  });

  it('keeps a call whose contact is unknown for the rep to settle', async () => {
    const { org, connection } = fixture();
    const { ledger } = await setUp();
    await ledger.record(call('new@client.test', NOW - 60_000, 'call:e'));
    const db = await ledger.openDb();
    await sendOutbox(db, connection, () => now);
    expect(await db.outbox.get('call:e')).toMatchObject({ nextAt: Infinity, failure: { kind: 'contact-not-found' } });
    now += 86_400_000;
    expect((await sendOutbox(db, connection, () => now)).sent).toBe(0);
    await settleFailure(db, 'call:e', 'without-contact');
    expect((await sendOutbox(db, connection, () => now)).sent).toBe(1);
    expect(org.tasks[0]).not.toHaveProperty('WhoId');
  });

  it('reports a field the org does not allow, and sends after the admin fixes it', async () => {
    const { org, connection } = fixture();
    const { ledger } = await setUp();
    await ledger.record(adaCall('call:f'));
    const db = await ledger.openDb();
    org.hiddenFields.add('CallObject');
    await sendOutbox(db, connection, () => now);
    const refused = await db.outbox.get('call:f');
    expect(refused?.failure?.kind).toBe('field-not-allowed');
    expect(refused?.failure?.message).toContain('CallObject');
    org.hiddenFields.clear();
    await settleFailure(db, 'call:f', 'retry');
    expect((await sendOutbox(db, connection, () => now)).sent).toBe(1);
    expect(org.tasks).toHaveLength(1);
  });

  it('refreshes an expired session once and sends', async () => {
    const { org, connection } = fixture();
    const { ledger } = await setUp();
    await ledger.record(adaCall('call:g'));
    org.expireSessions();
    expect((await sendOutbox(await ledger.openDb(), connection, () => now)).sent).toBe(1);
    expect(org.log.filter((id) => id === 'token')).toHaveLength(2);
  });

  it('discards a call on the rep’s word, leaving it in the ledger', async () => {
    const { connection } = fixture();
    const { ledger } = await setUp();
    await ledger.record(call({ name: 'Someone' }, NOW - 60_000, 'call:h'));
    const db = await ledger.openDb();
    await sendOutbox(db, connection, () => now);
    await settleFailure(db, 'call:h', 'discard');
    expect(await db.outbox.count()).toBe(0);
    expect(await db.calls.get('call:h')).toBeDefined();
  });
});
