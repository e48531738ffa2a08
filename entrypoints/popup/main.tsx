import { render } from 'preact';
import { loadLedgerAccess } from '../../components/popup/hooks';
import { Popup } from '../../components/popup/Popup';
import { readPublishedToday } from '../../lib/ledger/session';
import './style.css';

// The popup's script has loaded: the speed check (npm run bench:ledger -- --chromium) measures from here too.
performance.mark('callfirst:boot');
// Load Dexie and start opening the ledger at once, in parallel with the first paint (a failure shows through the queries).
void loadLedgerAccess()
  .then((ledger) => ledger.popupDb().open())
  .catch(() => undefined);
// The background's count of today takes a millisecond or two to read: the first paint waits for it
// (never more than 50 ms), so it shows today's numbers, not dashes.
const tooLong = new Promise<undefined>((resolve) => setTimeout(resolve, 50));
void Promise.race([readPublishedToday(), tooLong]).then((published) =>
  render(<Popup published={published} />, document.getElementById('app')!),
);
