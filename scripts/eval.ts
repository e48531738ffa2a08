/**
 * Scores the draft analysis on labeled JSON-lines files, in process.
 *   npm run eval -- FILE.jsonl [FILE…]        items, nudge rate, reasons; with labels precision, recall,
 *                                             F1, false-positive rate, recall by reason, per writer, and
 *                                             the share of openers naming a topic word
 *   npm run eval -- --show FILE.jsonl         also the ids missed and falsely flagged (or SHOW=1)
 * Line format and labeling rules: tests/data/README.md and docs/labeling.md.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyzeDraft } from '../lib/analysis';
import { report, type LabeledItem, type Verdict } from './eval/score';

export function readItems(file: string): LabeledItem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabeledItem);
}

export function verdictOf(item: LabeledItem): Verdict {
  const result = analyzeDraft({ body: item.body, subject: item.subject, threadMessages: item.threadMessages });
  return { nudge: result.nudge, reasons: result.findings.map((f) => f.rule), opener: result.opener };
}

function main(args: string[]): number {
  const show = args.includes('--show') || Boolean(process.env.SHOW);
  const files = args.filter((arg) => !arg.startsWith('--'));
  if (!files.length) {
    console.error('usage: npm run eval -- [--show] FILE.jsonl [FILE…]');
    return 2;
  }
  for (const file of files) {
    const items = readItems(file);
    const verdicts = new Map(items.map((item) => [item.id, verdictOf(item)]));
    console.log(`set: ${basename(file)}`);
    for (const line of report(items, verdicts, show)) console.log(`  ${line}`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
