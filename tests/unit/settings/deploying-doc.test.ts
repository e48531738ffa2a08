import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIELDS, SETTING_KEYS } from '../../../lib/settings/fields';

const doc = readFileSync('docs/deploying.md', 'utf8');
const rowOf = (key: string) => doc.split('\n').find((line) => new RegExp(`^\\|\\s*\`${key}\`\\s*\\|`).test(line));

describe('docs/deploying.md', () => {
  it.each(SETTING_KEYS)('documents %s with the range the code enforces', (key) => {
    const row = rowOf(key);
    expect(row, `a table row for ${key}`).toBeDefined();
    const spec = FIELDS[key];
    if (spec.kind === 'integer') expect(row).toContain(`${spec.min}–${spec.max}`);
    if (spec.kind === 'text-list') expect(row).toContain(`up to ${spec.maxItems}`);
    if (spec.kind === 'choice' || spec.kind === 'choices')
      for (const option of spec.options) expect(row).toContain(`\`${option}\``);
    if (spec.kind === 'switches') for (const name of spec.keys) expect(row).toContain(`\`${name}\``);
    if (spec.kind === 'group') for (const name of Object.keys(spec.fields)) expect(row).toContain(`\`${name}\``);
  });

  it('names the extension by its real ids', () => {
    expect(doc).toContain('pdelmhlcdkmdihekgbllaancmdgbddoe');
    expect(doc).toContain('callfirst@callfirst.app');
  });
});
