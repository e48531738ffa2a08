/**
 * Display names of the settings and the words they use, shared by the options form, the sample-draft
 * result and the descriptions of ignored values (describe.ts).
 */
import type { MessageKey } from '../i18n';
import type { CrmSettings, RuleId, Sensitivity, Settings, SiteId } from './schema';

/** Each setting's name as the options page labels it. */
export const SETTING_LABELS: Record<keyof Settings, MessageKey> = {
  sites: 'optionsSitesLabel',
  sensitivity: 'optionsSensitivityLabel',
  rules: 'optionsRulesLabel',
  wordThreshold: 'optionsWordThresholdLabel',
  questionThreshold: 'optionsQuestionThresholdLabel',
  threadThreshold: 'optionsThreadThresholdLabel',
  checkinPhrases: 'optionsCheckinPhrasesLabel',
  ignorePhrases: 'optionsIgnorePhrasesLabel',
  dailyCallGoal: 'optionsDailyCallGoalLabel',
  mutedContacts: 'optionsMutedContactsLabel',
  quietMode: 'optionsQuietModeLabel',
  retentionDays: 'optionsRetentionDaysLabel',
  showContactHistory: 'optionsShowContactHistoryLabel',
  overdueDays: 'optionsOverdueDaysLabel',
  crm: 'crmTitle',
};

/** The parts of the policy-only CRM setting (no control shows them: only the policy sets them). */
export const CRM_FIELD_LABELS: Record<keyof CrmSettings, MessageKey> = {
  provider: 'settingsNameCrmProvider',
  myDomain: 'settingsNameCrmMyDomain',
  clientId: 'settingsNameCrmClientId',
  sendNotes: 'settingsNameCrmSendNotes',
};

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
