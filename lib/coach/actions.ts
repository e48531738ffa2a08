/**
 * What the nudge's buttons do for one compose window: edit the draft (ask for a call, use the opener)
 * only on a click, log a call, snooze, mute the contact or turn a rule off (saved to the rep's
 * settings). Each records what the rep chose. Hiding the nudge goes back through `present`, turning a
 * rule off re-analyses every open window.
 */
import type { ContactRef } from '../messages';
import { analyse } from './analyse';
import { replaceOwnText, replaceSentence } from './edit';
import type { NudgeView } from './mount';
import { present } from './nudge';
import { recordAccepted, recordCall, recordDismissed } from './records';
import type { CoachRuntime } from './runtime';
import type { Session } from './session';

export function actionsFor(coach: CoachRuntime, session: Session): NudgeView['actions'] {
  const { deps } = coach;
  const contact = (): ContactRef => session.recipients[0] ?? {};
  return {
    askForCall() {
      const text = session.analysis?.callRequest;
      if (text && replaceOwnText(session.win, text)) recordAccepted(coach, session, 'call_request');
    },
    useOpener() {
      const analysis = session.analysis;
      const evidence = analysis?.findings.find((f) => f.rule === 'checkin')?.evidence ?? [];
      if (!analysis) return;
      if (evidence.some((e) => replaceSentence(session.win, e, analysis.opener))) {
        recordAccepted(coach, session, 'opener');
      }
    },
    callNow() {
      recordAccepted(coach, session, 'call_now');
      recordCall(
        coach,
        contact(),
        { purpose: session.analysis?.opener ?? '', discussed: '', proposed: '', nextPurpose: '' },
        'tel',
      );
    },
    logCall(notes) {
      recordAccepted(coach, session, 'log_call');
      recordCall(coach, contact(), notes, 'nudge');
    },
    snooze() {
      session.snoozed = true;
      recordDismissed(coach, session, 'snooze', session.shown?.reasons ?? []);
      present(coach, session, undefined);
    },
    muteContact() {
      const address = session.recipients[0]?.address?.toLowerCase();
      if (!address) return;
      recordDismissed(coach, session, 'mute_contact', session.shown?.reasons ?? []);
      const mutedContacts = [...new Set([...coach.settings.mutedContacts, address])];
      coach.settings = { ...coach.settings, mutedContacts };
      present(coach, session, undefined);
      void deps.updateUserSettings({ mutedContacts }).catch(() => undefined);
    },
    ruleOff(rule) {
      recordDismissed(coach, session, 'rule_off', [rule]);
      const rules = { ...coach.settings.rules, [rule]: false };
      coach.settings = { ...coach.settings, rules };
      for (const s of coach.sessions.values()) {
        s.analysedKey = undefined;
        analyse(coach, s);
      }
      void deps.updateUserSettings({ rules }).catch(() => undefined);
    },
  };
}
