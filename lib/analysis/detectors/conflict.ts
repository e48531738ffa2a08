/**
 * conflict — complaint, frustration, bad news, an apology for a problem, pushback on price or terms,
 * a misunderstanding. Phrase weights add up (phrases/conflict.ts); a negation just before a
 * negatable phrase cancels it ("no problem", "not an issue"), and news that the problem is over
 * ("good news", "has been resolved") takes weight off.
 * Source: eval/README.md call/conflict; RESEARCH.md — email fails when it is left unanswered or only
 * partly answered, and hard news read alone invites a written argument.
 */
import type { DraftContext } from '../context';
import { PHRASE_SETS } from '../phrase-sets';
import type { Signal } from '../types';

const FIRE_AT = 0.9;
const NEAR_MISS_AT = 0.5;
const MAX_WEIGHT = 2;

export function detectConflict(ctx: DraftContext): Signal | undefined {
  if (!ctx.english) return undefined;
  const hits = ctx.matcher.find(PHRASE_SETS.conflict);
  if (!hits.length) return undefined;
  // Each distinct wording counts once: "sorry … sorry" is one apology.
  const byText = new Map(hits.map((hit) => [hit.text.toLowerCase(), hit.rule.weight ?? 1]));
  const raw = [...byText.values()].reduce((a, b) => a + b, 0);
  const relief = ctx.matcher.find(PHRASE_SETS.resolution).reduce((sum, hit) => sum + (hit.rule.weight ?? 1), 0);
  const weight = Math.min(MAX_WEIGHT, raw - relief);
  if (weight < NEAR_MISS_AT) return undefined;
  const evidence = [...new Set(hits.map((hit) => hit.text))];
  const message =
    weight >= FIRE_AT
      ? 'Bad news, a complaint or pushback lands better in your voice than in writing.'
      : 'There is some friction in this draft; consider saying it on a call.';
  return { rule: 'conflict', weight: weight >= FIRE_AT ? weight : weight / 2, evidence, message };
}
