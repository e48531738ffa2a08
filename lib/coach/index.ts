/**
 * The coach: host-agnostic content-script logic shared by every mail site. It finds compose windows
 * through a ComposeHost, has each draft analysed (by the extension's background) ~250 ms after the rep
 * stops typing, shows or hides the nudge, and reports sends and nudge events to the background. It never changes a draft without a
 * click, never blocks or delays Send, never moves focus by itself, and steps aside quietly (with a
 * diagnostic) when the page changes or the extension is updated under it.
 *
 * A mail site plugs in from its content script: `startCoach(ctx, host)` (see entrypoints/gmail.content.ts;
 * the content script keeps `cssInjectionMode: 'ui'`, so no stylesheet of ours ever reaches the mail page:
 * mount.tsx puts the nudge's CSS into its own shadow root). The shape:
 *   coach.ts     the page: windows found, page listeners, settings, priming, the lifetime
 *   session.ts   one compose window: read, analyse, present, the nudge's actions, send evidence, close
 *   extension.ts every extension API call (messages, records, diagnostics, settings), silent once the context is gone
 *   deps.ts      what comes from outside (analysis, messages, settings, mount, clock), replaceable in tests
 *   view.ts, records.ts, contact.ts, send.ts, edit.ts  pure pieces; mount.tsx the nudge's shadow root
 */
import type { ComposeHost } from '../hosts/types';
import { Coach } from './coach';
import { type CoachContext, type CoachDeps, DEFAULT_DEPS } from './deps';

export type { Analyse, CoachContext, CoachDeps } from './deps';
export type { Coach } from './coach';

/** Starts the coach for one mail site on `doc`; everything stops when `ctx` is invalidated. */
export function startCoach(
  ctx: CoachContext,
  host: ComposeHost,
  options: { doc?: Document; deps?: Partial<CoachDeps> } = {},
): Coach {
  const coach = new Coach(ctx, host, options.doc ?? document, { ...DEFAULT_DEPS, ...options.deps });
  coach.start();
  return coach;
}
