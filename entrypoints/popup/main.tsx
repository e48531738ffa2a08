import { render } from 'preact';
import { Popup } from '../../components/popup/Popup';
import './style.css';

// The popup's script has loaded: the speed check (npm run bench:ledger -- --chromium) measures from here too.
performance.mark('callfirst:boot');
render(<Popup />, document.getElementById('app')!);
