/**
 * overdue — the ledger says this contact has not heard the rep's voice for too long (the in-page
 * coach supplies `contact`). It raises the level to at least 'suggest'.
 * Source: docs/research.md — leaders should know when a top client was last spoken to; "once a day,
 * instead of emailing a valued client, call".
 */
import type { ContactHistory, Finding } from '../types';

export function detectOverdue(contact: ContactHistory | undefined, name: string | undefined): Finding | undefined {
  if (!contact?.overdue) return undefined;
  const who = name ?? 'this contact';
  const since = contact.lastCallDaysAgo === undefined ? ' for a while' : ` in ${contact.lastCallDaysAgo} days`;
  const emails = contact.emailsSinceLastCall ? `; ${contact.emailsSinceLastCall} emails since` : '';
  return { rule: 'overdue', message: `You haven't spoken with ${who}${since}${emails}.` };
}
