/**
 * The draft analysis runs in the extension's background: the nudge still appears on Gmail and
 * Outlook, the draft reaches the service worker in an `analyse` message, a background that was
 * stopped is woken, and a megabyte pasted into a draft gives CallFirst no long task on the page
 * (long tasks are attributed to CallFirst through the coach's `callfirst:*` user-timing marks).
 * Speed figures live in `npm run bench`; these tests check behaviour.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { openGmail, seenMessages, watchMessages } from './gmail-fixtures';
import { expect, test } from './harness';
import { bodies, caretAtTop, OFFICE, openOutlook } from './outlook-fixtures';

const NUDGE = '[data-callfirst="nudge"]';
const GMAIL_BODY = '[g_editable]';
const CHECKIN = 'Hi Dana, just checking in to see if there is any update?';

async function expectCheckinNudge(page: Page) {
  await expect(page.locator(NUDGE)).toHaveAttribute('data-reasons', /(^|,)checkin(,|$)/);
}

async function typeIntoGmail(page: Page, text: string) {
  await page.locator(GMAIL_BODY).click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type(text, { delay: 3 });
}

/** Stops the extension's service worker, as Chrome does after 30 s without events. */
async function stopServiceWorker(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

test('Gmail: the nudge appears, and the draft was analysed by the background', async ({
  extensionContext,
  serviceWorker,
}) => {
  const since = await watchMessages(serviceWorker);
  const page = await openGmail(extensionContext, 'compose-new.html');
  await typeIntoGmail(page, CHECKIN);
  await expectCheckinNudge(page);
  const types = (await seenMessages(serviceWorker, since)).map((m) => m.type);
  expect(types).toContain('prime_analysis');
  expect(types).toContain('analyse');
  await page.close();
});

test('Outlook: the nudge appears with the analysis in the background', async ({ extensionContext }) => {
  const page = await openOutlook(extensionContext, OFFICE, 'outlook/compose-new.html');
  await caretAtTop(bodies(page).first());
  await page.keyboard.type(CHECKIN, { delay: 3 });
  await expectCheckinNudge(page);
  await page.close();
});

test('a background stopped before the compose window opened is woken, and the nudge appears', async ({
  extensionContext,
}) => {
  const page = await extensionContext.newPage();
  await stopServiceWorker(extensionContext, page);
  await page.close();
  const gmail = await openGmail(extensionContext, 'compose-new.html');
  await typeIntoGmail(gmail, CHECKIN);
  await expectCheckinNudge(gmail);
  await gmail.close();
});

test('a 1 MB paste gives CallFirst no long task on the page', async ({ extensionContext }) => {
  const page = await openGmail(extensionContext, 'compose-new.html');
  await typeIntoGmail(page, 'Hi Dana,');
  await page.evaluate((selector) => {
    const w = window as unknown as { __longTasks: { start: number; end: number }[]; __pastedAt: number };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
    }).observe({ type: 'longtask' });
    // What a paste of plain text leaves in the editor: one block per paragraph. Then the page's input event.
    const paragraph =
      'Just checking in to see if there is any update on the renewal and the revised pricing we sent last week. ';
    const blocks = Array.from({ length: Math.ceil(1_000_000 / (paragraph.length * 4)) }, () => {
      const div = document.createElement('div');
      div.textContent = paragraph.repeat(4);
      return div;
    });
    const body = document.querySelector<HTMLElement>(selector)!;
    w.__pastedAt = performance.now();
    body.append(...blocks);
    body.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, GMAIL_BODY);
  // The background's verdict on the megabyte arrives (seconds on a busy machine: the page is not waiting on it).
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const w = window as unknown as { __pastedAt: number };
          return performance.getEntriesByName('callfirst:verdict').filter((e) => e.startTime > w.__pastedAt).length;
        }),
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
  const found = await page.evaluate(() => {
    const w = window as unknown as { __longTasks: { start: number; end: number }[]; __pastedAt: number };
    const marks = performance
      .getEntriesByType('measure')
      .filter((e) => e.name.startsWith('callfirst:') && e.startTime > w.__pastedAt)
      .map((e) => ({ name: e.name, start: e.startTime, end: e.startTime + e.duration }));
    const ours = w.__longTasks.filter((task) => marks.some((m) => m.start < task.end && m.end > task.start));
    return { marks: marks.map((m) => m.name), ours };
  });
  // The page's part of the pass (reading the draft, sending it) and the verdict were both marked…
  expect(found.marks).toEqual(expect.arrayContaining(['callfirst:analyse', 'callfirst:verdict']));
  // …and neither was inside a task of 50 ms or more.
  expect(found.ours).toEqual([]);
  await page.close();
});
