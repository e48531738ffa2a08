/**
 * The state one running coach shares across its modules (one per mail site and document): its
 * lifetime and dependencies, the compose windows it looks after, the settings in force, and the
 * bookkeeping that keeps scans, priming and records from happening twice.
 */
import type { ComposeHost } from '../hosts/types';
import type { LedgerEvent } from '../messages';
import { DEFAULT_SETTINGS, type Settings } from '../settings/schema';
import type { CoachContext, CoachDeps } from './deps';
import type { Session } from './session';

export interface CoachRuntime {
  readonly ctx: CoachContext;
  readonly host: ComposeHost;
  readonly doc: Document;
  readonly deps: CoachDeps;
  /** One session per compose window, keyed by the window's root element. */
  readonly sessions: Map<HTMLElement, Session>;
  settings: Settings;
  /** Until settings arrive (the first read of managed policy can take seconds), windows are tracked so no send is missed, but nothing is shown or recorded. */
  settingsKnown: boolean;
  /** Whether the settings turn the coach on for this site. */
  enabled: boolean;
  stopped: boolean;
  /** Records made before settings arrived, sent (or dropped) once they do. */
  readonly heldRecords: LedgerEvent[];
  readonly recordedKeys: Set<string>;
  readonly reportedProblems: Set<string>;
  scanQueued: boolean;
  primeQueued: boolean;
  windowsFound: number;
}

export function createRuntime(ctx: CoachContext, host: ComposeHost, doc: Document, deps: CoachDeps): CoachRuntime {
  return {
    ctx,
    host,
    doc,
    deps,
    sessions: new Map(),
    settings: DEFAULT_SETTINGS,
    settingsKnown: false,
    enabled: true,
    stopped: false,
    heldRecords: [],
    recordedKeys: new Set(),
    reportedProblems: new Set(),
    scanQueued: false,
    primeQueued: false,
    windowsFound: 0,
  };
}

/** False once the coach is stopped or the extension context is gone (e.g. after an update). */
export function alive(coach: CoachRuntime): boolean {
  return !coach.stopped && coach.ctx.isValid;
}
