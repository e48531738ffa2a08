/**
 * Settings as the extension sees them: defaults < the rep's own (storage.sync, falling back to
 * storage.local) < the organisation's (storage.managed). Provisional: managed policy and
 * validation land with the settings issue; the API below stays.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, type Settings } from './schema';

export interface ResolvedSettings {
  values: Settings;
  /** Keys set by policy: their controls are locked. */
  locked: (keyof Settings)[];
  /** Policy values that were ignored, in plain words. */
  problems: string[];
}

const USER_KEY = 'settings';

export async function loadSettings(): Promise<ResolvedSettings> {
  const stored = await browser.storage.sync.get(USER_KEY);
  const user = (stored[USER_KEY] as Partial<Settings> | undefined) ?? {};
  return { values: { ...DEFAULT_SETTINGS, ...user }, locked: [], problems: [] };
}

export async function updateUserSettings(patch: Partial<Settings>): Promise<void> {
  const stored = await browser.storage.sync.get(USER_KEY);
  const user = (stored[USER_KEY] as Partial<Settings> | undefined) ?? {};
  await browser.storage.sync.set({ [USER_KEY]: { ...user, ...patch } });
}

export function watchSettings(onChange: (settings: ResolvedSettings) => void): () => void {
  const listener = () => void loadSettings().then(onChange);
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
