/**
 * Fits the analysis model: L2-regularised logistic regression over the named features (Newton's
 * method, deterministic), then the threshold that gives the best F1 on the training drafts
 * while keeping their false-positive rate within a cap. Used by `npm run train` and by the
 * leave-one-writer-out evaluation, which fits once per held-out writer.
 */
import type { Features, Model } from '../../lib/analysis';
import { FEATURE_NAMES } from '../../lib/analysis/model/logistic';

export interface Example {
  features: Features;
  call: boolean;
}

/**
 * Chosen by leave-one-writer-out (npm run eval -- --loao, 2026-12-02, five writers): 0.005 gave mean fold
 * F1 0.910 with sales-dev's fold at 2.9% false positives, 0.01 gave 0.911 with every fold within target,
 * 0.02 gave 0.846 (weights too small for a rule to reach MIN_REASON_LOGIT in model/explain.ts).
 */
const L2 = 0.01;
/** The threshold keeps the training false-positive rate at or below this. */
const MAX_TRAINING_FPR = 0.0175;
/** Newton steps: the loss is convex and smooth, so a dozen reach the optimum to many decimals. */
const MAX_STEPS = 50;
const CONVERGED = 1e-9;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Solves a·x = b for a small dense symmetric positive-definite `a` (Gaussian elimination, partial pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = col + 1; r < n; r++) {
      const f = m[r]![col]! / m[col]![col]!;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = m[r]![n]!;
    for (let c = r + 1; c < n; c++) sum -= m[r]![c]! * x[c]!;
    x[r] = sum / m[r]![r]!;
  }
  return x;
}

/**
 * Minimises the mean log loss plus L2/2·|w|² (the bias unpenalised) by Newton's method: exact and
 * deterministic, so a feature seen on a handful of drafts gets the weight the data give it, not
 * whatever a fixed number of gradient steps reached.
 */
export function fitModel(examples: readonly Example[]): Model {
  const n = examples.length;
  const k = FEATURE_NAMES.length;
  // Column 0 is the bias.
  const rows = examples.map((e) => [1, ...FEATURE_NAMES.map((name) => e.features[name])]);
  const ys = examples.map((e) => (e.call ? 1 : 0));
  const w = new Array<number>(k + 1).fill(0);
  for (let step = 0; step < MAX_STEPS; step++) {
    const grad = w.map((wj, j) => (j ? L2 * wj : 0));
    const hess = w.map((_, i) => w.map((__, j) => (i === j && i ? L2 : 0)));
    rows.forEach((x, i) => {
      const p = sigmoid(x.reduce((sum, xj, j) => sum + xj * w[j]!, 0));
      const err = (p - ys[i]!) / n;
      const curve = (p * (1 - p)) / n;
      x.forEach((xi, a) => {
        if (!xi) return;
        grad[a]! += err * xi;
        x.forEach((xj, b) => (hess[a]![b]! += curve * xi * xj));
      });
    });
    const delta = solve(hess, grad);
    delta.forEach((d, j) => (w[j]! -= d));
    if (Math.max(...delta.map(Math.abs)) < CONVERGED) break;
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const weights = Object.fromEntries(FEATURE_NAMES.map((name, j) => [name, round(w[j + 1]!)]));
  const bias = round(w[0]!);
  const logits = rows.map((x) => x.reduce((sum, xj, j) => sum + xj * (j ? weights[FEATURE_NAMES[j - 1]!]! : bias), 0));
  return { weights, bias, threshold: chooseThreshold(logits, ys) };
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
