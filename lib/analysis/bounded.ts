/**
 * Bounded analysis: however much is pasted, one pass reads at most a fixed number of characters, so
 * a pass stays within its time budget (≤ 16 ms on the page's main thread at any draft size). The
 * rep's own words come first in a compose window, so the head of the body holds them; whatever lies
 * past the bound only counts as length.
 */
import { countWords } from './sentences';

/** Characters of the compose body searched for the rep's own text (quotes and signature below it). */
export const MAX_BODY_CHARS = 30_000;
/** Characters of own text the detectors read: about 1,000 words, far past any length threshold. */
export const MAX_OWN_CHARS = 6_000;
/** Characters per word assumed for text past the bound when too little was read to measure it. */
const DEFAULT_CHARS_PER_WORD = 6;

/** The body up to the last line break before the bound, and how many characters were left out. */
export function boundBody(body: string): { body: string; rest: number } {
  if (body.length <= MAX_BODY_CHARS) return { body, rest: 0 };
  const lineEnd = body.lastIndexOf('\n', MAX_BODY_CHARS);
  const end = lineEnd > MAX_BODY_CHARS / 2 ? lineEnd : MAX_BODY_CHARS;
  return { body: body.slice(0, end), rest: body.length - end };
}

const SENTENCE_END = /[.!?\n]\s/g;

/** Own text up to the last sentence end before the bound, and how many characters were left out. */
export function boundOwnText(text: string): { text: string; rest: number } {
  if (text.length <= MAX_OWN_CHARS) return { text, rest: 0 };
  const head = text.slice(0, MAX_OWN_CHARS);
  let end = 0;
  for (const match of head.matchAll(SENTENCE_END)) end = match.index + 1;
  if (end < MAX_OWN_CHARS / 2) end = MAX_OWN_CHARS;
  return { text: text.slice(0, end), rest: text.length - end };
}

/** Words in the text read plus an estimate for the characters left out, at the text's own word length. */
export function estimateWords(text: string, restChars: number): number {
  const words = countWords(text);
  if (!restChars) return words;
  const charsPerWord = words >= 50 ? text.length / words : DEFAULT_CHARS_PER_WORD;
  return words + Math.round(restChars / charsPerWord);
}
