/**
 * The coach's analysis, asked of the extension's background (lib/background/analysis.ts), so a mail
 * page loads no analysis code and spends no main-thread time on it. The draft goes from the page to
 * the background in memory, in an `analyse` message (lib/messages.ts), and nowhere else.
 *
 * The background may be asleep (Chrome stops an idle service worker after 30 s, Firefox an idle
 * event page): `wake` warms it without any text of the rep's when the rep focuses a compose window,
 * and again when the rep types after a quiet spell, so the first verdict does not pay the start-up.
 */
import type { Analysis, AnalysisInput } from '../analysis';
import { type Request, type ResponseMap, type ResponseOf, sendToBackground } from '../messages';

/** Sends to the background; undefined when no listener answered (the types of sendMessage say it always does). */
type Send = <R extends Request>(request: R) => Promise<ResponseOf<R> | undefined>;

/** No background answered (it is gone or never started): the coach stays quiet and tries on the next pause. */
export class AnalysisUnavailable extends Error {
  override name = 'AnalysisUnavailable';
}

/** Chrome's and Firefox's words for a message that found no listener, e.g. a background still starting. */
const NO_RECEIVER = /receiving end does not exist|could not establish connection/i;
const RETRY_DELAY_MS = 50;
/**
 * Browsers stop an idle background after 30 s (Chrome: developer.chrome.com/docs/extensions/develop/
 * concepts/service-workers/lifecycle; Firefox: the `extensions.background.idle.timeout` preference,
 * 30,000 ms by default): wake it a little before it may be gone.
 */
export const BACKGROUND_IDLE_MS = 25_000;

export interface BackgroundAnalysis {
  analyse: (input: AnalysisInput) => Promise<Analysis>;
  /** Warms the background unless it answered recently. Never throws, never waits. */
  wake: () => void;
}

export interface BackgroundAnalysisOptions {
  send?: Send;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export function createBackgroundAnalysis(options: BackgroundAnalysisOptions = {}): BackgroundAnalysis {
  const send = options.send ?? sendToBackground;
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let lastAnswer = -Infinity;

  /** Sends once more if the first try found no listener; any other failure is final. */
  async function ask<R extends Request>(request: R): Promise<ResponseOf<R> | undefined> {
    const attempt = async () => {
      const answer = await send(request);
      lastAnswer = now();
      return answer;
    };
    try {
      return await attempt();
    } catch (error) {
      if (!NO_RECEIVER.test(String(error))) throw error;
      await sleep(RETRY_DELAY_MS);
      return attempt();
    }
  }

  return {
    analyse: async (input) => {
      let answer: ResponseMap['analyse'] | undefined;
      try {
        answer = await ask({ type: 'analyse', input });
      } catch (error) {
        // A lost extension context stays as it is, so the coach recognises it and stops quietly.
        throw NO_RECEIVER.test(String(error)) ? new AnalysisUnavailable('no background answered') : error;
      }
      if (answer?.ok) return answer.analysis;
      if (answer === undefined) throw new AnalysisUnavailable('no background answered');
      throw new Error('the background could not analyse the draft');
    },
    wake: () => {
      if (now() - lastAnswer < BACKGROUND_IDLE_MS) return;
      // Counts as an answer from now on, so a burst of keystrokes sends one prime, not one each.
      lastAnswer = now();
      const started = performance.now();
      ask({ type: 'prime_analysis' }).catch(() => undefined);
      // Its own user-timing name, so a long task it causes is attributed to CallFirst, not hidden.
      performance.measure('callfirst:prime', { start: started, end: performance.now() });
    },
  };
}
