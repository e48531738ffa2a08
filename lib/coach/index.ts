/**
 * The coach: host-agnostic content-script logic shared by every mail site. It finds compose windows
 * through a ComposeHost (once at start, then on DOM changes, batched into idle time), analyses each
 * draft ~400 ms after the rep stops typing, shows or hides the nudge, and reports sends and nudge
 * events to the background. It never changes a draft without a click, never blocks or delays Send,
 * never moves focus by itself, and steps aside quietly (with a diagnostic) when the page changes.
 *
 * A mail site plugs in from its content script: `startCoach(ctx, host)` (see entrypoints/gmail.content.ts;
 * the content script needs `cssInjectionMode: 'ui'`). This file wires the pieces to the page and to
 * the content script's lifetime:
 *   scan.ts (finding windows) -> session.ts (one per window) -> analyse.ts -> nudge.ts / actions.ts,
 *   send-intents.ts and tel-links.ts (page listeners), apply-settings.ts, prime.ts,
 *   records.ts and background.ts (what goes to the background).
 */
import type { ComposeHost } from '../hosts/types';
import type { ResolvedSettings } from '../settings';
import { DEFAULT_SETTINGS } from '../settings/schema';
import { applySettings } from './apply-settings';
import { type CoachContext, type CoachDeps, DEFAULT_DEPS } from './deps';
import { alive, createRuntime } from './runtime';
import { safe } from './safe';
import { scan, scanOnDomChanges } from './scan';
import { onKeyDown, onPageHide, onPointerIntent } from './send-intents';
import { closeSession } from './session';
import { onTelClick } from './tel-links';

export type { CoachContext, CoachDeps } from './deps';
export { PRIME_INPUT } from './prime';

export interface Coach {
  /** Compose windows the coach is looking after (for tests and diagnostics). */
  readonly sessionCount: number;
  /** Runs a scan now (tests; the coach schedules its own scans). */
  scan(): void;
  stop(): void;
}

/** Starts the coach for one mail site on `doc`; everything stops when `ctx` is invalidated. */
export function startCoach(
  ctx: CoachContext,
  host: ComposeHost,
  options: { doc?: Document; deps?: Partial<CoachDeps> } = {},
): Coach {
  const doc = options.doc ?? document;
  const coach = createRuntime(ctx, host, doc, { ...DEFAULT_DEPS, ...options.deps });
  const observer = scanOnDomChanges(coach);

  function stop(): void {
    if (coach.stopped) return;
    coach.stopped = true;
    observer.disconnect();
    for (const session of [...coach.sessions.values()]) closeSession(coach, session, false);
  }

  // Send and discard intents, tel: links: capture phase, before the site's own handlers.
  ctx.addEventListener(doc, 'click', (event) => onPointerIntent(coach, event), { capture: true });
  ctx.addEventListener(doc, 'mouseup', (event) => onPointerIntent(coach, event), { capture: true });
  ctx.addEventListener(doc, 'keydown', (event) => onKeyDown(coach, event), { capture: true });
  ctx.addEventListener(doc, 'click', (event) => onTelClick(coach, event), { capture: true });
  if (doc.defaultView) ctx.addEventListener(doc.defaultView, 'pagehide', () => onPageHide(coach), { capture: true });
  const unwatch = safe(
    () => coach.deps.watchSettings((resolved) => applySettings(coach, resolved)),
    () => undefined,
  );
  ctx.onInvalidated(() => {
    unwatch();
    stop();
  });
  observer.observe(host.watchRoot?.(doc) ?? doc.body, { childList: true, subtree: true });
  // Windows already open when the script starts (gmail.js #720).
  scan(coach);

  void coach.deps
    .loadSettings()
    .catch((): ResolvedSettings => ({ values: DEFAULT_SETTINGS, locked: [], problems: [] }))
    .then((resolved) => {
      if (alive(coach)) applySettings(coach, resolved);
    });

  return {
    get sessionCount() {
      return coach.sessions.size;
    },
    scan: () => scan(coach),
    stop,
  };
}
