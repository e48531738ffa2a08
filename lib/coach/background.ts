/**
 * Talking to the background: requests, ledger records and diagnostics. Fire and forget, never
 * throwing into the page, and silent once the extension context is gone. Records wait for settings
 * (the rep may have turned the site off) and each record key is sent once.
 */
import type { SiteDiagnostics } from '../diagnostics';
import type { LedgerEvent, Request, ResponseOf } from '../messages';
import { alive, type CoachRuntime } from './runtime';

export function request<R extends Request>(coach: CoachRuntime, req: R): Promise<ResponseOf<R> | undefined> {
  if (!alive(coach)) return Promise.resolve(undefined);
  try {
    return coach.deps.send(req).then(
      (answer) => answer,
      () => undefined,
    );
  } catch {
    return Promise.resolve(undefined);
  }
}

export function record(coach: CoachRuntime, event: LedgerEvent): void {
  if (!coach.settingsKnown) {
    coach.heldRecords.push(event);
    return;
  }
  if (!coach.enabled || coach.recordedKeys.has(event.key)) return;
  coach.recordedKeys.add(event.key);
  void request(coach, { type: 'record', event });
}

export function diagnose(coach: CoachRuntime, update: Partial<SiteDiagnostics>): void {
  if (!alive(coach)) return;
  try {
    coach.deps.reportDiagnostics(coach.host.id, update).catch(() => undefined);
  } catch {
    /* context gone */
  }
}
