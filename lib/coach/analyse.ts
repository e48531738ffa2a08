/**
 * Analysing one compose window's draft: read it (own words, subject, thread size, recipients), add
 * what the ledger knows about the first recipient (asked for once per set of recipients), run the
 * analysis unless the input is unchanged, and hand the result to the nudge.
 */
import type { AnalysisInput } from '../analysis';
import type { ContactRef } from '../messages';
import { diagnose, request } from './background';
import { addressesOf, primaryHistory, toAnalysisContact } from './contact';
import { present } from './nudge';
import { alive, type CoachRuntime } from './runtime';
import { safe } from './safe';
import { recipientsOf, type Session } from './session';

export function analyse(coach: CoachRuntime, session: Session): void {
  const { deps, settings } = coach;
  if (!alive(coach) || !coach.enabled || !coach.settingsKnown) return;
  const { win } = session;
  if (!win.root.isConnected) return;
  let text: string;
  let recipients: ContactRef[];
  try {
    text = win.readOwnText();
    recipients = recipientsOf(session);
  } catch (error) {
    diagnose(coach, { lastProblem: `reading a draft failed: ${String(error)}`, lastProblemAt: deps.now() });
    return;
  }
  session.recipients = recipients;
  refreshHistory(coach, session, recipients);
  const now = deps.now();
  const history = primaryHistory(recipients, session.histories);
  const input: AnalysisInput = {
    body: text,
    subject: safe(() => win.readSubject(), ''),
    threadMessages: safe(() => win.readThreadSize(), 0) + 1,
    recipients,
    settings,
  };
  if (settings.rules.overdue && history) input.contact = toAnalysisContact(history, now, settings.overdueDays);
  const key = JSON.stringify([input.body, input.subject, input.threadMessages, recipients, input.contact]);
  if (key === session.analysedKey && session.analysis) {
    present(coach, session, history);
    return;
  }
  try {
    const started = performance.now();
    session.analysis = deps.analyze(input);
    session.analysedKey = key;
    // A user-timing entry (no text in it) so long tasks can be attributed to CallFirst when profiling.
    performance.measure('callfirst:analyse', { start: started, end: performance.now() });
  } catch (error) {
    diagnose(coach, { lastProblem: `analysis failed: ${String(error)}`, lastProblemAt: now });
    return;
  }
  present(coach, session, history);
}

/** Asks the ledger about the recipients when they change; the answer re-analyses the draft. */
function refreshHistory(coach: CoachRuntime, session: Session, recipients: ContactRef[]): void {
  const { settings } = coach;
  const addresses = addressesOf(recipients);
  const key = addresses.join(',');
  if (key === session.historyKey) return;
  session.historyKey = key;
  session.histories = undefined;
  if (!addresses.length || (!settings.rules.overdue && !settings.showContactHistory)) return;
  void request(coach, { type: 'contact_history', addresses }).then((answer) => {
    if (!Array.isArray(answer) || session.historyKey !== key || !coach.sessions.has(session.win.root)) return;
    session.histories = answer;
    analyse(coach, session);
  });
}
