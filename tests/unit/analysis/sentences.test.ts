import { describe, expect, it } from 'vitest';
import { LETTER_OR_DIGIT } from '../../../lib/analysis/letters';
import { countWords } from '../../../lib/analysis/sentences';

/** The plain reading of a word count: split at spaces, keep the pieces holding a letter or digit. */
const WORD_CHARACTER = new RegExp(`[${LETTER_OR_DIGIT}]`);
const plainCount = (text: string) => text.split(/\s+/).filter((token) => WORD_CHARACTER.test(token)).length;

/** Characters a draft may hold: ASCII, accents, other scripts, odd spaces, emoji (two code units). */
const ALPHABET = [
  'a',
  'Z',
  '7',
  ' ',
  '\n',
  '\t',
  '-',
  '?',
  "'",
  'é',
  'ß',
  'Ж',
  '語',
  '\u00a0',
  '\u2009',
  '\u3000',
  '—',
  '🙂',
];

describe('countWords', () => {
  it('counts runs between spaces that hold a letter or digit', () => {
    expect(countWords('Hi Dana, -- any update? 🙂 30 days… ok')).toBe(7);
    expect(countWords('  \n ')).toBe(0);
    expect(countWords('Grüße aus München\u00a0und 東京')).toBe(5);
  });

  it('reads every text as splitting at spaces does', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: next() % 40 }, () => ALPHABET[next() % ALPHABET.length]).join('');
      expect(countWords(text), JSON.stringify(text)).toBe(plainCount(text));
    }
  });
});
