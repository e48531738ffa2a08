/**
 * The arithmetic of `npm run eval`: confusion counts, precision, recall, F1, false-positive rate, recall
 * by labeled reason, per-writer lines and the share of openers naming a topic word. Pure: labeled items
 * and verdicts in, numbers and printable lines out.
 */
import { fillerSubjectIn } from '../../lib/analysis/topic';

export interface LabeledItem {
  id: string;
  subject?: string;
  body: string;
  threadMessages?: number;
  label?: 'call' | 'email' | 'ambiguous';
  reasons?: string[];
  author?: string;
  topic?: string[];
  language?: string;
}

export interface Verdict {
  nudge: boolean;
  reasons: string[];
  opener: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
  falsePositiveRate: number;
}

const isLabeled = (item: LabeledItem) => item.label === 'call' || item.label === 'email';

export function countOutcomes(items: readonly LabeledItem[], verdicts: ReadonlyMap<string, Verdict>): Counts {
  const counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const item of items) {
    if (!isLabeled(item)) continue;
    const call = item.label === 'call';
    const said = verdicts.get(item.id)?.nudge ?? false;
    if (call && said) counts.tp++;
    else if (said) counts.fp++;
    else if (call) counts.fn++;
    else counts.tn++;
  }
  return counts;
}

/** Empty denominators count as 1, so a writer with no call drafts scores 0, not NaN. */
export function scoresOf(counts: Counts): Scores {
  const { tp, fp, fn, tn } = counts;
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...counts, precision, recall, f1, falsePositiveRate: fp / Math.max(1, fp + tn) };
}

/** Found / all call drafts per labeled reason. */
export function recallByReason(
  items: readonly LabeledItem[],
  verdicts: ReadonlyMap<string, Verdict>,
): Map<string, { found: number; all: number }> {
  const byReason = new Map<string, { found: number; all: number }>();
  for (const item of items) {
    if (item.label !== 'call') continue;
    for (const reason of item.reasons ?? []) {
      const entry = byReason.get(reason) ?? { found: 0, all: 0 };
      entry.all++;
      if (verdicts.get(item.id)?.nudge) entry.found++;
      byReason.set(reason, entry);
    }
  }
  return byReason;
}

/** Lower case, letters and digits only, a plural ending off, six characters: "Renewals" → "renewa". */
export const stem = (word: string) =>
  word
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/(ies|es|s)$/, '')
    .slice(0, 6);

/** The opener names a topic when one of its words starts with the stem of a topic phrase's last word. */
export function openerNamesTopic(opener: string, topic: readonly string[]): boolean {
  const words = opener.split(/\s+/).map(stem);
  return topic.some((phrase) => {
    const head = phrase.trim().split(/\s+/).pop();
    return head !== undefined && head !== '' && words.some((w) => w !== '' && w.startsWith(stem(head)));
  });
}

/** Nudged call drafts that carry a topic, and how many of their openers name it. */
export function topicMentions(
  items: readonly LabeledItem[],
  verdicts: ReadonlyMap<string, Verdict>,
): { named: number; withTopic: number } {
  let named = 0;
  let withTopic = 0;
  for (const item of items) {
    const verdict = verdicts.get(item.id);
    if (!item.topic?.length || !verdict?.nudge) continue;
    withTopic++;
    if (openerNamesTopic(verdict.opener, item.topic)) named++;
  }
  return { named, withTopic };
}

/** Nudged drafts whose opener repeats a subject that names nothing ("Following up", "Lunch?"). */
export function fillerOpeners(items: readonly LabeledItem[], verdicts: ReadonlyMap<string, Verdict>): number {
  return items.filter((item) => {
    const verdict = verdicts.get(item.id);
    return verdict?.nudge && fillerSubjectIn(verdict.opener, item.subject ?? '');
  }).length;
}

export const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

export function scoreLine(s: Scores): string {
  return `precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  false-positive rate ${percent(s.falsePositiveRate)}`;
}

/** Every line `npm run eval` prints for one set of items. */
export function report(items: readonly LabeledItem[], verdicts: ReadonlyMap<string, Verdict>, show = false): string[] {
  const nudged = items.filter((item) => verdicts.get(item.id)?.nudge);
  const reasonCount: Record<string, number> = {};
  for (const item of nudged)
    for (const r of verdicts.get(item.id)?.reasons ?? []) reasonCount[r] = (reasonCount[r] ?? 0) + 1;
  const lines = [
    `items: ${items.length}  nudged: ${nudged.length} (${percent(nudged.length / Math.max(1, items.length))})`,
    `reasons among nudges: ${JSON.stringify(reasonCount)}`,
  ];
  if (!items.some(isLabeled)) return lines;
  const counts = countOutcomes(items, verdicts);
  const { tp, fp, fn, tn } = counts;
  lines.push(`call: ${tp + fn}  email: ${fp + tn}  tp ${tp}  fp ${fp}  fn ${fn}  tn ${tn}`);
  const byReason = [...recallByReason(items, verdicts)].map(([r, v]) => `${r} ${v.found}/${v.all}`);
  lines.push(`recall by labeled reason: ${byReason.join(', ')}`);
  if (show) {
    const said = (item: LabeledItem) => verdicts.get(item.id)?.nudge ?? false;
    lines.push(
      `missed: ${items
        .filter((it) => it.label === 'call' && !said(it))
        .map((it) => it.id)
        .join(' ')}`,
    );
    lines.push(
      `false alarms: ${items
        .filter((it) => it.label === 'email' && said(it))
        .map((it) => it.id)
        .join(' ')}`,
    );
  }
  const authors = [...new Set(items.map((item) => item.author).filter((a): a is string => a !== undefined))];
  for (const author of authors) {
    const own = items.filter((item) => item.author === author);
    const topics = topicMentions(own, verdicts);
    const topicPart = topics.withTopic ? `  openers naming a topic ${topics.named}/${topics.withTopic}` : '';
    lines.push(`writer ${author}: ${scoreLine(scoresOf(countOutcomes(own, verdicts)))}${topicPart}`);
  }
  const topics = topicMentions(items, verdicts);
  if (topics.withTopic)
    lines.push(
      `openers naming a topic word: ${topics.named}/${topics.withTopic} (${percent(topics.named / topics.withTopic)})`,
    );
  lines.push(`openers with a filler subject: ${fillerOpeners(items, verdicts)}`);
  lines.push(scoreLine(scoresOf(counts)));
  return lines;
}
