/**
 * Undo Send, end to end on both sites: a send the rep takes back with the site's Undo does not count,
 * nor does the rewrite it was sent with; the same draft comes back untouched, and sending it again
 * counts the email and the rewrite once. The fixtures' behaviour scripts show the site's offer when
 * the page hash says "undo=MS" (tests/fixtures/{gmail,outlook}/behaviour.js).
 */
import type { Page, Worker } from '@playwright/test';
import { OFFER_GRACE_MS } from '../../lib/coach/pending-sends';
import { expect, test } from './harness';
import { openGmail, seenEvents, watchMessages } from './gmail-fixtures';
import { bodies, caretAtTop, OFFICE, openOutlook } from './outlook-fixtures';

const UNDO_MS = 4_000;
const CHECKIN = 'Hi, just checking in to see if there is any update on the renewal?';
const NUDGE = '[data-callfirst="nudge"]';

const eventsSince = async (worker: Worker, since: number, type: string) =>
  (await seenEvents(worker, since)).filter((e) => e.type === type);
const sendsSince = (worker: Worker, since: number) => eventsSince(worker, since, 'email_sent');
const acceptedSince = (worker: Worker, since: number) => eventsSince(worker, since, 'nudge_accepted');

const shownNudge = (page: Page) => page.locator(`${NUDGE}:not([hidden])`);
const checkinShown = (page: Page) => expect(shownNudge(page)).toHaveAttribute('data-reasons', /(^|,)checkin(,|$)/);

/** "Ask for a call instead" from the nudge's card, once the check-in shows it. */
async function askForCall(page: Page) {
  const nudge = shownNudge(page);
  await checkinShown(page);
  await nudge.locator('button[aria-expanded]').click();
  await nudge.locator('[data-action="call_request"]').click();
}

/** Keeps a handle on the window's nudge (page-side, test only), so the test can see the coach take it out. */
const holdNudge = (page: Page) =>
  page.locator(NUDGE).evaluate((el) => {
    (window as unknown as { __heldNudge: Element }).__heldNudge = el;
  });
/** The coach has seen the window go: closing its session took the nudge out of the window that left. */
const coachSawWindowGo = (page: Page) =>
  page.waitForFunction(() => (window as unknown as { __heldNudge: Element }).__heldNudge.parentNode === null);

/** Waits until the page's offer has run out: from then on the coach has had every chance to count. */
async function offerRunsOut(page: Page) {
  await expect(page.locator('.fixture-toast')).toHaveCount(0, { timeout: UNDO_MS + 5_000 });
}

const sites = [
  {
    name: 'Gmail',
    open: async (test: { extensionContext: Parameters<typeof openGmail>[0] }) => {
      const page = await openGmail(test.extensionContext, 'compose-new.html', `#inbox/undo=${UNDO_MS}`);
      await page.locator('[g_editable]').click();
      await page.keyboard.press('Control+Home');
      return page;
    },
    body: (page: Page) => page.locator('[g_editable]'),
    send: (page: Page) => page.locator('.Up [role="button"]:not([aria-haspopup="true"])').first().click(),
    undo: (page: Page) => page.locator('#link_undo').click(),
    undone: (page: Page) => page.evaluate(() => (window as unknown as { __fixtureUndone: string[] }).__fixtureUndone),
  },
  {
    name: 'Outlook',
    open: async (test: { extensionContext: Parameters<typeof openGmail>[0] }) => {
      const page = await openOutlook(test.extensionContext, `${OFFICE}#undo=${UNDO_MS}`, 'outlook/compose-new.html');
      await caretAtTop(bodies(page).first());
      return page;
    },
    body: (page: Page) => bodies(page).first(),
    send: (page: Page) => page.locator('[data-fixture-action="send"]').first().click(),
    undo: (page: Page) => page.getByRole('alert').getByRole('button', { name: 'Undo' }).click(),
    undone: (page: Page) =>
      page.evaluate(() => (window as unknown as { __outlookFixture: { undone: string[] } }).__outlookFixture.undone),
  },
];

for (const site of sites) {
  test(`${site.name}: a send taken back with Undo does not count, nor its rewrite; sent again both count once`, async ({
    extensionContext,
    serviceWorker,
  }) => {
    const since = await watchMessages(serviceWorker);
    const page = await site.open({ extensionContext });
    await page.keyboard.type(CHECKIN, { delay: 2 });
    await askForCall(page);
    await expect(site.body(page)).toContainText('10 minutes');
    const before = await site.body(page).innerHTML();
    await holdNudge(page);

    await site.send(page);
    await expect(site.body(page)).toHaveCount(0);
    await expect(page.locator('.fixture-toast')).toBeVisible();
    await coachSawWindowGo(page);
    // A rep reads the toast before pressing Undo: the send is held past the wait for an offer to show.
    await page.waitForTimeout(OFFER_GRACE_MS + 500);
    await site.undo(page);
    // The same draft is back, exactly as it was.
    await expect(site.body(page)).toHaveCount(1);
    expect(await site.body(page).innerHTML()).toBe(before);
    expect(await site.undone(page)).toHaveLength(1);
    // Nothing was counted, nor the rewrite accepted: the offer was still up when Undo came.
    expect(await sendsSince(serviceWorker, since)).toHaveLength(0);
    expect(await acceptedSince(serviceWorker, since)).toHaveLength(0);

    await site.send(page);
    await expect(site.body(page)).toHaveCount(0);
    await offerRunsOut(page);
    await expect.poll(async () => (await sendsSince(serviceWorker, since)).length).toBe(1);
    // The draft that came back kept the rewrite it was sent with: accepted once, with this send.
    await expect
      .poll(async () => (await acceptedSince(serviceWorker, since)).map((e) => e.action))
      .toEqual(['call_request']);
    // The undone send never reached the ledger, even late.
    await page.waitForTimeout(1_000);
    expect(await sendsSince(serviceWorker, since)).toHaveLength(1);
    expect(await acceptedSince(serviceWorker, since)).toHaveLength(1);
    await page.close();
  });

  test(`${site.name}: a send whose offer runs out counts once, after the offer`, async ({
    extensionContext,
    serviceWorker,
  }) => {
    const since = await watchMessages(serviceWorker);
    const page = await site.open({ extensionContext });
    await page.keyboard.type(CHECKIN, { delay: 2 });
    await checkinShown(page);
    await holdNudge(page);
    await site.send(page);
    await expect(page.locator('.fixture-toast')).toBeVisible();
    await coachSawWindowGo(page);
    // Past the wait for an offer to show, the send is still held while the offer is up.
    await page.waitForTimeout(OFFER_GRACE_MS + 500);
    expect(await sendsSince(serviceWorker, since)).toHaveLength(0);
    // (Read while the offer was up: it still is.)
    await expect(page.locator('.fixture-toast')).toBeVisible();
    await offerRunsOut(page);
    await expect.poll(async () => (await sendsSince(serviceWorker, since)).length).toBe(1);
    await page.close();
  });
}
