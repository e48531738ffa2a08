import { describe, expect, it } from 'vitest';
import {
  countOutcomes,
  fillerOpeners,
  openerNamesTopic,
  recallByReason,
  report,
  scoresOf,
  type LabeledItem,
  type Verdict,
} from '../../../scripts/eval/score';

const item = (id: string, label: LabeledItem['label'], extra: Partial<LabeledItem> = {}): LabeledItem => ({
  id,
  body: '',
  label,
  ...extra,
});
const said = (nudge: boolean, opener = '', reasons: string[] = []): Verdict => ({ nudge, opener, reasons });

const items = [
  item('c1', 'call', { reasons: ['checkin'], author: 'a', topic: ['renewal price'] }),
  item('c2', 'call', { reasons: ['conflict', 'thread'], author: 'a', topic: ['SLA credits'] }),
  item('c3', 'call', { reasons: ['checkin'], author: 'b' }),
  item('e1', 'email', { author: 'a' }),
  item('e2', 'email', { author: 'b' }),
  item('e3', 'email', { author: 'b' }),
  item('x', 'ambiguous', { author: 'b' }),
];
const verdicts = new Map([
  ['c1', said(true, 'The purpose of my call is to settle the renewal price.', ['checkin'])],
  ['c2', said(true, 'The purpose of my call is to talk about the renewal.', ['conflict'])],
  ['c3', said(false)],
  ['e1', said(true, '', ['length'])],
  ['e2', said(false)],
  ['e3', said(false)],
  ['x', said(true)],
]);

describe('eval arithmetic', () => {
  it('counts outcomes, skipping ambiguous items', () => {
    expect(countOutcomes(items, verdicts)).toEqual({ tp: 2, fp: 1, fn: 1, tn: 2 });
  });

  it('derives precision, recall, F1 and false-positive rate', () => {
    const s = scoresOf({ tp: 2, fp: 1, fn: 1, tn: 2 });
    expect(s.precision).toBeCloseTo(2 / 3);
    expect(s.recall).toBeCloseTo(2 / 3);
    expect(s.f1).toBeCloseTo(2 / 3);
    expect(s.falsePositiveRate).toBeCloseTo(1 / 3);
    expect(scoresOf({ tp: 0, fp: 0, fn: 0, tn: 0 })).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });

  it('counts recall per labeled reason', () => {
    expect(Object.fromEntries(recallByReason(items, verdicts))).toEqual({
      checkin: { found: 1, all: 2 },
      conflict: { found: 1, all: 1 },
      thread: { found: 1, all: 1 },
    });
  });

  it('matches topic words by stem, on the last word of each topic phrase', () => {
    expect(openerNamesTopic('The purpose of my call is to settle the renewal price.', ['renewal price'])).toBe(true);
    expect(openerNamesTopic('The purpose of my call is to talk about the renewal.', ['SLA credits'])).toBe(false);
    expect(openerNamesTopic('… the Credit memo.', ['SLA credits'])).toBe(true);
  });

  it('prints per-writer lines, topic mentions and the ids with --show', () => {
    const lines = report(items, verdicts, true);
    expect(lines).toContain('items: 7  nudged: 4 (57.1%)');
    expect(lines).toContain('call: 3  email: 3  tp 2  fp 1  fn 1  tn 2');
    expect(lines).toContain('missed: c3');
    expect(lines).toContain('false alarms: e1');
    expect(lines).toContain(
      'writer a: precision 0.667  recall 1.000  F1 0.800  false-positive rate 100.0%  openers naming a topic 1/2',
    );
    expect(lines).toContain('writer b: precision 0.000  recall 0.000  F1 0.000  false-positive rate 0.0%');
    expect(lines).toContain('openers naming a topic word: 1/2 (50.0%)');
    expect(lines).toContain('openers with a filler subject: 0');
    expect(lines.at(-1)).toBe('precision 0.667  recall 0.667  F1 0.667  false-positive rate 33.3%');
  });

  it('counts nudged openers that repeat a filler subject', () => {
    const drafts = [
      item('f1', 'call', { subject: 'Re: Lunch?' }),
      item('f2', 'call', { subject: 'Following up' }),
      item('f3', 'call', { subject: 'Following up on the quote' }),
      item('f4', 'email', { subject: 'Quick question' }),
    ];
    const openers = new Map([
      ['f1', said(true, 'The purpose of my call is to catch up on the lunch? and agree the next step.')],
      ['f2', said(true, 'The purpose of my call is to hear where you are on following up and agree the next step.')],
      ['f3', said(true, 'The purpose of my call is to hear where you are on following up on the quote.')],
      ['f4', said(false, 'The purpose of my call is to go through quick question.')],
    ]);
    expect(fillerOpeners(drafts, openers)).toBe(2);
    expect(report(drafts, openers)).toContain('openers with a filler subject: 2');
  });

  it('prints only the nudge rate for unlabeled items', () => {
    expect(report([item('u1', undefined), item('u2', undefined)], new Map([['u1', said(true)]]))).toEqual([
      'items: 2  nudged: 1 (50.0%)',
      'reasons among nudges: {}',
    ]);
  });
});
