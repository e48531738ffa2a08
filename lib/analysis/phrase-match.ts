/**
 * Phrase rules as data, written in compromise's match syntax (phrase-pattern.ts): "haven't heard back"
 * matches "have not heard back", optional words (`just?`) and alternatives (`(update|news)`) keep one
 * pattern per idea.
 *
 * Speed: each rule has anchor words, one of which any match must contain; a sentence is matched only
 * against the rules whose needed words it holds, so a draft costs a few word lookups per sentence
 * (phrase-index.ts).
 */
import { LETTER_OR_DIGIT } from './letters';
import { anchoredBy, loadList, patternAt, type IndexedList, type StoredIndex } from './phrase-index';
import { findMatches } from './phrase-pattern';
import { toTerms, type Term } from './terms';

export interface PhraseRule {
  /** A compromise match pattern. */
  pattern: string;
  /** Where the idea comes from (a line of docs/research.md). */
  source: string;
  /** How much one hit counts toward its detector (detectors read it their own way). */
  weight?: number;
  /** A negation just before the hit cancels it: "no problem", "not an issue". */
  negatable?: boolean;
}

/** Shared by every pass over the same sentence: read, never changed. */
export interface PhraseHit {
  readonly rule: PhraseRule;
  /** The words matched, as written. */
  readonly text: string;
  /** The whole sentence the hit sits in, as written. */
  readonly sentence: string;
}

export interface PhraseSet {
  rules: readonly PhraseRule[];
  index: IndexedList;
}

/** A list of rules, indexed from `stored` (phrases/compiled.json) when that was made from these very patterns. */
export function buildPhraseSet(rules: readonly PhraseRule[], stored?: StoredIndex): PhraseSet {
  return {
    rules,
    index: loadList(
      rules.map((rule) => rule.pattern),
      stored,
    ),
  };
}

/**
 * Most text matched per draft: two thirds from the start, a third from the end (where
 * the ask and any call proposal usually sit). Beyond this a draft is a document, and its length, not
 * its phrasing, is what the rep needs to hear about.
 */
const MAX_PARSED_CHARS = 9_000;
const HEAD_SHARE = 2 / 3;

function withinBudget<T extends { sentence: string }>(sentences: T[]): T[] {
  const total = sentences.reduce((sum, s) => sum + s.sentence.length, 0);
  if (total <= MAX_PARSED_CHARS) return sentences;
  const take = (list: T[], budget: number) => {
    const out: T[] = [];
    for (const s of list) {
      if ((budget -= s.sentence.length) < 0) break;
      out.push(s);
    }
    return out;
  };
  const head = take(sentences, MAX_PARSED_CHARS * HEAD_SHARE);
  const tail = take(sentences.slice(head.length).reverse(), MAX_PARSED_CHARS * (1 - HEAD_SHARE)).reverse();
  return [...head, ...tail];
}

const NEGATORS = new Set(['no', 'not', 'never', 'without', 'nothing', 'zero', 'hardly', 'nor']);
const NEGATION_WINDOW = 3;

function isNegated(terms: Term[], start: number): boolean {
  for (let i = Math.max(0, start - NEGATION_WINDOW); i < start; i++) {
    const term = terms[i];
    if (term && (NEGATORS.has(term.word) || term.alts?.some((alt) => NEGATORS.has(alt)))) return true;
  }
  return false;
}

function holdsAll(words: ReadonlySet<string>, needs: readonly string[][] | undefined): boolean {
  return needs !== undefined && needs.every((alternatives) => alternatives.some((word) => words.has(word)));
}

/** Positions of the rules of a set whose needed words a sentence holds. */
function positionsFor(set: PhraseSet, words: ReadonlySet<string>): Set<number> {
  const found = new Set<number>();
  for (const word of words) {
    for (const position of anchoredBy(set.index, word) ?? []) {
      if (holdsAll(words, set.index.needs[position])) found.add(position);
    }
  }
  return found;
}

const EDGE_PUNCTUATION = /^[\s\-–—*•]+|[\s.,;:!?]+$/g;

/** Every form of every word of a sentence, for looking up the rules it could match. */
function wordSetOf(terms: readonly Term[]): Set<string> {
  const words = new Set<string>();
  for (const term of terms) {
    words.add(term.word);
    for (const alt of term.alts ?? []) words.add(alt);
  }
  return words;
}

/** What one sentence holds for the phrase rules: its words, and per set the rules it could match and its hits. */
interface SentenceReading {
  sentence: string;
  terms: Term[];
  words: Set<string>;
  sets: Map<PhraseSet, { positions: Set<number>; hits?: readonly PhraseHit[] }>;
}

function readSentence(sentence: string): SentenceReading {
  const terms = toTerms(sentence);
  return { sentence, terms, words: wordSetOf(terms), sets: new Map() };
}

/** The rules of a set a sentence could match (worked out once per sentence and set). */
function positionsIn(reading: SentenceReading, set: PhraseSet): Set<number> {
  let entry = reading.sets.get(set);
  if (!entry) reading.sets.set(set, (entry = { positions: positionsFor(set, reading.words) }));
  return entry.positions;
}

/** The sentence's hits for a set, in rule order (matched once per sentence and set). */
function hitsIn(reading: SentenceReading, set: PhraseSet): readonly PhraseHit[] {
  const entry = reading.sets.get(set);
  if (!entry) return [];
  entry.hits ??= [...entry.positions].flatMap((position) => matchSentence(reading, set, position));
  return entry.hits;
}

function matchSentence({ sentence, terms }: SentenceReading, set: PhraseSet, position: number): PhraseHit[] {
  const rule = set.rules[position];
  const pattern = patternAt(set.index, position);
  if (!rule || !pattern) return [];
  const hits: PhraseHit[] = [];
  for (const [start, end] of findMatches(pattern, terms)) {
    if (rule.negatable && isNegated(terms, start)) continue;
    const first = terms[start];
    const last = terms[end - 1];
    if (!first || !last) continue;
    const text = sentence.slice(first.start, last.end).replace(EDGE_PUNCTUATION, '');
    hits.push({ rule, text, sentence });
  }
  return hits;
}

/**
 * The sentences of the last pass, read. The coach analyses again as the rep types, and most sentences
 * have not changed since: their words and hits are taken from here. Held in memory until the next pass.
 */
let lastPass = new Map<string, SentenceReading>();

/** One draft's sentences matched against phrase sets, all at construction. */
export class PhraseMatcher {
  private readonly hits = new Map<PhraseSet, PhraseHit[]>();

  constructor(sentences: readonly string[], sets: readonly PhraseSet[]) {
    const thisPass = new Map<string, SentenceReading>();
    const candidates: { sentence: string; reading: SentenceReading; found: PhraseSet[] }[] = [];
    for (const sentence of sentences) {
      if (sentence.length > MAX_PARSED_CHARS) continue;
      const reading = thisPass.get(sentence) ?? lastPass.get(sentence) ?? readSentence(sentence);
      thisPass.set(sentence, reading);
      const found = sets.filter((set) => positionsIn(reading, set).size > 0);
      if (found.length) candidates.push({ sentence, reading, found });
    }
    lastPass = thisPass;
    for (const { reading, found } of withinBudget(candidates)) {
      for (const set of found) {
        const hits = hitsIn(reading, set);
        if (hits.length) this.hits.set(set, [...(this.hits.get(set) ?? []), ...hits]);
      }
    }
  }

  find(set: PhraseSet): PhraseHit[] {
    return this.hits.get(set) ?? [];
  }
}

const LITERAL_WORD = new RegExp(`[${LETTER_OR_DIGIT}']+`, 'g');

/** Turns a rep's own phrase ("touching base re") into a literal pattern: words only, no match syntax. */
export function literalPattern(phrase: string): string | undefined {
  const words = phrase.toLowerCase().match(LITERAL_WORD);
  return words?.length ? words.join(' ') : undefined;
}
