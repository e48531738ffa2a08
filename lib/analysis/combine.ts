/**
 * The score's levels: `level` follows two thresholds that the sensitivity setting moves. The score
 * itself comes from the learned model (model/logistic.ts): 1 at the model's threshold, 2 well past it.
 */
import type { Sensitivity } from '../settings/schema';
import type { Level } from './types';

const SUGGEST_AT = 1;
const STRONG_AT = 2;
/** Low sensitivity needs a stronger case before it speaks up; high speaks up sooner. */
const SENSITIVITY_FACTOR: Record<Sensitivity, number> = { low: 1.4, normal: 1, high: 0.7 };

export function levelFor(score: number, sensitivity: Sensitivity): Level {
  const factor = SENSITIVITY_FACTOR[sensitivity];
  if (score >= STRONG_AT * factor) return 'strong';
  if (score >= SUGGEST_AT * factor) return 'suggest';
  return 'none';
}
