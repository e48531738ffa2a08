import { describe, expect, it, vi } from 'vitest';
import { analyzeDraft } from '../../../lib/analysis';
import { englishMessage, sayEnglish } from '../../../scripts/english-messages';
import { levelFor } from '../../../lib/analysis/combine';
import type { Analysis, AnalysisInput } from '../../../lib/analysis/types';

/** A verdict that holds together: the level its score earns (default settings), a nudge exactly then, with reasons. */
function expectCoherent(result: Analysis, draft: string) {
  const what = draft.slice(0, 60);
  expect(result.level, what).toBe(levelFor(result.score, 'normal'));
  expect(result.nudge, what).toBe(result.level !== 'none');
  if (result.nudge) expect(result.findings.length, what).toBeGreaterThan(0);
}

const checkin = 'Hi Sam, just checking in on the proposal. Any update?';

describe('analyzeDraft', () => {
  it('returns the whole verdict shape', () => {
    const result = analyzeDraft({ body: checkin }, englishMessage);
    expect(result).toMatchObject({ nudge: true, level: 'suggest', language: 'en', questions: 1 });
    expect(result.words).toBe(10);
    expect(result.findings[0]?.rule).toBe('checkin');
    expect(result.findings[0]?.evidence).toContain('just checking in');
    expect(sayEnglish(result.findings[0]!.message)).toBe(
      '"just checking in" asks for status without giving a reason to answer; a short call gets the real answer.',
    );
  });

  it('leaves ordinary email alone', () => {
    for (const body of ['Thanks, got it.', 'Attached is the signed order form. Delivery is set for Tuesday.', '']) {
      expect(analyzeDraft({ body }, englishMessage)).toMatchObject({ nudge: false, level: 'none', findings: [] });
    }
  });

  it('moves the level with sensitivity', () => {
    const mild = 'Who decides? What is the budget? When do you start?';
    expect(analyzeDraft({ body: mild }, englishMessage).level).toBe('none');
    expect(analyzeDraft({ body: mild, settings: { sensitivity: 'high' } }, englishMessage).level).toBe('none');
    expect(analyzeDraft({ body: checkin, settings: { sensitivity: 'low' } }, englishMessage).level).toBe('none');
    expect(analyzeDraft({ body: checkin, settings: { sensitivity: 'high' } }, englishMessage).level).toBe('suggest');
  });

  it('reaches strong when signals add up', () => {
    const body =
      "I'm afraid it's bad news: the order ships three weeks late. I know this is frustrating, and frankly it is not acceptable on our side either. Who should I update? Can your line run the old parts? What does this do to your launch? Should we split the shipment?";
    expect(analyzeDraft({ body }, englishMessage).level).toBe('strong');
  });

  it('adds the overdue contact signal and raises the level to at least suggest', () => {
    const result = analyzeDraft(
      {
        // Not a delivery: a draft that only delivers is never nudged for overdue alone (overdue-alone.test.ts).
        body: 'The Q3 price list goes out to every partner on Monday.',
        recipients: [{ name: 'Dana Ortiz' }],
        contact: { overdue: true, lastCallDaysAgo: 41, emailsSinceLastCall: 6 },
      },
      englishMessage,
    );
    expect(result.level).toBe('suggest');
    const overdue = result.findings.find((f) => f.rule === 'overdue');
    expect(sayEnglish(overdue!.message)).toBe("You haven't spoken with Dana in 41 days; 6 emails since.");
    const rules = { checkin: true, questions: true, length: true, thread: true, conflict: true, overdue: false };
    expect(
      analyzeDraft({ body: 'Attached.', contact: { overdue: true }, settings: { rules } }, englishMessage).nudge,
    ).toBe(false);
  });

  it('gives each draft the verdict a fresh analysis gives, whatever was analysed before it', async () => {
    // Passes reuse what they read of sentences an earlier pass saw (phrase hits, topic tags).
    const renewal =
      "Hi Dana,\n\nI'm sorry, but the renewal price goes up 18% in March. I know this isn't what you hoped for. " +
      'Could you tell me who signs off on your side? Is the budget still open? What is your timeline?\n\nBest,\nSam';
    const passes: AnalysisInput[] = [
      { body: renewal, subject: 'Renewal' },
      { body: renewal.replace("I'm sorry, but the", 'Good news: the'), subject: 'Renewal' },
      { body: renewal, subject: 'Renewal', settings: { checkinPhrases: ['who signs off'], ignorePhrases: ['sorry'] } },
      { body: renewal.replace('Is the budget still open? ', ''), subject: 'Renewal', threadMessages: 6 },
      { body: renewal, subject: 'Renewal' },
    ];
    const verdicts = passes.map((input) => analyzeDraft(input, englishMessage));
    for (const [i, input] of passes.entries()) {
      vi.resetModules();
      const fresh = (await import('../../../lib/analysis')).analyzeDraft;
      expect(verdicts[i], `pass ${i}`).toEqual(fresh(input, englishMessage));
    }
    expect(verdicts[0]?.nudge).toBe(true);
  });

  it('returns quickly on a megabyte of pathological text', () => {
    const inputs = [
      'a'.repeat(1_000_000),
      '?'.repeat(1_000_000),
      '1 '.repeat(500_000),
      'On Mon, 1 Jan at 9 '.repeat(50_000),
      `${'x@'.repeat(250_000)}y`,
      '('.repeat(1_000_000),
      'just checking in, any update? '.repeat(33_000),
      'Best,\n'.repeat(160_000),
    ];
    for (const body of inputs) expectCoherent(analyzeDraft({ body }, englishMessage), body);
  });

  it('gives a verdict for any mix of awkward tokens', () => {
    const tokens = [
      '(constructor)',
      '__proto__',
      'toString',
      'hasOwnProperty',
      "can't",
      "we're",
      "Dana's",
      'cannot',
      'gonna',
      'follow-up',
      're-send',
      '10-minute',
      '2026-03-01',
      'Tuesday/Friday',
      'https://x.io/a?b=c',
      'p.m.',
      '1,250',
      '$42.50',
      '??',
      '?',
      '-',
      '—',
      '…',
      '(',
      ')',
      '|',
      '/',
      '\\',
      '^',
      '$',
      '.{0,3}',
      '#Noun',
      '@hasComma',
      'café',
      'Grüße',
      'спасибо',
      'שלום',
      '谢谢',
      '🙂',
      '\u200b',
      '\n',
      '\n\n',
      '> ',
      'On Mon wrote:',
      '--',
      'just',
      'checking',
      'in',
      'any',
      'update',
      'sorry',
      'not',
      'problem',
      'call',
    ];
    // A fixed linear congruential sequence: the same 300 drafts on every run.
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % tokens.length;
    for (let draft = 0; draft < 300; draft++) {
      const body = Array.from({ length: 1 + (draft % 60) }, () => tokens[next()]).join(draft % 3 ? ' ' : '');
      expectCoherent(analyzeDraft({ body, subject: tokens[next()] }, englishMessage), body);
    }
  });
});
