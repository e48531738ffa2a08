/**
 * Showing a compose window's analysis: whether the nudge is visible (a nudge with findings, not quiet,
 * snoozed or muted), the view it shows (findings, opener, history line, a phone number to call), and
 * mounting it beside the window the first time it is needed. The newest view always wins.
 */
import type { ContentScriptContext } from '#imports';
import { telHref } from '../hosts/dom';
import type { ContactHistory, ContactRef } from '../messages';
import { actionsFor } from './actions';
import { diagnose } from './background';
import { historyLine } from './contact';
import type { NudgeView } from './mount';
import { recordShown } from './records';
import { alive, type CoachRuntime } from './runtime';
import { safe } from './safe';
import type { Session } from './session';

export function present(coach: CoachRuntime, session: Session, history: ContactHistory | undefined): void {
  const { settings, deps } = coach;
  const analysis = session.analysis;
  const visible =
    !!analysis?.nudge &&
    analysis.level !== 'none' &&
    analysis.findings.length > 0 &&
    !settings.quietMode &&
    !session.snoozed &&
    !isMuted(coach, session.recipients);
  if (!visible) {
    session.shown = null;
    session.ui?.update(null);
    return;
  }
  const level = analysis.level === 'strong' ? 'strong' : 'suggest';
  const reasons = analysis.findings.map((f) => f.rule);
  const wasHidden = !session.shown;
  session.shown = { level, reasons };
  if (wasHidden) session.appearances++;
  recordShown(coach, session, level, reasons);
  const phones = safe(() => session.win.readVisiblePhoneNumbers(), []);
  const phone = phones[0];
  const checkin = analysis.findings.find((f) => f.rule === 'checkin' && f.evidence?.length);
  const view: NudgeView = {
    reasons,
    model: {
      level,
      findings: analysis.findings.map(({ rule, message }) => ({ rule, message })),
      opener: analysis.opener,
      historyLine: settings.showContactHistory ? historyLine(history, deps.now()) : undefined,
      phone: phone ? { display: phone, href: telHref(phone) } : undefined,
      canUseOpener: !!checkin,
      canMuteContact: !!session.recipients[0]?.address,
      announceKey: `${session.win.draftId}:${session.appearances}`,
    },
    actions: actionsFor(coach, session),
  };
  void showView(coach, session, view);
}

function isMuted(coach: CoachRuntime, recipients: readonly ContactRef[]): boolean {
  const muted = new Set(coach.settings.mutedContacts.map((a) => a.toLowerCase()));
  return recipients.some((r) => !!r.address && muted.has(r.address.toLowerCase()));
}

async function showView(coach: CoachRuntime, session: Session, view: NudgeView): Promise<void> {
  const { deps } = coach;
  if (session.ui && !session.ui.connected) {
    session.ui.remove();
    session.ui = undefined;
  }
  if (session.ui === undefined) {
    if (!session.mounting) {
      session.mounting = deps
        .mountNudge(coach.ctx as ContentScriptContext, session.win)
        .then((ui) => {
          if (!coach.sessions.has(session.win.root) || !alive(coach)) {
            ui?.remove();
            return;
          }
          session.ui = ui;
          if (!ui) {
            diagnose(coach, {
              lastProblem: 'no place for the nudge beside a compose toolbar',
              lastProblemAt: deps.now(),
            });
          }
        })
        .catch(() => {
          session.ui = null;
        })
        .finally(() => {
          session.mounting = undefined;
        });
    }
    await session.mounting;
  }
  // The newest view wins: analysis may have moved on while the UI was mounting.
  session.ui?.update(session.shown ? view : null);
}
