/**
 * Reading the rep's calls from the CRM into the ledger, as call events of source `crm` written
 * through the ledger's normal path (so every count, the badge, the streak and the chart include
 * them). A call CallFirst itself wrote carries our key, and is recorded under that key: the
 * ledger already has it, so it is not counted twice. Other calls are keyed `crm:<record id>`.
 */
import type { CallLogged, RecordOutcome } from '../messages';
import type { CrmConnection } from './connection';
import type { CrmCall } from './types';

/** How far back a first sync reads, and the overlap kept with the previous one. */
export const SYNC_WINDOW_MS = 30 * 86_400_000;
export const SYNC_OVERLAP_MS = 3_600_000;

export function callEvent(call: CrmCall): CallLogged {
  return {
    type: 'call_logged',
    key: call.ourKey ?? `crm:${call.id}`,
    at: call.at,
    contact: { ...call.contact },
    notes: { purpose: '', discussed: '', proposed: '', nextPurpose: '' },
    source: 'crm',
  };
}

export interface Recorder {
  record(event: CallLogged): Promise<RecordOutcome>;
}

/** Reads calls changed since the last sync (or the last 30 days) and records them; returns how many were new. */
export async function pullCalls(
  connection: CrmConnection,
  ledger: Recorder,
  now: () => number = Date.now,
): Promise<number> {
  const { lastSyncAt } = await connection.status();
  const startedAt = now();
  const since = Math.max(startedAt - SYNC_WINDOW_MS, (lastSyncAt ?? 0) - SYNC_OVERLAP_MS);
  const calls = await connection.run((session) => connection.provider.readCalls(session, since));
  const outcomes = await Promise.all(
    calls.filter((c) => Number.isFinite(c.at)).map((c) => ledger.record(callEvent(c))),
  );
  await connection.noteSync(startedAt);
  return outcomes.filter((o) => o === 'saved' || o === 'kept_in_memory').length;
}
