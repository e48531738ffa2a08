/**
 * What each setting may hold: its kind and, for numbers and lists, the range a value must stay in.
 * One table drives validation (validate.ts), the managed-policy schema (managed-schema.ts) and the
 * administrator guide, so the three cannot drift apart.
 */
import { CRM_PROVIDERS, RULE_IDS, SENSITIVITIES, SITE_IDS, type Settings } from './schema';

export type FieldSpec =
  | { kind: 'boolean' }
  | { kind: 'integer'; min: number; max: number }
  /** One value out of a fixed set. */
  | { kind: 'choice'; options: readonly string[] }
  /** Any number of values out of a fixed set, each at most once. */
  | { kind: 'choices'; options: readonly string[] }
  /** Free text, one entry per item; `lowerCase` folds entries such as addresses. */
  | { kind: 'text-list'; maxItems: number; maxLength: number; lowerCase?: boolean }
  /** An on/off switch per named item; a policy may set only some of them. */
  | { kind: 'switches'; keys: readonly string[] }
  /** Named values of their own kinds; `policyOnly`: the rep's saved copy never sets it. */
  | { kind: 'group'; fields: Readonly<Record<string, GroupMember>>; policyOnly?: boolean };

/** One value inside a group: a switch, one word of a set, or text of a given shape. */
export type GroupMember =
  | { kind: 'boolean' }
  | { kind: 'choice'; options: readonly string[] }
  | { kind: 'text'; maxLength: number; pattern?: RegExp };

/** A host name such as `acme.my.salesforce.com` (letters, digits, hyphens; at least two labels). */
export const HOST_NAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;

export const FIELDS = {
  sites: { kind: 'choices', options: SITE_IDS },
  sensitivity: { kind: 'choice', options: SENSITIVITIES },
  rules: { kind: 'switches', keys: RULE_IDS },
  wordThreshold: { kind: 'integer', min: 25, max: 2000 },
  questionThreshold: { kind: 'integer', min: 1, max: 20 },
  threadThreshold: { kind: 'integer', min: 2, max: 50 },
  checkinPhrases: { kind: 'text-list', maxItems: 200, maxLength: 100 },
  ignorePhrases: { kind: 'text-list', maxItems: 200, maxLength: 100 },
  dailyCallGoal: { kind: 'integer', min: 0, max: 100 },
  mutedContacts: { kind: 'text-list', maxItems: 2000, maxLength: 254, lowerCase: true },
  quietMode: { kind: 'boolean' },
  retentionDays: { kind: 'integer', min: 7, max: 3650 },
  showContactHistory: { kind: 'boolean' },
  overdueDays: { kind: 'integer', min: 1, max: 365 },
  crm: {
    kind: 'group',
    policyOnly: true,
    fields: {
      // '' leaves the CRM off.
      provider: { kind: 'choice', options: ['', ...CRM_PROVIDERS] },
      myDomain: { kind: 'text', maxLength: 253, pattern: HOST_NAME },
      clientId: { kind: 'text', maxLength: 256 },
      sendNotes: { kind: 'boolean' },
    },
  },
} as const satisfies { readonly [K in keyof Settings]: FieldSpec };

export const SETTING_KEYS = Object.keys(FIELDS) as (keyof Settings)[];

export function isSettingKey(key: string): key is keyof Settings {
  return Object.hasOwn(FIELDS, key);
}
