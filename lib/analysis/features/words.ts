/** Lower-case word tokens of English text, contractions kept whole ("can't"), for the lexicon features. */
export function wordTokens(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’‘`´]/g, "'")
      .match(/[a-z][a-z']*/g) ?? []
  );
}

/** "I", "we", "you": a sentence about the writer or the reader, not about the world at large. */
const PERSONAL = new Set([
  'i',
  "i'm",
  "i've",
  "i'd",
  'me',
  'my',
  'we',
  "we're",
  "we've",
  'our',
  'us',
  'you',
  "you're",
  'your',
]);

export const speaksToReader = (tokens: readonly string[]) => tokens.some((t) => PERSONAL.has(t));
