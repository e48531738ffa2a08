/**
 * What a draft is about, from its own words: the thing being chased ("the proposal I sent over last
 * week"), the open questions ("the signatory, payment terms and the start date"), the disputed point
 * ("the 18% renewal increase"). Only the one to three sentences that carry the reason for the nudge are
 * tagged (tagger.ts); their noun phrases (noun-phrases.ts) are weighed by where they sit (the object of
 * "on/about/regarding" is what a sentence asks about), by holding a figure, and by naming something.
 * The subject line is the fallback (subject.ts); a filler subject never is.
 */
import type { RuleId } from '../../settings/schema';
import { nounPhrases, phraseText, type NounPhrase } from './noun-phrases';
import { isFillerSubject, qualifiersInSubject, readSubject } from './subject';
import { countWords } from '../sentences';
import { tagSentence } from './tagger';
import { ABOUT_WORDS, PARTY_NOUNS, PROPOSAL_CUE, REFUSAL } from './vocabulary';

export { fillerSubjectIn, isFillerSubject } from './subject';

export interface TopicInput {
  /** The reason the nudge gives first; undefined when none. */
  reason: RuleId | undefined;
  /** Sentences of the rep's own text. */
  sentences: readonly string[];
  /** The draft's open questions, as written. */
  asks: readonly string[];
  /** Words of the draft that triggered the reason. */
  evidence: readonly string[];
  /** Read the draft's sentences: only English drafts that will show a nudge; else the subject alone. */
  readText: boolean;
  subject: string;
  ownText: string;
}

export interface Topic {
  text: string;
  /** A shorter reading of the same topic, for when the opener runs long. */
  short: string;
}

/** Sentences tagged per draft: the cost of the whole step is a few of these. */
const MAX_CARRIERS = 3;
/** A sentence longer than this is cut before tagging; its ask sits early. */
const MAX_CARRIER_WORDS = 40;
const MAX_CARRIER_CHARS = 400;
/** Repetition is counted in the draft's first this many characters: plenty for an email, bounded for a pasted document. */
const MAX_COUNTED_CHARS = 20_000;
const GREETING_ONLY = /^\W*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^.?!]{0,40}[,!]?\s*$/i;

/** List items a sentence ending in a colon introduces, read with it: "Two we can't: - 9.2, uncapped liability …". */
const MAX_INTRODUCED = 2;
const LIST_ITEM = /^\s*(?:[-*•–]|\d+[.)])\s/;

/** "Tasha - I am so sorry.": an apology with no object; what it is for comes in the sentences after it. */
const BARE_APOLOGY = /\b(?:sorry|apologi[sz]e|apologies)\W*$/i;
const APOLOGY = /\b(?:sorry|apologi[sz]e|apologies)[.!]+\s/i;
const APOLOGY_EXPLAINED_IN = 2;

/**
 * The sentence at `at`, with the list items it introduces when it ends in a colon, or the sentences
 * that say what a bare apology is for.
 */
function withIntroduced(sentences: readonly string[], at: number): string {
  const sentence = sentences[at] ?? '';
  if (BARE_APOLOGY.test(sentence)) return sentences.slice(at, at + 1 + APOLOGY_EXPLAINED_IN).join(' ');
  if (!sentence.trimEnd().endsWith(':')) return sentence;
  const items: string[] = [];
  for (let i = at + 1; i < sentences.length && items.length < MAX_INTRODUCED; i++) {
    const next = sentences[i] ?? '';
    if (i > at + 1 && !LIST_ITEM.test(next)) break;
    items.push(next);
  }
  return [sentence, ...items].join(' ');
}

/** The sentences holding the evidence, the one where the rep says no first ("Two we can't, and I want to be upfront about them:"). */
function sentencesHolding(sentences: readonly string[], evidence: readonly string[]): string[] {
  const lower = sentences.map((s) => s.toLowerCase());
  const found = evidence.map((e) => lower.findIndex((s) => s.includes(e.toLowerCase()))).filter((at) => at >= 0);
  const refusalFirst = [...new Set(found)].sort(
    (a, b) => Number(REFUSAL.test(sentences[b] ?? '')) - Number(REFUSAL.test(sentences[a] ?? '')),
  );
  return refusalFirst.map((at) => withIntroduced(sentences, at));
}

/**
 * The sentences that carry the reason, in the order that reason reads them: its evidence, the draft's
 * asks, what the rep proposes ("What I'd like to propose instead is a committed floor"), its opening.
 */
function carriers(input: TopicInput): string[] {
  const { reason, sentences, asks } = input;
  const evidence = sentencesHolding(sentences, input.evidence);
  const opening = sentences.filter((s) => !GREETING_ONLY.test(s)).slice(0, 1);
  const proposals = sentences.filter((s) => PROPOSAL_CUE.test(s));

  const order =
    reason === 'questions' || reason === 'thread'
      ? [...asks, ...evidence]
      : reason === 'length'
        ? [...proposals, ...asks, ...opening]
        : reason === 'conflict'
          ? [...evidence.slice(0, 1), ...proposals, ...evidence.slice(1), ...asks, ...opening]
          : [...evidence, ...asks, ...opening];
  const unique = [...new Set(order.map((s) => s.trim()).filter(Boolean))];
  return unique
    .slice(0, MAX_CARRIERS)
    .map((s) => s.slice(0, MAX_CARRIER_CHARS).split(/\s+/).slice(0, MAX_CARRIER_WORDS).join(' '));
}

const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those', 'our', 'your', 'my', 'their']);
/** A draft phrase at least this strong is the point; a weaker one yields to a subject that names something. */
const CONFIDENT = 2.5;
/**
 * A reply's subject that the draft no longer writes names what the thread started on (subject.ts):
 * a draft phrase that names a thing by its code ("your H-2A crews", "the ACH batch") and is definite
 * or repeated says more.
 */
const CONFIDENT_OVER_STALE = 1.5;
/** An acronym or a code: "ACH", "H-2A", "VF2", "PO"; not a figure ("$62k", "30-day"). */
const CODE = /^\p{L}.*(?:\p{Lu}{2}|\p{L}-?\p{N}|\p{N}-?\p{L})/u;
const codeIn = (phrase: NounPhrase) => phrase.words.some((w) => CODE.test(w.text));
/** So strong that later sentences need not be read: the object of "on" that the subject names too. */
const PLAINLY = 4;
/** A company, a person or a place ("Sunfield", "Castellan's"): who, not what. */
const TITLE_CASE = /^\p{Lu}\p{Ll}/u;

/** Every word that names something is capitalised: "Sunfield", "the Laredo". */
const namesOnly = (phrase: NounPhrase) =>
  phrase.words.every((w) => !phrase.content.includes(w.normal) || TITLE_CASE.test(w.text));

/** Words compared by their first letters, so "quote" meets "quotation" and "renewals" "renewal". */
const stemOf = (word: string) => word.toLowerCase().slice(0, 5);

/** How often each word stem occurs in a text: a thing the rep names twice is what the draft is about. */
function stemCounts(text: string): Map<string, number> {
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

interface Salience {
  subject: Map<string, number>;
  text: Map<string, number>;
}

/** How well a phrase names the point; 0 when it names nothing. */
function weigh(
  phrase: NounPhrase,
  sentenceIndex: number,
  salience: Salience,
  reason: RuleId | undefined,
  proposed: boolean,
): number {
  if (phrase.content.length === 0) return 0;
  const stems = phrase.content.map(stemOf);
  const about = ABOUT_WORDS.has(phrase.before) ? 1 : 0;
  // What a question asks about leans the same way, less surely: a draft's first question is rarely all its point.
  const asked = phrase.asked ? 0.5 : 0;
  // What the rep proposes is what the call talks through.
  const proposal = proposed ? 1.5 : 0;
  // The disputed point is often a figure: "the 18% renewal increase", "the $7,300 uplift".
  const figure = phrase.figure && reason === 'conflict' ? 1 : 0;
  // Questions about several things at once: "can you confirm the signatory, payment terms and the start date?"
  const listed = phrase.items > 2 && reason === 'questions' ? 1 : 0;
  const names = namesOnly(phrase) ? -1 : 0;
  const definite = DEFINITE.has(phrase.words[0]?.normal ?? '') ? 0.5 : 0;
  // The rep named it in the subject too: one point per word shared, at most two.
  const inSubject = Math.min(2, stems.filter((stem) => salience.subject.has(stem)).length * 1.5);
  // What the rep keeps naming is what the draft is about.
  const mentions = Math.max(...stems.map((stem) => salience.text.get(stem) ?? 0));
  const repeated = mentions > 1 ? 0.5 : 0;
  const party = PARTY_NOUNS.has(phrase.head) ? -1.5 : 0;
  return Math.max(
    0,
    1 +
      about +
      asked +
      proposal +
      figure +
      listed +
      definite +
      inSubject +
      repeated +
      party +
      names -
      0.3 * sentenceIndex,
  );
}

interface Weighed {
  phrase: NounPhrase;
  weight: number;
}

function best(phrases: Weighed[]): Weighed | undefined {
  let top: Weighed | undefined;
  for (const candidate of phrases) if (candidate.weight > 0 && (!top || candidate.weight > top.weight)) top = candidate;
  return top;
}

/** Words a bare noun may have before it: "the date", "this site". */
const BARE_NOUN_WORDS = 2;

/**
 * The phrase as the topic. A bare noun ("the date", "the review") takes the words the subject line
 * puts before it ("Guard cut-over date", "Meridian vendor risk review"): the rep named it fully there.
 */
function asTopic(found: Weighed, input: TopicInput): Topic {
  const { phrase } = found;
  const text = phraseText(phrase);
  const [noun] = phrase.content;
  if (phrase.content.length === 1 && noun === phrase.head && phrase.words.length <= BARE_NOUN_WORDS) {
    const qualifiers = qualifiersInSubject(input.subject, noun, input.ownText);
    if (qualifiers.length) {
      const fuller = text.replace(/\S+$/, (head) => `${qualifiers.join(' ')} ${head}`);
      return { text: fuller, short: fuller };
    }
  }
  return { text, short: phraseText(phrase, true) };
}

/**
 * In a sentence that proposes something, the first phrase naming something after the cue ("propose
 * instead is [a committed floor]"), and the phrases the cue itself is part of ("[my recommendation]
 * is …"), which point at the proposal rather than name it.
 */
function proposalOf(sentence: string, phrases: readonly NounPhrase[]) {
  const proposal = PROPOSAL_CUE.exec(sentence);
  // A refusal points the same way, at a thing it names fully: "we can't do [the 30% discount]",
  // "can't agree to is [section 9.2]" (not "be [upfront]"); so does a bare apology, at what went wrong
  // ("I am so sorry. … [The ACH batch] for your Friday run was held").
  const cue = proposal ?? REFUSAL.exec(sentence) ?? APOLOGY.exec(sentence);
  if (!cue) return { proposed: undefined, pointers: [] };
  const after = countWords(sentence.slice(0, cue.index + cue[0].length));
  const cueWords = new Set(cue[0].toLowerCase().split(/\s+/));
  // "implementation starts": a head the lexicon reads as a verb after a bare noun is the clause's verb.
  const verbHead = (phrase: NounPhrase) => phrase.words[phrase.coreWords - 1]?.tags.has('PresentTense') ?? false;
  const full = (phrase: NounPhrase) =>
    !namesOnly(phrase) &&
    !PARTY_NOUNS.has(phrase.head) &&
    !verbHead(phrase) &&
    (proposal || phrase.figure || DEFINITE.has(phrase.words[0]?.normal ?? '') || phrase.modified);
  return {
    proposed: phrases.find((phrase) => phrase.start >= after && phrase.content.length > 0 && full(phrase)),
    pointers: phrases.filter((phrase) => phrase.start < after && cueWords.has(phrase.head)),
  };
}

function fromDraft(input: TopicInput): { topic: Topic; weight: number; coded: boolean } | undefined {
  // A filler subject ("Great chatting today") names nothing, so it confirms nothing either.
  const subject = isFillerSubject(input.subject) ? '' : input.subject;
  const salience = { subject: stemCounts(subject), text: stemCounts(input.ownText) };
  let top: Weighed | undefined;
  // Sentences in order of importance; the first phrase that is plainly the point ends the search.
  for (const [i, sentence] of carriers(input).entries()) {
    const phrases = nounPhrases(tagSentence(sentence));
    const { proposed, pointers } = proposalOf(sentence, phrases);
    const weighed = phrases.map((phrase) => ({
      phrase,
      weight: pointers.includes(phrase) ? 0 : weigh(phrase, i, salience, input.reason, phrase === proposed),
    }));
    top = best(top ? [top, ...weighed] : weighed);
    if (top && top.weight >= PLAINLY) break;
  }
  return top && { topic: asTopic(top, input), weight: top.weight, coded: codeIn(top.phrase) };
}

/**
 * The draft's point when it names one clearly; else the subject's, when it names something; else the
 * draft's best guess; else a subject that names only who ("Summit Peak + Payvault"; before the guess
 * for open questions); else undefined, and the opener says "where things stand".
 */
export function findTopic(input: TopicInput): Topic | undefined {
  const drafted = input.readText ? fromDraft(input) : undefined;
  const subject = readSubject(input.subject, input.ownText);
  const enough = subject?.stale && drafted?.coded ? CONFIDENT_OVER_STALE : CONFIDENT;
  if (drafted && drafted.weight >= enough) return drafted.topic;
  const fromSubject = subject && { text: subject.text, short: subject.text };
  // Several questions rarely share one phrase: whom they are about ("Coastal Courier") says more than the first one's.
  if (subject && (!subject.who || (subject.who === 'names' && input.reason === 'questions'))) return fromSubject;
  return drafted?.topic ?? fromSubject;
}
