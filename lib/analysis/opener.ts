/**
 * The call opener ("The purpose of my call is to …") and a short replacement email asking for a
 * 10-minute call, both built from the draft: the point it makes (topic/) and the strongest reason.
 * Source: docs/research.md — stating the reason for a call roughly doubles its success (Gong); a short
 * email asking for a 10–15 minute call is a practical habit (coaching articles).
 */
import type { RuleId } from '../settings/schema';
import { countWords } from './sentences';
import type { Topic } from './topic';

const MAX_CALL_REQUEST_WORDS = 60;
/** An opener is said in one breath. */
const MAX_OPENER_WORDS = 29;
const OPENER_START = 'The purpose of my call is';

interface PurposeRule {
  /** With the draft's point named. */
  named: (topic: string) => string;
  /** When the draft names nothing at all. */
  unnamed: string;
}

/** One purpose per reason, in the words a rep would say it. */
const PURPOSES: Record<RuleId, PurposeRule> = {
  checkin: {
    named: (t) => `to agree the next step on ${t}`,
    unnamed: 'to hear where things stand and agree the next step',
  },
  questions: {
    named: (t) => `to settle my open questions on ${t}`,
    unnamed: 'to settle my open questions in one conversation',
  },
  conflict: {
    named: (t) => `to talk through ${t} and agree how we move forward`,
    unnamed: 'to talk through where things stand and agree how we move forward',
  },
  thread: {
    named: (t) => `to settle ${t} in one conversation instead of another round of email`,
    unnamed: 'to settle the open points in one conversation instead of another round of email',
  },
  length: {
    named: (t) => `to walk you through ${t} and hear your view`,
    unnamed: 'to walk you through where things stand and hear your view',
  },
  overdue: {
    named: (t) => `to catch up on ${t} and agree the next step`,
    unnamed: 'to catch up on where things stand and agree the next step',
  },
};

const openerWords = (purpose: string) => countWords(`${OPENER_START} ${purpose}.`);

/** The purpose for the reason and topic, its shorter reading when the full one runs past one breath. */
export function buildPurpose(rule: RuleId | undefined, topic: Topic | undefined): string {
  const rules = PURPOSES[rule ?? 'overdue'];
  if (!topic) return rules.unnamed;
  const full = rules.named(topic.text);
  if (openerWords(full) <= MAX_OPENER_WORDS) return full;
  const short = rules.named(topic.short);
  return openerWords(short) <= MAX_OPENER_WORDS ? short : rules.unnamed;
}

export function buildOpener(purpose: string): string {
  return `${OPENER_START} ${purpose}.`;
}

function clip(text: string, words: number): string {
  const parts = text.trim().split(/\s+/);
  return parts.length > words ? parts.slice(0, words).join(' ') : parts.join(' ');
}

/**
 * Closings used only when the draft has none of its own, in the register of its greeting: "Kind
 * regards" under "Dear …", none under a name and a dash ("Dana —" opens a note, not a letter), else "Thanks".
 */
const NEUTRAL_SIGN_OFF = 'Thanks';
const FORMAL_SIGN_OFF = 'Kind regards';
const FORMAL_GREETING = /^(?:dear|respected|good (?:morning|afternoon|evening))\b/i;
/** "Carla -", "Dana —": the rep's dash greeting runs on into the ask, as they write it. */
const DASH_GREETING = /[-–—]$/;

function closingFor(voice: Voice, dashed: boolean): string {
  if (voice.signOff) return `\n\n${voice.signOff}`;
  if (dashed) return '';
  return `\n\n${voice.greeting && FORMAL_GREETING.test(voice.greeting) ? FORMAL_SIGN_OFF : NEUTRAL_SIGN_OFF}`;
}

/** How the rep writes to this person, read from the draft. */
export interface Voice {
  /** The draft's greeting as written ("Hi Dana,", "Dear Mr. Patil,", "Carla -"). */
  greeting: string | undefined;
  /** The recipient's first name, for "Hi Dana," when the draft has no greeting. */
  firstName: string | undefined;
  /** The draft's closing with the name under it ("Thanks,\nSam", "Jordan"). */
  signOff: string | undefined;
}

/** The email asking for the call, greeted and signed the way the rep wrote the draft. */
export function buildCallRequest(purpose: string, voice: Voice): string {
  const greeting = voice.greeting ?? (voice.firstName ? `Hi ${voice.firstName},` : 'Hi,');
  const dashed = DASH_GREETING.test(greeting);
  const opening = dashed ? `${greeting} could` : `${greeting}\n\nCould`;
  const closing = closingFor(voice, dashed);
  const compose = (p: string) =>
    `${opening} we speak for 10 minutes today or tomorrow? The purpose of my call is ${p}. What time suits you?${closing}`;
  let text = compose(purpose);
  // Shorten the purpose, never the ask, until the email fits.
  for (let words = purpose.split(' ').length - 1; countWords(text) > MAX_CALL_REQUEST_WORDS && words > 3; words--) {
    text = compose(clip(purpose, words));
  }
  return text;
}
