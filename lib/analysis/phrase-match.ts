/**
 * Phrase rules as data, matched with compromise (`compromise/one`: tokenizer, contractions and match
 * patterns, no part-of-speech lexicon to unpack). "haven't heard back" matches "have not heard back",
 * optional words (`just?`) and alternatives (`(update|news)`) keep one pattern per idea.
 *
 * Speed: compromise costs several microseconds a word, so a draft is never parsed whole. Each rule
 * has anchor words, one of which any match must contain; only sentences holding an anchor are
 * parsed (once per draft), and each sentence is matched only against the rules it has anchors for.
 */
import nlp from 'compromise/one';

export interface PhraseRule {
  /** A compromise match pattern. */
  pattern: string;
  /** Where the idea comes from (a line of ../shared/RESEARCH.md or the evaluation guide). */
  source: string;
  /** How much one hit counts toward its detector (detectors read it their own way). */
  weight?: number;
  /** A negation just before the hit cancels it: "no problem", "not an issue". */
  negatable?: boolean;
}

export interface PhraseHit {
  rule: PhraseRule;
  /** The words matched, as written. */
  text: string;
  /** The whole sentence the hit sits in, as compromise read it. */
  sentence: string;
}

type ParsedMatch = ReturnType<typeof nlp.parseMatch>;
type View = ReturnType<typeof nlp>;

interface CompiledRule {
  rule: PhraseRule;
  /** compromise's parse of the pattern, made the first time a sentence could match. */
  regs?: ParsedMatch;
  /** For each required term, the words it can be; a sentence must hold one of each. */
  needs: string[][];
}

export interface PhraseSet {
  rules: readonly PhraseRule[];
  /** Rules by anchor word: every match of a rule contains one of its anchors (its rarest needed term). */
  byAnchor: ReadonlyMap<string, readonly CompiledRule[]>;
}

/** Words so common that they say little about a sentence; a rarer word makes a better anchor. */
const COMMON = new Set(
  'a an the i me my we us our you your he she it they this that these is are am was were be been have has had do did does to of in on at for with by from and or not no if so can will would could should let get just any what how when where who which as up out off all see know want need like still please here there'.split(
    ' ',
  ),
);

const cost = (word: string) => (COMMON.has(word) ? 10 : word.length <= 3 ? 3 : 1);

/**
 * The top-level terms of a match pattern: words, groups "(a|b c)" with their "?" or "{n,m}", wildcards
 * and /regex/. A light reading of compromise's syntax, enough to know which words a match needs;
 * compromise itself parses a pattern only when a sentence could match it.
 */
const TOP_LEVEL_TERM = /\([^()]*\)\S*|\/[^/]*\/\S*|\S+/g;
const GROUP = /^\^?\(([^()]*)\)(\S*)$/;
const PLAIN_WORD = /^[\p{L}\p{N}'-]+$/u;
const EDGE_ANCHORS = /^\^|\$$/g;
const SPACES = /\s+/;

/** A required plain word, or undefined for optional words, wildcards, regexes and empty anchors. */
function requiredWord(term: string): string | undefined {
  const word = term.replace(EDGE_ANCHORS, '');
  return PLAIN_WORD.test(word) ? word.toLowerCase() : undefined;
}

/** The first of the cheapest words (the rarest, by `cost`). */
function cheapest<T>(items: readonly T[], costOf: (item: T) => number): T | undefined {
  let best: T | undefined;
  let bestCost = Infinity;
  for (const item of items) {
    const c = costOf(item);
    if (c < bestCost) [best, bestCost] = [item, c];
  }
  return best;
}

/** The words one required term can be, or undefined when it can be anything or nothing. */
function termWords(term: string): string[] | undefined {
  const group = GROUP.exec(term);
  if (!group) {
    const word = requiredWord(term);
    return word === undefined ? undefined : [word];
  }
  const suffix = group[2] ?? '';
  if (suffix[0] === '?' || suffix[0] === '{' || suffix[0] === '*') return undefined;
  // Each alternative needs its rarest word; the group needs one of those.
  const words: string[] = [];
  for (const choice of (group[1] ?? '').split('|')) {
    const required: string[] = [];
    for (const part of choice.split(SPACES)) {
      const word = requiredWord(part);
      if (word !== undefined) required.push(word);
    }
    const word = cheapest(required, cost);
    if (word === undefined) return undefined;
    words.push(word);
  }
  return words;
}

/**
 * What a sentence must contain for a pattern to match it: for each required term, one of its words.
 * Contractions are expanded the way compromise expands them ("can't" holds "can" and "not").
 */
function needsOf(pattern: string): string[][] {
  const needs: string[][] = [];
  for (const term of pattern.match(TOP_LEVEL_TERM) ?? []) {
    const words = termWords(term);
    if (words === undefined) continue;
    const expanded = new Set<string>();
    for (const word of words) for (const w of wordsOf(word)) expanded.add(w);
    needs.push([...expanded]);
  }
  if (!needs.length) throw new Error(`phrase pattern needs at least one required word: ${pattern}`);
  return needs;
}

/** Expansions of English contractions, so "can't" finds the anchor "not" before compromise runs. */
const CONTRACTION_PARTS: Record<string, string[]> = {
  "n't": ['not'],
  "'m": ['am'],
  "'re": ['are'],
  "'ve": ['have'],
  "'ll": ['will'],
  "'d": ['would', 'had'],
  "'s": ['is', 'has'],
};
const IRREGULAR_NEGATIVES: Record<string, string> = { "won't": 'will', "can't": 'can', "shan't": 'shall' };

const CURLY_APOSTROPHE = /[’‘]/g;
const WORD_TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;

function wordsOf(text: string): string[] {
  const tokens = text.toLowerCase().replace(CURLY_APOSTROPHE, "'").match(WORD_TOKEN) ?? [];
  const words: string[] = [];
  for (const token of tokens) {
    words.push(token);
    const apostrophe = token.indexOf("'");
    if (apostrophe < 0) continue;
    const suffix = token.endsWith("n't") ? "n't" : token.slice(apostrophe);
    words.push(
      IRREGULAR_NEGATIVES[token] ?? token.slice(0, token.length - suffix.length),
      ...(CONTRACTION_PARTS[suffix] ?? []),
    );
  }
  return words;
}

export function buildPhraseSet(rules: readonly PhraseRule[]): PhraseSet {
  const byAnchor = new Map<string, CompiledRule[]>();
  const total = (words: string[]) => words.reduce((sum, w) => sum + cost(w), 0);
  for (const rule of rules) {
    const needs = needsOf(rule.pattern);
    const compiled: CompiledRule = { rule, needs };
    for (const word of cheapest(needs, total) ?? []) {
      const list = byAnchor.get(word);
      if (list) list.push(compiled);
      else byAnchor.set(word, [compiled]);
    }
  }
  return { rules, byAnchor };
}

/**
 * Most text handed to compromise per draft: two thirds from the start, a third from the end (where
 * the ask and any call proposal usually sit). Beyond this a draft is a document, and its length, not
 * its phrasing, is what the rep needs to hear about.
 */
const MAX_PARSED_CHARS = 9_000;
const HEAD_SHARE = 2 / 3;

function withinBudget(sentences: string[]): string[] {
  const total = sentences.reduce((sum, s) => sum + s.length, 0);
  if (total <= MAX_PARSED_CHARS) return sentences;
  const take = (list: string[], budget: number) => {
    const out: string[] = [];
    for (const s of list) {
      if ((budget -= s.length) < 0) break;
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

interface MatchTerm {
  text: string;
  pre: string;
  post: string;
  normal: string;
  machine?: string;
}

function isNegated(terms: MatchTerm[], start: number): boolean {
  for (let i = Math.max(0, start - NEGATION_WINDOW); i < start; i++) {
    const term = terms[i];
    if (term && NEGATORS.has(term.machine ?? term.normal)) return true;
  }
  return false;
}

/** The rules of a set that a sentence with these words could match. */
function rulesFor(set: PhraseSet, words: ReadonlySet<string>): Set<CompiledRule> {
  const rules = new Set<CompiledRule>();
  for (const word of words) {
    for (const rule of set.byAnchor.get(word) ?? []) {
      if (rule.needs.every((alternatives) => alternatives.some((w) => words.has(w)))) rules.add(rule);
    }
  }
  return rules;
}

/** One draft's sentences matched against phrase sets, all at construction. */
export class PhraseMatcher {
  private readonly hits = new Map<PhraseSet, PhraseHit[]>();

  constructor(sentences: readonly string[], sets: readonly PhraseSet[]) {
    const candidates = sentences.filter((sentence) => {
      if (sentence.length > MAX_PARSED_CHARS) return false;
      const words = new Set(wordsOf(sentence));
      return sets.some((set) => rulesFor(set, words).size > 0);
    });
    if (!candidates.length) return;
    // A blank line and closing punctuation keep each candidate a sentence of its own.
    const text = withinBudget(candidates)
      .map((s) => (/[.!?:;]$/.test(s) ? s : `${s}.`))
      .join('\n\n');
    const doc = nlp(text);
    doc.document.forEach((sentenceTerms, n) => {
      const terms = sentenceTerms as MatchTerm[];
      const words = new Set(terms.flatMap((t) => wordsOf(`${t.normal} ${t.machine ?? ''}`)));
      for (const set of sets) {
        const rules = rulesFor(set, words);
        if (rules.size) this.matchSentence(doc.eq(n), terms, set, rules);
      }
    });
  }

  private matchSentence(view: View, terms: MatchTerm[], set: PhraseSet, rules: Set<CompiledRule>): void {
    const sentence = terms
      .map((t) => t.pre + t.text + t.post)
      .join('')
      .trim();
    for (const compiled of rules) {
      const { rule } = compiled;
      compiled.regs ??= nlp.parseMatch(rule.pattern);
      const matches = view.match(compiled.regs);
      matches.fullPointer.forEach(([, start = 0], k) => {
        if (rule.negatable && isNegated(terms, start)) return;
        const text = matches
          .eq(k)
          .text()
          .replace(/^[\s\-–—*•]+|[\s.,;:!?]+$/g, '');
        this.hits.set(set, [...(this.hits.get(set) ?? []), { rule, text, sentence }]);
      });
    }
  }

  find(set: PhraseSet): PhraseHit[] {
    return this.hits.get(set) ?? [];
  }
}

/** Turns a rep's own phrase ("touching base re") into a literal pattern: words only, no match syntax. */
export function literalPattern(phrase: string): string | undefined {
  const words = phrase.toLowerCase().match(/[\p{L}\p{N}']+/gu);
  return words?.length ? words.join(' ') : undefined;
}
