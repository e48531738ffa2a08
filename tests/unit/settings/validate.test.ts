import { describe, expect, it } from 'vitest';
import { validateSettings } from '../../../lib/settings/validate';

describe('validateSettings', () => {
  it('keeps every valid value', () => {
    const raw = {
      sites: ['outlook'],
      sensitivity: 'high',
      rules: { checkin: false },
      wordThreshold: 120,
      checkinPhrases: ['  circling back '],
      mutedContacts: ['Boss@Example.com'],
      quietMode: true,
      dailyCallGoal: 0,
    };
    const { values, problems } = validateSettings(raw, 'policy');
    expect(problems).toEqual([]);
    expect(values).toEqual({
      sites: ['outlook'],
      sensitivity: 'high',
      rules: { checkin: false },
      wordThreshold: 120,
      checkinPhrases: ['circling back'],
      mutedContacts: ['boss@example.com'],
      quietMode: true,
      dailyCallGoal: 0,
    });
  });

  it('drops an out-of-range value and keeps the rest', () => {
    const { values, problems } = validateSettings({ dailyCallGoal: -3, sensitivity: 'low' }, 'policy');
    expect(values).toEqual({ sensitivity: 'low' });
    expect(problems).toEqual([
      { source: 'policy', key: 'dailyCallGoal', value: -3, reason: { code: 'out-of-range', min: 0, max: 100 } },
    ]);
  });

  it.each([
    ['dailyCallGoal', '7', 'integer'],
    ['dailyCallGoal', 2.5, 'integer'],
    ['quietMode', 'yes', 'boolean'],
    ['sites', 'gmail', 'choices'],
    ['rules', [true], 'switches'],
    ['ignorePhrases', 'fyi', 'text-list'],
  ])('reports %s = %j as the wrong type', (key, value, expected) => {
    const { values, problems } = validateSettings({ [key]: value }, 'saved');
    expect(values).toEqual({});
    expect(problems).toEqual([{ source: 'saved', key, value, reason: { code: 'wrong-type', expected } }]);
  });

  it('ignores unknown keys one by one', () => {
    const { values, problems } = validateSettings({ colour: 'red', quietMode: true, __proto__x: 1 }, 'policy');
    expect(values).toEqual({ quietMode: true });
    expect(problems.map((p) => [p.key, p.reason.code])).toEqual([
      ['colour', 'unknown-key'],
      ['__proto__x', 'unknown-key'],
    ]);
  });

  it('rejects an unknown sensitivity word', () => {
    const { values, problems } = validateSettings({ sensitivity: 'extreme' }, 'policy');
    expect(values).toEqual({});
    expect(problems[0]?.reason).toEqual({ code: 'unknown-option', options: ['low', 'normal', 'high'] });
  });

  it('keeps the valid sites of a list and drops the rest', () => {
    const { values, problems } = validateSettings({ sites: ['outlook', 'yahoo', 'outlook'] }, 'policy');
    expect(values).toEqual({ sites: ['outlook'] });
    expect(problems.map((p) => p.key)).toEqual(['sites[1]']);
  });

  it('ignores a site list with no valid site rather than switching every site off', () => {
    expect(validateSettings({ sites: ['outlok'] }, 'policy').values).toEqual({});
    expect(validateSettings({ sites: [] }, 'policy').values).toEqual({ sites: [] });
  });

  it('checks each rule switch on its own', () => {
    const { values, problems } = validateSettings({ rules: { checkin: false, length: 'off', typo: true } }, 'policy');
    expect(values).toEqual({ rules: { checkin: false } });
    expect(problems.map((p) => [p.key, p.reason.code])).toEqual([
      ['rules.length', 'wrong-type'],
      ['rules.typo', 'unknown-key'],
    ]);
  });

  it('leaves out a rules object with no valid switch', () => {
    expect(validateSettings({ rules: {} }, 'policy').values).toEqual({});
  });

  it('drops bad list entries, blanks and duplicates, and caps the list', () => {
    const long = 'x'.repeat(101);
    const { values, problems } = validateSettings({ ignorePhrases: ['fyi', 3, '', long, 'fyi'] }, 'policy');
    expect(values).toEqual({ ignorePhrases: ['fyi'] });
    expect(problems.map((p) => [p.key, p.reason.code])).toEqual([
      ['ignorePhrases[1]', 'wrong-type'],
      ['ignorePhrases[3]', 'too-long'],
    ]);
    const many = Array.from({ length: 205 }, (_, i) => `phrase ${i}`);
    const capped = validateSettings({ checkinPhrases: many }, 'policy');
    expect(capped.values.checkinPhrases).toHaveLength(200);
    expect(capped.problems[0]?.reason).toEqual({ code: 'too-many', max: 200 });
  });

  it.each([null, undefined, 'text', 42, ['a']])('treats %j as no settings without throwing', (raw) => {
    expect(validateSettings(raw, 'policy')).toEqual({ values: {}, problems: [] });
  });
});
