/**
 * Signals combine into one score: the detectors' weights add up and the draft's own purpose takes
 * some off. `level` follows two thresholds that the sensitivity setting moves.
 */
import type { Sensitivity } from '../settings/schema';
import type { Level, Signal } from './types';

const SUGGEST_AT = 1;
const STRONG_AT = 2;
/** Low sensitivity needs a stronger case before it speaks up; high speaks up sooner. */
const SENSITIVITY_FACTOR: Record<Sensitivity, number> = { low: 1.4, normal: 1, high: 0.7 };

export function combineScore(signals: readonly Signal[], discount: number): number {
  const total = signals.reduce((sum, s) => sum + s.weight, 0) - discount;
  return Math.max(0, Math.round(total * 100) / 100);
}

export function levelFor(score: number, sensitivity: Sensitivity): Level {
  const factor = SENSITIVITY_FACTOR[sensitivity];
  if (score >= STRONG_AT * factor) return 'strong';
  if (score >= SUGGEST_AT * factor) return 'suggest';
  return 'none';
}
