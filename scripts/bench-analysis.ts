/**
 * Speed of the draft analysis.
 *   npm run bench
 * Prints p50/p95 per draft size after warm-up, the time for megabyte-sized and pathological drafts,
 * and the cold cost (module load plus first analysis) measured in a fresh Node process on the same
 * bundle a content script would load. Budget: p95 ≤ 3 ms at 300 words, ≤ 25 ms at 5,000 words;
 * cold ≤ 30 ms; a 1 MB draft within 500 ms.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { analyzeDraft } from '../lib/analysis';

/** Sentences of a sales rep's working day, mixing every kind of signal the detectors look for. */
const SENTENCES = [
  'Thanks again for walking me through the rollout plan on Tuesday.',
  'I wanted to check in on the revised pricing we sent over last week.',
  'Could you let me know who else on your side needs to sign off?',
  "Unfortunately the second shipment slipped, and I'm sorry for the trouble that causes your team.",
  'The attached summary lists the open items, owners and dates.',
  'Is the budget for the pilot still on the table for this quarter?',
  'We can hold the current rate until the end of the month if that helps.',
  "I know this isn't the answer you were hoping for, but I'd rather be upfront about it.",
  'Any update from legal on the redlines? https://example.com/contract?rev=3&tab=2',
  'Our team reviewed the usage numbers and the 1,250 seats at $42.50 look right.',
  'Happy to hop on a call if that is easier for you.',
  'What does your timeline look like, and who owns the decision??',
];

function draftOf(words: number): string {
  const out: string[] = ['Hi Dana,', ''];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const sentence = SENTENCES[i % SENTENCES.length] ?? '';
    out.push(i % 4 === 3 ? `${sentence}\n` : sentence);
    count += sentence.split(' ').length;
  }
  out.push('', 'Best,', 'Sam Rivera', 'Account Executive | Northwind', '(555) 555-0100');
  return out.join(' ');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

function timeOnce(body: string): number {
  const start = performance.now();
  analyzeDraft({ body, subject: 'Renewal timeline', threadMessages: 3 });
  return performance.now() - start;
}

function benchSize(words: number): string {
  const body = draftOf(words);
  const runs = words >= 5000 ? 100 : 300;
  for (let i = 0; i < 50; i++) timeOnce(body);
  const times = Array.from({ length: runs }, () => timeOnce(body)).sort((a, b) => a - b);
  return `${words} words: p50 ${percentile(times, 0.5).toFixed(2)} ms, p95 ${percentile(times, 0.95).toFixed(2)} ms`;
}

const MEGABYTE = 1_000_000;
const HUGE_DRAFTS: Record<string, string> = {
  '1 MB of prose': draftOf(200_000).slice(0, MEGABYTE),
  '1 MB without spaces': 'a'.repeat(MEGABYTE),
  '1 MB of question marks': '?'.repeat(MEGABYTE),
  '1 MB of digits and spaces': '1 '.repeat(MEGABYTE / 2),
  '1 MB of "On … wrote" lines': 'On Mon, 1 Jan at 9 '.repeat(MEGABYTE / 20),
  '1 MB of quote markers': '> '.repeat(MEGABYTE / 2),
  '1 MB of check-ins': 'just checking in, any update? '.repeat(MEGABYTE / 30),
};

async function coldCost(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'callfirst-bench-'));
  try {
    const entry = fileURLToPath(new URL('../lib/analysis/index.ts', import.meta.url));
    const bundle = join(dir, 'analysis.mjs');
    await build({
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      minify: true,
      outfile: bundle,
      logLevel: 'silent',
    });
    const probe = join(dir, 'probe.mjs');
    writeFileSync(
      probe,
      `const t0 = performance.now();
const { analyzeDraft } = await import(${JSON.stringify(bundle)});
const t1 = performance.now();
analyzeDraft({ body: ${JSON.stringify(draftOf(300))}, subject: 'Renewal timeline' });
const t2 = performance.now();
console.log(JSON.stringify({ load: t1 - t0, first: t2 - t1 }));`,
    );
    const samples = Array.from(
      { length: 5 },
      () =>
        JSON.parse(execFileSync(process.execPath, [probe], { encoding: 'utf8' })) as { load: number; first: number },
    );
    const median = (key: 'load' | 'first') => samples.map((s) => s[key]).sort((a, b) => a - b)[2] ?? NaN;
    const [load, first] = [median('load'), median('first')];
    return `cold (fresh Node process, minified bundle, median of 5): load ${load.toFixed(1)} ms + first analysis ${first.toFixed(1)} ms = ${(load + first).toFixed(1)} ms`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(await coldCost());
for (const words of [50, 300, 1000, 5000]) console.log(benchSize(words));
for (const [name, body] of Object.entries(HUGE_DRAFTS)) console.log(`${name}: ${timeOnce(body).toFixed(0)} ms`);
