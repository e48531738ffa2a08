/**
 * conflict — complaint, frustration, bad news, an apology for a problem, pushback on price or terms,
 * a misunderstanding. Phrase weights add up (phrases/conflict.ts); a negation just before a
 * negatable phrase cancels it ("no problem", "not an issue"), and news that the problem is over
 * ("good news", "has been resolved") takes weight off.
 * Source: docs/research.md — the "conflict" reason for a call; email fails when it is left unanswered or only
 * partly answered, and hard news read alone invites a written argument.
 */
import type { DraftContext } from '../context';
import { PHRASE_SETS } from '../phrase-sets';
import type { Signal } from '../types';

const FIRE_AT = 0.9;
const NEAR_MISS_AT = 0.5;
const MAX_WEIGHT = 2;
/** Beyond this many words, hits are spread thinner: a long memo mentions "issues" in passing. */
const DENSITY_WORDS = 200;

export function detectConflict(ctx: DraftContext): Signal | undefined {
  if (!ctx.english) return undefined;
  const hits = ctx.matcher.find(PHRASE_SETS.conflict);
  if (!hits.length) return undefined;
  // Each rule counts once: "problem … problems … issue" is one complaint, not three.
  const rules = new Set(hits.map((hit) => hit.rule));
  const raw = [...rules].reduce((sum, rule) => sum + (rule.weight ?? 1), 0);
  const density = ctx.words > DENSITY_WORDS ? Math.sqrt(DENSITY_WORDS / ctx.words) : 1;
  const relief = ctx.matcher.find(PHRASE_SETS.resolution).reduce((sum, hit) => sum + (hit.rule.weight ?? 1), 0);
  const weight = Math.min(MAX_WEIGHT, raw * density - relief);
  if (weight < NEAR_MISS_AT) return undefined;
  const evidence = [...new Set(hits.map((hit) => hit.text))];
  const message = { key: weight >= FIRE_AT ? 'reasonConflict' : 'reasonConflictNear' } as const;
  return { rule: 'conflict', weight: weight >= FIRE_AT ? weight : weight / 2, evidence, message };
}
