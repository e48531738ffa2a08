/**
 * An extension update while a draft is open. Stores update extensions in the background, and Chromium
 * does not put the new content script into pages already open: the old one stays, cut off from the
 * extension. It must step aside: stop, take its nudge away, call no extension API again and throw
 * nothing into the page, while the page and its Send keep working.
 *
 * Each test has a browser of its own: reloading the extension ends the service worker the other
 * tests of a worker share.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, extensionWorker, launchWithExtension, test } from './harness';
import { openGmail } from './gmail-fixtures';
import { bodies, caretAtTop, OFFICE, openOutlook } from './outlook-fixtures';

/** The extension API as the service worker sees it (only what these tests use). */
declare const chrome: { runtime: { reload(): void } };

const NUDGE = '[data-callfirst="nudge"]';
const CHECKIN = 'Hi Dana, just checking in to see if there is any update on the renewal?';

interface Site {
  name: string;
  open(context: BrowserContext): Promise<Page>;
  body(page: Page): Locator;
  send(page: Page): Locator;
  /** How many sends the fixture has seen. */
  sent(page: Page): Promise<number>;
}

const SITES: Site[] = [
  {
    name: 'Gmail',
    open: (context) => openGmail(context, 'compose-new.html'),
    body: (page) => page.locator('[g_editable]'),
    send: (page) => page.locator('.Up [role="button"]:not([aria-haspopup])'),
    sent: (page) => page.evaluate(() => (window as unknown as { __fixtureSent: string[] }).__fixtureSent.length),
  },
  {
    name: 'Outlook',
    open: (context) => openOutlook(context, OFFICE, 'outlook/compose-new.html'),
    body: (page) => bodies(page).first(),
    send: (page) => page.locator('[data-testid="ComposeSendButton"]'),
    sent: (page) =>
      page.evaluate(
        () => (window as unknown as { __outlookFixture: { sent: unknown[] } }).__outlookFixture.sent.length,
      ),
  },
];

/** Reloads the extension from its service worker, as an update does, and waits until that worker has gone. */
async function reloadExtension(context: BrowserContext): Promise<void> {
  const worker = await extensionWorker(context);
  const gone = worker.waitForEvent('close');
  // The worker ends while it runs this: its evaluation may never answer.
  void worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
  await gone;
}

for (const site of SITES) {
  test(`${site.name}: after an extension update mid-draft the old script steps aside, and Send still sends`, async () => {
    const context = await launchWithExtension();
    try {
      const page = await site.open(context);
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });

      await caretAtTop(site.body(page));
      await page.keyboard.type(CHECKIN, { delay: 2 });
      const nudge = page.locator(NUDGE);
      await expect(nudge).toHaveAttribute('data-reasons', /(^|,)checkin(,|$)/);
      const oldNudge = await nudge.elementHandle();

      await reloadExtension(context);
      // The rep keeps typing: the old script notices it is cut off and takes its nudge away.
      await page.keyboard.type(' Just checking in once more, any news?', { delay: 2 });
      await expect.poll(() => oldNudge.evaluate((el) => el.isConnected)).toBe(false);
      expect(await page.locator(NUDGE).count()).toBeLessThanOrEqual(1);

      await site.send(page).click();
      await expect.poll(() => site.sent(page)).toBe(1);
      // Errors have no event to wait for: give the old script's timers (analysis pause, idle scan) time to run.
      await page.waitForTimeout(1500);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
}
