/** Cheap, language-independent text units: sentences and words. */

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

/** Words as a reader counts them: runs containing a letter or digit. */
export function countWords(text: string): number {
  let words = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) words++;
  return words;
}

/** Average adult silent reading speed for prose, words per minute (Brysbaert 2019). */
export const READING_WPM = 238;
