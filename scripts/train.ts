/**
 * Trains the analysis model on the labeled drafts and writes lib/analysis/model/weights.json.
 *   npm run train                       on tests/data/sales-dev.jsonl and tests/data/sales-authors.jsonl
 *   npm run train -- FILE.jsonl [FILE…] on other labeled sets
 * Deterministic: the same drafts give the same weights. Re-run after changing a feature or a detector;
 * a unit test fails while the shipped weights are not what the labeled drafts train to.
 */
import { writeFileSync } from 'node:fs';
import { featuresOf, type Model } from '../lib/analysis';
import { readItems } from './eval/items';
import { fitModel, type Example } from './model/fit';

export const DEFAULT_SETS = ['tests/data/sales-dev.jsonl', 'tests/data/sales-authors.jsonl'];

/** The model the labeled drafts in these files train to. */
export function trainModel(files: readonly string[]): { model: Model; drafts: number } {
  const examples: Example[] = files
    .flatMap(readItems)
    .filter((item) => item.label === 'call' || item.label === 'email')
    .map((item) => ({
      features: featuresOf({ body: item.body, subject: item.subject, threadMessages: item.threadMessages }),
      call: item.label === 'call',
    }));
  return { model: fitModel(examples), drafts: examples.length };
}

if (process.argv[1]?.endsWith('train.ts')) {
  const files = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT_SETS;
  const { model, drafts } = trainModel(files);
  writeFileSync(new URL('../lib/analysis/model/weights.json', import.meta.url), `${JSON.stringify(model, null, 2)}\n`);
  console.log(`trained on ${drafts} drafts from ${files.join(', ')}; threshold ${model.threshold}`);
}
