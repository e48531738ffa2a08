/**
 * The ledger events a compose window produces (nudge shown, accepted, dismissed; call logged; email
 * sent), each with the key that decides whether it counts once or every time. Pure: the session
 * hands them to the extension link.
 */
import type {
  CallLogged,
  CallNotes,
  ContactRef,
  DismissAction,
  EmailSent,
  NudgeAccepted,
  NudgeAction,
  NudgeDismissed,
  NudgeShown,
} from '../messages';
import type { RuleId, SiteId } from '../settings/schema';

/** Who and where an event is about: the site, the draft, its recipients and the time. */
export interface DraftFacts {
  host: SiteId;
  draftId: string;
  recipients: ContactRef[];
  at: number;
}

/** Once per draft, level and set of reasons. */
export function nudgeShown(d: DraftFacts, level: 'suggest' | 'strong', reasons: RuleId[]): NudgeShown {
  const key = `nudge_shown:${d.host}:${d.draftId}:${level}:${reasons.join(',')}`;
  return { type: 'nudge_shown', key, at: d.at, host: d.host, recipients: d.recipients, level, reasons };
}

/** Every time. */
export function nudgeAccepted(d: DraftFacts, action: NudgeAction, reasons: RuleId[]): NudgeAccepted {
  const key = `nudge_accepted:${d.host}:${d.draftId}:${action}:${d.at}`;
  return { type: 'nudge_accepted', key, at: d.at, host: d.host, recipients: d.recipients, action, reasons };
}

/** Once per draft, action and reasons. */
export function nudgeDismissed(d: DraftFacts, action: DismissAction, reasons: RuleId[]): NudgeDismissed {
  const key = `nudge_dismissed:${d.host}:${d.draftId}:${action}:${reasons.join(',')}`;
  return { type: 'nudge_dismissed', key, at: d.at, host: d.host, recipients: d.recipients, action, reasons };
}

/** Every time. */
export function callLogged(
  host: SiteId,
  at: number,
  contact: ContactRef,
  notes: CallNotes,
  source: 'nudge' | 'tel',
): CallLogged {
  const key = `call_logged:${host}:${source}:${at}:${Math.random()}`;
  return { type: 'call_logged', key, at, host, contact, notes, source };
}

/** Once per draft. */
export function emailSent(d: DraftFacts, shown: { level: 'suggest' | 'strong'; reasons: RuleId[] } | null): EmailSent {
  const key = `email_sent:${d.host}:${d.draftId}`;
  const level = shown?.level ?? 'none';
  return {
    type: 'email_sent',
    key,
    at: d.at,
    host: d.host,
    recipients: d.recipients,
    level,
    reasons: shown?.reasons ?? [],
  };
}
