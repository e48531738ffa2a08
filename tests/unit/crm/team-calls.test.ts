/**
 * The team's last call from the CRM, laid over the ledger's: the nudge's contact line and overdue
 * signal, and the popup's overdue list, count the emails since the last call by anyone on the team.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { TeamCalls, withTeamCall } from '../../../lib/crm/team-calls';
import { describeContactHistory, describeLastCall } from '../../../lib/contact-history';
import { toAnalysisContact } from '../../../lib/coach/contact';
import type { Ledger } from '../../../lib/ledger/ledger';
import { overdueContacts, teamOverdueCandidates, withTeamHistories } from '../../../lib/ledger/queries';
import { call, email, englishMessage, ledgerMaker, testDatabase, useEnglishMessages } from '../ledger/helpers';
import { useFakeSalesforce } from './helpers';
import { dexieReader } from '../../../lib/ledger/reader';

const DAY = 86_400_000;
// Salesforce keeps whole seconds.
const NOW = Math.floor(Date.now() / 1000) * 1000;
const OPTIONS = { overdueDays: 30 };
const PRIYA = '005000000000009AAA';

const fixture = useFakeSalesforce();
const makeLedger = ledgerMaker('UTC', NOW);

beforeEach(useEnglishMessages);

/** A connected org where Priya (a teammate) called `who` at each time given. */
async function orgWithPriyaCalls(calls: Record<string, number>) {
  const { org, connection } = fixture();
  await connection.connect();
  org.users.set(PRIYA, 'Priya');
  let n = 0;
  for (const [address, at] of Object.entries(calls)) {
    const id = `003000000000${String(++n).padStart(3, '0')}AAA`;
    org.contacts.push({ Id: id, Email: address, Name: address });
    org.addTask({ OwnerId: PRIYA, WhoId: id }, at);
  }
  return { org, connection };
}

/** What the background answers to `contact_history`: the ledger's histories with the team's calls over them. */
function backgroundAnswer(
  team: TeamCalls,
  connection: Awaited<ReturnType<typeof orgWithPriyaCalls>>['connection'],
  ledger: Ledger,
) {
  return async (addresses: string[]) =>
    team.over(connection, await ledger.contactHistory(addresses), (address, since) =>
      ledger.emailsSince(address, since),
    );
}

describe('the team’s last call', () => {
  it('counts the emails since a teammate’s newer call, so the nudge’s overdue signal follows it', async () => {
    const ledger = makeLedger(testDatabase());
    const { org, connection } = await orgWithPriyaCalls({ 'ada@client.test': NOW - 12 * DAY });
    await ledger.record(call('ada@client.test', NOW - 20 * DAY));
    for (const days of [15, 14, 5, 1]) await ledger.record(email('ada@client.test', NOW - days * DAY));
    const [own] = await ledger.contactHistory(['ada@client.test', 'nobody@client.test']);
    expect(toAnalysisContact(own!, NOW, OPTIONS.overdueDays)).toMatchObject({ overdue: true, emailsSinceLastCall: 4 });

    const team = new TeamCalls();
    const [ada, nobody] = await backgroundAnswer(team, connection, ledger)(['ada@client.test', 'nobody@client.test']);
    expect(ada).toMatchObject({
      lastCallAt: NOW - 12 * DAY,
      lastCall: { at: NOW - 12 * DAY, by: 'Priya' },
      emailsSinceLastCall: 2,
      firstEmailSinceCallAt: NOW - 5 * DAY,
    });
    expect(nobody).toBeUndefined();
    // Two emails since Priya's call 12 days ago: not overdue, in the nudge's signal as in the list.
    expect(toAnalysisContact(ada!, NOW, OPTIONS.overdueDays)).toEqual({
      overdue: false,
      emailsSinceLastCall: 2,
      lastCallDaysAgo: 12,
    });
    expect(describeContactHistory(ada!, NOW, { translate: englishMessage, timeZone: 'UTC' })).toBe(
      'Last call: 12 days ago, by Priya · 2 emails since',
    );
    // The nudge's contact line.
    expect(describeLastCall(ada!.lastCall!, NOW, { translate: englishMessage, timeZone: 'UTC' })).toBe(
      'Last call 12 days ago, by Priya',
    );
    // Cached: the CRM was asked once (a Contact and a Lead query) for both addresses.
    const asked = org.log.filter((id) => id === 'query').length;
    await backgroundAnswer(team, connection, ledger)(['ada@client.test']);
    expect(org.log.filter((id) => id === 'query')).toHaveLength(asked);
  });

  it('keeps the rep’s own call when it is the newer one', () => {
    const own = { address: 'ada@client.test', lastCallAt: NOW - DAY, emailsSinceLastCall: 1, lastEmailAt: NOW };
    const team = { address: 'ada@client.test', at: NOW - 2 * DAY, by: 'Priya' };
    expect(withTeamCall(own, team, { count: 5 })).toBe(own);
  });

  it('takes a contact a teammate called recently off the overdue list, and puts one nobody called in a month on it', async () => {
    const ledger = makeLedger(testDatabase());
    const db = await ledger.openDb();
    const { connection } = await orgWithPriyaCalls({
      'ada@client.test': NOW - 3 * DAY,
      'bea@client.test': NOW - 45 * DAY,
    });
    // Ada: four emails, never called by the rep (overdue); Priya called her 3 days ago, one email since.
    for (const days of [9, 8, 7, 2]) await ledger.record(email('ada@client.test', NOW - days * DAY));
    // Bea: two emails this week (not overdue by the ledger); nobody on the team has called her for 45 days.
    for (const days of [4, 1]) await ledger.record(email('bea@client.test', NOW - days * DAY));
    // Cy: three emails, not in the CRM: overdue either way.
    for (const days of [6, 5, 3]) await ledger.record(email('cy@client.test', NOW - days * DAY));
    // Dee: called by the rep 2 days ago, emailed since: a teammate's call cannot make her overdue.
    await ledger.record(call('dee@client.test', NOW - 2 * DAY));
    await ledger.record(email('dee@client.test', NOW - DAY));

    const overdue = await overdueContacts(dexieReader(db), NOW, OPTIONS);
    expect(overdue.map((c) => c.id)).toEqual(['ada@client.test', 'cy@client.test']);
    const candidates = await teamOverdueCandidates(dexieReader(db), NOW, OPTIONS);
    expect(candidates).toEqual(['ada@client.test', 'cy@client.test', 'bea@client.test']);

    const answered = await backgroundAnswer(new TeamCalls(), connection, ledger)(candidates);
    const list = withTeamHistories(overdue, answered, NOW, OPTIONS);
    expect(list.map((c) => [c.id, c.reason])).toEqual([
      ['cy@client.test', 'repeated_emails'],
      ['bea@client.test', 'no_recent_call'],
    ]);
    expect(describeContactHistory(list[1]!, NOW, { translate: englishMessage, timeZone: 'UTC' })).toBe(
      'Last call: 45 days ago, by Priya · 2 emails since',
    );
  });
});
