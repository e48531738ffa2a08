/**
 * How well a noun phrase names a draft's point (weigh), and the most any phrase of a sentence could
 * weigh, read from its plain words (ceiling): a sentence whose ceiling cannot beat what the subject
 * line already names need not be tagged, which is most of the cost of finding a topic.
 */
import type { RuleId } from '../../settings/schema';
import type { NounPhrase } from './noun-phrases';
import { QUESTION_VERBS, QUESTION_WORDS } from './noun-phrases';
import { ABOUT_WORDS, DEFINITE, LIST_JOINERS, PARTY_NOUNS } from './vocabulary';

/** What weigh adds for each thing a phrase shows; the ceiling adds the same. */
const BASE = 1;
/** The object of "on/about/regarding" is what a sentence asks about. */
const ABOUT = 1;
/** What a question asks about leans the same way, less surely: a draft's first question is rarely all its point. */
const ASKED = 0.5;
/** What the rep proposes is what the call talks through. */
const PROPOSED = 1.5;
/** The disputed point is often a figure: "the 18% renewal increase", "the $7,300 uplift". */
const FIGURE = 1;
/** Questions about several things at once: "can you confirm the signatory, payment terms and the start date?" */
const LISTED = 1;
const DEFINITE_BONUS = 0.5;
/** The rep named it in the subject too: per word shared, up to a most. */
const PER_SUBJECT_WORD = 1.5;
const MAX_SUBJECT = 2;
/** What the rep keeps naming is what the draft is about. */
const REPEATED = 0.5;
const NAMES_ONLY = -1;
const PARTY = -1.5;
/** Later sentences carry the point less surely. */
const PER_SENTENCE = 0.3;

/** Repetition is counted in the draft's first this many characters: plenty for an email, bounded for a pasted document. */
const MAX_COUNTED_CHARS = 20_000;

/** A company, a person or a place ("Sunfield", "Castellan's"): who, not what. */
const TITLE_CASE = /^\p{Lu}\p{Ll}/u;

/** Every word that names something is capitalised: "Sunfield", "the Laredo". */
export const namesOnly = (phrase: NounPhrase) =>
  phrase.words.every((w) => !phrase.content.includes(w.normal) || TITLE_CASE.test(w.text));

/** Words compared by their first letters, so "quote" meets "quotation" and "renewals" "renewal". */
const stemOf = (word: string) => word.toLowerCase().slice(0, 5);

/** How often each word stem occurs in a text: a thing the rep names twice is what the draft is about. */
export function stemCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of text
    .slice(0, MAX_COUNTED_CHARS)
    .toLowerCase()
    .match(/\p{L}[\p{L}\p{N}'-]*/gu) ?? []) {
    const stem = stemOf(word);
    counts.set(stem, (counts.get(stem) ?? 0) + 1);
  }
  return counts;
}

export interface Salience {
  subject: Map<string, number>;
  text: Map<string, number>;
}

/** How well a phrase names the point; 0 when it names nothing. */
export function weigh(
  phrase: NounPhrase,
  sentenceIndex: number,
  salience: Salience,
  reason: RuleId | undefined,
  proposed: boolean,
): number {
  if (phrase.content.length === 0) return 0;
  const stems = phrase.content.map(stemOf);
  const mentions = Math.max(...stems.map((stem) => salience.text.get(stem) ?? 0));
  const shared = stems.filter((stem) => salience.subject.has(stem)).length;
  return Math.max(
    0,
    BASE +
      (ABOUT_WORDS.has(phrase.before) ? ABOUT : 0) +
      (phrase.asked ? ASKED : 0) +
      (proposed ? PROPOSED : 0) +
      (phrase.figure && reason === 'conflict' ? FIGURE : 0) +
      (phrase.items > 2 && reason === 'questions' ? LISTED : 0) +
      (DEFINITE.has(phrase.words[0]?.normal ?? '') ? DEFINITE_BONUS : 0) +
      Math.min(MAX_SUBJECT, shared * PER_SUBJECT_WORD) +
      (mentions > 1 ? REPEATED : 0) +
      (PARTY_NOUNS.has(phrase.head) ? PARTY : 0) +
      (namesOnly(phrase) ? NAMES_ONLY : 0) -
      PER_SENTENCE * sentenceIndex,
  );
}

/**
 * A letter outside ASCII: the tagger folds accents ("ön" reads "on"), which plain words here do not
 * see, so such a sentence gets no ceiling.
 */
const BEYOND_ASCII = /(?!\p{ASCII})\p{L}/u;
const ASCII_RUN = /[a-z0-9]+/g;

/**
 * The forms the tagger may give a written word ("Q3's" -> "q3's", "q3"; "cut-over" -> "cut-over",
 * "cut", "over"; "U.S." -> "us"), lower case: more than it gives, never fewer.
 */
function formsOf(token: string): Set<string> {
  const trimmed = token.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  const forms = new Set([trimmed, trimmed.replace(/'s?$/, ''), trimmed.replace(/[^a-z0-9]/g, '')]);
  for (const part of token.match(ASCII_RUN) ?? []) forms.add(part);
  forms.delete('');
  return forms;
}

/**
 * The most weigh can give any phrase of `sentence` (the `sentenceIndex`th read), without tagging it:
 * each bonus counts when the words it needs are there at all. One word before a phrase is either
 * "on/about" or a question's, never both; a proposal needs its cue (`cued`). Infinity when the
 * sentence holds a letter outside ASCII.
 */
export function ceiling(
  sentence: string,
  sentenceIndex: number,
  subjectStems: Salience['subject'],
  reason: RuleId | undefined,
  cued: boolean,
): number {
  if (BEYOND_ASCII.test(sentence)) return Infinity;
  const words = new Set<string>();
  let shared = 0;
  // The apostrophes the tagger straightens.
  for (const token of sentence.toLowerCase().replace(/[’‘‛]/g, "'").split(/\s+/)) {
    const forms = formsOf(token);
    for (const form of forms) {
      words.add(form);
      if (subjectStems.has(stemOf(form))) shared++;
    }
  }
  const any = (set: ReadonlySet<string>) => [...set].some((word) => words.has(word));
  const before = any(ABOUT_WORDS) ? ABOUT : any(QUESTION_WORDS) || any(QUESTION_VERBS) ? ASKED : 0;
  return Math.max(
    0,
    BASE +
      before +
      (cued ? PROPOSED : 0) +
      (reason === 'conflict' && /\d/.test(sentence) ? FIGURE : 0) +
      (reason === 'questions' && (any(LIST_JOINERS) || sentence.includes('&')) ? LISTED : 0) +
      (any(DEFINITE) ? DEFINITE_BONUS : 0) +
      Math.min(MAX_SUBJECT, shared * PER_SUBJECT_WORD) +
      REPEATED -
      PER_SENTENCE * sentenceIndex,
  );
}
