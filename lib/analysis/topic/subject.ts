/**
 * The subject line as a fallback topic. "Re:"/"Fwd:" go, a leading chase phrase goes ("Following up
 * on the quote" is about "the quote"), and a subject with no word that names a thing ("Following up",
 * "Quick question", "Lunch?", "Hi", "Checking in") is a filler: never a topic.
 */
import { LETTER_OR_DIGIT, LOWER, UPPER } from '../letters';

const REPLY_PREFIX = /^\s*(?:(?:re|fw|fwd|aw|wg|tr|rv|sv|antw|r)\s*:\s*)+/i;
/** Longest fallback topic; a longer subject is cut at its first separator ("Acme – pricing for 2026"). */
const MAX_SUBJECT_WORDS = 8;
/** Emoji and pictographs: decoration, not words. */
const SYMBOLS = /[\p{Extended_Pictographic}\u{FE0F}]/gu;
const SEPARATOR = /\s+[-–—|:]\s+|:\s+/;
const STARTS_LOWER = new RegExp(`^[${LOWER}]`);
const WORD = new RegExp(`[${LETTER_OR_DIGIT}][${LETTER_OR_DIGIT}'’&-]*`, 'g');

/**
 * Words that name no topic in a subject line: chase phrases, greetings, small talk, function words.
 * Source: docs/research.md — "just checking in" and "touching base" have no purpose.
 */
const FILLER_WORDS: ReadonlySet<string> = new Set(
  (
    'following follow up followup follow-up checking check in check-in checkin touching touch base circling circle back ' +
    'bumping bump ping nudge gentle friendly reminder quick question questions query just reaching out again still ' +
    'hi hello hey hallo bonjour hola ciao greetings welcome fyi great good nice lovely chatting talking speaking urgent important action required asap thanks thank you cheers congrats lunch coffee drinks dinner catch ' +
    'catching catch-up catchup chat call update updates status news thoughts idea ideas time today tomorrow this week ' +
    'next soon later note hoping few couple some points observations before first wondering any a an the my your our on about for re regarding to with and or of from ' +
    'it is are you me us we there here how what when where who why something anything nothing next steps step ' +
    'monday tuesday wednesday thursday friday saturday sunday looking ahead ' +
    'january february march april june july august september october november december'
  ).split(' '),
);

const DETERMINER = /^(?:the|a|an|my|your|our|their|this|that)$/i;
const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  'a an the my your our on about for re regarding to with and or of from before after by at in'.split(' '),
);

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** The subject names nothing: every word in it is a chase phrase, a greeting or a function word. */
export function isFillerSubject(subject: string): boolean {
  return wordsOf(subject.replace(REPLY_PREFIX, '')).every((word) => FILLER_WORDS.has(word));
}

const spaced = (text: string) => ` ${wordsOf(text).join(' ')} `;

/** The text carries a filler subject as words of its own: "… to catch up on the lunch? and …" for "Re: Lunch?". */
export function fillerSubjectIn(text: string, subject: string): boolean {
  const words = spaced(subject.replace(REPLY_PREFIX, ''));
  return words.trim() !== '' && isFillerSubject(subject) && spaced(text).includes(words);
}

/** "Following up on the quote" -> "the quote": leading filler words off, up to the first word that names something. */
function withoutLeadingFiller(text: string): string {
  const words = text.split(' ');
  let start = 0;
  while (start < words.length && wordsOf(words[start] ?? '').every((w) => FILLER_WORDS.has(w))) start++;
  // Keep "the"/"our" in front of what they belong to.
  while (start > 0 && DETERMINER.test(words[start - 1] ?? '')) start--;
  return words.slice(start).join(' ');
}

/**
 * Every word is a name: "Harmon & Lowe", "Emirates Family Care", "Sunfield" — capitalised, and never
 * written in lower case in the draft ("Defibrillators" is no name when the draft says "defibrillators").
 */
function onlyNames(text: string, ownWords: ReadonlySet<string>): boolean {
  return text
    .split(' ')
    .every(
      (word) => FILLER_WORDS.has(word.toLowerCase()) || (!STARTS_LOWER.test(word) && !ownWords.has(word.toLowerCase())),
    );
}

/**
 * "Acme – pricing for 2026", "Kinloch – a few observations on Lens usage": of the parts between
 * separators, the first that names something beyond a company or a person; a long part is cut short.
 */
function shortened(text: string, ownWords: ReadonlySet<string>): string {
  const parts = text.split(SEPARATOR).map((part) => withoutLeadingFiller(part.trim()));
  const named = parts.filter((part) => part && !isFillerSubject(part));
  const head = named.find((part) => !onlyNames(part, ownWords)) ?? named[0] ?? text;
  const words = head.split(' ').slice(0, MAX_SUBJECT_WORDS);
  while (words.length > 1 && FUNCTION_WORDS.has(words[words.length - 1]?.toLowerCase() ?? '')) words.pop();
  return words.join(' ');
}

/** A capital and then lower-case letters: "Renewal", "Early-bird" — not "ACME", "Q3", "iPhone", "McKinsey". */
const ORDINARY_CAPITALISED = new RegExp(`^[${UPPER}][${LOWER}]+(?:-[${LOWER}]+)*$`);
const STARTS_CAPITALISED = new RegExp(`^[${UPPER}]`);
const TRAILING_NON_WORD = new RegExp(`[^${LETTER_OR_DIGIT}]+$`);
const NON_WORD = new RegExp(`[^${LETTER_OR_DIGIT}'-]+`);
/** First words after which "the" would be wrong: determiners and possessives. */
const NO_ARTICLE =
  /^(?:\p{L}+ing|the|a|an|our|your|my|their|his|her|its|this|that|these|those|next|last|any|some|all|no|each|every)$/u;

/** The word written with its capital in the middle of a sentence of the draft: a name ("… the Acme team"). */
function capitalisedMidSentence(word: string, ownText: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`[${LETTER_OR_DIGIT},;:)'"’-][ \\t]+${escaped}(?![${LETTER_OR_DIGIT}])`).test(ownText);
}

export interface SubjectTopic {
  text: string;
  /**
   * It names only who, not what: companies and people ("Summit Peak + Payvault"), or a team ("from
   * your Halvorn team"). A draft's own guess goes first.
   */
  who: 'names' | 'team' | undefined;
  /**
   * A reply's subject ("Re: URGENT - direct deposits not received") whose words the draft hardly
   * writes: it names what the thread started on, not what this draft is about.
   */
  stale: boolean;
}

/** Of a subject's words that name something, at most this share written in a reply's draft makes it stale. */
const STALE_SHARE = 1 / 3;

function staleReply(subject: string, text: string, ownWordsAsWritten: ReadonlySet<string>): boolean {
  if (!REPLY_PREFIX.test(subject)) return false;
  const ownWords = new Set([...ownWordsAsWritten].map((word) => word.toLowerCase()));
  const named = wordsOf(text).filter((word) => !FILLER_WORDS.has(word));
  const written = named.filter(
    (word) => ownWords.has(word) || ownWords.has(word.replace(/s$/, '')) || ownWords.has(`${word}s`),
  );
  // A one-word heading ("Re: Timing", "Re: Pricing") stays true through a thread; a longer one names the incident it began with.
  return named.length > 1 && written.length <= named.length * STALE_SHARE;
}

/** People and groups as the head of a subject: "your Halvorn team", "the Acme folks". */
const PARTY_HEAD = /\b(?:team|teams|folks|people|group|staff|colleagues)$/i;

/** The subject as a topic (see subjectTopic), marked when it names only who. */
export function readSubject(subject: string, ownText: string): SubjectTopic | undefined {
  if (isFillerSubject(subject)) return undefined;
  // The draft's words as written, read once for every question asked of them below.
  const ownWords = new Set(ownText.split(NON_WORD));
  const text = subjectTopic(subject, ownText, ownWords);
  const who = PARTY_HEAD.test(text) ? 'team' : onlyNames(text, ownWords) ? 'names' : undefined;
  return { text, who, stale: staleReply(subject, text, ownWords) };
}

/** Words of the subject that may qualify a draft's noun: "Guard cut-over", "Meridian vendor risk". */
const MAX_QUALIFIERS = 3;
const QUALIFIER = new RegExp(`^[${LETTER_OR_DIGIT}][${LETTER_OR_DIGIT}'’-]*$`);

/**
 * The words right before the draft's one noun in the subject line, which name it more fully: "the
 * date" in the draft and "RE: Research labs – Guard cut-over date" as the subject give "Guard cut-over";
 * "3 x VF2 failed at customer site" gives "customer" for "site". Stops at a function or filler word.
 */
export function qualifiersInSubject(subject: string, noun: string, ownText: string): string[] {
  if (isFillerSubject(subject)) return [];
  const stem = (word: string) => word.toLowerCase().slice(0, 5);
  const words = subject.replace(REPLY_PREFIX, '').replace(SYMBOLS, ' ').split(/\s+/);
  const at = words.findIndex((word) => stem(word.replace(TRAILING_NON_WORD, '')) === stem(noun));
  const qualifiers: string[] = [];
  for (let i = at - 1; i >= 0 && qualifiers.length < MAX_QUALIFIERS; i--) {
    const word = words[i] ?? '';
    const lower = word.toLowerCase();
    // A plural in lower case names things of its own ("frequency inverters conveyors"), not a kind of the noun.
    const plural = word === lower && lower.endsWith('s') && !lower.endsWith('ss');
    if (!QUALIFIER.test(word) || FILLER_WORDS.has(lower) || FUNCTION_WORDS.has(lower) || /^\d+$/.test(word) || plural)
      break;
    qualifiers.unshift(word);
  }
  // "Re: Renewal charge": a capital the draft itself does not write ("the renewal charge") is the subject line's.
  const [first = ''] = qualifiers;
  if (first !== first.toLowerCase() && ownText.split(NON_WORD).includes(first.toLowerCase()))
    qualifiers[0] = first.toLowerCase();
  return qualifiers;
}

/**
 * A subject that is no filler as a topic. Its capitalised first word is lowered (with "the"
 * before it) when it looks like an ordinary word ("Renewal timeline" -> "the renewal timeline"), and kept
 * when it looks like a name: an acronym or a code ("ACME", "Q3", "iPhone"), the start of a capitalised
 * name or title ("Samantha Boyd"), or a word the draft itself capitalises in mid-sentence ("Acme renewal"
 * when the draft says "the Acme team"). A word the draft writes in lower case is lowered.
 */
function subjectTopic(subject: string, ownText: string, ownWords: ReadonlySet<string>): string {
  const plain = subject.replace(REPLY_PREFIX, '').replace(SYMBOLS, ' ').replace(/\s+/g, ' ').trim();
  const cleaned = shortened(plain, ownWords).replace(/[?!.]+$/, '');
  const [first = '', second = ''] = cleaned.split(' ');
  const word = first.replace(TRAILING_NON_WORD, '');
  const lower = word.toLowerCase();
  const writtenLower = word !== lower && ownWords.has(lower);
  const lowered =
    writtenLower ||
    (word === lower && STARTS_LOWER.test(word)) ||
    (ORDINARY_CAPITALISED.test(word) && !STARTS_CAPITALISED.test(second) && !capitalisedMidSentence(word, ownText));
  if (!lowered) return cleaned;
  const article = NO_ARTICLE.test(lower) ? '' : 'the ';
  return article + first.toLowerCase() + cleaned.slice(first.length);
}
