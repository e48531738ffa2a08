import { t } from '../../lib/i18n';

export function Options() {
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
    </main>
  );
}
