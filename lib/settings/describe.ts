/** Turns a settings problem into one plain sentence for the options page, in the user's language. */
import { t, type MessageKey } from '../i18n';
import type { ProblemReason, SettingProblem } from './validate';

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

export function describeProblem(problem: SettingProblem): string {
  const key = problem.source === 'policy' ? 'settingsProblemPolicy' : 'settingsProblemSaved';
  return t(key, [problem.key, show(problem.value), why(problem.reason)]);
}
