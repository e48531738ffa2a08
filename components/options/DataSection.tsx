/** Export and delete of the ledger: the "Your data" component of components/data/ has its place here. */
import { YourData } from '../data/YourData';
import { t } from '../../lib/i18n';

export function DataSection() {
  return (
    <section aria-labelledby="data-title" id="data">
      <h2 id="data-title">{t('optionsDataTitle')}</h2>
      <YourData />
    </section>
  );
}
