/**
 * Checks raw settings (a policy from storage.managed or the rep's saved values) key by key.
 * A bad value never stops the others: it is left out and described as a problem, so one typo
 * in a policy does not throw away the whole policy. Pure: no browser access.
 */
import { FIELDS, isSettingKey, type FieldSpec, type GroupMember } from './fields';
import type { CrmSettings, RuleId, Settings } from './schema';

/** Settings as a partial change: any subset of keys, and any subset of the rule switches. */
export type SettingsPatch = {
  [K in keyof Settings]?: K extends 'rules'
    ? Partial<Record<RuleId, boolean>>
    : K extends 'crm'
      ? Partial<CrmSettings>
      : Settings[K];
};

export type ProblemSource = 'policy' | 'saved';

export type ProblemReason =
  | { code: 'unknown-key' }
  | { code: 'wrong-type'; expected: FieldSpec['kind'] | GroupMember['kind'] }
  | { code: 'out-of-range'; min: number; max: number }
  | { code: 'unknown-option'; options: readonly string[] }
  | { code: 'too-many'; max: number }
  | { code: 'too-long'; max: number }
  | { code: 'bad-format' }
  | { code: 'policy-only' };

export interface SettingProblem {
  source: ProblemSource;
  /** The setting, or the part of it, e.g. `dailyCallGoal`, `rules.checkin`, `sites[1]`. */
  key: string;
  value: unknown;
  reason: ProblemReason;
}

export interface Validated {
  values: SettingsPatch;
  problems: SettingProblem[];
}

type Check = (value: unknown, key: string, report: (problem: Omit<SettingProblem, 'source'>) => void) => unknown;

const checkBoolean = (): Check => (value, key, report) => {
  if (typeof value === 'boolean') return value;
  report({ key, value, reason: { code: 'wrong-type', expected: 'boolean' } });
  return undefined;
};

const checkInteger =
  (min: number, max: number): Check =>
  (value, key, report) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      report({ key, value, reason: { code: 'wrong-type', expected: 'integer' } });
      return undefined;
    }
    if (value < min || value > max) {
      report({ key, value, reason: { code: 'out-of-range', min, max } });
      return undefined;
    }
    return value;
  };

const checkChoice =
  (options: readonly string[]): Check =>
  (value, key, report) => {
    if (typeof value === 'string' && options.includes(value)) return value;
    report({ key, value, reason: { code: 'unknown-option', options } });
    return undefined;
  };

/** Keeps the valid entries; when a non-empty list has none, the whole key is left out. */
const checkChoices =
  (options: readonly string[]): Check =>
  (value, key, report) => {
    if (!Array.isArray(value)) {
      report({ key, value, reason: { code: 'wrong-type', expected: 'choices' } });
      return undefined;
    }
    const kept = new Set<string>();
    value.forEach((entry: unknown, i) => {
      if (typeof entry === 'string' && options.includes(entry)) kept.add(entry);
      else report({ key: `${key}[${i}]`, value: entry, reason: { code: 'unknown-option', options } });
    });
    return value.length > 0 && kept.size === 0 ? undefined : [...kept];
  };

const checkTextList =
  (maxItems: number, maxLength: number, lowerCase = false): Check =>
  (value, key, report) => {
    if (!Array.isArray(value)) {
      report({ key, value, reason: { code: 'wrong-type', expected: 'text-list' } });
      return undefined;
    }
    const kept = new Set<string>();
    value.forEach((entry: unknown, i) => {
      if (typeof entry !== 'string') {
        report({ key: `${key}[${i}]`, value: entry, reason: { code: 'wrong-type', expected: 'text' } });
        return;
      }
      const text = lowerCase ? entry.trim().toLowerCase() : entry.trim();
      if (text.length > maxLength) {
        report({ key: `${key}[${i}]`, value: entry, reason: { code: 'too-long', max: maxLength } });
      } else if (text) kept.add(text);
    });
    if (kept.size > maxItems) report({ key, value: kept.size, reason: { code: 'too-many', max: maxItems } });
    return [...kept].slice(0, maxItems);
  };

/** Each switch on its own: a policy may set `rules.checkin` and leave the rest to the rep. */
const checkSwitches =
  (names: readonly string[]): Check =>
  (value, key, report) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      report({ key, value, reason: { code: 'wrong-type', expected: 'switches' } });
      return undefined;
    }
    const kept: Record<string, boolean> = {};
    for (const [name, on] of Object.entries(value)) {
      if (!names.includes(name)) report({ key: `${key}.${name}`, value: on, reason: { code: 'unknown-key' } });
      else if (typeof on !== 'boolean')
        report({ key: `${key}.${name}`, value: on, reason: { code: 'wrong-type', expected: 'boolean' } });
      else kept[name] = on;
    }
    return Object.keys(kept).length > 0 ? kept : undefined;
  };

const checkText =
  (maxLength: number, pattern?: RegExp): Check =>
  (value, key, report) => {
    if (typeof value !== 'string') {
      report({ key, value, reason: { code: 'wrong-type', expected: 'text' } });
      return undefined;
    }
    const text = value.trim();
    if (text.length > maxLength) report({ key, value, reason: { code: 'too-long', max: maxLength } });
    else if (pattern && text && !pattern.test(text)) report({ key, value, reason: { code: 'bad-format' } });
    else return text;
    return undefined;
  };

/** Each named value on its own, like switches: a bad one is left out and the others kept. */
const checkGroup =
  (fields: Readonly<Record<string, GroupMember>>): Check =>
  (value, key, report) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      report({ key, value, reason: { code: 'wrong-type', expected: 'group' } });
      return undefined;
    }
    const kept: Record<string, unknown> = {};
    for (const [name, entry] of Object.entries(value)) {
      const member = Object.hasOwn(fields, name) ? fields[name] : undefined;
      if (!member) {
        report({ key: `${key}.${name}`, value: entry, reason: { code: 'unknown-key' } });
        continue;
      }
      const checked = checkerFor(member)(entry, `${key}.${name}`, report);
      if (checked !== undefined) kept[name] = checked;
    }
    return Object.keys(kept).length > 0 ? kept : undefined;
  };

function checkerFor(spec: FieldSpec | GroupMember): Check {
  switch (spec.kind) {
    case 'boolean':
      return checkBoolean();
    case 'integer':
      return checkInteger(spec.min, spec.max);
    case 'choice':
      return checkChoice(spec.options);
    case 'choices':
      return checkChoices(spec.options);
    case 'text-list':
      return checkTextList(spec.maxItems, spec.maxLength, spec.lowerCase);
    case 'switches':
      return checkSwitches(spec.keys);
    case 'text':
      return checkText(spec.maxLength, spec.pattern);
    case 'group':
      return checkGroup(spec.fields);
  }
}

/** Validates every key of `raw` on its own. Anything that is not an object counts as empty. */
export function validateSettings(raw: unknown, source: ProblemSource): Validated {
  const values: Record<string, unknown> = {};
  const problems: SettingProblem[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { values, problems };
  const report = (problem: Omit<SettingProblem, 'source'>) => problems.push({ source, ...problem });
  for (const [key, value] of Object.entries(raw)) {
    if (!isSettingKey(key)) {
      report({ key, value, reason: { code: 'unknown-key' } });
      continue;
    }
    const spec: FieldSpec = FIELDS[key];
    if (source === 'saved' && spec.kind === 'group' && spec.policyOnly) {
      report({ key, value, reason: { code: 'policy-only' } });
      continue;
    }
    const checked = checkerFor(spec)(value, key, report);
    if (checked !== undefined) values[key] = checked;
  }
  return { values: values, problems };
}
