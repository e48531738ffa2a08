/**
 * The popup's first paint: its heading and today's numbers, shown before the popup's own script
 * (Preact app, settings, Dexie) has loaded. It runs as a small classic script while popup.html is
 * parsed (entrypoints/popup-first.ts), reads today's daily-totals row straight from IndexedDB
 * (lib/ledger/first-read.ts), and renders the same components the popup renders (./Today.tsx)
 * with the goal and streak of the last dashboard, as the popup's own first render does. The popup
 * then renders over these nodes (Preact reuses them, so nothing flickers and the accessible names
 * stay), starting from the counts painted here, and follows the ledger live from there.
 *
 * Once that frame is on screen it reads the rest of the dashboard the same way (same queries, a few
 * bounded reads) while the popup's script loads, so the popup shows it at once, without Dexie.
 */
import { render } from 'preact';
import { dashboardOf } from '../../lib/ledger/dashboard';
import { localDay, type Day } from '../../lib/ledger/day';
import { openLedgerToRead, plainReader, type FirstReadOptions } from '../../lib/ledger/first-read';
import { countDay } from '../../lib/ledger/queries';
import { popupDashboardOptions } from './dashboard-options';
import { handFirstPaint, type FirstPaint } from './handoff';
import { readLastDashboard, type LastDashboard } from './last-dashboard';
import { PopupHeader, TodaySection, uiLocale } from './Today';

/**
 * Paints into the page's `#app` once today's row is read (nothing when it cannot be read in time),
 * and resolves once that frame is on screen. Called as the page starts to parse, so the read
 * overlaps the parsing and the stylesheet.
 */
export function paintFirst(
  doc: Document,
  { now = Date.now(), timeZone, ...read }: FirstReadOptions & { now?: number; timeZone?: string } = {},
): Promise<FirstPaint | undefined> {
  const day = localDay(now, timeZone);
  const painted = openLedgerToRead(read)
    .then(async (db) => {
      if (!db) return undefined;
      try {
        const totals = plainReader(db, ['totals']);
        if (!totals) return undefined; // a schema from before the daily totals
        const counts = await countDay(totals, day);
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
        await nextFrame();
        // After the frame that shows them, as the popup's own marks (Preact effects) are; with the
        // numbers shown, so the speed check can tell they were right.
        performance.mark('callfirst:today', { detail: counts });
        // Only now: its rows arriving must not hold up that frame, and it is done before the
        // popup's script has loaded.
        return { day, counts, dashboard: readWholeDashboard(db, day, now, last) };
      } finally {
        db.close(); // takes effect once the reads started are done
      }
    })
    // Whatever goes wrong here, the popup still renders (from the ledger, as without a first paint).
    .catch(() => undefined);
  handFirstPaint(painted);
  return painted;
}

/** The whole dashboard for the goal and overdue window the last one was shown with (none kept: nothing). */
function readWholeDashboard(
  db: IDBDatabase,
  today: Day,
  now: number,
  last: LastDashboard | undefined,
): Promise<LastDashboard | undefined> | undefined {
  if (last?.overdueDays === undefined) return undefined;
  const { goal, overdueDays } = last;
  const reader = plainReader(db, ['totals', 'contacts', 'calls', 'events']);
  return reader
    ? dashboardOf(reader, popupDashboardOptions(today, now, goal, overdueDays)).then(
        (dashboard) => ({ dashboard, goal, overdueDays }),
        () => undefined,
      )
    : undefined;
}

/**
 * Resolves once the next frame is on screen, or after 35 ms if no frame comes (a hidden page draws
 * none), as Preact runs effects.
 */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => setTimeout(resolve);
    requestAnimationFrame(done);
    setTimeout(done, 35);
  });
}

/** The page's `#app`, once parsed. */
function bodyParsed(doc: Document): Promise<HTMLElement> {
  const app = doc.getElementById('app');
  if (app) return Promise.resolve(app);
  return new Promise((resolve) =>
    doc.addEventListener('DOMContentLoaded', () => resolve(doc.getElementById('app')!), { once: true }),
  );
}
