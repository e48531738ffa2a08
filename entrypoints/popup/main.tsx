import { takeFirstPaint, valueIfSettled } from '../../components/popup/handoff';
import './style.css';

// The popup's script has loaded: the speed check (npm run bench:ledger -- --chromium) measures from here too.
performance.mark('callfirst:boot');
// The rest of the popup loads once the first paint (entrypoints/popup-first.ts) has today's numbers
// on screen, or gave up within 100 ms: until then they have the page's one thread to themselves.
// It renders over them starting from the same numbers, with the dashboard the first paint read if
// that is done by then (else as soon as it is).
void takeFirstPaint().then(async (first) => {
  const { mountPopup } = await import('../../components/popup/mount');
  mountPopup(document.getElementById('app')!, first, await valueIfSettled(first?.dashboard));
});
