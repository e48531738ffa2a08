import { render } from 'preact';
import { loadLedgerAccess } from '../../components/popup/hooks';
import { afterNextFrame, takeFirstPaint, type FirstPaint } from '../../components/popup/first-paint';
import { Popup } from '../../components/popup/Popup';
import './style.css';

// The popup's script has loaded: the speed check (npm run bench:ledger -- --chromium) measures from here too.
performance.mark('callfirst:boot');
// Load Dexie and start opening the ledger at once (a failure shows through the queries).
void loadLedgerAccess()
  .then((ledger) => ledger.popupDb().open())
  .catch(() => undefined);
// The first paint (entrypoints/popup-first.ts) read today's numbers in a few milliseconds, or gave
// up within 100: the popup renders over it starting from the same numbers, once that frame is on
// screen (rendering the whole popup first would hold today's numbers back until it is done).
const show = (first?: FirstPaint) => render(<Popup first={first} />, document.getElementById('app')!);
void takeFirstPaint().then((first) => (first ? afterNextFrame(() => show(first)) : show()));
