/**
 * The popup's database side: Dexie, the ledger connection and its live queries. Loaded on its
 * own (a dynamic import, started as the popup's script runs) so the first paint never waits for
 * the database library: it shows the last dashboard and the background's count of today meanwhile.
 */
import { liveQuery } from 'dexie';
import { LedgerDb } from '../../lib/ledger/db';

export { liveQuery };
export { classifyStorageError } from '../../lib/ledger/ledger';

let shared: LedgerDb | undefined;
/** The popup's connection to the ledger (same origin as the background's), opened on first use. */
export function popupDb(): LedgerDb {
  shared ??= new LedgerDb();
  return shared;
}
