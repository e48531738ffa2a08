/**
 * The popup's data: live Dexie queries (the background writes, Dexie tells every extension page of
 * the same origin through its BroadcastChannel), settings, the background's in-memory events,
 * and "today", which turns at local midnight while the popup stays open.
 *
 * Dexie arrives by dynamic import (./ledger-access): nothing here loads it up front.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { localDay, msUntilNextDay, type Day } from '../../lib/ledger/day';
import type { LedgerDb } from '../../lib/ledger/db';
import type { PendingState } from '../../lib/ledger/ledger';
import { readPendingState, watchPendingState } from '../../lib/ledger/session';
import { loadSettings, watchSettings, type ResolvedSettings } from '../../lib/settings';

type AccessModule = typeof import('./ledger-access');

let loading: Promise<AccessModule> | undefined;
/** Starts loading the database side (once). */
export function loadLedgerAccess(): Promise<AccessModule> {
  loading ??= import('./ledger-access');
  return loading;
}

export interface LedgerAccess {
  db: LedgerDb;
  liveQuery: AccessModule['liveQuery'];
  classifyStorageError: AccessModule['classifyStorageError'];
}

/** However long `after` takes, Dexie starts loading by then (a stuck read must not stop the popup). */
const AFTER_AT_MOST_MS = 1_000;

/**
 * The ledger connection (`db`, or the popup's own) once Dexie has loaded, which starts once `after`
 * settles (or AFTER_AT_MOST_MS has passed).
 */
export function useLedgerAccess(db?: LedgerDb, after?: Promise<unknown>): LedgerAccess | undefined {
  const [access, setAccess] = useState<LedgerAccess>();
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waited = new Promise<void>((resolve) => {
      if (!after) return resolve();
      timer = setTimeout(resolve, AFTER_AT_MOST_MS);
      after.then(
        () => resolve(),
        () => resolve(),
      );
    });
    void waited
      .then(() => clearTimeout(timer))
      .then(loadLedgerAccess)
      .then(
        (m) =>
          live &&
          setAccess({ db: db ?? m.popupDb(), liveQuery: m.liveQuery, classifyStorageError: m.classifyStorageError }),
      );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [db]);
  return access;
}

export interface Live<T> {
  value?: T;
  error?: unknown;
}

/**
 * Subscribes to a Dexie live query while mounted and `access` is given (the ledger has loaded and
 * the caller is ready to ask); re-subscribes when `deps` change.
 */
export function useLive<T>(
  access: LedgerAccess | undefined,
  query: (access: LedgerAccess) => Promise<T>,
  deps: unknown[],
): Live<T> {
  const [state, setState] = useState<Live<T>>({});
  const queryRef = useRef(query);
  queryRef.current = query;
  useEffect(() => {
    if (!access) return;
    const subscription = access
      .liveQuery(() => queryRef.current(access))
      .subscribe({
        next: (value) => setState({ value }),
        error: (error: unknown) => setState((s) => ({ ...s, error })),
      });
    return () => subscription.unsubscribe();
  }, [access, ...deps]);
  return state;
}

/** Settings as resolved (defaults < rep < policy), kept live; undefined until first loaded. */
export function useResolvedSettings(): ResolvedSettings | undefined {
  const [settings, setSettings] = useState<ResolvedSettings>();
  useEffect(() => {
    let live = true;
    const stop = watchSettings((s) => live && setSettings(s));
    loadSettings().then(
      (loaded) => live && setSettings((current) => current ?? loaded),
      () => undefined,
    );
    return () => {
      live = false;
      stop();
    };
  }, []);
  return settings;
}

/** What the background holds in memory because storage failed (undefined when all is saved). */
export function usePendingState(): PendingState | undefined {
  const [state, setState] = useState<PendingState>();
  useEffect(() => {
    let live = true;
    const stop = watchPendingState((s) => live && setState(s));
    void readPendingState().then((s) => live && setState((current) => current ?? s));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return state;
}

/** Today's local day, updated when the day turns. */
export function useToday(now: () => number, timeZone?: string): Day {
  const [today, setToday] = useState(() => localDay(now(), timeZone));
  useEffect(() => {
    const timer = setTimeout(() => setToday(localDay(now(), timeZone)), msUntilNextDay(now(), timeZone) + 50);
    return () => clearTimeout(timer);
  }, [today, now, timeZone]);
  return today;
}
