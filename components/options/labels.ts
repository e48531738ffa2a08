/** Display names of the words settings use, shared by the form and the sample-draft result. */
import type { MessageKey } from '../../lib/i18n';
import type { RuleId, Sensitivity, SiteId } from '../../lib/settings/schema';

export const SITE_LABELS: Record<SiteId, MessageKey> = {
  gmail: 'optionsSiteGmail',
  outlook: 'optionsSiteOutlook',
};

export const SENSITIVITY_LABELS: Record<Sensitivity, MessageKey> = {
  low: 'optionsSensitivityLow',
  normal: 'optionsSensitivityNormal',
  high: 'optionsSensitivityHigh',
};

export const RULE_LABELS: Record<RuleId, MessageKey> = {
  checkin: 'optionsRuleCheckin',
  questions: 'optionsRuleQuestions',
  length: 'optionsRuleLength',
  thread: 'optionsRuleThread',
  conflict: 'optionsRuleConflict',
  overdue: 'optionsRuleOverdue',
};
