/**
 * What each mail site's coach last saw: how many compose windows it found and the last
 * problem it met. Written by content scripts to extension storage, shown on the options page,
 * so a change on Gmail's or Outlook's side is visible instead of silent.
 */
import { browser } from 'wxt/browser';
import type { MessageKey } from './i18n';
import type { SiteId } from './settings/schema';

/** A message of public/_locales that names a problem ("problemNoSendButton"…). */
export type ProblemKey = Extract<MessageKey, `problem${string}`>;

/** A problem the coach met: what it was, worded on the options page, and an error's own text if any. */
export interface Problem {
  key: ProblemKey;
  detail?: string;
}

export interface SiteDiagnostics {
  composeWindowsFound: number;
  lastSeenAt?: number;
  /** A string when an earlier version stored the problem in English. */
  lastProblem?: Problem | string;
  lastProblemAt?: number;
}
export type Diagnostics = Partial<Record<SiteId, SiteDiagnostics>>;

const KEY = 'diagnostics';

export async function readDiagnostics(): Promise<Diagnostics> {
  const stored = await browser.storage.local.get(KEY);
  return (stored[KEY] as Diagnostics | undefined) ?? {};
}

export async function reportDiagnostics(site: SiteId, update: Partial<SiteDiagnostics>): Promise<void> {
  const all = await readDiagnostics();
  const current: SiteDiagnostics = all[site] ?? { composeWindowsFound: 0 };
  await browser.storage.local.set({ [KEY]: { ...all, [site]: { ...current, ...update } } });
}

export function watchDiagnostics(onChange: (diagnostics: Diagnostics) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) onChange((changes[KEY].newValue as Diagnostics | undefined) ?? {});
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
