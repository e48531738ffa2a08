/**
 * Priming: a built-in draft analysed once per page, in idle time, when the first compose window is
 * found. The first analysis in a page is cold (V8 compiles the analysis and the phrase rules a draft
 * touches: some 15–20 ms); priming pays that when the window opens rather than on the rep's first
 * pause in typing.
 */
import type { AnalysisInput } from '../analysis';
import { DEFAULT_SETTINGS } from '../settings/schema';
import type { Analyse } from './deps';

/**
 * The draft primed with (never the rep's text). It reaches the phrase rules, the check-in and question
 * findings and the opener. Its result is thrown away.
 */
export const PRIME_INPUT: AnalysisInput = {
  body:
    'Hi Dana, just checking in to see if there is any update on the renewal? ' +
    'Could you let me know where things stand with legal? Any thoughts on the pricing?',
  subject: 'Renewal',
  threadMessages: 4,
  recipients: [{ name: 'Dana Example', address: 'dana@example.com' }],
  settings: DEFAULT_SETTINGS,
};

/** Warms the analysis up: nothing read from the page, recorded or shown. */
export async function prime(analyse: Analyse): Promise<void> {
  const started = performance.now();
  try {
    await analyse(PRIME_INPUT);
  } catch {
    return; // the first real analysis reports any problem
  }
  // Its own user-timing name, so a long task it causes is attributed to CallFirst, not hidden.
  performance.measure('callfirst:prime', { start: started, end: performance.now() });
}
