/**
 * What a draft is about, from its own words: the thing being chased ("the proposal I sent over last
 * week"), the open questions ("the signatory, payment terms and the start date"), the disputed point
 * ("the 18% renewal increase"). Only the one to three sentences that carry the reason for the nudge are
 * tagged (tagger.ts), and of those only the ones whose words could name it better than the subject line
 * does (weigh.ts); their noun phrases (noun-phrases.ts) are weighed by where they sit (the object of
 * "on/about/regarding" is what a sentence asks about), by holding a figure, and by naming something.
 * The subject line is the fallback (subject.ts); a filler subject never is.
 */
import type { RuleId } from '../../settings/schema';
import { nounPhrases, phraseText, type NounPhrase } from './noun-phrases';
import { isFillerSubject, qualifiersInSubject, readSubject } from './subject';
import { countWords } from '../sentences';
import { tagSentence } from './tagger';
import { DEFINITE, PARTY_NOUNS, PROPOSAL_CUE, REFUSAL } from './vocabulary';
import { ceiling, namesOnly, stemCounts, weigh, type Salience } from './weigh';

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
  const opened = sentences.find((s) => !GREETING_ONLY.test(s));
  const opening = opened === undefined ? [] : [opened];
  // Read only for the reasons that use them: this runs on every sentence.
  const proposals = () => sentences.filter((s) => PROPOSAL_CUE.test(s));

  const order =
    reason === 'questions' || reason === 'thread'
      ? [...asks, ...evidence]
      : reason === 'length'
        ? [...proposals(), ...asks, ...opening]
        : reason === 'conflict'
          ? [...evidence.slice(0, 1), ...proposals(), ...evidence.slice(1), ...asks, ...opening]
          : [...evidence, ...asks, ...opening];
  const unique = [...new Set(order.map((s) => s.trim()).filter(Boolean))];
  return unique
    .slice(0, MAX_CARRIERS)
    .map((s) => s.slice(0, MAX_CARRIER_CHARS).split(/\s+/).slice(0, MAX_CARRIER_WORDS).join(' '));
}

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
 * A refusal points the way a proposal does, at a thing it names fully: "we can't do [the 30% discount]",
 * "can't agree to is [section 9.2]" (not "be [upfront]"); so does a bare apology, at what went wrong
 * ("I am so sorry. … [The ACH batch] for your Friday run was held").
 */
const pointingCue = (sentence: string) => REFUSAL.exec(sentence) ?? APOLOGY.exec(sentence);

/**
 * In a sentence that proposes something, the first phrase naming something after the cue ("propose
 * instead is [a committed floor]"), and the phrases the cue itself is part of ("[my recommendation]
 * is …"), which point at the proposal rather than name it.
 */
function proposalOf(sentence: string, phrases: readonly NounPhrase[]) {
  const proposal = PROPOSAL_CUE.exec(sentence);
  const cue = proposal ?? pointingCue(sentence);
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

/**
 * The draft's strongest phrase. `needed` is the least weight that can change the topic (when the
 * subject line names the point, only a phrase that beats it): a sentence that cannot reach it is not tagged.
 */
function fromDraft(input: TopicInput, needed: number): { topic: Topic; weight: number; coded: boolean } | undefined {
  // A filler subject ("Great chatting today") names nothing, so it confirms nothing either.
  const subject = isFillerSubject(input.subject) ? '' : input.subject;
  const subjectStems = stemCounts(subject);
  // The draft's own stems are counted once a sentence is worth tagging.
  let salience: Salience | undefined;
  let top: Weighed | undefined;
  // Sentences in order of importance; the first phrase that is plainly the point ends the search.
  for (const [i, sentence] of carriers(input).entries()) {
    const cued = () => PROPOSAL_CUE.test(sentence) || pointingCue(sentence) !== null;
    if (needed > 0 && ceiling(sentence, i, subjectStems, input.reason, cued()) < needed) continue;
    const counted = (salience ??= { subject: subjectStems, text: stemCounts(input.ownText) });
    const phrases = nounPhrases(tagSentence(sentence));
    const { proposed, pointers } = proposalOf(sentence, phrases);
    const weighed = phrases.map((phrase) => ({
      phrase,
      weight: pointers.includes(phrase) ? 0 : weigh(phrase, i, counted, input.reason, phrase === proposed),
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
  const subject = readSubject(input.subject, input.ownText);
  // Several questions rarely share one phrase: whom they are about ("Coastal Courier") says more than the first one's.
  const subjectNames = subject && (!subject.who || (subject.who === 'names' && input.reason === 'questions'));
  const needed = subjectNames ? (subject.stale ? CONFIDENT_OVER_STALE : CONFIDENT) : 0;
  const drafted = input.readText ? fromDraft(input, needed) : undefined;
  const enough = subject?.stale && drafted?.coded ? CONFIDENT_OVER_STALE : CONFIDENT;
  if (drafted && drafted.weight >= enough) return drafted.topic;
  const fromSubject = subject && { text: subject.text, short: subject.text };
  if (subjectNames) return fromSubject;
  return drafted?.topic ?? fromSubject;
}
