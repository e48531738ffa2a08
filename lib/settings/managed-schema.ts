/**
 * The managed-storage schema Chrome and Edge need before they pass a policy to the extension,
 * built from the settings table. It states types only: Chrome silently drops a value that breaks
 * the schema, so ranges and allowed words are checked by validate.ts instead, which reports what it
 * ignored on the options page. public/managed_schema.json is this, written by
 * `npx tsx scripts/managed-schema.ts`; a unit test keeps the two equal.
 */
import { FIELDS, SETTING_KEYS, type FieldSpec, type GroupMember } from './fields';

type SchemaNode =
  | { type: 'boolean' | 'integer' | 'string' }
  | { type: 'array'; items: SchemaNode }
  | { type: 'object'; properties: Record<string, SchemaNode> };

function nodeFor(spec: FieldSpec | GroupMember): SchemaNode {
  switch (spec.kind) {
    case 'boolean':
      return { type: 'boolean' };
    case 'integer':
      return { type: 'integer' };
    case 'choice':
    case 'text':
      return { type: 'string' };
    case 'choices':
    case 'text-list':
      return { type: 'array', items: { type: 'string' } };
    case 'switches':
      return { type: 'object', properties: Object.fromEntries(spec.keys.map((key) => [key, { type: 'boolean' }])) };
    case 'group':
      return {
        type: 'object',
        properties: Object.fromEntries(Object.entries(spec.fields).map(([key, member]) => [key, nodeFor(member)])),
      };
  }
}

export function buildManagedSchema(): SchemaNode {
  return { type: 'object', properties: Object.fromEntries(SETTING_KEYS.map((key) => [key, nodeFor(FIELDS[key])])) };
}
