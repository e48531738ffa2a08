import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../../lib/settings/fields';
import { buildManagedSchema } from '../../../lib/settings/managed-schema';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import { validateSettings } from '../../../lib/settings/validate';

const onDisk: unknown = JSON.parse(readFileSync('public/managed_schema.json', 'utf8'));

describe('managed_schema.json', () => {
  it('is what the settings table generates (regenerate: npx tsx scripts/managed-schema.ts)', () => {
    expect(onDisk).toEqual(buildManagedSchema());
  });

  it('names every setting and nothing else', () => {
    const properties = (onDisk as { properties: Record<string, unknown> }).properties;
    expect(Object.keys(properties).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });

  it('declares for each setting the JSON type of its default', () => {
    const properties = (onDisk as { properties: Record<string, { type: string }> }).properties;
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
      const type = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
      expect(properties[key]?.type, key).toBe(type);
    }
  });
});

describe('the settings table', () => {
  it('accepts every default (a default out of its own range would be a bug)', () => {
    expect(validateSettings(DEFAULT_SETTINGS, 'policy').problems).toEqual([]);
  });

  it('covers exactly the keys of the defaults', () => {
    expect(Object.keys(FIELDS).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });
});
