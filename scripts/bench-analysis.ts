/**
 * Speed of the draft analysis.
 *   npm run bench                               everything below
 *   npm run bench -- --cold                     only the cold figures
 *   npm run bench -- --entry path/to/index.ts   the same figures for another copy of lib/analysis
 *   npm run bench -- --extension <dir>          the in-browser figures for another build (default .output/chrome-mv3)
 * Prints p50/p95 per draft size after warm-up (as the rep types, for a new draft each pass, and for the
 * same draft again: a pass reuses what it read of sentences unchanged since the last), the time for
 * megabyte-sized and pathological drafts, and the cold cost (module load plus first analysis of a
 * 300-word draft) of the analysis bundle: in fresh Node processes, and in fresh pages of headless
 * Chromium (CHROMIUM_PATH, else /usr/bin/chromium). The background loads that bundle, with compromise
 * (most of the load: its lexicon is built as it loads); no mail page does. So the cold cost has no
 * budget of its own: it is paid by a background waking up, and the budgeted figure is the first verdict
 * after the background was stopped (below). Budget: p95 ≤ 3 ms at 300 words, ≤ 25 ms at 5,000 words;
 * every pass ≤ 16 ms at any draft size, a 1 MB paste included.
 * Then the built extension in real Chromium (scripts/bench-extension.ts): page-load script time the
 * content scripts add (≤ 10 ms), each analysis pass's main-thread time in the page (≤ 16 ms at any
 * size), last keystroke to verdict (≤ 300 ms), and the background's analysis times and cold start.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build, type Format } from 'esbuild';
import { chromiumPath } from '../tests/e2e/chromium-path';
import { QUIET_CHROMIUM_ARGS } from '../tests/e2e/launch';
import type { analyzeDraft as AnalyzeDraft } from '../lib/analysis';
import { extensionFigures, type Edit } from './bench-extension';
import { englishMessage } from './english-messages';

/**
 * Stands in for browser.i18n.getMessage (a native lookup) in the cold probes, which have no messages
 * file to read: the cold cost measured is the analysis's own.
 */
const PROBE_TRANSLATE = '(key, subs = []) => [key, ...subs].join(" ")';

const args = process.argv.slice(2);
const entryArg = args.indexOf('--entry');
const ENTRY =
  entryArg >= 0
    ? resolve(args[entryArg + 1] ?? '')
    : fileURLToPath(new URL('../lib/analysis/index.ts', import.meta.url));
const COLD_ONLY = args.includes('--cold');
const extensionArg = args.indexOf('--extension');
const COLD_RUNS = 11;
const GLOBAL_NAME = 'CallFirstAnalysis';

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

/** Names a sentence can end on ("…, Priya?"): a pass changes sentences by naming someone else. */
const NAMES = ['Dana', 'Priya', 'Sam', 'Lee', 'Omar', 'Ines', 'Kofi', 'Mei', 'Jonas', 'Ruth', 'Tariq', 'Ana', 'Bo'];

function draftOf(words: number, pass = 0, edit: Edit = 'none'): string {
  const sentences: string[] = [];
  for (let count = 0; count < words;) {
    const sentence = SENTENCES[sentences.length % SENTENCES.length] ?? '';
    sentences.push(sentence);
    count += sentence.split(' ').length;
  }
  const edited = (i: number) => edit === 'every' || (edit === 'last' && i === sentences.length - 1);
  const body = sentences.map((sentence, i) => {
    const named = edited(i)
      ? sentence.replace(/[.?!]*$/, (end) => `, ${NAMES[(pass + i) % NAMES.length]}${end}`)
      : sentence;
    return i % 4 === 3 ? `${named}\n` : named;
  });
  return ['Hi Dana,', '', ...body, '', 'Best,', 'Sam Rivera', 'Account Executive | Northwind', '(555) 555-0100'].join(
    ' ',
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

let analyzeDraft: typeof AnalyzeDraft;

function timeOnce(body: string): number {
  const start = performance.now();
  analyzeDraft({ body, subject: 'Renewal timeline', threadMessages: 3 }, englishMessage);
  return performance.now() - start;
}

/** p50 and p95 of `runs` passes after warm-up, each on the draft of its pass. */
function passTimes(words: number, edit: Edit, runs: number): string {
  for (let i = 0; i < 50; i++) timeOnce(draftOf(words, i, edit));
  const drafts = Array.from({ length: runs }, (_, i) => draftOf(words, 50 + i, edit));
  const times = drafts.map(timeOnce).sort((a, b) => a - b);
  return `p50 ${percentile(times, 0.5).toFixed(2)} ms, p95 ${percentile(times, 0.95).toFixed(2)} ms`;
}

/** The budget holds as the rep types; a new draft each pass (a paste) and the same draft again show either side. */
function benchSize(words: number): string {
  const runs = words >= 5000 ? 100 : 300;
  return (
    `${words} words: ${passTimes(words, 'last', runs)} as the rep types (the last sentence changed each pass); ` +
    `a new draft each pass ${passTimes(words, 'every', runs)}; the same draft again ${passTimes(words, 'none', runs)}`
  );
}

const MEGABYTE = 1_000_000;
/** Each analysis pass, at any draft size, within this on the page's main thread (lib/analysis/bounded.ts). */
const PASS_BUDGET_MS = 16;
const HUGE_RUNS = 20;

/** The first pass over a huge draft, then p95 of the passes after it (the coach re-analyses as the rep types). */
function hugeLine(name: string, body: string): string {
  const first = timeOnce(body);
  const times = Array.from({ length: HUGE_RUNS }, () => timeOnce(body)).sort((a, b) => a - b);
  const [p50, p95] = [percentile(times, 0.5), percentile(times, 0.95)];
  return `${name}: first ${first.toFixed(1)} ms, then p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms per pass (budget ${PASS_BUDGET_MS} ms)`;
}
const HUGE_DRAFTS: Record<string, string> = {
  '1 MB of prose': draftOf(200_000).slice(0, MEGABYTE),
  '1 MB without spaces': 'a'.repeat(MEGABYTE),
  '1 MB of question marks': '?'.repeat(MEGABYTE),
  '1 MB of digits and spaces': '1 '.repeat(MEGABYTE / 2),
  '1 MB of "On … wrote" lines': 'On Mon, 1 Jan at 9 '.repeat(MEGABYTE / 20),
  '1 MB of quote markers': '> '.repeat(MEGABYTE / 2),
  '1 MB of check-ins': 'just checking in, any update? '.repeat(MEGABYTE / 30),
};

/** The analysis as one minified script, the way a content script bundles it. */
async function bundle(dir: string, format: Format): Promise<string> {
  const outfile = join(dir, format === 'iife' ? 'analysis.js' : 'analysis.mjs');
  await build({
    entryPoints: [ENTRY],
    bundle: true,
    format,
    globalName: format === 'iife' ? GLOBAL_NAME : undefined,
    platform: format === 'iife' ? 'browser' : 'neutral',
    minify: true,
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

interface Cold {
  load: number;
  first: number;
  /** CPU time of the whole process over load and first analysis (Node only): less swayed by a busy machine. */
  cpu?: number;
}

function median(samples: Cold[], key: keyof Cold): number {
  const sorted = samples.map((s) => s[key] ?? NaN).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function coldLine(where: string, samples: Cold[], note = ''): string {
  const [load, first] = [median(samples, 'load'), median(samples, 'first')];
  const totals = samples.map((s) => s.load + s.first).sort((a, b) => a - b);
  const cpu = samples[0]?.cpu === undefined ? '' : `, CPU time ${median(samples, 'cpu').toFixed(1)} ms`;
  return `cold (${where}): load ${load.toFixed(1)} ms + first analysis ${first.toFixed(1)} ms = ${(load + first).toFixed(1)} ms${note} — medians of ${samples.length} runs${cpu}; totals ${totals.map((t) => t.toFixed(0)).join(', ')} ms`;
}

/** Module load and first analysis in fresh Node processes. */
function coldNode(bundleFile: string, dir: string): string {
  const probe = join(dir, 'probe.mjs');
  writeFileSync(
    probe,
    `const c0 = process.cpuUsage();
const t0 = performance.now();
const { analyzeDraft } = await import(${JSON.stringify(bundleFile)});
const t1 = performance.now();
analyzeDraft({ body: ${JSON.stringify(draftOf(300))}, subject: 'Renewal timeline' }, ${PROBE_TRANSLATE});
const t2 = performance.now();
const c = process.cpuUsage(c0);
console.log(JSON.stringify({ load: t1 - t0, first: t2 - t1, cpu: (c.user + c.system) / 1000 }));`,
  );
  const samples = Array.from(
    { length: COLD_RUNS },
    () => JSON.parse(execFileSync(process.execPath, [probe], { encoding: 'utf8' })) as Cold,
  );
  return coldLine('Node, fresh process', samples);
}

/**
 * Script evaluation (parse, compile, run) and first analysis in fresh pages of headless Chromium,
 * timed with performance.now() inside the page. Each sample gets its own browser context, so its own
 * renderer and no compiled code left over from the last one. No network: a blank page and inline scripts.
 */
async function coldChromium(bundleFile: string): Promise<string> {
  let executablePath: string;
  try {
    executablePath = chromiumPath();
  } catch (err) {
    return `cold (Chromium): skipped, ${(err as Error).message}`;
  }
  const source = readFileSync(bundleFile, 'utf8');
  const browser = await chromium.launch({ executablePath, headless: true, args: QUIET_CHROMIUM_ARGS });
  try {
    const samples: Cold[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.setContent('<!doctype html><title>CallFirst cold bench</title><body></body>');
      // The harness is in the page before the timing starts; the bundle is parsed, compiled and run
      // between the two clock readings, as when the browser injects a content script.
      await page.addScriptTag({
        content: `window.__coldBench = (source, body) => {
  const t0 = performance.now();
  const script = document.createElement('script');
  script.textContent = source;
  document.head.appendChild(script);
  const t1 = performance.now();
  window.${GLOBAL_NAME}.analyzeDraft({ body, subject: 'Renewal timeline' }, ${PROBE_TRANSLATE});
  const t2 = performance.now();
  return { load: t1 - t0, first: t2 - t1 };
};`,
      });
      samples.push(
        await page.evaluate(
          ([src, body]) =>
            (window as unknown as { __coldBench: (s: string, b: string) => Cold }).__coldBench(src, body),
          [source, draftOf(300)] as const,
        ),
      );
      await context.close();
    }
    return coldLine('Chromium', samples, ' (the background pays it on waking; no mail page loads it)');
  } finally {
    await browser.close();
  }
}

async function coldCost(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'callfirst-bench-'));
  try {
    const node = coldNode(await bundle(dir, 'esm'), dir);
    const browser = await coldChromium(await bundle(dir, 'iife')).catch(
      (err: unknown) =>
        `cold (Chromium): failed to run: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
    );
    return [browser, node];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const line of await coldCost()) console.log(line);
if (!COLD_ONLY) {
  ({ analyzeDraft } = (await import(ENTRY)) as { analyzeDraft: typeof AnalyzeDraft });
  for (const words of [50, 300, 1000, 5000]) console.log(benchSize(words));
  for (const [name, body] of Object.entries(HUGE_DRAFTS)) console.log(hugeLine(name, body));
  const lines = await extensionFigures(draftOf, extensionArg >= 0 ? args[extensionArg + 1] : undefined).catch(
    (err: unknown) => [
      `extension figures: failed to run: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
    ],
  );
  for (const line of lines) console.log(line);
  console.log(
    '(Timings from a shared, busy machine vary from run to run; compare side by side, and re-run when quiet.)',
  );
}
