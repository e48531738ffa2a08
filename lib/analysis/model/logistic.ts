/**
 * The learned part of the analysis: a logistic regression over the named features of features/,
 * trained on the labeled drafts by `npm run train` and shipped as model/weights.json. Each weight
 * belongs to a named feature, so every nudge can say which rule carried it.
 */
import { FEATURE_RULES, type FeatureName, type Features } from '../features';
import type { RuleId } from '../../settings/schema';
import shipped from './weights.json';

export interface Model {
  /** Weight per feature name; a missing name weighs nothing. */
  weights: Partial<Record<FeatureName, number>>;
  bias: number;
  /** Logit at which the analysis nudges (at normal sensitivity). */
  threshold: number;
}

export const SHIPPED_MODEL: Model = shipped;

export const FEATURE_NAMES = Object.keys(FEATURE_RULES) as FeatureName[];

export interface Prediction {
  /** The model's logit: log-odds that the draft works better as a call. */
  logit: number;
  /** How much each rule's features added to the logit. */
  byRule: Map<RuleId, number>;
}

/** `penalty` is a fixed, unlearned amount taken off the logit (a draft that already proposes a call). */
export function predict(model: Model, values: Features, penalty = 0): Prediction {
  let logit = model.bias - penalty;
  const byRule = new Map<RuleId, number>();
  for (const name of FEATURE_NAMES) {
    const part = (model.weights[name] ?? 0) * values[name];
    logit += part;
    const rule = FEATURE_RULES[name];
    if (rule !== 'purpose' && rule !== 'context') byRule.set(rule, (byRule.get(rule) ?? 0) + part);
  }
  return { logit, byRule };
}

/** Logit units between 'suggest' and 'strong' (score 1 → 2). */
const LOGIT_PER_SCORE_POINT = 3;

/** The logit as the 0–n score `levelFor` reads: 1 at the model's threshold. */
export function scoreOf(model: Model, logit: number): number {
  return Math.max(0, Math.round((1 + (logit - model.threshold) / LOGIT_PER_SCORE_POINT) * 100) / 100);
}
