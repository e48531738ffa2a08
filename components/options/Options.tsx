import { t } from '../../lib/i18n';
import { CrmSection } from './CrmSection';
import { DataSection } from './DataSection';
import { DiagnosticsSection } from './DiagnosticsSection';
import { SampleDraft } from './SampleDraft';
import { SettingsForm } from './SettingsForm';
import { useSettings } from './useSettings';
import './options.css';

export function Options() {
  const settings = useSettings();
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      {!settings ? (
        <p role="status">{t('optionsLoading')}</p>
      ) : (
        <>
          <p class="help">{t('optionsIntro')}</p>
          {settings.locked.length > 0 && (
            <p class="managed-note" data-testid="managed-note">
              {t('optionsManagedNote')}
            </p>
          )}
          <SettingsForm settings={settings} />
          <SampleDraft settings={settings.values} />
          <CrmSection settings={settings.values} />
          <DiagnosticsSection problems={settings.problems} />
          <DataSection />
        </>
      )}
    </main>
  );
}
