import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../../lib/settings/merge';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import { validateSettings } from '../../../lib/settings/validate';

const policy = {
  crm: { provider: 'salesforce', myDomain: ' acme.my.salesforce.com ', clientId: '3MVG9abc', sendNotes: false },
};

describe('the crm policy keys', () => {
  it('are off by default', () => {
    expect(DEFAULT_SETTINGS.crm).toEqual({ provider: '', myDomain: '', clientId: '', sendNotes: true });
  });

  it('take a whole connection from the policy, trimmed, and lock it', () => {
    const { values, locked, problems } = resolveSettings(undefined, policy);
    expect(values.crm).toEqual({
      provider: 'salesforce',
      myDomain: 'acme.my.salesforce.com',
      clientId: '3MVG9abc',
      sendNotes: false,
    });
    expect(locked).toContain('crm');
    expect(problems).toEqual([]);
  });

  it('check each key on its own and keep the valid ones', () => {
    const { values, problems } = validateSettings(
      { crm: { provider: 'hubspot', myDomain: 'https://acme.my.salesforce.com/', clientId: 7, sendNotes: true, x: 1 } },
      'policy',
    );
    expect(values).toEqual({ crm: { sendNotes: true } });
    expect(problems.map((p) => [p.key, p.reason.code])).toEqual([
      ['crm.provider', 'unknown-option'],
      ['crm.myDomain', 'bad-format'],
      ['crm.clientId', 'wrong-type'],
      ['crm.x', 'unknown-key'],
    ]);
  });

  it('are never taken from the rep’s saved settings', () => {
    const { values, problems } = resolveSettings(policy, {});
    expect(values.crm).toEqual(DEFAULT_SETTINGS.crm);
    expect(problems).toEqual([
      expect.objectContaining({ source: 'saved', key: 'crm', reason: { code: 'policy-only' } }),
    ]);
  });

  it('merge with the defaults when the policy sets only some keys', () => {
    expect(resolveSettings(undefined, { crm: { sendNotes: false } }).values.crm).toEqual({
      ...DEFAULT_SETTINGS.crm,
      sendNotes: false,
    });
  });
});
