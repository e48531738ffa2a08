import { describe, expect, it } from 'vitest';
import { callFromTask, errorOf, retryAfterMs, soqlString, taskFor } from '../../../lib/crm/salesforce';
import { callEvent, pullCalls } from '../../../lib/crm/sync';
import type { OutgoingCall } from '../../../lib/crm/types';
import type { CallLogged, RecordOutcome } from '../../../lib/messages';
import { useFakeSalesforce } from './helpers';

const call: OutgoingCall = {
  key: 'call:1',
  at: Date.UTC(2026, 11, 2, 15, 30),
  day: '2026-12-02',
  contact: { address: 'ada@client.test', name: 'Ada' },
  notes: { purpose: 'renewal terms', discussed: 'the price', proposed: 'a 2-year deal', nextPurpose: 'sign the order' },
};

describe('mapping a call to a Task', () => {
  it('writes a completed call with our key, the date and the three labelled notes', () => {
    expect(taskFor(call, { id: '003000000000001AAA', kind: 'Contact' })).toEqual({
      Subject: 'Call: renewal terms',
      TaskSubtype: 'Call',
      Status: 'Completed',
      ActivityDate: '2026-12-02',
      Description:
        'Discussed: the price\nProposed: a 2-year deal\nPurpose of the next contact: sign the order\nLogged with CallFirst.',
      CallObject: 'callfirst:call:1',
      WhoId: '003000000000001AAA',
    });
  });

  it('sends no note at all when the policy says not to', () => {
    const { notes: _notes, ...bare } = call;
    const task = taskFor(bare, null);
    expect(task.Subject).toBe('Call');
    expect(task.Description).toBe('Logged with CallFirst.');
    expect(JSON.stringify(task)).not.toMatch(/renewal|price|2-year|order/);
    expect(task).not.toHaveProperty('WhoId');
  });

  it('reads a Task back with our key, when it has one, and the contact', () => {
    expect(
      callFromTask({
        Id: '00T1',
        CallObject: 'callfirst:call:1',
        CompletedDateTime: '2026-12-02T15:30:00.000+0000',
        CreatedDate: '2026-12-02T15:31:00.000+0000',
        Who: { Email: 'Ada@Client.test', Name: 'Ada' },
      }),
    ).toEqual({ id: '00T1', at: call.at, ourKey: 'call:1', contact: { address: 'ada@client.test', name: 'Ada' } });
    expect(callEvent({ id: '00T2', at: 5, contact: {} }).key).toBe('crm:00T2');
    expect(callEvent({ id: '00T3', at: 5, ourKey: 'call:9', contact: {} })).toMatchObject({
      key: 'call:9',
      source: 'crm',
    });
  });

  it('quotes SOQL strings', () => {
    expect(soqlString("o'brien\\x@y.test")).toBe("'o\\'brien\\\\x@y.test'");
  });
});

describe('Salesforce errors', () => {
  const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    errorOf(new Response(JSON.stringify(body), { status, headers }));

  it('sorts them into what the outbox does', async () => {
    expect((await answer(401, [{ errorCode: 'INVALID_SESSION_ID', message: 'x' }])).kind).toBe('auth');
    expect(await answer(429, [], { 'Retry-After': '7' })).toMatchObject({ kind: 'busy', retryAfterMs: 7000 });
    expect((await answer(503, [])).kind).toBe('busy');
    expect(await answer(403, [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'x' }])).toMatchObject({
      kind: 'busy',
      retryAfterMs: 3_600_000,
    });
    expect((await answer(400, [{ errorCode: 'INVALID_FIELD', message: 'x' }])).kind).toBe('field-not-allowed');
    expect((await answer(400, { error: 'invalid_grant', error_description: 'x' })).kind).toBe('signed-out');
    expect((await answer(400, [{ errorCode: 'REQUIRED_FIELD_MISSING', message: 'x' }])).kind).toBe('rejected');
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterMs('120')).toBe(120_000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(retryAfterMs(null)).toBeUndefined();
  });
});

const fixture = useFakeSalesforce();

describe('against the local Salesforce', () => {
  it('finds a Contact, else a Lead, by address', async () => {
    const { org, connection } = fixture();
    await connection.connect();
    org.contacts.push({ Id: '003000000000001AAA', Email: 'ada@client.test', Name: 'Ada' });
    org.leads.push({ Id: '00Q000000000001AAA', Email: "o'brien@lead.test", Name: 'Pat' });
    const find = (address: string) => connection.run((s) => connection.provider.findPerson(s, address));
    expect(await find('ada@client.test')).toEqual({ id: '003000000000001AAA', kind: 'Contact' });
    expect(await find("o'brien@lead.test")).toEqual({ id: '00Q000000000001AAA', kind: 'Lead' });
    expect(await find('nobody@client.test')).toBeNull();
  });

  it('reads the rep’s calls across pages, and the team’s last call with each person', async () => {
    const { org, connection } = fixture();
    await connection.connect();
    org.pageSize = 2;
    org.contacts.push({ Id: '003000000000001AAA', Email: 'ada@client.test', Name: 'Ada' });
    org.users.set('005000000000009AAA', 'Priya');
    // Salesforce keeps whole seconds.
    const base = Math.floor((Date.now() - 86_400_000) / 1000) * 1000;
    for (let i = 0; i < 5; i++) org.addTask({ OwnerId: org.user.Id, WhoId: '003000000000001AAA' }, base + i * 60_000);
    org.addTask({ OwnerId: '005000000000009AAA', WhoId: '003000000000001AAA' }, base + 3_600_000);
    const mine = await connection.run((s) => connection.provider.readCalls(s, base - 1000));
    expect(mine).toHaveLength(5);
    expect(mine[0]!.contact).toEqual({ address: 'ada@client.test', name: 'Ada' });
    const last = await connection.run((s) => connection.provider.lastCalls(s, ['ada@client.test', 'x@y.test']));
    expect(last).toEqual([{ address: 'ada@client.test', at: base + 3_600_000, by: 'Priya' }]);
    // The rep's own latest call names nobody.
    org.addTask({ OwnerId: org.user.Id, WhoId: '003000000000001AAA' }, base + 7_200_000);
    const own = await connection.run((s) => connection.provider.lastCalls(s, ['ada@client.test']));
    expect(own).toEqual([{ address: 'ada@client.test', at: base + 7_200_000 }]);
  });

  it('asks for the team’s last calls in queries short enough for a URL, however many people', async () => {
    const { org, connection } = fixture();
    await connection.connect();
    const addresses = Array.from({ length: 100 }, (_, i) => `someone.with.a.long.name.${i}@client-company.test`);
    org.contacts.push({ Id: '003000000000001AAA', Email: addresses[99]!, Name: 'Last' });
    org.users.set('005000000000009AAA', 'Priya');
    const at = Math.floor(Date.now() / 1000) * 1000;
    org.addTask({ OwnerId: '005000000000009AAA', WhoId: '003000000000001AAA' }, at);
    const last = await connection.run((s) => connection.provider.lastCalls(s, addresses));
    expect(last).toEqual([{ address: addresses[99], at, by: 'Priya' }]);
    // Several Contact and Lead queries, each within docs/salesforce-api.yaml's limit (checked after each test).
    expect(org.log.filter((id) => id === 'query').length).toBeGreaterThan(2);
  });

  it('records synced calls through the ledger, under our key when CallFirst wrote them', async () => {
    const { org, connection } = fixture();
    await connection.connect();
    org.addTask({ OwnerId: org.user.Id, CallObject: 'callfirst:call:local' });
    org.addTask({ OwnerId: org.user.Id });
    org.addTask({ OwnerId: '005000000000009AAA' });
    const recorded: CallLogged[] = [];
    const ledger = {
      record: (e: CallLogged): Promise<RecordOutcome> => {
        recorded.push(e);
        return Promise.resolve(e.key === 'call:local' ? 'duplicate' : 'saved');
      },
    };
    expect(await pullCalls(connection, ledger)).toBe(1);
    expect(recorded.map((e) => e.key)).toEqual(['call:local', `crm:${org.tasks[1]!.Id}`]);
    expect(typeof (await connection.status()).lastSyncAt).toBe('number');
  });
});
