import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadSettings, updateUserSettings, watchSettings } from '../../../lib/settings';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';

beforeEach(() => {
  fakeBrowser.reset();
  // The fake browser has no i18n: echo the message key and its substitutions.
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    (key: string, subs?: string | string[]) => `${key}(${[subs ?? []].flat().join('|')})`,
  );
});

describe('loadSettings', () => {
  it('gives the defaults when nothing is stored and there is no policy', async () => {
    expect(await loadSettings()).toEqual({ values: DEFAULT_SETTINGS, locked: [], problems: [] });
  });

  it('treats a managed area that throws as no policy', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    await fakeBrowser.storage.sync.set({ settings: { dailyCallGoal: 2 } });
    const { values, locked } = await loadSettings();
    expect(values.dailyCallGoal).toBe(2);
    expect(locked).toEqual([]);
  });

  it('applies and locks the policy, and describes what it ignored', async () => {
    await fakeBrowser.storage.managed.set({ dailyCallGoal: -3, sensitivity: 'high' });
    const { values, locked, problems } = await loadSettings();
    expect(values.sensitivity).toBe('high');
    expect(values.dailyCallGoal).toBe(DEFAULT_SETTINGS.dailyCallGoal);
    expect(locked).toEqual(['sensitivity']);
    expect(problems).toEqual([
      {
        text: 'settingsProblemPolicy(optionsDailyCallGoalLabel()|-3|settingsReasonOutOfRange(0|100))',
        key: 'dailyCallGoal',
      },
    ]);
  });

  it('reads storage.local when storage.sync throws', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('sync is disabled'));
    await fakeBrowser.storage.local.set({ settings: { quietMode: true } });
    expect((await loadSettings()).values.quietMode).toBe(true);
  });

  it('prefers the newer copy when both sync and local hold settings', async () => {
    await fakeBrowser.storage.sync.set({ settings: { dailyCallGoal: 1 }, settingsSavedAt: 100 });
    await fakeBrowser.storage.local.set({ settings: { dailyCallGoal: 9 }, settingsSavedAt: 200 });
    expect((await loadSettings()).values.dailyCallGoal).toBe(9);
  });
});

describe('updateUserSettings', () => {
  it('saves to storage.sync and keeps earlier changes', async () => {
    await updateUserSettings({ dailyCallGoal: 7 });
    await updateUserSettings({ rules: { checkin: false } });
    await updateUserSettings({ rules: { length: false } });
    const { values } = await loadSettings();
    expect(values.dailyCallGoal).toBe(7);
    expect(values.rules).toEqual({ ...DEFAULT_SETTINGS.rules, checkin: false, length: false });
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual({
      dailyCallGoal: 7,
      rules: { checkin: false, length: false },
    });
  });

  it('keeps both of two changes made at the same time', async () => {
    await Promise.all([updateUserSettings({ dailyCallGoal: 3 }), updateUserSettings({ quietMode: true })]);
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual({ dailyCallGoal: 3, quietMode: true });
  });

  it('refuses keys the policy locks and saves the rest', async () => {
    await fakeBrowser.storage.managed.set({ dailyCallGoal: 8 });
    await updateUserSettings({ dailyCallGoal: 2, quietMode: true });
    const { values } = await loadSettings();
    expect(values.dailyCallGoal).toBe(8);
    expect(values.quietMode).toBe(true);
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual({ quietMode: true });
  });

  it('ignores invalid values instead of saving them', async () => {
    await updateUserSettings({ dailyCallGoal: -1 });
    expect(await fakeBrowser.storage.sync.get('settings')).toEqual({});
  });

  it('falls back to storage.local when storage.sync refuses the write', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    await updateUserSettings({ mutedContacts: ['a@example.com'] });
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual({ mutedContacts: ['a@example.com'] });
    expect((await loadSettings()).values.mutedContacts).toEqual(['a@example.com']);
  });
});

describe('watchSettings', () => {
  async function nextChange(change: () => Promise<void>) {
    const seen = new Promise<Awaited<ReturnType<typeof loadSettings>>>((resolve) => {
      const stop = watchSettings((settings) => {
        stop();
        resolve(settings);
      });
    });
    await change();
    return seen;
  }

  it('fires when the rep saves a change', async () => {
    const settings = await nextChange(() => updateUserSettings({ quietMode: true }));
    expect(settings.values.quietMode).toBe(true);
  });

  it('fires when the policy changes, with the new lock', async () => {
    const settings = await nextChange(() => fakeBrowser.storage.managed.set({ sites: ['outlook'] }));
    expect(settings.values.sites).toEqual(['outlook']);
    expect(settings.locked).toEqual(['sites']);
  });

  it('ignores unrelated storage changes and stops when asked', async () => {
    const onChange = vi.fn();
    const stop = watchSettings(onChange);
    await fakeBrowser.storage.local.set({ diagnostics: {} });
    stop();
    // A watcher still on sees the rep's change; by then the stopped one would have seen it too.
    await nextChange(() => updateUserSettings({ quietMode: true }));
    expect(onChange).not.toHaveBeenCalled();
  });
});
