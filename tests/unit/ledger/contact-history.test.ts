import { beforeEach, describe, expect, it } from 'vitest';
import {
  contactIdOf,
  describeContactHistory,
  describeDaysAgo,
  formatContactInput,
  isOverdue,
  overdueReason,
  parseContactInput,
  plural,
} from '../../../lib/contact-history';
import { historyLine, lastCallLine } from '../../../lib/coach/contact';
import { at, englishMessage, useEnglishMessages } from './helpers';

const DAY = 86_400_000;
const NOW = at('2026-06-15T15:00:00Z');

beforeEach(useEnglishMessages);

describe('describeContactHistory', () => {
  it('says when the last call was and how many emails went since', () => {
    expect(
      describeContactHistory({ lastCallAt: NOW - 41 * DAY, emailsSinceLastCall: 6 }, NOW, { timeZone: 'UTC' }),
    ).toBe('Last call: 41 days ago · 6 emails since');
    expect(describeContactHistory({ lastCallAt: NOW - DAY, emailsSinceLastCall: 1 }, NOW, { timeZone: 'UTC' })).toBe(
      'Last call: yesterday · 1 email since',
    );
    expect(describeContactHistory({ lastCallAt: NOW - 60_000, emailsSinceLastCall: 0 }, NOW, { timeZone: 'UTC' })).toBe(
      'Last call: today',
    );
  });

  it('names the teammate who made the last call (from the CRM); the nudge says it on its last-call line instead', () => {
    const team = { lastCallAt: NOW - 12 * DAY, emailsSinceLastCall: 2, lastCall: { at: NOW - 12 * DAY, by: 'Priya' } };
    expect(describeContactHistory(team, NOW, { timeZone: 'UTC' })).toBe(
      'Last call: 12 days ago, by Priya · 2 emails since',
    );
    // Someone else's call that is not the last one names nobody.
    expect(describeContactHistory({ ...team, lastCallAt: NOW - DAY }, NOW, { timeZone: 'UTC' })).toBe(
      'Last call: yesterday · 2 emails since',
    );
    const line = historyLine({ address: 'dana@acme.example', ...team }, NOW);
    expect(line).toMatch(/^Last call: 1[12] days ago · 2 emails since$/);
  });

  it('gives the nudge a last-call line only when it says more than the history line above it', () => {
    const history = { address: 'dana@acme.example', lastCallAt: NOW - DAY, emailsSinceLastCall: 1 };
    // Only a purpose noted: "Last call yesterday" would repeat "Last call: yesterday · 1 email since".
    expect(lastCallLine({ ...history, lastCall: { at: NOW - DAY, discussed: ' ', nextPurpose: 'pilot' } }, NOW)).toBe(
      undefined,
    );
    expect(lastCallLine({ ...history, lastCall: { at: NOW - DAY, discussed: 'Budget' } }, NOW)).toMatch(
      /^Last call .+ · Discussed: Budget$/,
    );
    expect(lastCallLine({ ...history, lastCall: { at: NOW - DAY, by: 'Priya' } }, NOW)).toMatch(/, by Priya$/);
  });

  it('says so when there was never a call', () => {
    expect(describeContactHistory({ emailsSinceLastCall: 4 }, NOW)).toBe('No call yet · 4 emails sent');
    expect(describeContactHistory({ emailsSinceLastCall: 1 }, NOW)).toBe('No call yet · 1 email sent');
    expect(describeContactHistory({ emailsSinceLastCall: 0 }, NOW)).toBe('No call yet');
  });

  it('counts calendar days in the rep’s zone, not 24-hour blocks', () => {
    // 23:30 yesterday in New York is "yesterday" even though it was 30 minutes before 00:00 today.
    const now = at('2026-06-16T04:30:00Z'); // 00:30 in New York
    const justBefore = at('2026-06-16T03:30:00Z'); // 23:30 the day before
    expect(describeDaysAgo(justBefore, now, { timeZone: 'America/New_York' })).toBe('yesterday');
    expect(describeDaysAgo(justBefore, now, { timeZone: 'UTC' })).toBe('today');
    // Across the fall-back change (a 25-hour day) two calendar days are still two days.
    expect(
      describeDaysAgo(at('2026-10-31T16:00:00Z'), at('2026-11-02T16:00:00Z'), { timeZone: 'America/New_York' }),
    ).toBe('2 days ago');
  });

  it('takes any translation function', () => {
    const upper = (key: string, subs?: string[]) => englishMessage(key, subs).toUpperCase();
    expect(describeContactHistory({ emailsSinceLastCall: 2 }, NOW, { translate: upper })).toBe(
      'NO CALL YET · 2 EMAILS SENT',
    );
  });
});

describe('plural', () => {
  it('picks the form by the count', () => {
    expect(plural('callCount', 0)).toBe('0 calls');
    expect(plural('callCount', 1)).toBe('1 call');
    expect(plural('callCount', 2)).toBe('2 calls');
    expect(plural('emailCount', 1200)).toBe('1,200 emails');
  });

  it('uses the translation’s plural rules and falls back to _other', () => {
    const polish = (key: string, subs?: string[]) =>
      ({
        pluralLocale: 'pl',
        callCount_one: `${subs?.[0]} rozmowa`,
        callCount_few: `${subs?.[0]} rozmowy`,
        callCount_other: `${subs?.[0]} rozmów`,
      })[key] ?? '';
    expect(plural('callCount', 1, polish)).toBe('1 rozmowa');
    expect(plural('callCount', 3, polish)).toBe('3 rozmowy');
    expect(plural('callCount', 5, polish)).toBe('5 rozmów');
    // `many` is not defined in this translation: _other stands in.
    expect(plural('callCount', 12, polish)).toBe('12 rozmów');
  });
});

describe('contacts', () => {
  it('identifies contacts by normalised address, else by name', () => {
    expect(contactIdOf({ address: ' Dana@Acme.Example ' })).toBe('dana@acme.example');
    expect(contactIdOf({ address: 'dana@acme.example', name: 'Dana' })).toBe('dana@acme.example');
    expect(contactIdOf({ name: '  Dana   Lee ' })).toBe('name:dana lee');
    expect(contactIdOf({ address: 'not an address', name: 'Dana' })).toBe('name:dana');
    expect(contactIdOf({})).toBeNull();
  });

  it('parses what the rep types in the contact field', () => {
    expect(parseContactInput('Dana Lee <Dana@Acme.Example>')).toEqual({
      name: 'Dana Lee',
      address: 'dana@acme.example',
    });
    expect(parseContactInput('"Lee, Dana" <dana@acme.example>')).toEqual({
      name: 'Lee, Dana',
      address: 'dana@acme.example',
    });
    expect(parseContactInput('dana@acme.example')).toEqual({ address: 'dana@acme.example' });
    expect(parseContactInput('<dana@acme.example>')).toEqual({ address: 'dana@acme.example' });
    expect(parseContactInput(' Dana  Lee ')).toEqual({ name: 'Dana Lee' });
    expect(parseContactInput('  ')).toEqual({});
    expect(formatContactInput({ name: 'Dana Lee', address: 'dana@acme.example' })).toBe('Dana Lee <dana@acme.example>');
  });
});

describe('overdue', () => {
  const opts = { overdueDays: 30 };

  it('flags repeated emails since the last call', () => {
    const h = { address: 'a@x.example', lastCallAt: NOW - 2 * DAY, lastEmailAt: NOW - DAY, emailsSinceLastCall: 3 };
    expect(overdueReason(h, NOW, opts)).toBe('repeated_emails');
    expect(isOverdue({ ...h, emailsSinceLastCall: 2 }, NOW, opts)).toBe(false);
  });

  it('flags no call in overdueDays while emailing', () => {
    const h = { address: 'a@x.example', lastCallAt: NOW - 41 * DAY, lastEmailAt: NOW - DAY, emailsSinceLastCall: 1 };
    expect(overdueReason(h, NOW, opts)).toBe('no_recent_call');
    expect(overdueReason({ ...h, lastCallAt: NOW - 10 * DAY }, NOW, opts)).toBeNull();
    // Never called: counted from the first email.
    const never = {
      address: 'b@x.example',
      lastEmailAt: NOW - DAY,
      emailsSinceLastCall: 2,
      firstEmailSinceCallAt: NOW - 31 * DAY,
    };
    expect(overdueReason(never, NOW, opts)).toBe('no_recent_call');
    expect(overdueReason({ ...never, firstEmailSinceCallAt: NOW - 5 * DAY }, NOW, opts)).toBeNull();
  });

  it('leaves quiet conversations and contacts called since alone', () => {
    const quiet = { address: 'a@x.example', lastEmailAt: NOW - 40 * DAY, emailsSinceLastCall: 9 };
    expect(overdueReason(quiet, NOW, opts)).toBeNull();
    expect(
      overdueReason({ address: 'a@x.example', lastCallAt: NOW - 90 * DAY, emailsSinceLastCall: 0 }, NOW, opts),
    ).toBeNull();
    expect(
      overdueReason({ address: 'a', lastEmailAt: NOW, emailsSinceLastCall: 3 }, NOW, {
        overdueDays: 30,
        repeatedEmails: 5,
      }),
    ).toBeNull();
  });
});
