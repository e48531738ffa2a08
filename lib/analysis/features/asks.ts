/**
 * Embedded asks: questions written as statements ("I'd like to understand who owns the review, whether
 * our SOC 2 covers it and how your timeline lines up") count as questions a call settles, though no
 * "?" marks them. Counted as the wh-words and "whether" inside sentences that say the rep wants to
 * know something. The lead-in verbs are a short hand-written list: they are the verbs of asking, which
 * no sentiment lexicon marks.
 * Source: docs/labeling.md call/questions (roughly four or more open questions).
 */
import type { FeatureGroup, FeatureInput } from './types';

const WANTS_TO_KNOW =
  /\b(?:understand|(?:like|love|need|want) to know|figure out|inputs?|curious|wondering|help me|clarity|clarify|learn)\b/i;
const WH = /\b(?:whether|who|what|how|which|when|why|where|if)\b/gi;
const MAX_ASKS = 8;

export function askFeatures(input: FeatureInput): FeatureGroup {
  if (!input.english) return { values: { embeddedAsks: 0 }, evidence: [] };
  let asks = 0;
  const evidence: string[] = [];
  for (const sentence of input.sentences) {
    if (sentence.includes('?') || !WANTS_TO_KNOW.test(sentence)) continue;
    // One "whether" is a single ask, as "let me know if this works" is: only a list of them counts.
    const count = sentence.match(WH)?.length ?? 0;
    if (count < 2) continue;
    asks += count;
    evidence.push(sentence);
  }
  return { values: { embeddedAsks: Math.min(MAX_ASKS, asks) }, evidence: evidence.slice(0, 2) };
}
