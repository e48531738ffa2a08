/**
 * The nudge's card end to end, in real Chromium with the built extension on the Gmail and Outlook
 * fixtures: the next purpose noted at a call comes back as the next draft's opener, Undo puts the
 * draft back exactly after either action, and "not called in a while" alone nudges at most once a
 * week per contact. The log form and the opener are reached through their automation contract
 * (textarea names, data-testid="opener"). Tests that count on the ledger empty it first.
 */
import type { BrowserContext, Locator, Page, Worker } from '@playwright/test';
import { analysed, expect, test } from './harness';
import { openGmail, seenEvents, watchMessages } from './gmail-fixtures';
import { bodies, caretAtTop, OFFICE, openOutlook } from './outlook-fixtures';

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: Record<'sync' | 'local', { remove(keys: string[]): Promise<void> }>;
};

const NUDGE = '[data-callfirst="nudge"]';
/** The nudge's chip: what the rep sees of it (its host floats and takes no room of its own). */
const CHIP = 'button[aria-expanded]';
const BODY = '[g_editable]';
const CHECKIN = 'Hi Dana, just checking in to see if there is any update?';
/** No reason of its own to call: only "not called in a while" can nudge on it. */
const NEUTRAL = 'Hi Dana, I spoke with our product team about the reporting module and they will ship it next month.';

async function resetSettings(worker: Worker) {
  await worker.evaluate(async () => {
    await chrome.storage.sync.remove(['settings', 'settingsSavedAt']);
    await chrome.storage.local.remove(['settings', 'settingsSavedAt']);
  });
}

/** Empties the ledger through the typed message the "Your data" page sends. */
async function clearLedger(context: BrowserContext, extensionId: string) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  expect(await page.evaluate(() => chrome.runtime.sendMessage({ type: 'clear_ledger' }))).toEqual({ ok: true });
  await page.close();
}

async function typeInto(page: Page, text: string) {
  await page.locator(BODY).click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type(text, { delay: 3 });
}

/** Opens the card (the chip is the button that expands it). */
async function openCard(nudge: Locator) {
  await nudge.locator('button[aria-expanded]').click();
  await expect(nudge.locator('button[aria-expanded]')).toHaveAttribute('aria-expanded', 'true');
}

/** The draft's editable body as markup: what "exactly as it was" is checked against. */
function markup(body: Locator): Promise<string> {
  return body.evaluate((el) => el.innerHTML);
}

test.beforeEach(async ({ serviceWorker }) => {
  await resetSettings(serviceWorker);
});

test('a call logged from the nudge with a next purpose opens the next draft to that contact', async ({
  extensionContext,
  extensionId,
  serviceWorker,
}) => {
  await clearLedger(extensionContext, extensionId);
  const since = await watchMessages(serviceWorker);
  const first = await openGmail(extensionContext, 'compose-new.html');
  await typeInto(first, CHECKIN);
  const nudge = first.locator(NUDGE);
  await openCard(nudge);
  await nudge.locator('[data-action="log_call"]').click();
  const form = nudge.locator('form');
  await form.locator('textarea[name="purpose"]').fill('Agree the pilot');
  await form.locator('textarea[name="discussed"]').fill('Budget is approved');
  await form.locator('textarea[name="proposed"]').fill('A pilot from the 1st');
  await form.locator('textarea[name="nextPurpose"]').fill('confirm pilot start date');
  await form.locator('button[type="submit"]').click();
  await expect
    .poll(async () => (await seenEvents(serviceWorker, since)).filter((e) => e.type === 'call_logged').length)
    .toBe(1);
  await first.close();

  const next = await openGmail(extensionContext, 'compose-new.html');
  await typeInto(next, CHECKIN);
  const card = next.locator(NUDGE);
  await openCard(card);
  await expect(card.getByTestId('opener')).toHaveText('The purpose of my call is to confirm the pilot start date.');
  await expect(card.getByTestId('opener-source')).toHaveText(/last call/i);
  await expect(card.getByTestId('last-call')).toHaveText(
    'Last call today · Discussed: Budget is approved · Proposed: A pilot from the 1st',
  );
  // The rewrite asks for the call with the same purpose.
  await card.locator('[data-action="call_request"]').click();
  await expect(next.locator(BODY)).toContainText('The purpose of my call is to confirm the pilot start date.');
  await next.close();

  // Three emails later Dana is overdue: the popup lists her with the purpose of the next contact.
  const popup = await extensionContext.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  for (let i = 1; i <= 3; i++) {
    const event = {
      type: 'email_sent',
      key: `nudge-spec:email:${i}:${Date.now()}`,
      at: Date.now(),
      host: 'gmail',
      recipients: [{ address: 'dana@acme.example' }],
      level: 'none',
      reasons: [],
    };
    expect(await popup.evaluate((e) => chrome.runtime.sendMessage({ type: 'record', event: e }), event)).toEqual({
      ok: true,
      outcome: 'saved',
    });
  }
  const row = popup.getByTestId('overdue').locator('li').filter({ hasText: 'Dana Whitfield' });
  await expect(row.getByTestId('overdue-next')).toHaveText('Next: confirm pilot start date');
  await popup.close();
});

test.describe('Undo after an action', () => {
  test('Gmail: "Ask for a call instead" is undone exactly, formatting included, and said so politely', async ({
    extensionContext,
  }) => {
    const page = await openGmail(extensionContext, 'reply-inline.html', '#inbox/FMfcgz');
    const body = page.locator(BODY);
    await typeInto(page, 'Hi Dana, ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('just checking in', { delay: 3 });
    await page.keyboard.press('Control+b');
    await page.keyboard.type(' to see if there is any update?', { delay: 3 });
    await expect(body.locator('b, strong')).toHaveText('just checking in');
    const nudge = page.locator(NUDGE);
    await expect(nudge).toHaveAttribute('data-reasons', /checkin/);
    const before = await markup(body);

    await openCard(nudge);
    // The reason is worded in the card from its message key, with the rep's own words.
    await expect(nudge.locator('.findings .message').first()).toHaveText(
      /^"just checking in" (?:asks|only asks) for status.*; a short call gets the real answer\.$/,
    );
    await nudge.locator('[data-action="call_request"]').click();
    await expect(body).toContainText('Could we speak for 10 minutes');
    const undo = nudge.locator('[data-action="undo"]');
    await expect(undo).toBeVisible();
    await expect(undo).toHaveAccessibleName('Undo');
    await expect(nudge.getByRole('status')).toContainText('Your draft now asks for a call.');
    // Still offered once the new draft has been analysed (it needs no nudge of its own).
    await analysed(page);
    await expect(undo).toBeVisible();

    await undo.click();
    await expect.poll(() => markup(body)).toBe(before);
    await expect(nudge.getByRole('status')).toContainText('Your draft is back as it was.');
    await expect(undo).toHaveCount(0);
    await expect(nudge).toHaveAttribute('data-reasons', /checkin/);
    await page.close();
  });

  test('Gmail: "Use the purpose opener" is undone by the button, and by Ctrl+Z too', async ({ extensionContext }) => {
    const page = await openGmail(extensionContext, 'compose-new.html');
    const body = page.locator(BODY);
    await body.click();
    await page.keyboard.type('Hi Dana,', { delay: 2 });
    await page.keyboard.press('Enter');
    await page.keyboard.type('Just checking in to see if there is any update?', { delay: 2 });
    const nudge = page.locator(NUDGE);
    await expect(nudge).toHaveAttribute('data-reasons', /checkin/);
    const before = await markup(body);

    await openCard(nudge);
    await nudge.locator('[data-action="opener"]').click();
    await expect(body).toContainText('The purpose of my call is');
    await expect(nudge.getByRole('status')).toContainText('The opener is in your draft.');
    await nudge.locator('[data-action="undo"]').click();
    await expect.poll(() => markup(body)).toBe(before);

    // Again, this time undone with the editor's own shortcut: the offer goes with the edit.
    await openCard(nudge);
    await nudge.locator('[data-action="opener"]').click();
    await expect(body).toContainText('The purpose of my call is');
    await page.keyboard.press('Control+z');
    await expect.poll(() => markup(body)).toBe(before);
    await expect(nudge.locator('[data-action="undo"]')).toHaveCount(0);
    await page.close();
  });

  test('Gmail: typing after the action withdraws the offer', async ({ extensionContext }) => {
    const page = await openGmail(extensionContext, 'compose-new.html');
    await typeInto(page, CHECKIN);
    const nudge = page.locator(NUDGE);
    await openCard(nudge);
    await nudge.locator('[data-action="call_request"]').click();
    await expect(nudge.locator('[data-action="undo"]')).toBeVisible();
    await page.keyboard.type(' P.S. see you Friday.', { delay: 3 });
    await expect(nudge.locator('[data-action="undo"]')).toHaveCount(0);
    await expect(page.locator(BODY)).toContainText('Could we speak for 10 minutes');
    await page.close();
  });

  test('Outlook: "Ask for a call instead" is undone exactly', async ({ extensionContext }) => {
    const page = await openOutlook(extensionContext, OFFICE, 'outlook/reply-inline.html');
    const body = bodies(page).first();
    await caretAtTop(body);
    await page.keyboard.type('Hi Dana, just checking in to see if you had any updates on the renewal. Any update?', {
      delay: 2,
    });
    const nudge = page.locator(`${NUDGE}:not([hidden])`);
    await expect(nudge).toHaveAttribute('data-reasons', /checkin/);
    const before = await markup(body);
    await openCard(nudge);
    await nudge.locator('[data-action="call_request"]').click();
    await expect(body).toContainText('10 minutes');
    await nudge.locator('[data-action="undo"]').click();
    await expect.poll(() => markup(body)).toBe(before);
    await expect(nudge.getByRole('status')).toContainText('Your draft is back as it was.');
    await page.close();
  });
});

test('"not called in a while" alone nudges once a week per contact, never on a delivery', async ({
  extensionContext,
  extensionId,
  serviceWorker,
}) => {
  await clearLedger(extensionContext, extensionId);
  const since = await watchMessages(serviceWorker);
  const overdueOnly = async () =>
    (await seenEvents(serviceWorker, since)).filter(
      (e) => e.type === 'nudge_shown' && e.reasons?.join(',') === 'overdue',
    ).length;
  const sends = async () => (await seenEvents(serviceWorker, since)).filter((e) => e.type === 'email_sent').length;

  /** Writes one draft to Dana and sends it; `nudged` says whether the overdue-only nudge must show first. */
  const email = async (text: string, nudged: boolean) => {
    const sent = await sends();
    const page = await openGmail(extensionContext, 'compose-new.html');
    await typeInto(page, text);
    const nudge = page.locator(NUDGE);
    if (nudged) await expect(nudge).toHaveAttribute('data-reasons', 'overdue');
    else {
      // Once the draft as written is analysed, the nudge has stayed hidden (the count below catches a late one).
      await analysed(page);
      await expect(nudge.locator(CHIP)).toBeHidden();
    }
    await page.keyboard.press('Control+Enter');
    await expect(page.locator(BODY)).toHaveCount(0);
    await expect.poll(sends).toBe(sent + 1);
    await page.close();
  };

  for (let i = 0; i < 3; i++) await email(NEUTRAL, false);
  // Overdue now (three emails, no call), but a delivery needs no call.
  await email('Hi Dana,\nAttached is the signed order form. Thanks!', false);
  await email(NEUTRAL, true);
  await email(NEUTRAL, false);
  expect(await overdueOnly()).toBe(1);

  // With another reason the overdue line still joins the card.
  const page = await openGmail(extensionContext, 'compose-new.html');
  await typeInto(page, CHECKIN);
  await expect(page.locator(NUDGE)).toHaveAttribute('data-reasons', 'checkin,overdue');
  await page.close();
  expect(await overdueOnly()).toBe(1);
});
