import { takeFirstPaint, valueIfSettled } from '../../components/popup/handoff';
import './style.css';

// The popup's script has loaded: the speed check (npm run bench:ledger -- --chromium) measures from here too.
performance.mark('callfirst:boot');
// The rest of the popup starts loading at once (the browser fetches and compiles it while the first
// paint reads the ledger: measured, that shows the dashboard ~45 ms sooner and today's numbers no
// later), and renders once the first paint (entrypoints/popup-first.ts) has today's numbers on
// screen, or gave up within 100 ms. It renders over them starting from the same numbers, with the
// dashboard the first paint read if that is done by then (else as soon as it is).
const mounting = import('../../components/popup/mount');
void takeFirstPaint().then(async (first) => {
  const { mountPopup } = await mounting;
  mountPopup(document.getElementById('app')!, first, await valueIfSettled(first?.dashboard));
});
