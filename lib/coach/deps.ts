/**
 * What the coach is given from outside: the lifetime it ties everything to (WXT's ContentScriptContext,
 * which also gives it its timers) and everything it reaches beyond the page (analysis, messages,
 * settings, diagnostics, the nudge's mount, the clock). Passed in so tests can run the coach against a
 * fixture and fakes.
 */
import type { ContentScriptContext } from '#imports';
import { type Analysis, type AnalysisInput, analyzeDraft } from '../analysis';
import { reportDiagnostics, type SiteDiagnostics } from '../diagnostics';
import { type Request, type ResponseOf, sendToBackground } from '../messages';
import { loadSettings, type ResolvedSettings, updateUserSettings, watchSettings } from '../settings';
import type { Settings, SiteId } from '../settings/schema';
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
  send: <R extends Request>(request: R) => Promise<ResponseOf<R>>;
  loadSettings: () => Promise<ResolvedSettings>;
  watchSettings: (onChange: (s: ResolvedSettings) => void) => () => void;
  updateUserSettings: (patch: Partial<Settings>) => Promise<void>;
  reportDiagnostics: (site: SiteId, update: Partial<SiteDiagnostics>) => Promise<void>;
  mountNudge: MountNudge;
  now: () => number;
}

/** The analysis run in the page, on the calling task. */
export const analyseInPage: Analyse = (input) => new Promise((resolve) => resolve(analyzeDraft(input)));

export const DEFAULT_DEPS: CoachDeps = {
  analyse: analyseInPage,
  send: sendToBackground,
  loadSettings,
  watchSettings,
  updateUserSettings,
  reportDiagnostics,
  mountNudge,
  now: () => Date.now(),
};
