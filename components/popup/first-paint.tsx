/**
 * The popup's first paint: its heading and today's numbers, shown before the popup's own script
 * (Preact app, settings, Dexie) has loaded. It runs as a small classic script while popup.html is
 * parsed (entrypoints/popup-first.ts), reads today's daily-totals row straight from IndexedDB
 * (lib/ledger/first-read.ts), and renders the same components the popup renders (./Today.tsx)
 * with the goal and streak of the last dashboard, as the popup's own first render does. The popup
 * then renders over these nodes (Preact reuses them, so nothing flickers and the accessible names
 * stay), starting from the counts painted here, and follows the ledger live from there.
 */
import { render } from 'preact';
import { localDay, type Day } from '../../lib/ledger/day';
import { readTodayTotals, type FirstReadOptions } from '../../lib/ledger/first-read';
import type { DayCounts } from '../../lib/ledger/queries';
import { readLastDashboard } from './last-dashboard';
import { PopupHeader, TodaySection, uiLocale } from './Today';

export interface FirstPaint {
  day: Day;
  counts: DayCounts;
}

/** Where the first paint leaves its counts for the popup's script (another bundle, same page). */
const HANDOFF = 'callfirstFirstPaint';

type Handoff = Record<typeof HANDOFF, Promise<FirstPaint | undefined> | undefined>;

/**
 * Paints into the page's `#app` once today's row is read (nothing when it cannot be read in time).
 * Called as the page starts to parse, so the read overlaps the parsing and the stylesheet.
 */
export function paintFirst(
  doc: Document,
  { now = Date.now(), timeZone, ...read }: FirstReadOptions & { now?: number; timeZone?: string } = {},
): Promise<FirstPaint | undefined> {
  const day = localDay(now, timeZone);
  const painted = readTodayTotals(day, read)
    .then(async (counts) => {
      if (!counts) return undefined;
      const last = readLastDashboard(day);
      // Rendered aside and moved in, so the popup's Preact finds plain nodes to take over.
      const frame = doc.createElement('div');
      render(
        <main class="popup">
          <PopupHeader today={day} locale={uiLocale()} />
          <TodaySection counts={counts} goal={last?.goal} streak={last?.dashboard.streak ?? 0} />
        </main>,
        frame,
      );
      const app = await bodyParsed(doc);
      app.replaceChildren(...frame.childNodes);
      // After the frame that shows them, as the popup's own marks (Preact effects) are; with the
      // numbers shown, so the speed check can tell they were right.
      afterNextFrame(() => performance.mark('callfirst:today', { detail: counts }));
      return { day, counts };
    })
    // Whatever goes wrong here, the popup still renders (from the ledger, as without a first paint).
    .catch(() => undefined);
  (window as unknown as Handoff)[HANDOFF] = painted;
  return painted;
}

/**
 * Runs `fn` once the next frame is on screen, or after 35 ms if no frame comes (a hidden page
 * draws none), as Preact runs effects.
 */
export function afterNextFrame(fn: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    setTimeout(fn);
  };
  requestAnimationFrame(run);
  setTimeout(run, 35);
}

/** The page's `#app`, once parsed. */
function bodyParsed(doc: Document): Promise<HTMLElement> {
  const app = doc.getElementById('app');
  if (app) return Promise.resolve(app);
  return new Promise((resolve) =>
    doc.addEventListener('DOMContentLoaded', () => resolve(doc.getElementById('app')!), { once: true }),
  );
}

/** What the first paint showed (undefined when it showed nothing), once it is done. */
export function takeFirstPaint(): Promise<FirstPaint | undefined> {
  return (window as unknown as Handoff)[HANDOFF] ?? Promise.resolve(undefined);
}
