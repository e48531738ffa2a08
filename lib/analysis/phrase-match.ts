/**
 * Phrase rules as data, matched with compromise (`compromise/one`: tokenizer, contractions and match
 * patterns, no part-of-speech lexicon to unpack). "haven't heard back" matches "have not heard back",
 * optional words (`just?`) and alternatives (`(update|news)`) keep one pattern per idea.
 *
 * Speed: parsing a whole 5,000-word draft with compromise costs tens of milliseconds, so only the
 * sentences that contain a word some pattern needs (the net's hook words) are parsed, once per draft.
 */
import nlp from 'compromise/one';

export interface PhraseRule {
  /** A compromise match pattern. */
  pattern: string;
  /** Where the idea comes from (a line of ../shared/RESEARCH.md or the coaching literature). */
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

type Net = ReturnType<typeof nlp.buildNet>;

export interface PhraseSet {
  rules: readonly PhraseRule[];
  net: Net;
  hooks: ReadonlySet<string>;
}

export function buildPhraseSet(rules: readonly PhraseRule[]): PhraseSet {
  const net = nlp.buildNet(rules.map((rule, i) => ({ match: rule.pattern, val: String(i) })));
  const hooks = new Set(Object.keys((net as unknown as { hooks: Record<string, unknown> }).hooks));
  return { rules, net, hooks };
}

const NEGATORS = new Set(['no', 'not', 'never', 'without', 'nothing', 'zero', 'hardly', 'nor', "n't"]);
const NEGATION_WINDOW = 3;

/** Expansions of English contractions, so "can't" finds the hook word "not" before compromise runs. */
const CONTRACTION_PARTS: Record<string, string[]> = {
  "n't": ['not'],
  "'m": ['am'],
  "'re": ['are'],
  "'ve": ['have'],
  "'ll": ['will'],
  "'d": ['would', 'had'],
  "'s": ['is', 'has'],
};

function wordsOf(sentence: string): string[] {
  const tokens =
    sentence
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];
  const words: string[] = [];
  for (const token of tokens) {
    words.push(token);
    const apostrophe = token.indexOf("'");
    if (apostrophe < 0) continue;
    const suffix = token.endsWith("n't") ? "n't" : token.slice(apostrophe);
    words.push(token.slice(0, token.length - suffix.length), ...(CONTRACTION_PARTS[suffix] ?? []));
    if (token === "won't") words.push('will');
    if (token === "can't") words.push('can');
  }
  return words;
}

/** Longest stretch of text handed to compromise, so a pasted megabyte stays fast. */
const MAX_PARSED_CHARS = 60_000;

/**
 * One draft's sentences, parsed once for all phrase sets. Sentences that contain no hook word of any
 * set are never parsed.
 */
export class PhraseMatcher {
  private readonly doc: ReturnType<typeof nlp>;

  constructor(sentences: readonly string[], sets: readonly PhraseSet[]) {
    const candidates: string[] = [];
    let chars = 0;
    for (const sentence of sentences) {
      if (!wordsOf(sentence).some((w) => sets.some((set) => set.hooks.has(w)))) continue;
      chars += sentence.length;
      if (chars > MAX_PARSED_CHARS) break;
      // A blank line and closing punctuation keep each candidate a sentence of its own.
      candidates.push(/[.!?:;]$/.test(sentence) ? sentence : `${sentence}.`);
    }
    this.doc = nlp(candidates.join('\n\n'));
  }

  find(set: PhraseSet): PhraseHit[] {
    if (this.doc.found === false) return [];
    const { found } = this.doc.sweep(set.net, { tagger: false });
    const hits: PhraseHit[] = [];
    for (const match of found as { val: string; view: ReturnType<typeof nlp> }[]) {
      const rule = set.rules[Number(match.val)];
      const [n = 0, start = 0] = match.view.fullPointer[0] ?? [];
      const terms = this.doc.document[n] ?? [];
      if (!rule || (rule.negatable && isNegated(terms, start))) continue;
      hits.push({
        rule,
        text: match.view.text().replace(/[.,;:!?]+$/, ''),
        sentence: terms
          .map((t) => t.pre + t.text + t.post)
          .join('')
          .trim(),
      });
    }
    return hits;
  }
}

function isNegated(terms: { normal: string; machine?: string }[], start: number): boolean {
  for (let i = Math.max(0, start - NEGATION_WINDOW); i < start; i++) {
    const term = terms[i];
    if (term && (NEGATORS.has(term.machine ?? term.normal) || NEGATORS.has(term.normal))) return true;
  }
  return false;
}

/** Turns a rep's own phrase ("touching base re") into a literal pattern: words only, no match syntax. */
export function literalPattern(phrase: string): string | undefined {
  const words = phrase.toLowerCase().match(/[\p{L}\p{N}']+/gu);
  return words?.length ? words.join(' ') : undefined;
}
