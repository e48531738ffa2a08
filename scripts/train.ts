/**
 * Trains the analysis model on the labeled drafts and writes lib/analysis/model/weights.json.
 *   npm run train                       on tests/data/sales-dev.jsonl and tests/data/sales-authors.jsonl
 *   npm run train -- FILE.jsonl [FILE…] on other labeled sets
 * Deterministic: the same drafts give the same weights. Re-run after changing a feature or a detector.
 */
import { writeFileSync } from 'node:fs';
import { featuresOf } from '../lib/analysis';
import { readItems } from './eval/items';
import { fitModel, type Example } from './model/fit';

const DEFAULT_SETS = ['tests/data/sales-dev.jsonl', 'tests/data/sales-authors.jsonl'];
const OUT = new URL('../lib/analysis/model/weights.json', import.meta.url);

const files = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT_SETS;
const examples: Example[] = files
  .flatMap(readItems)
  .filter((item) => item.label === 'call' || item.label === 'email')
  .map((item) => ({
    features: featuresOf({ body: item.body, subject: item.subject, threadMessages: item.threadMessages }),
    call: item.label === 'call',
  }));
const model = fitModel(examples);
writeFileSync(OUT, `${JSON.stringify(model, null, 2)}\n`);
console.log(`trained on ${examples.length} drafts from ${files.join(', ')}; threshold ${model.threshold}`);
