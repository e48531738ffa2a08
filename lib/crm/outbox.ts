/**
 * Sending the ledger's outbox to the CRM. Each queued call is written once:
 * - its attempt count is saved before the request, and every attempt after the first asks the
 *   CRM for a record with our key before writing, so a write whose answer was lost is not repeated;
 * - a row leaves the outbox only once the CRM has the call;
 * - busy (429/503, honouring Retry-After) or offline: the row waits with backoff and the run stops;
 * - signed out: rows wait for the next sign-in;
 * - contact not found, field not allowed, refused: the row keeps the reason and waits for the rep
 *   (Try again, Send without a contact, or Discard).
 * One run at a time (the caller makes sure).
 */
import type { CallRow, LedgerDb, OutboxRow } from '../ledger/db';
import type { CrmConnection } from './connection';
import { CrmError, type OutgoingCall } from './types';

/** Waits after failed attempts 1, 2, 3…; the last repeats. */
export const OUTBOX_BACKOFF_MS = [30_000, 120_000, 600_000, 1_800_000, 3_600_000];

export function backoffMs(attempts: number): number {
  return OUTBOX_BACKOFF_MS[Math.min(Math.max(attempts, 1), OUTBOX_BACKOFF_MS.length) - 1]!;
}

export interface OutboxRun {
  sent: number;
  /** When the earliest waiting row is due (undefined: nothing waits on a timer). */
  nextAt?: number;
  /** Set when the run stopped on a problem that is not any one call's. */
  stoppedBy?: CrmError;
}

/** The call as it goes out: notes only when the policy allows them. */
export function outgoingCall(call: CallRow, sendNotes: boolean): OutgoingCall {
  const out: OutgoingCall = { key: call.key, at: call.at, day: call.day, contact: { ...call.contact } };
  if (sendNotes) out.notes = { ...call.notes };
  return out;
}

export interface SendOptions {
  /** Also try rows waiting after no answer at all (the rep opened the popup: maybe back online). */
  retryOffline?: boolean;
}

export async function sendOutbox(
  db: LedgerDb,
  connection: CrmConnection,
  now: () => number = Date.now,
  options: SendOptions = {},
): Promise<OutboxRun> {
  const { provider, config } = connection;
  const waiting = await db.outbox.where('nextAt').below(Infinity).sortBy('queuedAt');
  const due = waiting.filter((row) => row.nextAt <= now() || (options.retryOffline && row.offline));
  let sent = 0;
  for (const row of due) {
    const call = await db.calls.get(row.key);
    if (!call) {
      // Deleted from the ledger (the rep cleared it): nothing left to send.
      await db.outbox.delete(row.key);
      continue;
    }
    const attempt: OutboxRow = { ...row, attempts: row.attempts + 1 };
    delete attempt.failure;
    delete attempt.offline;
    await db.outbox.put(attempt);
    try {
      await connection.run(async (session) => {
        if (attempt.attempts > 1 && (await provider.findCall(session, row.key))) return;
        const address = call.contact.address;
        const person = address ? await provider.findPerson(session, address) : null;
        if (!person && !row.withoutContact) throw new CrmError('contact-not-found', address ?? call.contact.name ?? '');
        await provider.writeCall(session, outgoingCall(call, config.sendNotes), person);
      });
      await db.outbox.delete(row.key);
      sent++;
    } catch (err) {
      const error = err instanceof CrmError ? err : new CrmError('network', String(err));
      if (error.kind === 'contact-not-found' || error.kind === 'field-not-allowed' || error.kind === 'rejected') {
        await db.outbox.put({
          ...attempt,
          nextAt: Infinity,
          failure: { kind: error.kind, message: error.message, at: now() },
        });
        continue;
      }
      // Busy, offline or signed out: this call and the rest wait.
      const wait = Math.max(error.retryAfterMs ?? 0, backoffMs(attempt.attempts));
      await db.outbox.put({ ...attempt, nextAt: now() + wait, ...(error.kind === 'network' ? { offline: true } : {}) });
      return { sent, nextAt: await nextDue(db), stoppedBy: error };
    }
  }
  return { sent, nextAt: await nextDue(db) };
}

/** When the earliest row waiting on a timer is due. */
export async function nextDue(db: LedgerDb): Promise<number | undefined> {
  const first = await db.outbox.where('nextAt').below(Infinity).first();
  return first?.nextAt;
}

/** The rep's answer to a failed call. */
export async function settleFailure(
  db: LedgerDb,
  key: string,
  action: 'retry' | 'without-contact' | 'discard',
): Promise<void> {
  if (action === 'discard') return db.outbox.delete(key);
  await db.outbox.update(key, (row) => {
    row.nextAt = 0;
    delete row.failure;
    if (action === 'without-contact') row.withoutContact = true;
  });
}
