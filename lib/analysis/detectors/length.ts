/**
 * length — own-text words and reading time. A long argument or explanation invites a back-and-forth
 * that a call settles; a long document meant to be read (a recap, a report, an announcement, a plan
 * the customer asked for in writing) does not fire on length alone.
 * Source: docs/research.md — 50–125 words get the most replies and replies fall after 125 words, faster
 * after 500 (Boomerang); the average email is read in 11 s (Lavender).
 */
import type { DraftContext } from '../context';
import { addressesMany } from '../features/audience';
import { LETTER } from '../letters';
import { countWords, READING_WPM } from '../sentences';
import type { Signal } from '../types';
import type { AnalysisWording } from '../wording';

const NON_LETTERS = new RegExp(`[^${LETTER}']+`);

const LIST_OR_HEADING = /^\s*(?:[-*•·–]|\d{1,2}[.)]|[A-Z][\w ,&/'-]{0,40}:?\s*$)/;
/** A list item or heading short enough to be scanned, not a numbered paragraph of argument. */
const SHORT_LINE_WORDS = 15;
const STRUCTURED_SHARE = 0.3;
const STRUCTURED_LINES = 8;
/** A greeting line alone does not make a two-paragraph letter a structured document. */
const MIN_STRUCTURED_LINES = 3;
/** Words that announce a document: said in the subject or the opening lines. */
const READ_ME =
  /\b(?:recap|summary|summari[sz]e|notes|newsletter|bulletin|announc\w*|agenda|minutes|report|memo|as requested|you asked for|per your request|for your (?:reference|records|review)|fyi|highlights|takeaways|overview|updates?:|welcome)\b/i;
const OPENING_CHARS = 300;
const NON_ENGLISH_FACTOR = 1.2;
const PER_EXTRA_WORD = 1 / 500;
const MAX_WEIGHT = 1.5;
/** Length alone, in a draft that does not talk to its reader, is not enough to nudge. */
const MONOLOGUE_WEIGHT = 0.6;
const CONVERSATION_WEIGHT = 1.1;
/** Share of words that are "you…" and "I/we…": a letter to one reader, not a memo or an article. */
const SECOND_PERSON = /^(?:you|your|yours|you're|you'd|you'll|you've)$/i;
const FIRST_PERSON = /^(?:i|i'm|i'd|i've|i'll|me|my|we|we're|we'd|we've|we'll|our|us)$/i;
const MIN_PERSON_SHARE = 0.02;

/** A document meant to be read: a recap, report, newsletter or announcement (its structure, its own words or its many readers say so). */
export function isDocument(ctx: DraftContext): boolean {
  let structured = 0;
  let structuredWords = 0;
  let allWords = 0;
  for (const line of ctx.text.split('\n')) {
    const words = countWords(line);
    allWords += words;
    if (!words || words > SHORT_LINE_WORDS || !LIST_OR_HEADING.test(line)) continue;
    structured++;
    structuredWords += words;
  }
  // Share of words, not lines: a few headings over long paragraphs of argument are still a letter.
  const share = structuredWords / Math.max(1, allWords);
  if (structured >= STRUCTURED_LINES || (structured >= MIN_STRUCTURED_LINES && share >= STRUCTURED_SHARE)) return true;
  const opening = ctx.text.slice(0, OPENING_CHARS);
  return READ_ME.test(ctx.subject) || READ_ME.test(opening) || addressesMany(ctx.text);
}

/** The draft argues or explains to one reader: plenty of both "you" and "I". */
function talksToReader(text: string, words: number): boolean {
  let you = 0;
  let me = 0;
  for (const token of text.replace(/[’]/g, "'").split(NON_LETTERS)) {
    if (SECOND_PERSON.test(token)) you++;
    else if (FIRST_PERSON.test(token)) me++;
  }
  return you / words >= MIN_PERSON_SHARE && me / words >= MIN_PERSON_SHARE;
}

export function detectLength(ctx: DraftContext): Signal | undefined {
  const threshold = ctx.settings.wordThreshold * (ctx.english ? 1 : NON_ENGLISH_FACTOR);
  if (ctx.words < threshold || isDocument(ctx)) return undefined;
  // Pronouns are English; another language gets the stricter word threshold instead.
  const conversation = !ctx.english || talksToReader(ctx.text, ctx.words);
  const extra = (ctx.words - threshold) * PER_EXTRA_WORD;
  const weight = conversation ? Math.min(MAX_WEIGHT, CONVERSATION_WEIGHT + extra) : MONOLOGUE_WEIGHT;
  return { rule: 'length', weight, message: lengthMessage(ctx.words) };
}

export function lengthMessage(words: number): AnalysisWording {
  const minutes = Math.max(1, Math.round(words / READING_WPM));
  return { key: 'reasonLength', count: minutes, substitutions: [String(words), String(minutes)] };
}
