/**
 * The ledger events a compose window produces (nudge shown, accepted, dismissed; call logged; email
 * sent), each with the key that decides whether it counts once or every time.
 */
import type { CallNotes, ContactRef, DismissAction, NudgeAction } from '../messages';
import type { RuleId } from '../settings/schema';
import { record } from './background';
import type { CoachRuntime } from './runtime';
import type { Session } from './session';

/** Once per draft, level and set of reasons. */
export function recordShown(
  coach: CoachRuntime,
  session: Session,
  level: 'suggest' | 'strong',
  reasons: RuleId[],
): void {
  const { host, deps } = coach;
  const key = `nudge_shown:${host.id}:${session.win.draftId}:${level}:${reasons.join(',')}`;
  if (session.shownKeys.has(key)) return;
  session.shownKeys.add(key);
  record(coach, {
    type: 'nudge_shown',
    key,
    at: deps.now(),
    host: host.id,
    recipients: session.recipients,
    level,
    reasons,
  });
}

export function recordAccepted(coach: CoachRuntime, session: Session, action: NudgeAction): void {
  const { host, deps } = coach;
  record(coach, {
    type: 'nudge_accepted',
    key: `nudge_accepted:${host.id}:${session.win.draftId}:${action}:${deps.now()}`,
    at: deps.now(),
    host: host.id,
    recipients: session.recipients,
    action,
    reasons: session.shown?.reasons ?? [],
  });
}

export function recordDismissed(coach: CoachRuntime, session: Session, action: DismissAction, reasons: RuleId[]): void {
  const { host, deps } = coach;
  record(coach, {
    type: 'nudge_dismissed',
    key: `nudge_dismissed:${host.id}:${session.win.draftId}:${action}:${reasons.join(',')}`,
    at: deps.now(),
    host: host.id,
    recipients: session.recipients,
    action,
    reasons,
  });
}

export function recordCall(coach: CoachRuntime, contact: ContactRef, notes: CallNotes, source: 'nudge' | 'tel'): void {
  const { host, deps } = coach;
  const at = deps.now();
  record(coach, {
    type: 'call_logged',
    key: `call_logged:${host.id}:${source}:${at}:${Math.random()}`,
    at,
    host: host.id,
    contact,
    notes,
    source,
  });
}

/** Once per draft. */
export function recordSent(coach: CoachRuntime, session: Session): void {
  const { host, deps } = coach;
  record(coach, {
    type: 'email_sent',
    key: `email_sent:${host.id}:${session.win.draftId}`,
    at: deps.now(),
    host: host.id,
    recipients: session.recipients,
    level: session.shown?.level ?? 'none',
    reasons: session.shown?.reasons ?? [],
  });
}
