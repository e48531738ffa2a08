/** Turns a settings problem into one plain sentence for the options page, in the user's language. */
import { t, type MessageKey } from '../i18n';
import { isSettingKey } from './fields';
import { CRM_FIELD_LABELS, RULE_LABELS, SETTING_LABELS } from './labels';
import type { ProblemReason, SettingProblem } from './validate';

/** A problem in plain words, with the key it is about (as the policy writes it) for administrators. */
export interface DescribedProblem {
  text: string;
  key: string;
}

type Expected = Extract<ProblemReason, { code: 'wrong-type' }>['expected'];
const TYPE_NAMES: Record<Expected, MessageKey> = {
  boolean: 'settingsTypeBoolean',
  integer: 'settingsTypeInteger',
  choice: 'settingsTypeChoice',
  choices: 'settingsTypeChoices',
  'text-list': 'settingsTypeTextList',
  switches: 'settingsTypeSwitches',
  text: 'settingsTypeText',
  group: 'settingsTypeGroup',
};

/** Long values are cut so one huge policy entry cannot flood the page. */
function show(value: unknown): string {
  // JSON.stringify gives undefined for undefined, despite its type.
  const text = (JSON.stringify(value) as string | undefined) ?? 'undefined';
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function why(reason: ProblemReason): string {
  switch (reason.code) {
    case 'unknown-key':
      return t('settingsReasonUnknownKey');
    case 'wrong-type':
      return t('settingsReasonWrongType', t(TYPE_NAMES[reason.expected]));
    case 'out-of-range':
      return t('settingsReasonOutOfRange', [String(reason.min), String(reason.max)]);
    case 'unknown-option':
      return t('settingsReasonUnknownOption', reason.options.join(', '));
    case 'too-many':
      return t('settingsReasonTooMany', String(reason.max));
    case 'too-long':
      return t('settingsReasonTooLong', String(reason.max));
    case 'bad-format':
      return t('settingsReasonBadFormat');
    case 'policy-only':
      return t('settingsReasonPolicyOnly');
  }
}

function labelOf(key: string, names: Readonly<Record<string, MessageKey>>): string {
  return Object.hasOwn(names, key) ? t(names[key]!) : key;
}

/**
 * The setting a problem's key names, as the options page calls it: `sites[1]` is "Mail sites, entry 2",
 * `rules.checkin` is "Signals: Check-ins …". A key CallFirst does not know keeps its own spelling.
 */
export function settingName(key: string): string {
  const match = /^([^.[]+)(?:\[(\d+)\]|\.(.+))?$/.exec(key);
  const setting = match?.[1];
  if (!match || !setting || !isSettingKey(setting)) return key;
  const name = t(SETTING_LABELS[setting]);
  if (match[2] !== undefined) return t('settingsNameEntry', [name, String(Number(match[2]) + 1)]);
  if (match[3] === undefined) return name;
  const part = labelOf(match[3], setting === 'rules' ? RULE_LABELS : setting === 'crm' ? CRM_FIELD_LABELS : {});
  return t('settingsNamePart', [name, part]);
}

export function describeProblem(problem: SettingProblem): DescribedProblem {
  const sentence = problem.source === 'policy' ? 'settingsProblemPolicy' : 'settingsProblemSaved';
  return {
    text: t(sentence, [settingName(problem.key), show(problem.value), why(problem.reason)]),
    key: problem.key,
  };
}
