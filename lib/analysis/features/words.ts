/** Lower-case word tokens of English text, contractions kept whole ("can't"), for the lexicon features. */
export function wordTokens(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’‘`´]/g, "'")
      .match(/[a-z][a-z']*/g) ?? []
  );
}
