/**
 * From the ledger's answer about the people on a draft to what the analysis and the nudge need:
 * the analysis's `contact` signal (overdue, days since the last call, emails since, the next purpose
 * noted at the last call, the last overdue-only nudge), the history line ("Last call: 41 days ago ·
 * 6 emails since") and the last call's notes in one line.
 */
import type { ContactHistory as AnalysisContact } from '../analysis';
import { describeContactHistory, describeLastCall, isOverdue } from '../contact-history';
import type { ContactHistory, ContactRef } from '../messages';

const DAY_MS = 86_400_000;

/** Addresses of a draft's recipients, lower case, To first; the key that decides when to ask the ledger again. */
export function addressesOf(recipients: readonly ContactRef[]): string[] {
  return recipients.flatMap((r) => (r.address ? [r.address.toLowerCase()] : []));
}

/** The history of the first recipient the ledger knows, or undefined. */
export function primaryHistory(
  recipients: readonly ContactRef[],
  histories: readonly ContactHistory[] | undefined,
): ContactHistory | undefined {
  if (!histories?.length) return undefined;
  for (const address of addressesOf(recipients)) {
    const found = histories.find((h) => h.address.toLowerCase() === address);
    if (found) return found;
  }
  return undefined;
}

/**
 * The analysis's view of the contact. `ownOverdueNudge`: this draft already shows the overdue-only
 * nudge the ledger remembers, so it is not hidden again by its own record.
 */
export function toAnalysisContact(
  history: ContactHistory,
  now: number,
  overdueDays: number,
  ownOverdueNudge = false,
): AnalysisContact {
  const contact: AnalysisContact = {
    overdue: isOverdue(history, now, { overdueDays }),
    emailsSinceLastCall: history.emailsSinceLastCall,
  };
  if (history.lastCallAt !== undefined) contact.lastCallDaysAgo = Math.floor((now - history.lastCallAt) / DAY_MS);
  if (history.lastCall?.nextPurpose) contact.nextPurpose = history.lastCall.nextPurpose;
  if (history.lastOverdueOnlyNudgeAt !== undefined && !ownOverdueNudge) {
    contact.lastOverdueNudgeDaysAgo = (now - history.lastOverdueOnlyNudgeAt) / DAY_MS;
  }
  return contact;
}

/**
 * "Last call 12 days ago · Discussed: … · Proposed: …", when the ledger (or a CRM) knows the last call
 * and it adds something to the history line: notes, or the teammate who made it.
 */
export function lastCallLine(history: ContactHistory | undefined, now: number): string | undefined {
  const call = history?.lastCall;
  if (!call || ![call.discussed, call.proposed, call.by].some((part) => part?.trim())) return undefined;
  try {
    return describeLastCall(call, now) || undefined;
  } catch {
    return undefined;
  }
}

export function historyLine(history: ContactHistory | undefined, now: number): string | undefined {
  if (!history) return undefined;
  // Who made the last call is said once, on the last-call line below it.
  const { lastCall: _sayBelow, ...counts } = history;
  try {
    return describeContactHistory(counts, now) || undefined;
  } catch {
    return undefined;
  }
}
