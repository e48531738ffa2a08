/**
 * checkin — status-chasing with no new substance: "just checking in", "touching base", "circling
 * back", "any update?", "did you get a chance to…", "where do we stand", "bumping this", "following
 * up on my last email", "have you heard anything from…", "wanted to see if you had any questions"
 * and their paraphrases (phrases/checkin.ts, plus the organisation's own from settings).
 * A follow-up that brings something new — an attachment, a new date, a concrete ask with a
 * deadline — is not an aimless check-in, and neither is a long draft that merely contains one.
 * Source: docs/research.md — "checking in" and "touching base" have no purpose and waste the client's
 * time; open a call with "The purpose of my call is …" (blog.jbarrows.com; smallbizclub.com).
 */
import type { DraftContext } from '../context';
import { customCheckinSet, PHRASE_SETS } from '../phrase-sets';
import type { Signal } from '../types';

/** Own words above which a draft carries more than a check-in. */
const MAX_WORDS = 120;
const WEIGHT = 1.2;

export function detectCheckin(ctx: DraftContext): Signal | undefined {
  if (!ctx.english || ctx.words > MAX_WORDS || ctx.purpose.substance.length > 0) return undefined;
  const custom = customCheckinSet(ctx.settings.checkinPhrases);
  const hits = [PHRASE_SETS.checkin, ...(custom ? [custom] : [])].flatMap((set) => ctx.matcher.find(set));
  // Each rule counts once; filler ("let me know if you have any questions") needs company.
  const strength = [...new Set(hits.map((hit) => hit.rule))].reduce((sum, rule) => sum + (rule.weight ?? 1), 0);
  if (strength < 1) return undefined;
  const evidence = [...new Set(hits.map((hit) => hit.text))];
  return {
    rule: 'checkin',
    weight: WEIGHT,
    evidence,
    message: { key: 'reasonCheckin', substitutions: [evidence[0] ?? ''] },
  };
}
