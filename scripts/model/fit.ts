/**
 * Fits the analysis model: L2-regularised logistic regression over the named features (batch
 * gradient descent, deterministic), then the threshold that gives the best F1 on the training drafts
 * while keeping their false-positive rate within a cap. Used by `npm run train` and by the
 * leave-one-writer-out evaluation, which fits once per held-out writer.
 */
import type { Features, Model } from '../../lib/analysis';
import { FEATURE_NAMES } from '../../lib/analysis/model/logistic';

export interface Example {
  features: Features;
  call: boolean;
}

const EPOCHS = 4000;
const LEARNING_RATE = 0.05;
const L2 = 0.01;
/** The threshold keeps the training false-positive rate at or below this. */
const MAX_TRAINING_FPR = 0.0175;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function fitModel(examples: readonly Example[]): Model {
  const n = examples.length;
  const rows = examples.map((e) => FEATURE_NAMES.map((name) => e.features[name]));
  const ys = examples.map((e) => (e.call ? 1 : 0));
  const w: number[] = FEATURE_NAMES.map(() => 0);
  let bias = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const grad: number[] = w.map((wj) => L2 * wj);
    let gradBias = 0;
    rows.forEach((x, i) => {
      const err = sigmoid(bias + x.reduce((sum, xj, j) => sum + xj * (w[j] ?? 0), 0)) - (ys[i] ?? 0);
      gradBias += err / n;
      x.forEach((xj, j) => (grad[j] = (grad[j] ?? 0) + (err * xj) / n));
    });
    bias -= LEARNING_RATE * gradBias;
    w.forEach((_, j) => (w[j] = (w[j] ?? 0) - LEARNING_RATE * (grad[j] ?? 0)));
  }
  const weights = Object.fromEntries(FEATURE_NAMES.map((name, j) => [name, Math.round((w[j] ?? 0) * 1000) / 1000]));
  const roundedBias = Math.round(bias * 1000) / 1000;
  const logits = rows.map(
    (x) => roundedBias + x.reduce((sum, xj, j) => sum + xj * (weights[FEATURE_NAMES[j] ?? ''] ?? 0), 0),
  );
  return { weights, bias: roundedBias, threshold: chooseThreshold(logits, ys) };
}

/** The cut between two adjacent logits with the best F1 whose false-positive rate stays within the cap. */
export function chooseThreshold(logits: readonly number[], ys: readonly number[]): number {
  const order = logits.map((z, i) => ({ z, y: ys[i] ?? 0 })).sort((a, b) => b.z - a.z);
  const positives = order.filter((o) => o.y).length;
  const negatives = order.length - positives;
  let tp = 0;
  let fp = 0;
  let best = { f1: -1, threshold: (order[0]?.z ?? 0) + 1 };
  order.forEach((o, i) => {
    if (o.y) tp++;
    else fp++;
    const next = order[i + 1]?.z;
    if (next !== undefined && next === o.z) return;
    if (fp / Math.max(1, negatives) > MAX_TRAINING_FPR) return;
    const f1 = (2 * tp) / (tp + fp + positives);
    const threshold = next === undefined ? o.z - 1 : (o.z + next) / 2;
    if (f1 > best.f1) best = { f1, threshold: Math.round(threshold * 1000) / 1000 };
  });
  return best.threshold;
}
