import { beforeEach, describe, expect, it } from 'vitest';
import { readDashboard } from '../../../lib/ledger/dashboard';
import { contactHistories, countDay, dailyCounts, nudgeCounts, overdueContacts } from '../../../lib/ledger/queries';
import { at, call, email, ledgerMaker, nudge, testDatabase, useEnglishMessages } from './helpers';
import { dexieReader } from '../../../lib/ledger/reader';

const ZONE = 'America/New_York';
const NOW = at('2026-06-15T16:00:00Z'); // Monday, noon in New York
const DAY = 86_400_000;

const makeLedger = ledgerMaker(ZONE, NOW);

beforeEach(useEnglishMessages);

describe('counting by local day', () => {
  it('counts today’s calls and emails in the rep’s zone', async () => {
    const tdb = testDatabase();
    const ledger = makeLedger(tdb);
    // 23:30 Sunday in New York (03:30Z Monday): yesterday, though it is Monday in UTC.
    await ledger.record(email('a@x.example', at('2026-06-15T03:30:00Z')));
    // 00:30 Monday in New York: today.
    await ledger.record(email('a@x.example', at('2026-06-15T04:30:00Z')));
    await ledger.record(email('b@x.example', NOW));
    await ledger.record(call('a@x.example', NOW));
    const db = await ledger.openDb();
    expect(await countDay(dexieReader(db), '2026-06-15')).toEqual({ calls: 1, emails: 2 });
    expect(await countDay(dexieReader(db), '2026-06-14')).toEqual({ calls: 0, emails: 1 });
    expect(await ledger.todayCounts()).toEqual({ calls: 1, emails: 2 });
  });

  it('keeps the day fixed when the event happened, whatever the zone later', async () => {
    const tdb = testDatabase();
    let zone = 'Europe/Berlin';
    const ledger = makeLedger(tdb, { timeZone: () => zone });
    await ledger.record(call('a@x.example', at('2026-06-15T22:30:00Z'))); // 00:30 Tuesday in Berlin
    zone = 'America/New_York'; // the rep flies home
    await ledger.record(call('a@x.example', at('2026-06-15T23:00:00Z'))); // 19:00 Monday in New York
    const db = await ledger.openDb();
    expect(await countDay(dexieReader(db), '2026-06-16')).toEqual({ calls: 1, emails: 0 });
    expect(await countDay(dexieReader(db), '2026-06-15')).toEqual({ calls: 1, emails: 0 });
  });

  it('counts each day once across daylight-saving changes', async () => {
    const tdb = testDatabase();
    const ledger = makeLedger(tdb, { now: () => at('2026-11-02T17:00:00Z') });
    // The 25-hour day of 2026-11-01: 00:30 EDT, 01:30 EDT, 01:30 EST (again), 23:30 EST.
    for (const iso of [
      '2026-11-01T04:30:00Z',
      '2026-11-01T05:30:00Z',
      '2026-11-01T06:30:00Z',
      '2026-11-02T04:30:00Z',
    ]) {
      await ledger.record(email('a@x.example', at(iso)));
    }
    await ledger.record(email('a@x.example', at('2026-11-02T05:30:00Z'))); // 00:30 EST on the 2nd
    const db = await ledger.openDb();
    const days = await dailyCounts(dexieReader(db), '2026-10-31', '2026-11-02');
    expect(days.map((d) => [d.day, d.emails])).toEqual([
      ['2026-10-31', 0],
      ['2026-11-01', 4],
      ['2026-11-02', 1],
    ]);
  });
});

describe('exactly once', () => {
  it('stores an event recorded twice (two detection paths) once', async () => {
    const ledger = makeLedger(testDatabase());
    const sent = email('a@x.example', NOW, 'send:draft-1');
    expect(await ledger.record(sent)).toBe('saved');
    expect(await ledger.record({ ...sent })).toBe('duplicate');
    expect(await ledger.todayCounts()).toEqual({ calls: 0, emails: 1 });
    const [history] = await ledger.contactHistory(['a@x.example']);
    expect(history?.emailsSinceLastCall).toBe(1);
  });

  it('counts sends from several tabs at the same moment, each once', async () => {
    const ledger = makeLedger(testDatabase());
    const sends = Array.from({ length: 40 }, (_, i) => email(`p${i % 5}@x.example`, NOW, `send:tab${i}`));
    const outcomes = await Promise.all([...sends, ...sends.slice(0, 10)].map((e) => ledger.record(e)));
    expect(outcomes.filter((o) => o === 'saved')).toHaveLength(40);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(10);
    expect(await ledger.todayCounts()).toEqual({ calls: 0, emails: 40 });
    const histories = await ledger.contactHistory(['p0@x.example', 'p4@x.example']);
    expect(histories.map((h) => h.emailsSinceLastCall)).toEqual([8, 8]);
  });

  it('counts concurrent writes from two contexts on the same database', async () => {
    const tdb = testDatabase();
    const a = makeLedger(tdb);
    const b = makeLedger(tdb);
    const events = Array.from({ length: 30 }, (_, i) => email('same@x.example', NOW + i, `k${i}`));
    await Promise.all(events.flatMap((e, i) => (i % 2 ? [a.record(e), b.record(e)] : [b.record(e), a.record(e)])));
    const db = await a.openDb();
    expect(await countDay(dexieReader(db), '2026-06-15')).toEqual({ calls: 0, emails: 30 });
    const [h] = await contactHistories(db, ['same@x.example']);
    expect(h?.emailsSinceLastCall).toBe(30);
  });
});

describe('contacts', () => {
  it('tracks last email, last call and emails since', async () => {
    const ledger = makeLedger(testDatabase());
    await ledger.record(email([{ address: 'Dana@Acme.example', name: 'Dana Lee' }], NOW - 50 * DAY));
    await ledger.record(call('dana@acme.example', NOW - 41 * DAY));
    for (let i = 6; i >= 1; i--) await ledger.record(email('dana@acme.example', NOW - i * DAY));
    const [h] = await ledger.contactHistory(['DANA@acme.example']);
    expect(h).toEqual({
      address: 'dana@acme.example',
      name: 'Dana Lee',
      lastCallAt: NOW - 41 * DAY,
      lastEmailAt: NOW - DAY,
      emailsSinceLastCall: 6,
      firstEmailSinceCallAt: NOW - 6 * DAY,
      lastCall: { at: NOW - 41 * DAY },
    });
    expect(await ledger.contactHistory(['nobody@x.example'])).toEqual([]);
  });

  it('recounts when a call arrives after later emails were recorded', async () => {
    const ledger = makeLedger(testDatabase());
    await ledger.record(email('a@x.example', NOW - 3 * DAY));
    await ledger.record(email('a@x.example', NOW - DAY));
    await ledger.record(call('a@x.example', NOW - 2 * DAY)); // logged late
    const [h] = await ledger.contactHistory(['a@x.example']);
    expect(h?.lastCallAt).toBe(NOW - 2 * DAY);
    expect(h?.emailsSinceLastCall).toBe(1);
    expect(h?.firstEmailSinceCallAt).toBe(NOW - DAY);
    await ledger.record(call('a@x.example', NOW - 5 * DAY)); // an older call changes nothing but the count
    expect((await ledger.contactHistory(['a@x.example']))[0]?.emailsSinceLastCall).toBe(1);
  });

  it('attaches a call logged by name to the one known contact of that name', async () => {
    const ledger = makeLedger(testDatabase());
    await ledger.record(email([{ address: 'dana@acme.example', name: 'Dana Lee' }], NOW - DAY));
    await ledger.record(call({ name: 'dana lee' }, NOW));
    const [h] = await ledger.contactHistory(['dana@acme.example']);
    expect(h?.lastCallAt).toBe(NOW);
    expect(h?.emailsSinceLastCall).toBe(0);
    // A name nobody has an address for becomes a contact of its own.
    await ledger.record(call({ name: 'Sam Roe' }, NOW));
    expect(await ledger.contactHistory([], ['Sam Roe'])).toEqual([
      { address: '', name: 'Sam Roe', lastCallAt: NOW, emailsSinceLastCall: 0, lastCall: { at: NOW } },
    ]);
  });

  it('lists overdue contacts, most emails since the last call first', async () => {
    const ledger = makeLedger(testDatabase());
    for (let i = 0; i < 6; i++) await ledger.record(email('six@x.example', NOW - i * DAY));
    await ledger.record(call('old@x.example', NOW - 41 * DAY));
    await ledger.record(email('old@x.example', NOW - 2 * DAY));
    await ledger.record(email('fine@x.example', NOW - DAY));
    await ledger.record(call('called@x.example', NOW - DAY));
    await ledger.record(email('called@x.example', NOW));
    const db = await ledger.openDb();
    const overdue = await overdueContacts(dexieReader(db), NOW, { overdueDays: 30 });
    expect(overdue.map((o) => [o.id, o.reason])).toEqual([
      ['six@x.example', 'repeated_emails'],
      ['old@x.example', 'no_recent_call'],
    ]);
  });
});

describe('streaks, charts and nudges', () => {
  it('counts days in a row that met the goal, with today in progress', async () => {
    const ledger = makeLedger(testDatabase());
    const callsPerDay = [2, 0, 2, 3, 2, 1]; // 5 days ago … today
    for (const [i, n] of callsPerDay.entries()) {
      const daysAgo = callsPerDay.length - 1 - i;
      for (let k = 0; k < n; k++) await ledger.record(call(`c${k}@x.example`, NOW - daysAgo * DAY + k));
    }
    const db = await ledger.openDb();
    const base = { today: '2026-06-15', now: NOW, overdueDays: 30 };
    // Today (1 call) has not met a goal of 2 yet: the streak is the three days before.
    expect((await readDashboard(db, { ...base, dailyCallGoal: 2 })).streak).toBe(3);
    // One more call today extends it.
    await ledger.record(call('x@x.example', NOW + 1));
    const dash = await readDashboard(db, { ...base, dailyCallGoal: 2 });
    expect(dash.streak).toBe(4);
    expect(dash.goalMet).toBe(true);
    expect((await readDashboard(db, { ...base, dailyCallGoal: 3 })).streak).toBe(0);
    expect((await readDashboard(db, { ...base, dailyCallGoal: 0 })).streak).toBe(0);
  });

  it('follows a streak longer than the first window', async () => {
    const ledger = makeLedger(testDatabase());
    for (let d = 0; d < 50; d++) await ledger.record(call('a@x.example', NOW - d * DAY));
    const db = await ledger.openDb();
    const dash = await readDashboard(db, { today: '2026-06-15', now: NOW, overdueDays: 30, dailyCallGoal: 1 });
    expect(dash.streak).toBe(50);
  });

  it('gives the last 30 days zero-filled and this week’s nudges', async () => {
    const ledger = makeLedger(testDatabase());
    await ledger.record(email('a@x.example', NOW - 29 * DAY));
    await ledger.record(email('a@x.example', NOW - 30 * DAY)); // outside the chart
    await ledger.record(call('a@x.example', NOW - 7 * DAY));
    await ledger.record(nudge('nudge_shown', NOW));
    await ledger.record(nudge('nudge_shown', NOW));
    await ledger.record(nudge('nudge_accepted', NOW));
    await ledger.record(nudge('nudge_dismissed', NOW - DAY)); // Sunday: last week
    const db = await ledger.openDb();
    const dash = await readDashboard(db, { today: '2026-06-15', now: NOW, overdueDays: 30, dailyCallGoal: 5 });
    expect(dash.days).toHaveLength(30);
    expect(dash.days[0]).toEqual({ day: '2026-05-17', calls: 0, emails: 1 });
    expect(dash.days.reduce((n, d) => n + d.calls, 0)).toBe(1);
    expect(dash.weekStart).toBe('2026-06-15');
    expect(dash.nudges).toEqual({ shown: 2, accepted: 1, dismissed: 0 });
    expect(await nudgeCounts(dexieReader(db), '2026-06-08', '2026-06-15')).toEqual({
      shown: 2,
      accepted: 1,
      dismissed: 1,
    });
  });
});

describe('retention and deletion', () => {
  it('prunes events older than the retention period, and contacts not seen since', async () => {
    const ledger = makeLedger(testDatabase());
    await ledger.record(email('gone@x.example', NOW - 400 * DAY));
    await ledger.record(call('kept@x.example', NOW - 400 * DAY, 'old-call', { purpose: 'old' }));
    await ledger.record(email('kept@x.example', NOW - 364 * DAY));
    await ledger.record(email('kept@x.example', NOW));
    expect(await ledger.prune(365)).toBe(2);
    const db = await ledger.openDb();
    expect(await db.events.count()).toBe(2);
    expect(await db.calls.count()).toBe(0);
    expect((await db.contacts.toArray()).map((c) => c.id)).toEqual(['kept@x.example']);
    // The contact keeps its summary: the last call is still known, as history.
    expect((await ledger.contactHistory(['kept@x.example']))[0]?.lastCallAt).toBe(NOW - 400 * DAY);
    expect(await ledger.prune(1)).toBe(1);
    expect(await db.events.count()).toBe(1);
  });

  it('deletes everything', async () => {
    const ledger = makeLedger(testDatabase());
    await ledger.record(email('a@x.example'));
    await ledger.record(call('a@x.example'));
    await ledger.clear();
    const db = await ledger.openDb();
    expect([await db.events.count(), await db.calls.count(), await db.contacts.count()]).toEqual([0, 0, 0]);
    expect(await ledger.todayCounts()).toEqual({ calls: 0, emails: 0 });
  });
});
