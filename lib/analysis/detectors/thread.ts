/**
 * thread — a long back-and-forth (default 5+ messages) that is still clarifying or negotiating:
 * the draft asks again, points at figures that don't match, or says "one more clarification".
 * A message that closes the thread (the final document, a confirmed time) does not fire.
 * Source: docs/research.md — email fails when it is left incomplete or only partly answered; the
 * "thread" reason for a call: 5+ messages and still clarifying.
 */
import type { DraftContext } from '../context';
import { PHRASE_SETS } from '../phrase-sets';
import type { Signal } from '../types';

const WEIGHT = 1;
const PER_EXTRA_MESSAGE = 0.1;
const MAX_WEIGHT = 1.4;
/** One short question deep in a thread ("are you coming over?") is chat, not a stuck negotiation. */
const NEAR_MISS_WEIGHT = 0.4;
const MIN_WORDS = 25;
const MIN_QUESTIONS = 2;

export function detectThread(ctx: DraftContext): Signal | undefined {
  const { threadMessages, settings, matcher, questions } = ctx;
  if (threadMessages < settings.threadThreshold) return undefined;
  const clarifying = ctx.english ? matcher.find(PHRASE_SETS.clarifying).map((hit) => hit.text) : [];
  const closing = ctx.english ? matcher.find(PHRASE_SETS.closing) : [];
  if (closing.length > 0 || (clarifying.length === 0 && questions.count === 0)) return undefined;
  // Another language has no clarifying phrases to read: there one open question in a draft of substance
  // deep in the thread is the sign it still goes round.
  const minQuestions = ctx.english ? MIN_QUESTIONS : 1;
  const stuck = ctx.words >= MIN_WORDS && (clarifying.length > 0 || questions.count >= minQuestions);
  const extra = threadMessages - settings.threadThreshold;
  return {
    rule: 'thread',
    weight: stuck ? Math.min(MAX_WEIGHT, WEIGHT + extra * PER_EXTRA_MESSAGE) : NEAR_MISS_WEIGHT,
    evidence: [...clarifying, ...questions.asks].slice(0, 3),
    message: { key: 'reasonThread', substitutions: [String(threadMessages)] },
  };
}
