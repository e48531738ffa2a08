/**
 * The analysis says its reasons, opener and call request through message keys: English from
 * public/_locales/en, another translation wherever the extension's UI locale has one.
 */
import { describe, expect, it } from 'vitest';
import { analyzeDraft, type ContactHistory } from '../../../lib/analysis';
import { englishMessage, sayEnglish } from '../../../scripts/english-messages';

const DELIVERY = 'The Q3 price list goes out to every partner on Monday.';

function overdueReason(contact: ContactHistory, name?: string): string {
  const recipients = name ? [{ name }] : [];
  const result = analyzeDraft({ body: DELIVERY, contact, recipients }, englishMessage);
  const finding = result.findings.find((f) => f.rule === 'overdue');
  return finding ? sayEnglish(finding.message) : '';
}

describe('the reasons in English', () => {
  it('count days and emails in the singular and the plural', () => {
    expect(overdueReason({ overdue: true, lastCallDaysAgo: 1, emailsSinceLastCall: 1 }, 'Dana Ortiz')).toBe(
      "You haven't spoken with Dana in 1 day; 1 email since.",
    );
    expect(overdueReason({ overdue: true, lastCallDaysAgo: 30 })).toBe(
      "You haven't spoken with this contact in 30 days.",
    );
    expect(overdueReason({ overdue: true, emailsSinceLastCall: 4 }, 'Dana Ortiz')).toBe(
      "You haven't spoken with Dana for a while; 4 emails since.",
    );
  });

  it('say one question in the singular when the setting asks for one', () => {
    const result = analyzeDraft(
      { body: 'Hi Dana,\n\nWho signs the renewal on your side?', settings: { questionThreshold: 1 } },
      englishMessage,
    );
    const questions = result.findings.find((f) => f.rule === 'questions');
    expect(sayEnglish(questions!.message)).toBe('You ask 1 question; a 10-minute call answers it at once.');
  });
});

describe('the opener and the call request', () => {
  /** A translation that shows its keys: any English left in the output was not worded through one. */
  const keys = (key: string, substitutions: string[] = []) => `[${key}${substitutions.map((s) => `|${s}`).join('')}]`;

  it('are worded by the translation the caller passes, around the rep’s own greeting and closing', () => {
    const body = 'Hi Dana,\n\nJust checking in, any update on the order form?\n\nThanks,\nSam';
    const result = analyzeDraft({ body, subject: 'Order form' }, keys);
    expect(result.opener).toMatch(/^\[opener\|\[purposeCheckin(?:Unnamed)?[|\]]/);
    expect(result.callRequest).toBe(`[callRequest|Hi Dana,|${result.opener}]\n\nThanks,\nSam`);
  });

  it('greet and sign in the translation when the draft has no greeting or closing', () => {
    const result = analyzeDraft({ body: 'Any update on the order form?', recipients: [{ name: 'Dana Ortiz' }] }, keys);
    expect(result.callRequest).toBe(
      `[callRequest|[callRequestGreeting|Dana]|${result.opener}]\n\n[callRequestSignOff]`,
    );
  });
});
