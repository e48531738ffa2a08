/**
 * Noun phrases of one tagged sentence, read by structure: an optional determiner, modifiers and a
 * head noun ("the 18% renewal increase"), listed phrases ("the signatory, payment terms and the start
 * date"), one attached "of/for" phrase ("the revised quotation for the LyteCheck E4") and a short
 * relative clause ("the proposal I sent over last week"). Each phrase notes the word before it, so a
 * caller can prefer the object of "on/about/regarding".
 */
import type { TaggedWord } from './tagger';
import {
  ATTACHING,
  CLAUSE_SUBJECTS,
  DETERMINERS,
  EMPTY_NOUNS,
  INDEFINITE,
  INDEFINITE_PRONOUNS,
  LIGHT_VERBS,
  LIST_JOINERS,
} from './vocabulary';

export interface NounPhrase {
  words: TaggedWord[];
  /** The word just before the phrase, lower case ('' at the start). */
  before: string;
  /** Its last word, lower case: what the phrase names ("increase" in "the 18% renewal increase"). */
  head: string;
  /** Its words that name something (not "update", "email", "week", "the", "18%"), lower case. */
  content: string[];
  /** It holds a figure: "18%", "$14.50", "30 days". */
  figure: boolean;
  /** Words in the phrase's first part, before any listed, attached or relative part. */
  coreWords: number;
  /** Phrases listed in it: 3 for "the signatory, payment terms and the start date". */
  items: number;
  /** Where it starts in the sentence, in words. */
  start: number;
  /** It opens with a describing word before its noun: "uncapped liability", "revised quotation". */
  modified: boolean;
  /**
   * What a question asks about: after "which/what" ("which supply voltage"), "what is/are" ("what are
   * your top security priorities") or a question's opening verb ("do the drives show …?").
   */
  asked: boolean;
}

const MAX_PHRASE_WORDS = 8;
/** Two letters in a row: "PO", "SSO", "W-2s" name something; "$62k/yr" and "48" do not. */
const NAMING = /\p{L}{2}/u;
/** "there's", "it's", "that's": a pronoun and a verb, whatever the lexicon guessed. */
const PRONOUN_CONTRACTION =
  /^(?:(?:there|here|it|that|what|who|where|let|he|she)['’]s|(?:i|you|we|they)['’](?:d|ve|ll|re)|i['’]m)$/;
/** "SOW", "MSA", "VF2": capitals read as a name even when the lexicon knows a verb ("sow"). */
const ACRONYM = /^\p{Lu}{2,}/u;
/** "yesterday's", "Sam's": a possessive opens a phrase as a determiner does. */
const POSSESSIVE = /\p{L}['’]s$/u;
const MAX_CLAUSE_WORDS = 5;
const MAX_LIST_WORDS = 12;

const has = (word: TaggedWord | undefined, tag: string) => word?.tags.has(tag) ?? false;
const punctuationAfter = (word: TaggedWord | undefined) => word?.after.trim().replace(/^'$/, '') ?? '';
const isHyphenated = (word: TaggedWord | undefined) => word?.after === '-';

function isNounish(word: TaggedWord | undefined): boolean {
  if (!word || has(word, 'Pronoun') || has(word, 'Person') || PRONOUN_CONTRACTION.test(word.normal)) return false;
  if (INDEFINITE_PRONOUNS.has(word.normal)) return false;
  // "3rd June" is a date; "2025-0352" is an offer's number that compromise also reads as years.
  if (has(word, 'Date') && !has(word, 'NumberRange')) return false;
  return has(word, 'Noun') || has(word, 'Acronym') || has(word, 'Value');
}

function isModifier(word: TaggedWord | undefined): boolean {
  if (word?.normal === 'like') return false;
  return isNounish(word) || has(word, 'Adjective') || (has(word, 'Possessive') && !has(word, 'Pronoun'));
}

/** A word tagged as a verb that reads as a noun or modifier here: "the Pro quote", "the revised quotation". */
function verbInPhrase(words: readonly TaggedWord[], at: number): boolean {
  const [prev, word, next] = [words[at - 1], words[at], words[at + 1]];
  if (!word || !has(word, 'Verb') || LIGHT_VERBS.has(word.normal)) return false;
  if (['Copula', 'Modal', 'Auxiliary', 'Particle'].some((tag) => has(word, tag))) return false;
  // A regular participle before a noun modifies it ("the revised quotation"); after one it starts a clause.
  const beforeName = (isNounish(next) && !DETERMINERS.has(next?.normal ?? '')) || ACRONYM.test(next?.text ?? '');
  // "the pricing", "your onboarding": a gerund right after a determiner is the head noun.
  if (has(word, 'Gerund')) {
    const afterDeterminer = DETERMINERS.has(prev?.normal ?? '') || has(prev, 'Possessive');
    return word.normal.endsWith('ing') && (beforeName || (afterDeterminer && !has(next, 'Determiner')));
  }
  if (has(word, 'PastTense')) return word.normal.endsWith('ed') && beforeName;
  // "30% lower than ours": a comparative, not a thing.
  if (next?.normal === 'than') return false;
  // "the other quote being", "the 25% request to our desk": a base form right after a determiner, an
  // adjective or a figure is the head noun the lexicon took for a verb ("wants", "needs" are verbs).
  const opened = DETERMINERS.has(prev?.normal ?? '') || ['Possessive', 'Adjective', 'Value'].some((t) => has(prev, t));
  if (opened && has(word, 'Infinitive')) return true;
  // A present form ends the phrase as its head ("the Pro quote yet", "the safety relays still", "the
  // renewal quote I sent"), unless an object or "to" follows ("your side needs to sign") or a plural
  // noun before it is its subject ("priorities have").
  if (has(prev, 'Plural') && prev?.text === prev?.normal) return false;
  if (clauseEnd(words, at + 1) > at + 1) return true;
  if (next?.normal === 'to') return false;
  return !['Particle', 'Determiner', 'Pronoun', 'Verb'].some((tag) => has(next, tag));
}

/** A word that names something: a noun (or a noun-like verb form), not a determiner, figure, date or stand-in. */
function isContentWord(word: TaggedWord): boolean {
  if (EMPTY_NOUNS.has(word.normal) || DETERMINERS.has(word.normal) || !NAMING.test(word.normal)) return false;
  if (PRONOUN_CONTRACTION.test(word.normal)) return false;
  const notNamed = ['Value', 'Adjective', 'Pronoun', 'Date', 'Person', 'PastTense'];
  if (notNamed.some((tag) => has(word, tag))) return false;
  return has(word, 'Noun') || has(word, 'Acronym') || has(word, 'Verb');
}

/** "format and date,": a listed item's single word that the lexicon took for a verb. */
const listedVerb = (words: readonly TaggedWord[], at: number) =>
  has(words[at], 'Infinitive') && LIST_JOINERS.has(words[at - 1]?.normal ?? '') && punctuationAfter(words[at]) !== '';

/** The simple phrase starting at `start`: its end (exclusive), or `start` when none starts there. */
function simpleEnd(words: readonly TaggedWord[], start: number, listed = false): number {
  let i = start;
  if (DETERMINERS.has(words[i]?.normal ?? '') || has(words[i], 'Possessive') || POSSESSIVE.test(words[i]?.normal ?? ''))
    i++;
  const bodyStart = i;
  while (i < words.length && i - start < MAX_PHRASE_WORDS) {
    const word = words[i];
    // A hyphenated compound ("true-up", "cut-over") stays whole whatever its parts are tagged.
    const inBody =
      isModifier(word) ||
      isHyphenated(words[i - 1]) ||
      ((i > start || has(word, 'PastTense')) && verbInPhrase(words, i)) ||
      (listed && i === start && listedVerb(words, i));
    // "your side needs to", "the project goes": after a noun these are verbs whatever the lexicon says.
    if (!inBody || (i > bodyStart && LIGHT_VERBS.has(word?.normal ?? ''))) break;
    i++;
    if (punctuationAfter(word) && !isHyphenated(word)) break;
  }
  // Back off trailing adjectives: the phrase ends on its head.
  while (i > bodyStart && !isNounish(words[i - 1]) && !has(words[i - 1], 'Verb') && !listedVerb(words, i - 1)) i--;
  return i > bodyStart ? i : start;
}

/** "I sent over last week", "we discussed": a pronoun, a past-tense verb and a few light words. */
function clauseEnd(words: readonly TaggedWord[], at: number): number {
  if (!CLAUSE_SUBJECTS.has(words[at]?.normal ?? '') || !has(words[at + 1], 'PastTense')) return at;
  if (punctuationAfter(words[at])) return at;
  let i = at + 2;
  // "over last week", "for" closing the clause ("the 30% discount you asked for").
  const light = (w: TaggedWord | undefined) =>
    has(w, 'Particle') ||
    has(w, 'Date') ||
    has(w, 'Adverb') ||
    w?.normal === 'last' ||
    w?.normal === 'over' ||
    (has(w, 'Preposition') && (punctuationAfter(w) !== '' || w === words[words.length - 1]));
  while (i < words.length && i - at < MAX_CLAUSE_WORDS && !punctuationAfter(words[i - 1]) && light(words[i])) i++;
  return i;
}

export const QUESTION_WORDS: ReadonlySet<string> = new Set(['which', 'what', 'whose']);
export const QUESTION_VERBS: ReadonlySet<string> = new Set(
  'do does did is are was were has have had can could will would should'.split(' '),
);
/** Words a question's opening verb may stand after: "And has the …", "What exactly do the …". */
const QUESTION_LEAD = 3;

/** The phrase at `start` is what a question asks about (see NounPhrase.asked). */
function isAsked(words: readonly TaggedWord[], start: number): boolean {
  const before = words[start - 1]?.normal ?? '';
  if (QUESTION_WORDS.has(before)) return true;
  if (!QUESTION_VERBS.has(before)) return false;
  if (QUESTION_WORDS.has(words[start - 2]?.normal ?? '')) return true;
  const last = words[words.length - 1];
  return start - 1 < QUESTION_LEAD && (last?.after.includes('?') ?? false);
}

function phraseOf(
  words: readonly TaggedWord[],
  start: number,
  coreEnd: number,
  end: number,
  items: number,
): NounPhrase {
  const slice = words.slice(start, end);
  return {
    items,
    start,
    modified: coreEnd - start > 1 && (has(words[start], 'Adjective') || has(words[start], 'PastTense')),
    asked: isAsked(words, start),
    coreWords: coreEnd - start,
    words: slice,
    before: words[start - 1]?.normal ?? '',
    content: slice.filter(isContentWord).map((w) => w.normal),
    head: words[coreEnd - 1]?.normal ?? '',
    figure: slice.some((w) => has(w, 'Value') && /\d/.test(w.text)),
  };
}

/** Every noun phrase in the sentence, longest reading first at each start, left to right. */
export function nounPhrases(words: readonly TaggedWord[]): NounPhrase[] {
  const phrases: NounPhrase[] = [];
  let i = 0;
  while (i < words.length) {
    // "to structure the pricing": a bare word after "to" with an object is a verb, not a phrase.
    const infinitive =
      words[i - 1]?.normal === 'to' && (DETERMINERS.has(words[i + 1]?.normal ?? '') || has(words[i + 1], 'Possessive'));
    const coreEnd = infinitive ? i : simpleEnd(words, i);
    let end = coreEnd;
    if (end === i) {
      i++;
      continue;
    }
    // "on the table for …": a phrase that names nothing takes no attachments.
    const named = words.slice(i, coreEnd).some(isContentWord);
    // Listed phrases: "X, Y and Z" (a list that never reaches its "and" stops before its commas).
    let listEnd = end;
    let items = 1;
    let listItems = 1;
    while (named) {
      const comma = punctuationAfter(words[end - 1]) === ',';
      const joiner = LIST_JOINERS.has(words[end]?.normal ?? '');
      if (!comma && !joiner) break;
      const next = joiner ? end + 1 : end;
      const joined = simpleEnd(words, next, true);
      const item = words.slice(next, joined);
      if (!item.some(isContentWord) || joined - i > MAX_LIST_WORDS) break;
      end = joined;
      listItems++;
      if (joiner) [listEnd, items] = [end, listItems];
    }
    end = listEnd;
    // One attached phrase: "the quotation for the E4 analyser".
    if (named && ATTACHING.has(words[end]?.normal ?? '') && !punctuationAfter(words[end - 1])) {
      const attached = simpleEnd(words, end + 1);
      const names = words.slice(end + 1, attached).some(isContentWord);
      if (names && attached - i <= MAX_PHRASE_WORDS) end = attached;
    }
    if (named) end = clauseEnd(words, end);
    phrases.push(phraseOf(words, i, coreEnd, end, items));
    i = end;
  }
  return phrases;
}

/** "date" alone reads as "the date"; "pricing", "payroll", "PTO" and names stand alone. */
function needsArticle(words: TaggedWord[]): boolean {
  const head = words[words.length - 1];
  if (!head || words.length > 1 || !has(head, 'Singular') || has(head, 'Uncountable')) return false;
  return /^\p{Ll}+$/u.test(head.text) && !head.normal.endsWith('ing');
}

/** The phrase as the rep wrote it (or its first part), "a/any/some" read as "the", a determiner in lower case. */
export function phraseText(phrase: NounPhrase, core = false): string {
  const words = core ? phrase.words.slice(0, phrase.coreWords) : phrase.words;
  const parts: string[] = [];
  words.forEach((w, i) => {
    const last = i === words.length - 1;
    const joined = i > 0 && isHyphenated(words[i - 1]);
    const text = w.text + (last || isHyphenated(w) ? '' : punctuationAfter(w));
    if (joined) parts.push(`${parts.pop() ?? ''}-${text}`);
    else parts.push(text);
  });
  const first = words[0];
  if (first && INDEFINITE.has(first.normal)) parts[0] = 'the';
  else if (first && DETERMINERS.has(first.normal)) parts[0] = first.normal;
  else if (first && needsArticle(words)) parts.unshift('the');
  return parts.join(' ');
}
