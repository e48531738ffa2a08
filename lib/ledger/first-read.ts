/**
 * The ledger read straight from IndexedDB, without Dexie, for the popup's opening
 * (components/popup/first-paint.tsx), which runs before any library has loaded: a `LedgerReader`
 * (./reader.ts) over one read-only transaction, so the popup's queries run unchanged. It never
 * creates, upgrades or holds up the database: no ledger yet, an old schema, an error or an open
 * slower than `timeoutMs` all give undefined, and the popup then waits for its Dexie queries.
 */
import type { Day } from './day';
import type { ContactRow, CallRow } from './db';
import type { LedgerReader } from './reader';
import type { TotalsRow } from './totals';

/** Here rather than in ./db.ts so this reader loads no Dexie; db.ts names its database with it. */
export const LEDGER_DB_NAME = 'callfirst-ledger';

export interface FirstReadOptions {
  indexedDB?: IDBFactory;
  name?: string;
  timeoutMs?: number;
}

/** Opens the ledger to read it, or gives undefined (see above). Close it once the reads are started. */
export function openLedgerToRead(options: FirstReadOptions = {}): Promise<IDBDatabase | undefined> {
  const { indexedDB = globalThis.indexedDB, name = LEDGER_DB_NAME, timeoutMs = 100 } = options;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (db?: IDBDatabase) => {
      clearTimeout(timer);
      if (settled) return db?.close();
      settled = true;
      resolve(db);
    };
    const timer = setTimeout(finish, timeoutMs);
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name);
    } catch {
      finish();
      return;
    }
    // No ledger yet: aborting the upgrade leaves no empty database behind for Dexie to find.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => finish();
    request.onsuccess = () => {
      const db = request.result;
      // Dexie upgrading the schema (a new version): step aside at once.
      db.onversionchange = () => db.close();
      finish(db);
    };
  });
}

/** The stores the popup reads. */
export type ReadStore = 'totals' | 'contacts' | 'calls' | 'events';

/**
 * A reader over one read-only transaction of `stores` (undefined for a schema without them, from
 * before the daily totals). Issue its first reads in the task that made it, as IndexedDB requires.
 */
export function plainReader(db: IDBDatabase, stores: ReadStore[]): LedgerReader | undefined {
  let tx: IDBTransaction;
  try {
    tx = db.transaction(stores, 'readonly');
  } catch {
    return undefined;
  }
  const store = (name: ReadStore) => tx.objectStore(name);
  return {
    totalsOf: (day) => result<TotalsRow | undefined>(store('totals').get(day)),
    totalsBetween: (from, to) => result<TotalsRow[]>(store('totals').getAll(IDBKeyRange.bound(from, to))),
    firstDay: async () => (await result<IDBValidKey[]>(store('totals').getAllKeys(null, 1)))[0] as Day | undefined,
    contactsEmailedSince: (at) =>
      result<ContactRow[]>(store('contacts').index('lastEmailAt').getAll(IDBKeyRange.lowerBound(at))),
    callsAt: async (instants) =>
      (await Promise.all(instants.map((at) => result<CallRow[]>(store('calls').index('at').getAll(at))))).flat(),
    eventsStored: (keys) =>
      Promise.all(keys.map(async (key) => (await result(store('events').getKey(key))) !== undefined)),
  };
}

function result<T>(request: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result as T);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB read failed'));
  });
}
