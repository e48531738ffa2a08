/**
 * overdue — the ledger says this contact has not heard the rep's voice for too long (the in-page
 * coach supplies `contact`). It raises the level to at least 'suggest'.
 * Source: docs/research.md — leaders should know when a top client was last spoken to; "once a day,
 * instead of emailing a valued client, call".
 */
import type { ContactHistory, Finding } from '../types';
import type { AnalysisWording } from '../wording';

function overdueMessage(who: string | AnalysisWording, days: number | undefined, emails: number): AnalysisWording {
  const since: AnalysisWording[] = emails
    ? [{ key: 'historyEmailsSince', count: emails, substitutions: [String(emails)] }]
    : [];
  if (days === undefined)
    return { key: emails ? 'reasonOverdueEmails' : 'reasonOverdue', substitutions: [who, ...since] };
  return {
    key: emails ? 'reasonOverdueDaysEmails' : 'reasonOverdueDays',
    count: days,
    substitutions: [who, String(days), ...since],
  };
}

export function detectOverdue(contact: ContactHistory | undefined, name: string | undefined): Finding | undefined {
  if (!contact?.overdue) return undefined;
  const who: string | AnalysisWording = name ?? { key: 'reasonOverdueThisContact' };
  return { rule: 'overdue', message: overdueMessage(who, contact.lastCallDaysAgo, contact.emailsSinceLastCall ?? 0) };
}
