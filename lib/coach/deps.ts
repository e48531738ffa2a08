/**
 * What the coach is given from outside: the lifetime it ties everything to (WXT's ContentScriptContext,
 * which also gives it its timers) and everything it reaches beyond the page (analysis, messages,
 * settings, diagnostics, the nudge's mount, the clock). Passed in so tests can run the coach against a
 * fixture and fakes.
 */
import type { ContentScriptContext } from '#imports';
import type { Analysis, AnalysisInput } from '../analysis';
import { reportDiagnostics, type SiteDiagnostics } from '../diagnostics';
import { type Request, type ResponseOf, sendToBackground } from '../messages';
import { loadSettings, type ResolvedSettings, updateUserSettings, watchSettings } from '../settings';
import type { Settings, SiteId } from '../settings/schema';
import { createBackgroundAnalysis } from './analyse-in-background';
import { type MountNudge, mountNudge } from './mount';

/** The lifetime the coach ties everything to: WXT's ContentScriptContext, or a stand-in in tests. */
export type CoachContext = Pick<
  ContentScriptContext,
  'isValid' | 'onInvalidated' | 'setTimeout' | 'requestIdleCallback'
>;

/**
 * Analyses one draft. Asynchronous so it can run elsewhere (e.g. the extension's background behind a
 * message); the coach drops a result that arrives after a newer one was asked for.
 */
export type Analyse = (input: AnalysisInput) => Promise<Analysis>;

/** Everything the coach reaches outside the page, replaceable in tests. */
export interface CoachDeps {
  analyse: Analyse;
  /**
   * Gets the analysis ready without any of the rep's text (wakes the extension's background when it
   * may have gone to sleep). Called when the rep focuses a compose window and on every edit: cheap.
   */
  warm: () => void;
  send: <R extends Request>(request: R) => Promise<ResponseOf<R>>;
  loadSettings: () => Promise<ResolvedSettings>;
  watchSettings: (onChange: (s: ResolvedSettings) => void) => () => void;
  updateUserSettings: (patch: Partial<Settings>) => Promise<void>;
  reportDiagnostics: (site: SiteId, update: Partial<SiteDiagnostics>) => Promise<void>;
  mountNudge: MountNudge;
  now: () => number;
}

/** The analysis runs in the extension's background: mail pages load none of it. */
const inBackground = createBackgroundAnalysis();

export const DEFAULT_DEPS: CoachDeps = {
  analyse: inBackground.analyse,
  warm: inBackground.wake,
  send: sendToBackground,
  loadSettings,
  watchSettings,
  updateUserSettings,
  reportDiagnostics,
  mountNudge,
  now: () => Date.now(),
};
