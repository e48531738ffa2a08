/** Every setting, in groups, each explained in a sentence. */
import { t } from '../../lib/i18n';
import { FIELDS } from '../../lib/settings/fields';
import type { ResolvedSettings } from '../../lib/settings';
import { RULE_IDS, SENSITIVITIES, SITE_IDS, type RuleId, type Settings, type SiteId } from '../../lib/settings/schema';
import { Checklist, Choice, LineList, Toggle, WholeNumber } from './controls';
import { RULE_LABELS, SENSITIVITY_LABELS, SITE_LABELS } from '../../lib/settings/labels';

type LinesKey = 'checkinPhrases' | 'ignorePhrases' | 'mutedContacts';
type NumberKey =
  'wordThreshold' | 'questionThreshold' | 'threadThreshold' | 'overdueDays' | 'dailyCallGoal' | 'retentionDays';

export function SettingsForm({ settings }: { settings: ResolvedSettings }) {
  const { values } = settings;
  const locked = (key: keyof Settings) => settings.locked.includes(key);
  const number = (setting: NumberKey, label: Parameters<typeof t>[0], help: Parameters<typeof t>[0]) => (
    <WholeNumber
      setting={setting}
      label={t(label)}
      help={t(help)}
      locked={locked(setting)}
      value={values[setting]}
      min={FIELDS[setting].min}
      max={FIELDS[setting].max}
    />
  );
  const lines = (setting: LinesKey, label: Parameters<typeof t>[0], help: Parameters<typeof t>[0]) => (
    <LineList setting={setting} label={t(label)} help={t(help)} locked={locked(setting)} value={values[setting]} />
  );

  return (
    <form onSubmit={(event) => event.preventDefault()}>
      <section aria-labelledby="group-where">
        <h2 id="group-where">{t('optionsGroupWhere')}</h2>
        <Checklist
          setting="sites"
          legend={t('optionsSitesLabel')}
          help={t('optionsSitesHelp')}
          locked={locked('sites')}
          options={SITE_IDS.map((site) => ({ value: site, label: t(SITE_LABELS[site]) }))}
          isOn={(site) => values.sites.includes(site as SiteId)}
          patchFor={(site, on) => ({
            sites: SITE_IDS.filter((id) => (id === site ? on : values.sites.includes(id))),
          })}
        />
        <Toggle
          setting="quietMode"
          label={t('optionsQuietModeLabel')}
          help={t('optionsQuietModeHelp')}
          locked={locked('quietMode')}
          value={values.quietMode}
        />
      </section>

      <section aria-labelledby="group-when">
        <h2 id="group-when">{t('optionsGroupWhen')}</h2>
        <Choice
          setting="sensitivity"
          legend={t('optionsSensitivityLabel')}
          help={t('optionsSensitivityHelp')}
          locked={locked('sensitivity')}
          options={SENSITIVITIES.map((level) => ({ value: level, label: t(SENSITIVITY_LABELS[level]) }))}
          value={values.sensitivity}
        />
        <Checklist
          setting="rules"
          legend={t('optionsRulesLabel')}
          help={t('optionsRulesHelp')}
          locked={locked('rules')}
          options={RULE_IDS.map((rule) => ({ value: rule, label: t(RULE_LABELS[rule]) }))}
          isOn={(rule) => values.rules[rule as RuleId]}
          patchFor={(rule, on) => ({ rules: { [rule]: on } })}
        />
        {number('wordThreshold', 'optionsWordThresholdLabel', 'optionsWordThresholdHelp')}
        {number('questionThreshold', 'optionsQuestionThresholdLabel', 'optionsQuestionThresholdHelp')}
        {number('threadThreshold', 'optionsThreadThresholdLabel', 'optionsThreadThresholdHelp')}
        {number('overdueDays', 'optionsOverdueDaysLabel', 'optionsOverdueDaysHelp')}
      </section>

      <section aria-labelledby="group-phrases">
        <h2 id="group-phrases">{t('optionsGroupPhrases')}</h2>
        {lines('checkinPhrases', 'optionsCheckinPhrasesLabel', 'optionsCheckinPhrasesHelp')}
        {lines('ignorePhrases', 'optionsIgnorePhrasesLabel', 'optionsIgnorePhrasesHelp')}
      </section>

      <section aria-labelledby="group-contacts">
        <h2 id="group-contacts">{t('optionsGroupContacts')}</h2>
        {lines('mutedContacts', 'optionsMutedContactsLabel', 'optionsMutedContactsHelp')}
        <Toggle
          setting="showContactHistory"
          label={t('optionsShowContactHistoryLabel')}
          help={t('optionsShowContactHistoryHelp')}
          locked={locked('showContactHistory')}
          value={values.showContactHistory}
        />
      </section>

      <section aria-labelledby="group-goal">
        <h2 id="group-goal">{t('optionsGroupGoal')}</h2>
        {number('dailyCallGoal', 'optionsDailyCallGoalLabel', 'optionsDailyCallGoalHelp')}
        {number('retentionDays', 'optionsRetentionDaysLabel', 'optionsRetentionDaysHelp')}
      </section>
    </form>
  );
}
