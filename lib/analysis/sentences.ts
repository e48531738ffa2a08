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

const WORD_CHARACTER = new RegExp(`[${LETTER_OR_DIGIT}]`);
const SPACE = /\s/;
const [OTHER, BLANK, WORD] = [0, 1, 2];
const kindOf = (character: string) => (SPACE.test(character) ? BLANK : WORD_CHARACTER.test(character) ? WORD : OTHER);
/** The kind of each ASCII character, looked up rather than tested: most mail is ASCII. */
const ASCII_KIND = Uint8Array.from({ length: 128 }, (_, code) => kindOf(String.fromCharCode(code)));

/**
 * Words as a reader counts them: runs between spaces containing a letter or digit. Read character by
 * character, with no substrings: it runs on lines and sentences of every pass.
 */
export function countWords(text: string): number {
  let words = 0;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const kind = code < 128 ? ASCII_KIND[code] : kindOf(text.charAt(i));
    if (kind === BLANK) counted = false;
    else if (kind === WORD && !counted) {
      words++;
      counted = true;
    }
  }
  return words;
}

/** Average adult silent reading speed for prose, words per minute (Brysbaert 2019). */
export const READING_WPM = 238;
