// `npm test`: every check, in order, stopping at the first failure.
import { spawnSync } from 'node:child_process';
import { ensureChromium, ensureFirefox } from './browsers';

const env = { ...process.env, CHROMIUM_PATH: ensureChromium(), FIREFOX_PATH: ensureFirefox() };

const steps: [name: string, command: string, args: string[]][] = [
  ['type check', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npx', ['eslint', '--max-warnings=0', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['unit tests', 'npx', ['vitest', 'run']],
  ['build chrome', 'npx', ['wxt', 'build']],
  ['build firefox', 'npx', ['wxt', 'build', '-b', 'firefox']],
  ['addons-linter', 'npx', ['addons-linter', '.output/firefox-mv3']],
  ['end-to-end tests', 'npx', ['playwright', 'test']],
  ['Firefox end-to-end tests', 'npx', ['vitest', 'run', '--config', 'vitest.firefox.config.ts']],
];

const started = Date.now();
let passed = 0;
for (const [name, command, args] of steps) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✘ ${name} failed after ${seconds} s`);
    console.log(`checks: ${passed} passed, 1 failed`);
    process.exit(result.status ?? 1);
  }
  passed++;
  console.log(`✔ ${name} (${seconds} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`checks: ${passed} passed, 0 failed`);
