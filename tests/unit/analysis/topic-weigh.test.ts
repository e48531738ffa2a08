/**
 * A sentence whose ceiling cannot beat the subject line is not tagged (topic/weigh.ts), so the ceiling
 * must never be lower than what weigh gives any phrase of it: held here on every sentence of the
 * labeled drafts, with the draft's subject and with the sentence itself as the subject (every word shared),
 * and every word repeated in the draft.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractOwnText } from '../../../lib/analysis/own-text';
import { splitSentences } from '../../../lib/analysis/sentences';
import { nounPhrases } from '../../../lib/analysis/topic/noun-phrases';
import { tagSentence } from '../../../lib/analysis/topic/tagger';
import { ceiling, stemCounts, weigh } from '../../../lib/analysis/topic/weigh';
import type { RuleId } from '../../../lib/settings/schema';

const DATA_SETS = ['sales-dev', 'sales-authors'];
/** The reasons with bonuses of their own (a figure, a list); the others add none. */
const REASONS: RuleId[] = ['conflict', 'questions'];
/** Words the tagger reads apart or folds: hyphens, possessives, abbreviations, curly quotes. */
const HARD_CASES = [
  'Any news on the Q3’s cut-over for the U.S. team, re: the e-mail?',
  "Which PO's line-items and the 18% uplift, or the $7,300 fee & the SOW?",
  'Could you confirm the signatory, payment terms and the start date?',
];

/** Each sentence once, with the subject of the first draft it was found in. */
function draftSentences(): { sentence: string; subject: string }[] {
  const found = new Map<string, { sentence: string; subject: string }>();
  for (const name of DATA_SETS) {
    for (const line of readFileSync(new URL(`../../data/${name}.jsonl`, import.meta.url), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { body, subject = '' } = JSON.parse(line) as { body: string; subject?: string };
      for (const sentence of splitSentences(extractOwnText(body).text))
        if (!found.has(sentence)) found.set(sentence, { sentence, subject });
    }
  }
  return [...found.values(), ...HARD_CASES.map((sentence) => ({ sentence, subject: '' }))];
}

describe('the ceiling of a sentence', () => {
  it('is never below the weight of any of its phrases', () => {
    const sentences = draftSentences();
    expect(sentences.length).toBeGreaterThan(3000);
    const below: string[] = [];
    let weighed = 0;
    for (const { sentence, subject } of sentences) {
      const phrases = nounPhrases(tagSentence(sentence)).filter((phrase) => phrase.content.length > 0);
      if (!phrases.length) continue;
      // Every word of the sentence repeated in the draft: the most weigh can give for repetition.
      const text = stemCounts(`${sentence} ${sentence}`);
      for (const subjectLine of [subject, sentence]) {
        const salience = { subject: stemCounts(subjectLine), text };
        for (const reason of REASONS) {
          for (const cued of [false, true]) {
            const most = ceiling(sentence, 0, salience.subject, reason, cued);
            for (const phrase of phrases) {
              weighed++;
              if (weigh(phrase, 0, salience, reason, cued) > most) below.push(`${reason}: ${sentence}`);
            }
          }
        }
      }
    }
    expect(weighed).toBeGreaterThan(10_000);
    expect(below).toEqual([]);
  }, 60_000);

  it('is left open for a sentence with letters beyond ASCII, which the tagger folds', () => {
    const subject = stemCounts('Renewal');
    expect(ceiling('Any news ön the renewal?', 0, subject, 'checkin', false)).toBe(Infinity);
    expect(ceiling('Any news on the renewal?', 0, subject, 'checkin', false)).toBeLessThan(Infinity);
  });
});
