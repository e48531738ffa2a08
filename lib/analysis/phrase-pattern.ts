/**
 * Phrase rules are written in compromise's match syntax, the part of it that needs no part-of-speech
 * lexicon: words, optional words `just?`, alternatives `(update|news|heard back)` and `(to)?`,
 * wildcards `.` `.{0,3}`, `/regex/` for one word, and `^` / `$` for the start and end of a sentence.
 * This module compiles that syntax to steps and matches them against a sentence's terms, so the
 * content script needs no NLP library to load and unpack on every mail page (10–210 ms per page load:
 * docs/architecture.md). Anything else in a pattern is an error when the rule is built, never a silent miss.
 * Matching cannot run away: every step is bounded (a wildcard at most MAX_WILDCARD words), patterns are
 * a handful of steps, and sentences are bounded by the caller.
 */
import { hasWholeContraction, termIs, wordsOf, type Term } from './terms';

/** One word of a pattern: a literal (as read by `toTerms`) or a regular expression on the term's word. */
type WordTest = string | RegExp;

export type Step =
  /** One of several word sequences, or none when optional. */
  | { kind: 'choice'; options: WordTest[][]; optional: boolean }
  /** Any `min` to `max` words. */
  | { kind: 'any'; min: number; max: number };

export interface CompiledPattern {
  steps: Step[];
  /** `^`: the match starts the sentence. */
  atStart: boolean;
  /** `$`: the match ends the sentence. */
  atEnd: boolean;
  /** The words every match starts with, when the first step is a required choice of words. */
  starts?: ReadonlySet<string>;
}

/** Longest stretch one wildcard may skip; phrase rules never need more, and it bounds matching. */
const MAX_WILDCARD = 8;

/** Top-level terms: a group with its suffix, a /regex/ with its suffix, or a run of non-spaces. */
const PATTERN_TERM = /\^?\([^()]*\)\S*|\^?\/(?:[^/\\]|\\.)+\/\S*|\S+/g;
/** A "|" between a group's options; one inside a /regex/ belongs to the regex. */
const OPTION_BAR = /\|(?![^/]*\/(?:[\s|]|$))/;
const WILDCARD = /^\.(?:\{(\d+),(\d+)\}|(\?))?$/;
/** compromise syntax this module does not read: tags, methods, captures, negation, fuzzy and greedy words. */
const UNSUPPORTED = /[#@[\]!~*+]|\(\)|\(\||\|\||\|\)|[^.]\{|.\^|\$./s;
const REGEX_TERMS = /\/(?:[^/\\]|\\.)+\//g;
/** Nothing but lower-case ASCII words and syntax: the words need no reading by `toTerms`. */
const PLAIN_PATTERN = /^[a-z0-9 ()|?^$]*$/;

/**
 * One option of a group, or one word: literal words as `toTerms` reads them, and /regex/ words.
 * Patterns compile while a mail page's code is still cold, so plain ones skip the reading and loops stay plain.
 */
function wordTests(text: string, pattern: string, plain: boolean): WordTest[] {
  const parts = text.split(' ').filter((part) => part !== '');
  if (!parts.length) throw new Error(`empty option in phrase pattern: ${pattern}`);
  if (plain) return parts;
  const tests: WordTest[] = [];
  for (const part of parts) {
    if (part.length > 2 && part.startsWith('/') && part.endsWith('/')) tests.push(new RegExp(part.slice(1, -1)));
    else tests.push(...wordsOf(part));
  }
  return tests;
}

function stepOf(term: string, pattern: string, plain: boolean): Step {
  const optional = term.endsWith('?') && term !== '.?';
  const body = optional ? term.slice(0, -1) : term;
  if (body[0] === '(' && body[body.length - 1] === ')') {
    const inner = body.slice(1, -1);
    const choices = inner.includes('/') ? inner.split(OPTION_BAR) : inner.split('|');
    return { kind: 'choice', options: choices.map((choice) => wordTests(choice, pattern, plain)), optional };
  }
  if (body[0] === '.') {
    const wildcard = WILDCARD.exec(term);
    const [min, max] = wildcard?.[3] ? [0, 1] : [Number(wildcard?.[1] ?? 1), Number(wildcard?.[2] ?? 1)];
    if (!wildcard || max > MAX_WILDCARD || min > max) throw new Error(`bad wildcard in phrase pattern: ${pattern}`);
    return { kind: 'any', min, max };
  }
  return { kind: 'choice', options: [wordTests(body, pattern, plain)], optional };
}

export function compilePattern(pattern: string): CompiledPattern {
  const words = pattern.replace(REGEX_TERMS, '/').trim();
  if (UNSUPPORTED.test(words)) throw new Error(`unsupported syntax in phrase pattern: ${pattern}`);
  const plain = PLAIN_PATTERN.test(words) && !hasWholeContraction(pattern);
  const terms = pattern.trim().match(PATTERN_TERM) ?? [];
  const last = terms.length - 1;
  const atStart = terms[0]?.startsWith('^') ?? false;
  const atEnd = terms[last]?.endsWith('$') ?? false;
  const steps: Step[] = [];
  let required = false;
  for (let i = 0; i <= last; i++) {
    const step = stepOf(
      (terms[i] ?? '').slice(i === 0 && atStart ? 1 : 0, i === last && atEnd ? -1 : undefined),
      pattern,
      plain,
    );
    required ||= step.kind === 'choice' && !step.optional;
    steps.push(step);
  }
  if (!required) {
    throw new Error(`phrase pattern needs at least one required word: ${pattern}`);
  }
  return { steps, atStart, atEnd, starts: startWords(steps[0]) };
}

function startWords(first: Step | undefined): Set<string> | undefined {
  if (first?.kind !== 'choice' || first.optional) return undefined;
  const words = new Set<string>();
  for (const option of first.options) {
    if (typeof option[0] !== 'string') return undefined;
    words.add(option[0]);
  }
  return words;
}

function canStart(pattern: CompiledPattern, term: Term): boolean {
  const { starts } = pattern;
  return !starts || starts.has(term.word) || (term.alts?.some((alt) => starts.has(alt)) ?? false);
}

function wordMatches(test: WordTest, term: Term | undefined): boolean {
  if (!term) return false;
  return typeof test === 'string' ? termIs(term, test) : test.test(term.word);
}

/** Where `steps[s..]` can end when they start at term `t`: the first way found, options in written order, wildcards longest first. */
function matchFrom(pattern: CompiledPattern, terms: Term[], s: number, t: number): number {
  const step = pattern.steps[s];
  if (!step) return !pattern.atEnd || t === terms.length ? t : -1;
  if (step.kind === 'any') {
    for (let n = Math.min(step.max, terms.length - t); n >= step.min; n--) {
      const end = matchFrom(pattern, terms, s + 1, t + n);
      if (end >= 0) return end;
    }
    return -1;
  }
  for (const option of step.options) {
    let k = 0;
    while (k < option.length && wordMatches(option[k] ?? '', terms[t + k])) k++;
    if (k < option.length) continue;
    const end = matchFrom(pattern, terms, s + 1, t + option.length);
    if (end >= 0) return end;
  }
  return step.optional ? matchFrom(pattern, terms, s + 1, t) : -1;
}

/** Non-overlapping matches, left to right, as [first term, end) pairs. */
export function findMatches(pattern: CompiledPattern, terms: Term[]): [number, number][] {
  const found: [number, number][] = [];
  const lastStart = pattern.atStart ? 0 : terms.length - 1;
  for (let t = 0; t <= lastStart;) {
    const term = terms[t];
    if (!term || !canStart(pattern, term)) {
      t++;
      continue;
    }
    const end = matchFrom(pattern, terms, 0, t);
    if (end > t) {
      found.push([t, end]);
      t = end;
    } else t++;
  }
  return found;
}
