/**
 * A sentence as the words a phrase rule compares: lower-cased, punctuation and accents off, English
 * contractions expanded ("can't" is "can not", "we're" is "we are"), hyphenated words split
 * ("follow-up" is "follow up") unless the first part is a prefix ("re-send", "e-mail").
 * Phrase patterns go through the same reading, so a pattern and a draft always agree on what a word is.
 * The conventions are compromise's (`compromise/one`), whose match syntax the phrase rules are written
 * in; tests/unit/analysis/phrase-match.compromise.test.ts checks that both read the rules alike.
 */
import { ACCENT, LETTER, LETTER_OR_DIGIT } from './letters';

export interface Term {
  /** The word as compared. */
  word: string;
  /** Other forms that also match: "dana's" also reads "dana", "e-mail" "email", "tuesday/friday" either day. */
  alts?: readonly string[];
  /** Where the written token holding this word starts and ends in the sentence. */
  start: number;
  end: number;
}

/** Whole words that stand for several (as compromise/one expands them, plus the missing-apostrophe negatives). */
const WHOLE_CONTRACTIONS: Record<string, readonly string[]> = {
  "can't": ['can', 'not'],
  cannot: ['can', 'not'],
  "won't": ['will', 'not'],
  "shan't": ['shall', 'not'],
  "let's": ['let', 'us'],
  "that's": ['that', 'is'],
  "what's": ['what', 'is'],
  "there's": ['there', 'is'],
  gonna: ['going', 'to'],
  wanna: ['want', 'to'],
  cant: ['can', 'not'],
  dont: ['do', 'not'],
  wont: ['will', 'not'],
  isnt: ['is', 'not'],
  arent: ['are', 'not'],
  wasnt: ['was', 'not'],
  hasnt: ['has', 'not'],
  havent: ['have', 'not'],
  didnt: ['did', 'not'],
  doesnt: ['does', 'not'],
  couldnt: ['could', 'not'],
  wouldnt: ['would', 'not'],
  shouldnt: ['should', 'not'],
};

const WHOLE_CONTRACTION_WORD = new RegExp(
  `\\b(?:${Object.keys(WHOLE_CONTRACTIONS)
    .filter((word) => !word.includes("'"))
    .join('|')})\\b`,
);

/** The text holds a word without an apostrophe that still stands for two ("cannot", "gonna", "dont"). */
export function hasWholeContraction(text: string): boolean {
  return WHOLE_CONTRACTION_WORD.test(text);
}

/** Suffixes that stand for a word of their own. "'s" and "'d" stay one word: is or has, had or would. */
const CONTRACTION_SUFFIXES: readonly (readonly [string, string])[] = [
  ["n't", 'not'],
  ["'m", 'am'],
  ["'re", 'are'],
  ["'ve", 'have'],
  ["'ll", 'will'],
];

/** Prefixes that keep their hyphen: "re-send" is one word, "follow-up" two. */
const HYPHEN_PREFIXES = new Set(
  'anti bi co contra de ex extra infra inter intra macro micro mis mono multi non out peri pre pro proto pseudo re self sub supra trans tri un'.split(
    ' ',
  ),
);

const TOKEN = /\S+/g;
const LEADING_PUNCTUATION = new RegExp(`^[^${LETTER_OR_DIGIT}$£€#@]+`);
const TRAILING_PUNCTUATION = new RegExp(`[^${LETTER_OR_DIGIT}%]+$`);
const CURLY_APOSTROPHES = /[’‘`´]/g;
const ACCENTS = new RegExp(`[${ACCENT}]`, 'g');
const NON_ASCII = /[^\t-~]/;
const THOUSANDS_COMMA = /(\d),(?=\d)/g;
const HYPHENATED = new RegExp(`^[${LETTER_OR_DIGIT}]+(?:[-–—][${LETTER_OR_DIGIT}]+)+$`);
const DASHES = /[-–—]/;
const LETTERS = new RegExp(`^[${LETTER}]+$`);
const DIGITS = /^\d{1,4}$/;
/** "Tuesday/Friday", "and/or": words joined by a slash (not a date, a path or a link). */
const SLASHED_WORDS = new RegExp(`^[${LETTER}]+(?:/[${LETTER}]+)+$`);
const POSSESSIVE = /'s$/;
/** "p.m.", "e.g.", "U.S." read as "pm", "eg", "us". */
const DOTTED_ACRONYM = new RegExp(`^(?:[${LETTER}]\\.)+[${LETTER}]\\.?$`);
/** "11 AM-12:30 PM": the hyphen of a time range joins "am" to the next clock time. */
const TIME_RANGE_JOIN = /^(am|pm)[-–—](\d{1,2}(?::\d{2})?)$/;

function normalize(token: string): string {
  let word = token.toLowerCase().replace(CURLY_APOSTROPHES, "'");
  if (NON_ASCII.test(word)) word = word.normalize('NFD').replace(ACCENTS, '');
  if (DOTTED_ACRONYM.test(word)) return word.replaceAll('.', '');
  return word.replace(THOUSANDS_COMMA, '$1');
}

/** The words one token stands for, in order. */
function wordsOfToken(core: string): { word: string; alts?: readonly string[] }[] {
  const whole = Object.hasOwn(WHOLE_CONTRACTIONS, core) ? WHOLE_CONTRACTIONS[core] : undefined;
  if (whole) return whole.map((word) => ({ word }));
  for (const [suffix, expansion] of CONTRACTION_SUFFIXES) {
    if (core.length > suffix.length && core.endsWith(suffix)) {
      return [{ word: core.slice(0, -suffix.length) }, { word: expansion }];
    }
  }
  const timeRange = TIME_RANGE_JOIN.exec(core);
  if (timeRange) return [{ word: timeRange[1] ?? '' }, { word: timeRange[2] ?? '' }];
  if (HYPHENATED.test(core)) {
    const parts = core.split(DASHES);
    const [first = '', ...rest] = parts;
    // Split "follow-up" and "10-minute"; keep "re-send", "x-ray", "q3-2026", "9-5" and "2026-03-01" whole.
    const split = LETTERS.test(first)
      ? first.length > 1 && !HYPHEN_PREFIXES.has(first)
      : DIGITS.test(first) && rest.every((part) => LETTERS.test(part));
    if (split) return parts.map((word) => ({ word }));
    return [LETTERS.test(first) ? { word: core, alts: [parts.join('')] } : { word: core }];
  }
  if (SLASHED_WORDS.test(core)) return [{ word: core, alts: core.split('/') }];
  if (POSSESSIVE.test(core)) return [{ word: core, alts: [core.slice(0, -2)] }];
  return [{ word: core }];
}

/** Most tokens: letters, then perhaps closing punctuation ("pricing,", "week.", "Tuesday?"). */
const SIMPLE_TOKEN = /^[A-Za-z]+(?=[.,;:!?)"]*$)/;

/** The sentence's words, each with the span of the written token it came from. */
export function toTerms(sentence: string): Term[] {
  const terms: Term[] = [];
  for (const match of sentence.matchAll(TOKEN)) {
    const raw = match[0];
    const simple = SIMPLE_TOKEN.exec(raw)?.[0];
    if (simple !== undefined) {
      const word = simple.toLowerCase();
      if (!Object.hasOwn(WHOLE_CONTRACTIONS, word)) {
        terms.push({ word, start: match.index, end: match.index + simple.length });
        continue;
      }
    }
    const lead = LEADING_PUNCTUATION.exec(raw)?.[0].length ?? 0;
    const trimmed = raw.replace(TRAILING_PUNCTUATION, '');
    const core = normalize(trimmed.slice(lead));
    if (!core) continue;
    const start = match.index + lead;
    const end = match.index + trimmed.length;
    for (const { word, alts } of wordsOfToken(core))
      terms.push(alts ? { word, alts, start, end } : { word, start, end });
  }
  return terms;
}

const PLAIN_WORD = /^[a-z]+$/;

/** The words of one written word as `toTerms` reads them (quick for a plain lower-case word, as most pattern words are). */
export function wordsOf(text: string): string[] {
  if (PLAIN_WORD.test(text) && !Object.hasOwn(WHOLE_CONTRACTIONS, text)) return [text];
  return wordsOfToken(normalize(text)).map((term) => term.word);
}

/** A term's word or one of its other forms equals `word`. */
export function termIs(term: Term, word: string): boolean {
  return term.word === word || (term.alts?.includes(word) ?? false);
}
