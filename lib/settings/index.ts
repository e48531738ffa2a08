/**
 * Settings as the extension sees them: defaults < the rep's own (storage.sync, falling back to
 * storage.local) < the organisation's (storage.managed). Keys the policy sets are locked; bad
 * values, from either side, are left out one by one and described in `problems`.
 */
import { browser } from 'wxt/browser';
import { describeProblem, type DescribedProblem } from './describe';
import { combinePatches, resolveSettings, withoutLocked } from './merge';
import type { Settings } from './schema';
import { readPolicy, readSaved, SAVED_KEY, writeSaved } from './storage';
import { validateSettings, type SettingsPatch } from './validate';

export type { SettingsPatch } from './validate';

export interface ResolvedSettings {
  values: Settings;
  /** Keys set by policy: their controls are locked. */
  locked: (keyof Settings)[];
  /** Values that were ignored (policy or saved), in plain words, each with its key. */
  problems: DescribedProblem[];
}

export async function loadSettings(): Promise<ResolvedSettings> {
  const [saved, policy] = await Promise.all([readSaved(), readPolicy()]);
  const { values, locked, problems } = resolveSettings(saved, policy);
  return { values, locked, problems: problems.map(describeProblem) };
}

/** Saves run one after another: two quick changes must not each overwrite the other's copy. */
let saving: Promise<unknown> = Promise.resolve();

/**
 * Saves the rep's change. Keys the policy locks and invalid values are dropped, so the page can
 * pass what a control produced without checking it first. `rules` may name just the switches that changed.
 */
export function updateUserSettings(patch: SettingsPatch): Promise<void> {
  const save = saving.then(() => saveChange(patch));
  saving = save.catch(() => undefined);
  return save;
}

async function saveChange(patch: SettingsPatch): Promise<void> {
  const [saved, policy] = await Promise.all([readSaved(), readPolicy()]);
  const { locked } = resolveSettings(saved, policy);
  const change = withoutLocked(validateSettings(patch, 'saved').values, locked);
  if (Object.keys(change).length === 0) return;
  await writeSaved(combinePatches(validateSettings(saved, 'saved').values, change));
}

/** Calls `onChange` with fresh settings whenever the rep's values or the policy change. */
export function watchSettings(onChange: (settings: ResolvedSettings) => void): () => void {
  let latest = 0;
  const listener = (changes: Record<string, unknown>, area: string) => {
    const relevant = area === 'managed' || ((area === 'sync' || area === 'local') && SAVED_KEY in changes);
    if (!relevant) return;
    // Loads can finish out of order; only the newest result is delivered.
    const call = ++latest;
    void loadSettings().then((settings) => call === latest && onChange(settings));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
