/**
 * Where settings live. The rep's own values go to storage.sync so they follow the rep between
 * browsers; when sync is missing or refuses a write (disabled, over quota) they go to
 * storage.local, and the newer copy wins on read. The policy is storage.managed, which is missing
 * or throws where no policy exists (Firefox without one, unit tests): that counts as no policy.
 */
import { browser } from 'wxt/browser';

export const SAVED_KEY = 'settings';
const SAVED_AT_KEY = 'settingsSavedAt';

interface SavedCopy {
  values: unknown;
  savedAt: number;
}

async function readCopy(area: 'sync' | 'local'): Promise<SavedCopy | undefined> {
  try {
    const stored = await browser.storage[area].get([SAVED_KEY, SAVED_AT_KEY]);
    if (stored[SAVED_KEY] === undefined) return undefined;
    const savedAt = stored[SAVED_AT_KEY];
    return { values: stored[SAVED_KEY], savedAt: typeof savedAt === 'number' ? savedAt : 0 };
  } catch {
    return undefined;
  }
}

/** The rep's saved values as stored, not yet validated. */
export async function readSaved(): Promise<unknown> {
  const copies = await Promise.all([readCopy('sync'), readCopy('local')]);
  // Sort is stable: on a tie (or two undated copies) sync wins.
  const [newest] = copies.filter((copy) => copy !== undefined).sort((a, b) => b.savedAt - a.savedAt);
  return newest?.values;
}

export async function writeSaved(values: object): Promise<void> {
  const copy = { [SAVED_KEY]: values, [SAVED_AT_KEY]: Date.now() };
  try {
    await browser.storage.sync.set(copy);
  } catch {
    await browser.storage.local.set(copy);
  }
}

/** The organisation's policy as the browser hands it over, not yet validated. */
export async function readPolicy(): Promise<unknown> {
  try {
    // Optional: some browsers and test doubles have no managed area at all.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    return (await browser.storage.managed?.get()) ?? {};
  } catch {
    return {};
  }
}
