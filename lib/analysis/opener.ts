/**
 * The call opener ("The purpose of my call is to …") and a short replacement email asking for a
 * 10-minute call, both built from the draft: its subject, its main ask and the strongest reason.
 * Source: docs/research.md — stating the reason for a call roughly doubles its success (Gong); a short
 * email asking for a 10–15 minute call is a practical habit (coaching articles).
 */
import type { RuleId } from '../settings/schema';
import { countWords } from './sentences';
import { LETTER_OR_DIGIT, LOWER, UPPER } from './letters';

const REPLY_PREFIX = /^\s*(?:(?:re|fw|fwd|aw|wg|tr|rv|sv|antw)\s*:\s*)+/i;
const TOPIC_AFTER = /\b(?:on|about|regarding|re|for|with|from)\s+((?:the|our|your|my|this|that)\s+[^.?!,;:]{2,60})/i;
const MAX_TOPIC_WORDS = 10;
const MAX_CALL_REQUEST_WORDS = 60;

const PURPOSE_BY_RULE: Record<RuleId, (topic: string) => string> = {
  checkin: (t) => `to hear where you are on ${t} and agree the next step`,
  questions: (t) => `to go through my open questions on ${t} in one pass`,
  conflict: (t) => `to talk through ${t} and agree how we move forward`,
  thread: (t) => `to settle ${t} in one conversation instead of another round of email`,
  length: (t) => `to walk you through ${t} and hear your view`,
  overdue: (t) => `to catch up on ${t} and agree the next step`,
};

function clip(text: string, words: number): string {
  const parts = text.trim().split(/\s+/);
  return parts.length > words ? parts.slice(0, words).join(' ') : parts.join(' ');
}

/** A capital and then lower-case letters: "Renewal", "Early-bird" — not "ACME", "Q3", "iPhone", "McKinsey". */
const ORDINARY_CAPITALISED = new RegExp(`^[${UPPER}][${LOWER}]+(?:-[${LOWER}]+)*$`);
const STARTS_CAPITALISED = new RegExp(`^[${UPPER}]`);
const TRAILING_NON_WORD = new RegExp(`[^${LETTER_OR_DIGIT}]+$`);
const NON_WORD = new RegExp(`[^${LETTER_OR_DIGIT}'-]+`);

/**
 * First words after which "the" would be wrong: determiners and possessives, greetings and thanks,
 * and verbs a subject can open with ("Checking in", "Following up", "Confirm Tuesday").
 */
const NO_ARTICLE =
  /^(?:the|a|an|our|your|my|their|his|her|its|this|that|these|those|next|last|any|some|all|no|each|every|thanks|thank|congrats|congratulations|hello|hi|hey|welcome|please|quick|just|re|confirm|checking|following|touching|circling|looking|reaching|confirming|bumping|catching|wondering|getting|moving|reconnecting|introducing|thinking|hoping|sharing|sending|asking|requesting)$/;

/** The word written with its capital in the middle of a sentence of the draft: a name ("… the Acme team"). */
function capitalisedMidSentence(word: string, ownText: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`[${LETTER_OR_DIGIT},;:)'"’-][ \\t]+${escaped}(?![${LETTER_OR_DIGIT}])`).test(ownText);
}

/**
 * What the draft is about: the subject without "Re:"/"Fwd:", else the object of its main ask
 * ("any update on the MSA?" -> "the MSA"). The subject's capitalised first word is lowered when it
 * looks like an ordinary word ("Renewal timeline" -> "renewal timeline"), and kept when it looks like
 * a name: an acronym or a code ("ACME", "Q3", "iPhone"), the start of a capitalised name or title
 * ("Samantha Boyd", "Entex Contact List"), or a word the draft itself capitalises in mid-sentence
 * ("Acme renewal" when the draft says "the Acme team"). A word the draft writes in lower case is lowered.
 */
export function topicOf(subject: string, mainAsk: string | undefined, ownText: string): string {
  const cleaned = subject.replace(REPLY_PREFIX, '').replace(/\s+/g, ' ').trim();
  if (cleaned) {
    const [first = '', second = ''] = cleaned.split(' ');
    const word = first.replace(TRAILING_NON_WORD, '');
    const lower = word.toLowerCase();
    // The draft writing the word in lower case settles it; otherwise its shape and the draft's own capitals do.
    const writtenLower = word !== lower && ownText.split(NON_WORD).includes(lower);
    // A capital on the next word too ("Samantha Boyd", "Entex Contact List") reads as a name or a title.
    const lowered =
      writtenLower ||
      (ORDINARY_CAPITALISED.test(word) && !STARTS_CAPITALISED.test(second) && !capitalisedMidSentence(word, ownText));
    if (!lowered) return clip(cleaned, MAX_TOPIC_WORDS);
    // "Kick-off agenda" is talked through as "the kick-off agenda".
    const article = NO_ARTICLE.test(lower) ? '' : 'the ';
    return clip(article + first.toLowerCase() + cleaned.slice(first.length), MAX_TOPIC_WORDS);
  }
  const object = mainAsk ? TOPIC_AFTER.exec(mainAsk)?.[1] : undefined;
  return object ? clip(object, MAX_TOPIC_WORDS) : 'where things stand';
}

export function buildPurpose(rule: RuleId | undefined, topic: string): string {
  return PURPOSE_BY_RULE[rule ?? 'overdue'](topic);
}

export function buildOpener(purpose: string): string {
  return `The purpose of my call is ${purpose}.`;
}

export function buildCallRequest(purpose: string, firstName: string | undefined): string {
  const greeting = firstName ? `Hi ${firstName},` : 'Hi,';
  const compose = (p: string) =>
    `${greeting}\n\nCould we speak for 10 minutes today or tomorrow? The purpose of my call is ${p}. What time suits you?\n\nThanks`;
  let text = compose(purpose);
  // Shorten the purpose, never the ask, until the email fits.
  for (let words = purpose.split(' ').length - 1; countWords(text) > MAX_CALL_REQUEST_WORDS && words > 3; words--) {
    text = compose(clip(purpose, words));
  }
  return text;
}
