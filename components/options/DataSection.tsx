/**
 * Export and delete of the ledger. PENDING: the ledger issue is writing components/data/; render
 * its export/delete component here once it lands (this section is its place on the page).
 */
import { t } from '../../lib/i18n';

export function DataSection() {
  return (
    <section aria-labelledby="data-title" id="data">
      <h2 id="data-title">{t('optionsDataTitle')}</h2>
      <p>{t('optionsDataPending')}</p>
    </section>
  );
}
