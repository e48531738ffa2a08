/**
 * What the coach is given from outside: the lifetime it ties everything to (WXT's ContentScriptContext)
 * and everything it reaches beyond the page (analysis, messages, settings, diagnostics, the nudge's
 * mount, the clock). Passed in so tests can run the coach against a fixture and fakes.
 */
import type { ContentScriptContext } from '#imports';
import { type Analysis, type AnalysisInput, analyzeDraft } from '../analysis';
import { reportDiagnostics, type SiteDiagnostics } from '../diagnostics';
import type { ComposeHost } from '../hosts/types';
import { type Request, type ResponseOf, sendToBackground } from '../messages';
import { loadSettings, type ResolvedSettings, updateUserSettings, watchSettings } from '../settings';
import type { Settings } from '../settings/schema';
import { type MountNudge, mountNudge } from './mount';

/** The lifetime the coach ties everything to: WXT's ContentScriptContext, or a stand-in in tests. */
export type CoachContext = Pick<
  ContentScriptContext,
  'isValid' | 'onInvalidated' | 'addEventListener' | 'setTimeout' | 'requestIdleCallback' | 'signal'
>;

/** Everything the coach reaches outside the page, replaceable in tests. */
export interface CoachDeps {
  analyze: (input: AnalysisInput) => Analysis;
  send: <R extends Request>(request: R) => Promise<ResponseOf<R>>;
  loadSettings: () => Promise<ResolvedSettings>;
  watchSettings: (onChange: (s: ResolvedSettings) => void) => () => void;
  updateUserSettings: (patch: Partial<Settings>) => Promise<void>;
  reportDiagnostics: (site: ComposeHost['id'], update: Partial<SiteDiagnostics>) => Promise<void>;
  mountNudge: MountNudge;
  now: () => number;
}

export const DEFAULT_DEPS: CoachDeps = {
  analyze: analyzeDraft,
  send: sendToBackground,
  loadSettings,
  watchSettings,
  updateUserSettings,
  reportDiagnostics,
  mountNudge,
  now: () => Date.now(),
};
