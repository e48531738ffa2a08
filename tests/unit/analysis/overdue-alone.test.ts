import { describe, expect, it } from 'vitest';
import { analyzeDraft } from '../../../lib/analysis';
import { englishMessage } from '../../../scripts/english-messages';
import { isRoutineDraft, routineTypeOf } from '../../../lib/analysis/routine-draft';
import { splitSentences } from '../../../lib/analysis/sentences';

const OVERDUE = { overdue: true, emailsSinceLastCall: 4 };
const PLAIN = 'Hi Dana, I spoke with our product team about the reporting module and they will ship it next month.';
const routine = (text: string) => isRoutineDraft(splitSentences(text));

describe('routine sentences', () => {
  it.each([
    ['Attached is the signed order form.', 'delivery'],
    ['Please find attached the revised quote.', 'delivery'],
    ["I've attached the deck from Tuesday.", 'delivery'],
    ["Here's the link to the recording.", 'delivery'],
    ['Thanks for your time today!', 'thanks'],
    ['Thank you, Dana.', 'thanks'],
    ['Really appreciate the quick turnaround.', 'thanks'],
    ['Confirmed for Thursday at 10.', 'confirmation'],
    ['That works for me.', 'confirmation'],
    ['Sounds good.', 'confirmation'],
    ['Great!', 'confirmation'],
    ['See you on Tuesday at 2pm.', 'scheduling'],
    ["I've sent a calendar invite for Monday.", 'delivery'],
    ['The demo is booked for Friday.', 'scheduling'],
    ['Hi Dana,', 'greeting'],
  ])('%j is %s', (sentence, type) => {
    expect(routineTypeOf(sentence)).toBe(type);
  });

  it.each([
    'Can you countersign by Friday?',
    'Attached is the order form; could you sign it today?',
    'Please countersign by Friday so we can start on Monday.',
    'Let me know what you think of the attached.',
    'Great news: we have decided to go with another vendor.',
    'We cannot go below the price in the attached quote.',
    'I spoke with our product team about the reporting module.',
  ])('%j is not routine', (sentence) => {
    expect(routineTypeOf(sentence)).toBeUndefined();
  });

  it('judges the whole draft: every sentence routine, and more than a greeting', () => {
    expect(routine('Hi Dana,\nAttached is the signed order form.\nThanks!')).toBe(true);
    expect(routine('Hi Dana, the signed order form is attached. Thanks again for your help.')).toBe(true);
    expect(routine('Hi Dana,\nAttached is the signed order form. Can we talk about the rollout next week?')).toBe(
      false,
    );
    expect(routine('Hi Dana,')).toBe(false);
    expect(routine('')).toBe(false);
  });
});

describe('overdue on its own', () => {
  it('nudges on an ordinary draft to an overdue contact', () => {
    const result = analyzeDraft({ body: PLAIN, contact: OVERDUE }, englishMessage);
    expect(result.nudge).toBe(true);
    expect(result.findings.map((f) => f.rule)).toEqual(['overdue']);
  });

  it('never nudges on a draft that only delivers, confirms or thanks', () => {
    for (const body of [
      'Hi Dana,\nAttached is the signed order form.',
      'Thanks Dana, the revised quote is attached.',
      'Confirmed for Thursday at 10. See you then!',
      'Thank you for the call today, really appreciated.',
    ]) {
      const result = analyzeDraft({ body, contact: OVERDUE }, englishMessage);
      expect(result.nudge, body).toBe(false);
      expect(result.findings.map((f) => f.rule)).not.toContain('overdue');
    }
  });

  it('waits until the draft says something beyond a greeting', () => {
    expect(analyzeDraft({ body: '', contact: OVERDUE }, englishMessage).nudge).toBe(false);
    expect(analyzeDraft({ body: 'Hi Dana,', contact: OVERDUE }, englishMessage).nudge).toBe(false);
    expect(
      analyzeDraft({ body: 'Hi Dana,\nI spoke with our product team.', contact: OVERDUE }, englishMessage).nudge,
    ).toBe(true);
  });

  it('waits 7 days after an overdue-only nudge for the same contact', () => {
    expect(
      analyzeDraft({ body: PLAIN, contact: { ...OVERDUE, lastOverdueNudgeDaysAgo: 0.1 } }, englishMessage).nudge,
    ).toBe(false);
    expect(
      analyzeDraft({ body: PLAIN, contact: { ...OVERDUE, lastOverdueNudgeDaysAgo: 6.9 } }, englishMessage).nudge,
    ).toBe(false);
    expect(
      analyzeDraft({ body: PLAIN, contact: { ...OVERDUE, lastOverdueNudgeDaysAgo: 7 } }, englishMessage).nudge,
    ).toBe(true);
  });

  it('adds its line beside another reason, even on a routine draft or within the week', () => {
    const checkin = 'Hi Dana, just checking in to see if there is any update?';
    const result = analyzeDraft({ body: checkin, contact: { ...OVERDUE, lastOverdueNudgeDaysAgo: 1 } }, englishMessage);
    expect(result.nudge).toBe(true);
    expect(result.findings.map((f) => f.rule)).toEqual(['checkin', 'overdue']);
  });

  it('is never judged routine in another language, so it may still nudge once', () => {
    const german = 'Hallo Jonas, anbei das unterschriebene Bestellformular. Danke!';
    expect(analyzeDraft({ body: german, contact: OVERDUE }, englishMessage).nudge).toBe(true);
  });
});
