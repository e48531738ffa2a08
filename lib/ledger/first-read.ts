/**
 * Today's calls and emails read straight from IndexedDB, without Dexie, for the popup's first
 * paint (components/popup/first-paint.tsx), which runs before any library has loaded. It reads the
 * one daily-totals row (./totals.ts) and closes at once. It never creates, upgrades or holds up the
 * database: no ledger yet, an old schema, an error or an open slower than `timeoutMs` all give
 * undefined, and the popup then waits for its Dexie queries as before.
 */
import type { Day } from './day';
import type { DayCounts } from './queries';
import type { TotalsRow } from './totals';

/** Here rather than in ./db.ts so this reader loads no Dexie; db.ts names its database with it. */
export const LEDGER_DB_NAME = 'callfirst-ledger';

export interface FirstReadOptions {
  indexedDB?: IDBFactory;
  name?: string;
  timeoutMs?: number;
}

export function readTodayTotals(day: Day, options: FirstReadOptions = {}): Promise<DayCounts | undefined> {
  const { indexedDB = globalThis.indexedDB, name = LEDGER_DB_NAME, timeoutMs = 100 } = options;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (counts?: DayCounts) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(counts);
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
      try {
        if (settled) return;
        const get = db.transaction('totals', 'readonly').objectStore('totals').get(day);
        get.onsuccess = () => {
          const row = get.result as TotalsRow | undefined;
          finish({ calls: row?.calls ?? 0, emails: row?.emails ?? 0 });
        };
        get.onerror = () => finish();
      } catch {
        finish(); // a schema from before the daily totals
      } finally {
        db.close(); // takes effect once the read is done
      }
    };
  });
}
