/**
 * Phrase rules are written in compromise's match syntax; lib/analysis reads that syntax itself so no
 * NLP library loads on mail pages. This test holds our reading to compromise's: every built-in rule,
 * on every sentence of the labeled drafts in tests/data, must match as often as it does with compromise/one.
 * Sentences with contractions are left to terms.test.ts and phrase-pattern.test.ts: compromise reads
 * them unevenly ("you've had" misses "(you have had)", "Let's" misses "(let's|let us)"), and there we
 * state what the rules mean.
 */
import { readFileSync } from 'node:fs';
import nlp from 'compromise/one';
import { describe, expect, it } from 'vitest';
import { extractOwnText } from '../../../lib/analysis/own-text';
import { compilePattern, findMatches, type CompiledPattern } from '../../../lib/analysis/phrase-pattern';
import { PHRASE_LISTS } from '../../../lib/analysis/phrase-sets';
import { splitSentences } from '../../../lib/analysis/sentences';
import { hasWholeContraction, toTerms } from '../../../lib/analysis/terms';

const DATA_SETS = ['sales-dev', 'sales-authors'];
const CHUNK = 100;

function evalSentences(): string[] {
  const sentences = new Set<string>();
  for (const name of DATA_SETS) {
    const lines = readFileSync(new URL(`../../data/${name}.jsonl`, import.meta.url), 'utf8').split('\n');
    for (const line of lines) {
      if (!line.trim()) continue;
      const { body } = JSON.parse(line) as { body: string };
      for (const sentence of splitSentences(extractOwnText(body).text)) sentences.add(sentence);
    }
  }
  return [...sentences];
}

/** An apostrophe inside a word ("we're", "Dana's"), or a word that stands for two ("cannot", "dont"). */
const INNER_APOSTROPHE = /\p{L}['’]\p{L}/u;
const hasContraction = (sentence: string) =>
  INNER_APOSTROPHE.test(sentence) || hasWholeContraction(sentence.toLowerCase());

describe('phrase rules read as compromise reads them', () => {
  const sentences = evalSentences().filter((sentence) => !hasContraction(sentence));
  const rules = Object.values(PHRASE_LISTS).flat();

  it('match as often as with compromise/one on the labeled drafts', () => {
    expect(sentences.length).toBeGreaterThan(3000);
    const compiled = rules.map((rule) => compilePattern(rule.pattern));
    const terms = new Map(sentences.map((sentence) => [sentence, toTerms(sentence)]));
    const ours = (chunk: string[], r: number) =>
      chunk.reduce((sum, s) => sum + findMatches(compiled[r] as CompiledPattern, terms.get(s) ?? []).length, 0);
    // Lower case: compromise also compares (a|b) groups with the word as written, so "Great news" would miss "(good|great) news".
    const read = (chunk: string[]) => nlp(chunk.join('\n\n').toLowerCase());
    const theirs = (doc: ReturnType<typeof nlp>, r: number) => doc.match(rules[r]?.pattern ?? '').length;
    const disagreements: string[] = [];
    let matched = 0;
    // Compared a hundred sentences at a time; a chunk that differs is compared sentence by sentence to name them.
    for (let start = 0; start < sentences.length; start += CHUNK) {
      const chunk = sentences.slice(start, start + CHUNK);
      const doc = read(chunk);
      rules.forEach((rule, r) => {
        const count = ours(chunk, r);
        matched += count;
        if (count === theirs(doc, r)) return;
        for (const sentence of chunk) {
          const [mine, compromise] = [ours([sentence], r), theirs(read([sentence]), r)];
          if (mine !== compromise)
            disagreements.push(`${rule.pattern} | ${sentence} | compromise ${compromise}, ours ${mine}`);
        }
      });
    }
    expect(matched).toBeGreaterThan(300);
    expect(disagreements).toEqual([]);
  }, 120_000);
});
