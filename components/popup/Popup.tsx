import { t } from '../../lib/i18n';

export function Popup() {
  return (
    <main>
      <h1>{t('popupTitle')}</h1>
    </main>
  );
}
