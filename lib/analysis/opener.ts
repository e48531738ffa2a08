/**
 * The call opener ("The purpose of my call is to …") and a short replacement email asking for a
 * 10-minute call, both built from the draft: the point it makes (topic/) and the strongest reason.
 * Source: docs/research.md — stating the reason for a call roughly doubles its success (Gong); a short
 * email asking for a 10–15 minute call is a practical habit (coaching articles).
 */
import type { RuleId } from '../settings/schema';
import type { Translate } from '../wording';
import { countWords } from './sentences';
import type { Topic } from './topic';
import { sayIn, type SentenceKey } from './wording';

const MAX_CALL_REQUEST_WORDS = 60;
/** An opener is said in one breath. */
const MAX_OPENER_WORDS = 29;

/** One purpose per reason, in the words a rep would say it: with the draft's point named, and without. */
const PURPOSES: Record<RuleId, { named: SentenceKey; unnamed: SentenceKey }> = {
  checkin: { named: 'purposeCheckin', unnamed: 'purposeCheckinUnnamed' },
  questions: { named: 'purposeQuestions', unnamed: 'purposeQuestionsUnnamed' },
  conflict: { named: 'purposeConflict', unnamed: 'purposeConflictUnnamed' },
  thread: { named: 'purposeThread', unnamed: 'purposeThreadUnnamed' },
  length: { named: 'purposeLength', unnamed: 'purposeLengthUnnamed' },
  overdue: { named: 'purposeOverdue', unnamed: 'purposeOverdueUnnamed' },
};

/**
 * The purpose for the reason and topic, its shorter reading when the full one runs past one breath.
 * Worded by `translate`, as the opener is: both are measured in the words the rep will say.
 */
export function buildPurpose(rule: RuleId | undefined, topic: Topic | undefined, translate: Translate): string {
  const keys = PURPOSES[rule ?? 'overdue'];
  const unnamed = sayIn(translate, { key: keys.unnamed });
  if (!topic) return unnamed;
  const named = (text: string) => sayIn(translate, { key: keys.named, substitutions: [text] });
  const fits = (purpose: string) => countWords(buildOpener(purpose, translate)) <= MAX_OPENER_WORDS;
  const full = named(topic.text);
  if (fits(full)) return full;
  const short = named(topic.short);
  return fits(short) ? short : unnamed;
}

/** "The purpose of my call is …." */
export function buildOpener(purpose: string, translate: Translate): string {
  return sayIn(translate, { key: 'opener', substitutions: [purpose] });
}

function clip(text: string, words: number): string {
  const parts = text.trim().split(/\s+/);
  return parts.length > words ? parts.slice(0, words).join(' ') : parts.join(' ');
}

/** "Dear …", "Good morning …": a letter, closed formally when the draft has no closing of its own. */
const FORMAL_GREETING = /^(?:dear|respected|good (?:morning|afternoon|evening))\b/i;
/** "Carla -", "Dana —": the rep's dash greeting runs on into the ask, as they write it. */
const DASH_GREETING = /[-–—]$/;

/**
 * Closings used only when the draft has none of its own, in the register of its greeting: formal
 * under "Dear …", none under a name and a dash ("Dana —" opens a note, not a letter), else neutral.
 */
function closingFor(voice: Voice, dashed: boolean, translate: Translate): string {
  if (voice.signOff) return `\n\n${voice.signOff}`;
  if (dashed) return '';
  const formal = voice.greeting && FORMAL_GREETING.test(voice.greeting);
  return `\n\n${sayIn(translate, { key: formal ? 'callRequestSignOffFormal' : 'callRequestSignOff' })}`;
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

/**
 * The email asking for the call, greeted and signed the way the rep wrote the draft, worded by
 * `translate` around the rep's own greeting and closing.
 */
export function buildCallRequest(purpose: string, voice: Voice, translate: Translate): string {
  const greeting =
    voice.greeting ??
    sayIn(
      translate,
      voice.firstName
        ? { key: 'callRequestGreeting', substitutions: [voice.firstName] }
        : { key: 'callRequestGreetingNoName' },
    );
  const dashed = DASH_GREETING.test(greeting);
  const closing = closingFor(voice, dashed, translate);
  const compose = (p: string) =>
    sayIn(translate, {
      key: dashed ? 'callRequestAfterDash' : 'callRequest',
      substitutions: [greeting, buildOpener(p, translate)],
    }) + closing;
  let text = compose(purpose);
  // Shorten the purpose, never the ask, until the email fits.
  for (let words = purpose.split(' ').length - 1; countWords(text) > MAX_CALL_REQUEST_WORDS && words > 3; words--) {
    text = compose(clip(purpose, words));
  }
  return text;
}
