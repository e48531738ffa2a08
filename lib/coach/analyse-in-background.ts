/**
 * The coach's analysis, asked of the extension's background (lib/background/analysis.ts), so a mail
 * page loads no analysis code and spends no main-thread time on it. The draft goes from the page to
 * the background in memory, in an `analyse` message (lib/messages.ts), and nowhere else.
 *
 * The background may be asleep (Chrome stops an idle service worker after 30 s, Firefox an idle
 * event page): `wake` warms it without any text of the rep's when a compose window opens, and again
 * when the rep starts typing after a quiet spell, so the first verdict does not pay the start-up.
 */
import type { Analysis, AnalysisInput } from '../analysis';
import { type Request, type ResponseMap, type ResponseOf, sendToBackground } from '../messages';

type Send = <R extends Request>(request: R) => Promise<ResponseOf<R>>;

/** The background could not answer (extension reloaded or updated, analysis failed): the coach stays quiet. */
export class AnalysisUnavailable extends Error {
  override name = 'AnalysisUnavailable';
}

/** Chrome's and Firefox's words for a message that found no listener, e.g. a background still starting. */
const NO_RECEIVER = /receiving end does not exist|could not establish connection/i;
const RETRY_DELAY_MS = 50;
/** Browsers stop an idle background after about 30 s; wake it a little before it may be gone. */
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
  async function ask<R extends Request>(request: R): Promise<ResponseOf<R>> {
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
      } catch {
        // "Extension context invalidated" and the like: nothing to report to the page.
      }
      if (answer?.ok) return answer.analysis;
      throw new AnalysisUnavailable('the background did not analyse the draft');
    },
    wake: () => {
      if (now() - lastAnswer < BACKGROUND_IDLE_MS) return;
      // Counts as an answer from now on, so a burst of keystrokes sends one prime, not one each.
      lastAnswer = now();
      ask({ type: 'prime_analysis' }).catch(() => undefined);
    },
  };
}
