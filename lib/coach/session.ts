/**
 * A session: what the coach keeps for one open compose window (its latest analysis, what the nudge
 * shows, send evidence, the contact history asked for) and how one opens and closes. Any edit in the
 * window re-analyses the draft once the rep pauses; closing after a send records the email.
 */
import type { Analysis } from '../analysis';
import type { ComposeWindow } from '../hosts/types';
import type { ContactHistory, ContactRef } from '../messages';
import type { RuleId } from '../settings/schema';
import { analyse } from './analyse';
import type { NudgeHandle } from './mount';
import { recordSent } from './records';
import type { CoachRuntime } from './runtime';
import type { SendState } from './send';

/** Pause after the last keystroke before the draft is analysed. */
const ANALYSIS_DELAY_MS = 400;

export interface Session extends SendState {
  win: ComposeWindow;
  abort: AbortController;
  timer?: number;
  analysis?: Analysis;
  /** The input the current analysis was made from, so an unchanged draft is not analysed again. */
  analysedKey?: string;
  /** The recipients and visible level/reasons as of the last analysis (read while the window was there). */
  recipients: ContactRef[];
  shown: { level: 'suggest' | 'strong'; reasons: RuleId[] } | null;
  shownKeys: Set<string>;
  snoozed: boolean;
  historyKey?: string;
  histories?: ContactHistory[];
  ui?: NudgeHandle | null;
  mounting?: Promise<void>;
  appearances: number;
}

export function openSession(coach: CoachRuntime, win: ComposeWindow): void {
  const abort = new AbortController();
  const session: Session = {
    win,
    abort,
    recipients: [],
    shown: null,
    shownKeys: new Set(),
    snoozed: false,
    appearances: 0,
  };
  coach.sessions.set(win.root, session);
  coach.windowsFound++;
  // Any edit in the window (body, subject, recipients) re-analyses after a pause. Cheap: one timer reset.
  win.root.addEventListener('input', () => scheduleAnalysis(coach, session), {
    capture: true,
    passive: true,
    signal: abort.signal,
  });
  scheduleAnalysis(coach, session);
}

export function closeSession(coach: CoachRuntime, session: Session, sent: boolean): void {
  coach.sessions.delete(session.win.root);
  session.abort.abort();
  if (session.timer !== undefined) clearTimeout(session.timer);
  session.ui?.remove();
  session.ui = null;
  if (sent) recordSent(coach, session);
}

function scheduleAnalysis(coach: CoachRuntime, session: Session): void {
  if (session.timer !== undefined) clearTimeout(session.timer);
  session.timer = coach.ctx.setTimeout(() => {
    session.timer = undefined;
    analyse(coach, session);
  }, ANALYSIS_DELAY_MS);
}

/** The window's recipients now, or as last read if the window can no longer be read. */
export function recipientsOf(session: Session): ContactRef[] {
  try {
    return session.win.readRecipients();
  } catch {
    return session.recipients;
  }
}
