// `npm test`: every check, in order, stopping at the first failure. The three static checks are
// independent and mostly wait on one core each, so they run side by side, their output printed whole.
import { spawn, spawnSync } from 'node:child_process';
import { ensureChromium, ensureFirefox } from './browsers';

const env = { ...process.env, CHROMIUM_PATH: ensureChromium(), FIREFOX_PATH: ensureFirefox() };

type Step = [name: string, command: string, args: string[]];

const staticChecks: Step[] = [
  ['type check', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npx', ['eslint', '--max-warnings=0', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
];
const steps: Step[] = [
  ['unit tests', 'npx', ['vitest', 'run']],
  ['build chrome', 'npx', ['wxt', 'build']],
  ['build firefox', 'npx', ['wxt', 'build', '-b', 'firefox']],
  ['addons-linter', 'npx', ['addons-linter', '.output/firefox-mv3']],
  ['end-to-end tests', 'npx', ['playwright', 'test']],
  ['Firefox end-to-end tests', 'npx', ['vitest', 'run', '--config', 'vitest.firefox.config.ts']],
];

const started = Date.now();
let passed = 0;

function finish(name: string, status: number | null, t0: number): void {
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (status !== 0) {
    console.error(`\n✘ ${name} failed after ${seconds} s`);
    console.log(`checks: ${passed} passed, 1 failed`);
    process.exit(status ?? 1);
  }
  passed++;
  console.log(`✔ ${name} (${seconds} s)`);
}

/** Runs a step with its output captured, resolving with its exit status once it ends. */
function runCaptured([name, command, args]: Step): Promise<{ name: string; status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (status) => resolve({ name, status, output }));
  });
}

const t0 = Date.now();
console.log(`\n▶ ${staticChecks.map(([name]) => name).join(', ')} (side by side)`);
const results = await Promise.all(staticChecks.map(runCaptured));
for (const { name, status, output } of results) {
  if (output.trim()) console.log(output.trimEnd());
  finish(name, status, t0);
}

for (const [name, command, args] of steps) {
  const stepStart = Date.now();
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  finish(name, result.status, stepStart);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`checks: ${passed} passed, 0 failed`);
