/**
 * Scores the draft analysis on labeled JSON-lines files, in process.
 *   npm run eval -- FILE.jsonl [FILE…]        items, nudge rate, reasons; with labels precision, recall,
 *                                             F1, false-positive rate, recall by reason, per writer, and
 *                                             the share of openers naming a topic word
 *   npm run eval -- --show FILE.jsonl         also the ids missed and falsely flagged (or SHOW=1)
 *   npm run eval -- --loao FILE.jsonl […]     leave one writer out: for each writer (an `author`, or a
 *                                             file without authors), train the model on the others
 *                                             only and score the held-out writer
 * Line format and labeling rules: tests/data/README.md and docs/labeling.md.
 */
import { basename } from 'node:path';
import { analyzeDraft, featuresOf, type Model } from '../lib/analysis';
import { englishMessage } from './english-messages';
import { readItems } from './eval/items';
import { countOutcomes, report, scoreLine, scoresOf, type LabeledItem, type Verdict } from './eval/score';
import { fitModel } from './model/fit';

function verdictOf(item: LabeledItem, model?: Model): Verdict {
  const input = { body: item.body, subject: item.subject, threadMessages: item.threadMessages };
  const result = analyzeDraft(input, englishMessage, model);
  return { nudge: result.nudge, reasons: result.findings.map((f) => f.rule), opener: result.opener };
}

const isLabeled = (item: LabeledItem) => item.label === 'call' || item.label === 'email';

/** Leave one writer out: one line per fold, each scored by a model that never saw that writer. */
function leaveOneWriterOut(files: string[], show: boolean): void {
  const items = files.flatMap((file) =>
    readItems(file).map((item) => ({ item, writer: item.author ?? basename(file, '.jsonl') })),
  );
  const examples = items
    .filter(({ item }) => isLabeled(item))
    .map(({ item, writer }) => ({
      writer,
      features: featuresOf({ body: item.body, subject: item.subject, threadMessages: item.threadMessages }),
      call: item.label === 'call',
    }));
  const writers = [...new Set(items.map(({ writer }) => writer))];
  console.log(`leave one writer out: ${writers.length} folds over ${examples.length} labeled drafts`);
  for (const writer of writers) {
    const model = fitModel(examples.filter((e) => e.writer !== writer));
    const held = items.filter((entry) => entry.writer === writer).map(({ item }) => item);
    const verdicts = new Map(held.map((item) => [item.id, verdictOf(item, model)]));
    console.log(`held out ${writer} (${held.length} drafts): ${scoreLine(scoresOf(countOutcomes(held, verdicts)))}`);
    if (show)
      for (const line of report(held, verdicts, true).filter((l) => /^(missed|false alarms)/.test(l)))
        console.log(`  ${line}`);
  }
}

function main(args: string[]): number {
  const show = args.includes('--show') || Boolean(process.env.SHOW);
  const files = args.filter((arg) => !arg.startsWith('--'));
  if (!files.length) {
    console.error('usage: npm run eval -- [--show] [--loao] FILE.jsonl [FILE…]');
    return 2;
  }
  if (args.includes('--loao')) {
    leaveOneWriterOut(files, show);
    return 0;
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
