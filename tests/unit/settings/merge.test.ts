import { describe, expect, it } from 'vitest';
import { combinePatches, resolveSettings, withoutLocked } from '../../../lib/settings/merge';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';

describe('resolveSettings', () => {
  it('gives the defaults, unlocked, when nothing is stored', () => {
    expect(resolveSettings(undefined, {})).toEqual({ values: DEFAULT_SETTINGS, locked: [], problems: [] });
  });

  it('lets saved values override defaults and the policy override both', () => {
    const saved = { dailyCallGoal: 3, sensitivity: 'low', quietMode: true };
    const policy = { dailyCallGoal: 8, sites: ['outlook'] };
    const { values, locked } = resolveSettings(saved, policy);
    expect(values.dailyCallGoal).toBe(8);
    expect(values.sites).toEqual(['outlook']);
    expect(values.sensitivity).toBe('low');
    expect(values.quietMode).toBe(true);
    expect(locked).toEqual(['sites', 'dailyCallGoal']);
  });

  it('merges rules switch by switch and locks the whole rules group when the policy sets any', () => {
    const saved = { rules: { questions: false } };
    const policy = { rules: { checkin: false } };
    const { values, locked } = resolveSettings(saved, policy);
    expect(values.rules).toEqual({ ...DEFAULT_SETTINGS.rules, questions: false, checkin: false });
    expect(locked).toEqual(['rules']);
  });

  it('neither applies nor locks an invalid policy value, and applies the valid ones', () => {
    const { values, locked, problems } = resolveSettings(
      { dailyCallGoal: 4 },
      { dailyCallGoal: -1, sensitivity: 'high' },
    );
    expect(values.dailyCallGoal).toBe(4);
    expect(values.sensitivity).toBe('high');
    expect(locked).toEqual(['sensitivity']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ source: 'policy', key: 'dailyCallGoal' });
  });

  it('reports policy problems before problems in saved values', () => {
    const { problems } = resolveSettings({ quietMode: 'no' }, { colour: 'red' });
    expect(problems.map((p) => p.source)).toEqual(['policy', 'saved']);
  });

  it('does not change the defaults it was given', () => {
    const before = structuredClone(DEFAULT_SETTINGS);
    resolveSettings({ rules: { checkin: false } }, { rules: { length: false } });
    expect(DEFAULT_SETTINGS).toEqual(before);
  });
});

describe('withoutLocked', () => {
  it('drops the keys the policy locks', () => {
    expect(withoutLocked({ dailyCallGoal: 2, quietMode: true }, ['dailyCallGoal'])).toEqual({ quietMode: true });
  });
});

describe('combinePatches', () => {
  it('lets the later patch win, switch by switch for rules', () => {
    expect(
      combinePatches({ rules: { checkin: false }, dailyCallGoal: 1 }, { rules: { length: false }, dailyCallGoal: 2 }),
    ).toEqual({
      rules: { checkin: false, length: false },
      dailyCallGoal: 2,
    });
    expect(combinePatches({ quietMode: true }, {})).toEqual({ quietMode: true });
  });
});
