/** Cheap, language-independent text units: sentences and words. */
import { LETTER_OR_DIGIT } from './letters';

/** Lines, then sentence ends within a line. Bullets and list items stay units of their own. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const line of text.split('\n')) {
    for (const part of line.split(/(?<=[.!?])\s+/)) {
      const trimmed = part.trim();
      if (trimmed) sentences.push(trimmed);
    }
  }
  return sentences;
}

const HAS_WORD_CHARACTER = new RegExp(`[${LETTER_OR_DIGIT}]`);

/** Words as a reader counts them: runs containing a letter or digit. */
export function countWords(text: string): number {
  let words = 0;
  for (const token of text.split(/\s+/)) if (HAS_WORD_CHARACTER.test(token)) words++;
  return words;
}

/** Average adult silent reading speed for prose, words per minute (Brysbaert 2019). */
export const READING_WPM = 238;
