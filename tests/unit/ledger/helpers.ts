/**
 * Shared by the ledger, background and popup tests: real English messages for the fake browser
 * (it has no i18n), fresh fake IndexedDB per test, and a switch that makes the database fail.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DBCore, DBCoreMutateRequest, DBCoreTable } from 'dexie';
import { Ledger, type LedgerOptions } from '../../../lib/ledger/ledger';
import { LedgerDb } from '../../../lib/ledger/db';
import type { CallLogged, ContactRef, EmailSent, LedgerEvent } from '../../../lib/messages';
import { englishMessage } from '../../../scripts/english-messages';

export { englishMessage };

/** Makes `browser.i18n.getMessage` answer in English (call in beforeEach: mocks are restored after each test). */
export function useEnglishMessages(): void {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | string[]) =>
    englishMessage(key, subs === undefined ? [] : [subs].flat()),
  );
}

/** A switch that makes database writes (and, if asked, opens) fail like a full disk. */
export interface Failure {
  writes: boolean;
  opens: boolean;
  error: () => Error;
}

export function quotaError(): Error {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

/** A fresh fake IndexedDB, and databases on it that fail when `failure` says so. */
export function testDatabase(name = 'callfirst-ledger') {
  const factory = new IDBFactory();
  const failure: Failure = { writes: false, opens: false, error: quotaError };
  const failingFactory = {
    open: (...args: Parameters<IDBFactory['open']>) => {
      if (failure.opens) throw failure.error();
      return factory.open(...args);
    },
    deleteDatabase: (n: string) => factory.deleteDatabase(n),
    databases: () => factory.databases(),
    cmp: (a: unknown, b: unknown) => factory.cmp(a, b),
  };
  const create = (timeZone?: string) => {
    const db = new LedgerDb(name, { indexedDB: failingFactory, IDBKeyRange, timeZone: () => timeZone });
    db.use({
      stack: 'dbcore',
      name: 'test-failures',
      create: (down: DBCore): DBCore => ({
        ...down,
        table(tableName: string): DBCoreTable {
          const table = down.table(tableName);
          return {
            ...table,
            mutate: (req: DBCoreMutateRequest) =>
              failure.writes ? Promise.reject(failure.error()) : table.mutate(req),
          };
        },
      }),
    });
    return db;
  };
  return { factory, failure, create, IDBKeyRange };
}

/**
 * Makes ledgers on a test database at a fixed zone and time (retries a minute apart, so none fires
 * during a test), and closes every one after each test. Call once at the top of a test file.
 */
export function ledgerMaker(zone: string, now: number, defaults: LedgerOptions = {}) {
  let open: Ledger[] = [];
  afterEach(() => {
    open.forEach((l) => l.close());
    open = [];
  });
  return (tdb: ReturnType<typeof testDatabase>, options: LedgerOptions = {}): Ledger => {
    const ledger = new Ledger({
      createDb: () => tdb.create(zone),
      timeZone: () => zone,
      now: () => now,
      retryDelaysMs: [60_000],
      ...defaults,
      ...options,
    });
    open.push(ledger);
    return ledger;
  };
}

let seq = 0;
const T0 = Date.UTC(2026, 5, 15, 14, 0); // Monday 15 June 2026, 14:00 UTC

export function at(iso: string): number {
  return new Date(iso).getTime();
}

export function email(to: ContactRef[] | string, when: number = T0, key = `email:${++seq}`): EmailSent {
  const recipients = typeof to === 'string' ? [{ address: to }] : to;
  return { type: 'email_sent', key, at: when, host: 'gmail', recipients, level: 'none', reasons: [] };
}

export function call(who: ContactRef | string, when: number = T0, key = `call:${++seq}`, notes = {}): CallLogged {
  const contact = typeof who === 'string' ? { address: who } : who;
  return {
    type: 'call_logged',
    key,
    at: when,
    contact,
    source: 'form',
    notes: { purpose: '', discussed: '', proposed: '', nextPurpose: '', ...notes },
  };
}

export function nudge(
  type: 'nudge_shown' | 'nudge_accepted' | 'nudge_dismissed',
  when: number = T0,
  key = `${type}:${++seq}`,
): LedgerEvent {
  const recipients = [{ address: 'dana@acme.example' }];
  if (type === 'nudge_shown') return { type, key, at: when, recipients, level: 'suggest', reasons: ['checkin'] };
  if (type === 'nudge_accepted') return { type, key, at: when, recipients, action: 'call_request', reasons: [] };
  return { type, key, at: when, recipients, action: 'snooze', reasons: [] };
}

export { T0 };
