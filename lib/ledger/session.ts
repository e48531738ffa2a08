/**
 * Where the background keeps events it could not save (and why), outside IndexedDB:
 * `storage.session` lives in memory until the browser closes and survives the service worker
 * stopping. Extension pages read it too, so the popup shows those counts and the reason without
 * waking the background. If storage.session itself fails, a module variable stands in.
 */
import { browser } from 'wxt/browser';
import type { PendingState, PendingStore } from './ledger';

export const PENDING_STATE_KEY = 'ledgerPending';

function sessionArea() {
  return (browser.storage as { session?: typeof browser.storage.local } | undefined)?.session;
}

export function sessionPendingStore(): PendingStore {
  let fallback: PendingState | undefined;
  return {
    async load() {
      try {
        const got = await sessionArea()?.get(PENDING_STATE_KEY);
        return (got?.[PENDING_STATE_KEY] as PendingState | undefined) ?? fallback;
      } catch {
        return fallback;
      }
    },
    async save(state) {
      fallback = state;
      const area = sessionArea();
      if (!area) return;
      if (state.status.persistent && !state.events.length) await area.remove(PENDING_STATE_KEY);
      else await area.set({ [PENDING_STATE_KEY]: state });
    },
  };
}

/** What the background holds in memory now (nothing when storage works). */
export async function readPendingState(): Promise<PendingState | undefined> {
  try {
    const got = await sessionArea()?.get(PENDING_STATE_KEY);
    return got?.[PENDING_STATE_KEY] as PendingState | undefined;
  } catch {
    return undefined;
  }
}

export function watchPendingState(onChange: (state: PendingState | undefined) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && PENDING_STATE_KEY in changes) {
      onChange(changes[PENDING_STATE_KEY].newValue as PendingState | undefined);
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
