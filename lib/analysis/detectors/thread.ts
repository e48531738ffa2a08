/**
 * thread — a long back-and-forth (default 5+ messages) that is still clarifying or negotiating:
 * the draft asks again, points at figures that don't match, or says "one more clarification".
 * A message that closes the thread (the final document, a confirmed time) does not fire.
 * Source: RESEARCH.md — email fails when it is left incomplete or only partly answered; eval/README.md
 * call/thread — 5+ messages and still clarifying.
 */
import type { DraftContext } from '../context';
import { PHRASE_SETS } from '../phrase-sets';
import type { Signal } from '../types';

const WEIGHT = 1;
const PER_EXTRA_MESSAGE = 0.1;
const MAX_WEIGHT = 1.4;

export function detectThread(ctx: DraftContext): Signal | undefined {
  const { threadMessages, settings, matcher, questions } = ctx;
  if (threadMessages < settings.threadThreshold) return undefined;
  const clarifying = ctx.english ? matcher.find(PHRASE_SETS.clarifying).map((hit) => hit.text) : [];
  const closing = ctx.english ? matcher.find(PHRASE_SETS.closing) : [];
  const stillOpen = clarifying.length > 0 || questions.count > 0;
  if (!stillOpen || closing.length > 0) return undefined;
  const extra = threadMessages - settings.threadThreshold;
  return {
    rule: 'thread',
    weight: Math.min(MAX_WEIGHT, WEIGHT + extra * PER_EXTRA_MESSAGE),
    evidence: [...clarifying, ...questions.asks].slice(0, 3),
    message: `This is message ${threadMessages} and the thread is still clarifying; one call can close it.`,
  };
}
