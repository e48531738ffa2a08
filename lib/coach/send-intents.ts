/**
 * Listening for the rep's send and discard intents (clicks, Enter/Space on Send or Discard,
 * Ctrl/Cmd+Enter) in the capture phase, before the site's own handlers, and for the page going away
 * (a pop-out closes itself after Send). send.ts decides from this evidence whether a window was sent.
 */
import { queueScan } from './scan';
import type { CoachRuntime } from './runtime';
import { safe } from './safe';
import { isActivationKey, isSendShortcut, noteDiscard, noteSendIntent, wasSent } from './send';
import { closeSession, recipientsOf, type Session } from './session';

export function onPointerIntent(coach: CoachRuntime, event: Event): void {
  const target = event.target;
  for (const session of coach.sessions.values()) {
    if (session.win.isDiscardControl(target)) noteDiscard(session, coach.deps.now());
    else if (session.win.isSendControl(target)) sendIntent(coach, session);
  }
}

export function onKeyDown(coach: CoachRuntime, event: KeyboardEvent): void {
  const target = event.target;
  if (isSendShortcut(event)) {
    for (const session of coach.sessions.values()) {
      if (target instanceof Node && session.win.root.contains(target)) sendIntent(coach, session);
    }
    return;
  }
  if (isActivationKey(event)) {
    const session = sessionFor(coach, target);
    if (!session) return;
    if (session.win.isSendControl(target)) sendIntent(coach, session);
    else noteDiscard(session, coach.deps.now());
  }
}

export function onPageHide(coach: CoachRuntime): void {
  // A pop-out window closes itself after Send: the window never "leaves" the page, the page goes.
  const blocking = safe(() => coach.host.hasBlockingDialog(coach.doc), false);
  for (const session of [...coach.sessions.values()]) {
    if (wasSent(session, coach.deps.now(), blocking)) closeSession(coach, session, true);
  }
}

/** The session whose Send or Discard control `target` is. */
function sessionFor(coach: CoachRuntime, target: EventTarget | null): Session | undefined {
  for (const session of coach.sessions.values()) {
    if (session.win.isSendControl(target) || session.win.isDiscardControl(target)) return session;
  }
  return undefined;
}

function sendIntent(coach: CoachRuntime, session: Session): void {
  // Read recipients now, while the window is certainly still there.
  session.recipients = recipientsOf(session);
  noteSendIntent(session, coach.deps.now());
  queueScan(coach);
}
