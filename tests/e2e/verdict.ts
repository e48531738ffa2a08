/**
 * What the analysis itself says about a test draft, so an end-to-end test can check that the coach
 * shows and records exactly that verdict (and not merely some level). The analysis runs through tsx in
 * a child process: Playwright's loader cannot import the analysis's JSON phrase index.
 */
import { execFileSync } from 'node:child_process';
import type { Settings } from '../../lib/settings/schema';

const ANALYSE = `
import { analyzeDraft } from './lib/analysis';
import { englishMessage } from './scripts/english-messages';
const { body, settings } = JSON.parse(process.argv[1]);
process.stdout.write(analyzeDraft({ body, settings }, englishMessage).level);
`;

/** The level the analysis gives a draft that is `body` alone; throws for a draft it would not nudge. */
export function levelOf(body: string, settings?: Partial<Settings>): 'suggest' | 'strong' {
  const level = execFileSync('npx', ['tsx', '--eval', ANALYSE, JSON.stringify({ body, settings })], {
    encoding: 'utf8',
  });
  if (level !== 'suggest' && level !== 'strong') throw new Error(`the analysis gives "${level}" for: ${body}`);
  return level;
}
