import { beforeEach, describe, expect, it } from 'vitest';
import { describeLastCall } from '../../../lib/contact-history';
import { memoryPendingStore } from '../../../lib/ledger/ledger';
import { overdueContacts } from '../../../lib/ledger/queries';
import type { LedgerEvent, Reason } from '../../../lib/messages';
import { at, call, email, ledgerMaker, testDatabase, useEnglishMessages } from './helpers';
import { dexieReader } from '../../../lib/ledger/reader';

const NOW = at('2026-06-15T12:00:00Z');
const DAY = 86_400_000;
const DANA = 'dana@acme.example';

const makeLedger = ledgerMaker('UTC', NOW);

beforeEach(useEnglishMessages);

let seq = 0;
function shown(reasons: Reason[], when: number, to = DANA): LedgerEvent {
  const key = `shown:${++seq}`;
  return { type: 'nudge_shown', key, at: when, recipients: [{ address: to }], level: 'suggest', reasons };
}

const NOTES = {
  discussed: 'Budget is approved',
  proposed: 'A pilot from the 1st',
  nextPurpose: 'confirm pilot start date',
};

describe('the last call in the contact history', () => {
  it('carries the notes of the latest call, however late it was logged', async () => {
    const ledger = makeLedger(testDatabase());
    await ledger.record(call(DANA, NOW - 5 * DAY, 'c1', { ...NOTES, purpose: 'Agree the pilot' }));
    await ledger.record(call(DANA, NOW - 9 * DAY, 'c0', { nextPurpose: 'an older plan' }));
    const [h] = await ledger.contactHistory([DANA]);
    expect(h?.lastCall).toEqual({ at: NOW - 5 * DAY, ...NOTES });
    await ledger.record(call(DANA, NOW - DAY, 'c2', { discussed: '  ' }));
    expect((await ledger.contactHistory([DANA]))[0]?.lastCall).toEqual({ at: NOW - DAY });
  });

  it('gives overdue contacts their last call, for the next purpose in the popup', async () => {
    const ledger = makeLedger(testDatabase());
    await ledger.record(call(DANA, NOW - 6 * DAY, 'c1', NOTES));
    for (let i = 3; i >= 1; i--) await ledger.record(email(DANA, NOW - i * DAY));
    await ledger.record(email('never@x.example', NOW - DAY));
    for (let i = 3; i >= 1; i--) await ledger.record(email('never@x.example', NOW - i * DAY));
    const overdue = await overdueContacts(dexieReader(await ledger.openDb()), NOW, { overdueDays: 30 });
    expect(overdue.map((o) => [o.id, o.lastCall?.nextPurpose])).toEqual([
      ['never@x.example', undefined],
      [DANA, 'confirm pilot start date'],
    ]);
  });

  it('remembers the last nudge of the past week that had "overdue" as its only reason', async () => {
    const ledger = makeLedger(testDatabase());
    await ledger.record(email(DANA, NOW - 10 * DAY));
    await ledger.record(shown(['overdue'], NOW - 8 * DAY)); // more than a week ago
    await ledger.record(shown(['checkin', 'overdue'], NOW - DAY)); // not alone
    await ledger.record(shown(['overdue'], NOW - DAY, 'other@x.example')); // someone else
    expect((await ledger.contactHistory([DANA]))[0]?.lastOverdueOnlyNudgeAt).toBeUndefined();
    await ledger.record(shown(['overdue'], NOW - 3 * DAY));
    await ledger.record(shown(['overdue'], NOW - 2 * DAY));
    expect((await ledger.contactHistory([DANA]))[0]?.lastOverdueOnlyNudgeAt).toBe(NOW - 2 * DAY);
  });

  it('counts calls and nudges held in memory while storage fails', async () => {
    const tdb = testDatabase();
    const ledger = makeLedger(tdb, { pending: memoryPendingStore() });
    await ledger.record(email(DANA, NOW - 2 * DAY));
    tdb.failure.writes = true;
    expect(await ledger.record(call(DANA, NOW - DAY, 'c1', NOTES))).toBe('kept_in_memory');
    expect(await ledger.record(shown(['overdue'], NOW - 60_000))).toBe('kept_in_memory');
    expect((await ledger.contactHistory([DANA]))[0]).toMatchObject({
      lastCall: { at: NOW - DAY, ...NOTES },
      lastOverdueOnlyNudgeAt: NOW - 60_000,
    });
  });
});

describe('describeLastCall', () => {
  it('says when, who (from a CRM) and what was discussed and proposed, in one line', () => {
    expect(describeLastCall({ at: NOW - 12 * DAY, ...NOTES }, NOW, { timeZone: 'UTC' })).toBe(
      'Last call 12 days ago · Discussed: Budget is approved · Proposed: A pilot from the 1st',
    );
    expect(describeLastCall({ at: NOW - 12 * DAY, by: 'Priya' }, NOW, { timeZone: 'UTC' })).toBe(
      'Last call 12 days ago, by Priya',
    );
    expect(describeLastCall({ at: NOW - DAY, proposed: 'Start on\n the 1st.' }, NOW, { timeZone: 'UTC' })).toBe(
      'Last call yesterday · Proposed: Start on the 1st',
    );
  });
});
