import { render } from 'preact';
import { popupDb } from '../../components/popup/hooks';
import { Popup } from '../../components/popup/Popup';
import './style.css';

// The popup's script has loaded: the speed check (npm run bench:ledger -- --chromium) measures from here too.
performance.mark('callfirst:boot');
// Start opening the ledger while Preact renders the first frame (a failure shows through the queries).
popupDb()
  .open()
  .catch(() => undefined);
render(<Popup />, document.getElementById('app')!);
