/**
 * The Gmail coach end to end, in real Chromium with the built extension, on the project's own
 * Gmail fixtures served at mail.google.com. What reaches the background is observed in the service
 * worker (test instrumentation in gmail-fixtures.ts). Tests share one browser per worker, so each
 * resets the settings it touches and looks only at messages seen since it started.
 */
import type { Page, Worker } from '@playwright/test';
import { analysed, expect, test } from './harness';
import { openGmail, seenEvents, watchMessages } from './gmail-fixtures';
import { atDoubleZoom, boxOf, caretBox, expectCardFits, overlaps } from './layout';
import { levelOf } from './verdict';

/** The extension API as the service worker sees it (only what these tests use). */
declare const chrome: {
  storage: Record<
    'sync' | 'local',
    {
      get(keys: string | string[]): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
      remove(keys: string[]): Promise<void>;
    }
  >;
};

const NUDGE = '[data-callfirst="nudge"]';
/** The nudge's chip: what the rep sees of it (its host floats and takes no room of its own). */
const CHIP = 'button[aria-expanded]';
const BODY = '[g_editable]';
const CHECKIN = 'Hi Dana, just checking in to see if there is any update?';
const PURPOSEFUL =
  'Hi Dana, the signed order form is attached. Please countersign by Friday so we can start on Monday.';

/** Clicks into the body and types at its very start (where the rep's own words go, above signature and quote). */
async function typeInto(page: Page, body: string, text: string) {
  await page.locator(body).click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type(text, { delay: 3 });
}

async function resetSettings(worker: Worker) {
  await worker.evaluate(async () => {
    await chrome.storage.sync.remove(['settings', 'settingsSavedAt']);
    await chrome.storage.local.remove(['settings', 'settingsSavedAt']);
  });
}

async function saveSettings(worker: Worker, values: Record<string, unknown>) {
  await worker.evaluate(async (v) => {
    await chrome.storage.sync.set({ settings: v, settingsSavedAt: Date.now() });
  }, values);
}

/** Polls until `count` email_sent events arrived since `since`, then checks none more follow. */
async function expectSends(worker: Worker, since: number, count: number) {
  await expect
    .poll(async () => (await seenEvents(worker, since)).filter((e) => e.type === 'email_sent').length)
    .toBe(count);
  await new Promise((r) => setTimeout(r, 600));
  const sent = (await seenEvents(worker, since)).filter((e) => e.type === 'email_sent');
  expect(sent).toHaveLength(count);
  return sent;
}

/** The call_logged events since `since`, once the first has arrived. */
async function callsLogged(worker: Worker, since: number) {
  const calls = async () => (await seenEvents(worker, since)).filter((e) => e.type === 'call_logged');
  await expect.poll(async () => (await calls()).length).toBeGreaterThan(0);
  return calls();
}

/** Waits until a send would surely have been seen (the coach's idle scan after the window left): nothing to await. */
async function settle(page: Page) {
  await page.waitForTimeout(900);
}

/**
 * The ledger remembers earlier tests' sends to the same fixture contacts, which can make them
 * "overdue for a call". Tests that judge the draft alone switch that rule off.
 */
async function withoutOverdue(worker: Worker) {
  await saveSettings(worker, {
    rules: { checkin: true, questions: true, length: true, thread: true, conflict: true, overdue: false },
  });
}

/** Waits for the nudge to show the check-in reason (an overdue-only nudge may come first). */
async function expectCheckinNudge(page: Page) {
  await expect(page.locator(NUDGE)).toHaveAttribute('data-reasons', /(^|,)checkin(,|$)/);
}

/** Nothing of ours inside any editable body. */
async function expectCleanBodies(page: Page) {
  const ours = await page.evaluate(
    () =>
      [...document.querySelectorAll('[g_editable]')].flatMap((b) => [
        ...b.querySelectorAll('[data-callfirst], callfirst-nudge'),
      ]).length,
  );
  expect(ours).toBe(0);
}

test.beforeEach(async ({ serviceWorker }) => {
  await resetSettings(serviceWorker);
});

test.describe('the nudge', () => {
  test('typing a check-in shows the nudge with reason checkin', async ({ extensionContext }) => {
    const page = await openGmail(extensionContext, 'compose-new.html');
    await typeInto(page, BODY, CHECKIN);
    const nudge = page.locator(NUDGE);
    await expect(nudge.locator(CHIP)).toBeVisible();
    await expect(nudge).toHaveAttribute('data-reasons', /(^|,)checkin(,|$)/);
    await expect(nudge).toHaveAttribute('data-level', levelOf(CHECKIN));
    await expect(nudge.getByRole('button', { name: 'Faster as a call?' })).toBeVisible();
    // Never steals focus: the caret stays in the draft.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('g_editable'))).toBe('true');
    await expectCleanBodies(page);
    await page.close();
  });

  test('a short purposeful email shows no nudge', async ({ extensionContext, serviceWorker }) => {
    await withoutOverdue(serviceWorker);
    const page = await openGmail(extensionContext, 'compose-new.html');
    await typeInto(page, BODY, PURPOSEFUL);
    await analysed(page);
    await expect(page.locator(NUDGE).locator(CHIP)).toBeHidden();
    await page.close();
  });

  test('quoted history full of check-in phrases does not trigger it', async ({ extensionContext, serviceWorker }) => {
    await withoutOverdue(serviceWorker);
    const page = await openGmail(extensionContext, 'reply-inline.html', '#inbox/FMfcgz');
    await typeInto(page, BODY, 'Thanks Dana, the revised quote with the agreed discount is attached.');
    await analysed(page);
    await expect(page.locator(NUDGE).locator(CHIP)).toBeHidden();
    await page.close();
  });

  test('German Gmail: the nudge shows and Ctrl+Enter counts one send', async ({ extensionContext, serviceWorker }) => {
    const since = await watchMessages(serviceWorker);
    const page = await openGmail(extensionContext, 'compose-de.html');
    // The analysis judges English text; the host must still find everything behind German labels.
    const draft = 'Hi Jonas, just checking in to see if there is any update?';
    await typeInto(page, BODY, draft);
    await expect(page.locator(NUDGE)).toHaveAttribute('data-reasons', /checkin/);
    await page.keyboard.press('Control+Enter');
    await expect(page.locator(BODY)).toHaveCount(0);
    const sent = await expectSends(serviceWorker, since, 1);
    expect(sent[0]!.recipients).toEqual([{ address: 'jonas@beispiel.example', name: 'Jonas Becker' }]);
    expect(sent[0]!.level).toBe(levelOf(draft));
    expect(sent[0]!.reasons).toContain('checkin');
    await page.close();
  });

  test('three windows at once are coached independently, and one opened later too', async ({
    extensionContext,
    serviceWorker,
  }) => {
    await withoutOverdue(serviceWorker);
    const page = await openGmail(extensionContext, 'three-windows.html');
    const bodies = page.locator(BODY);
    await expect(bodies).toHaveCount(3);
    await bodies.nth(0).click();
    await page.keyboard.type(CHECKIN, { delay: 2 });
    await bodies.nth(2).click();
    await page.keyboard.type(PURPOSEFUL, { delay: 2 });
    await expect(page.locator(`${NUDGE}:not([hidden])`)).toHaveCount(1);
    const dialogs = page.locator('[role="dialog"]');
    await expect(dialogs.nth(0).locator(NUDGE).locator(CHIP)).toBeVisible();
    await page.evaluate(() =>
      (window as unknown as { __fixtureOpenCompose(id: number): void }).__fixtureOpenCompose(9),
    );
    await bodies.nth(3).click();
    await page.keyboard.type('Circling back on this, any update?', { delay: 2 });
    await expect(dialogs.nth(3).locator(NUDGE).locator(CHIP)).toBeVisible();
    await page.close();
  });

  test('a pop-out window gets the nudge, and its send counts once', async ({ extensionContext, serviceWorker }) => {
    const since = await watchMessages(serviceWorker);
    const page = await openGmail(extensionContext, 'popout.html', '?view=cm&fs=1');
    await typeInto(page, BODY, CHECKIN);
    await expectCheckinNudge(page);
    await page.keyboard.press('Control+Enter');
    await expect(page.locator(BODY)).toHaveCount(0);
    await expectSends(serviceWorker, since, 1);
    await page.close();
  });

  test('the nudge moves nothing, is reached by Tab from the body, announces politely, closes on Escape and gives the caret back', async ({
    extensionContext,
  }) => {
    const page = await openGmail(extensionContext, 'compose-new.html');
    const body = page.locator(BODY);
    const send = page.locator('[role=button][data-tooltip^="Send"]');
    const bodyBefore = await boxOf(body);
    await typeInto(page, BODY, CHECKIN);
    const nudge = page.locator(NUDGE);
    await expect(nudge.getByRole('status')).toHaveText(/faster as a call.*press Tab to reach it/i);
    // Never in the way: the draft has not moved (the compose window grows from the bottom up in Gmail),
    // the chip covers neither the caret nor Send, and the caret is still in the draft.
    const chip = nudge.getByRole('button', { name: 'CallFirst suggestion: Faster as a call?' });
    await expect(chip).toBeVisible();
    expect(await boxOf(body)).toEqual(bodyBefore);
    const caret = await caretBox(page);
    expect(overlaps(await boxOf(chip), caret), 'the chip covers the caret').toBe(false);
    expect(overlaps(await boxOf(chip), await boxOf(send)), 'the chip covers Send').toBe(false);
    await expect(body).toBeFocused();
    // Next after the body in the tab order: Tab reaches it, Shift+Tab goes back to the caret, and Tab goes
    // on to Send (Gmail orders its compose window with tabindex=1).
    await page.keyboard.press('Tab');
    await expect(chip).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(body).toBeFocused();
    expect(await caretBox(page)).toEqual(caret);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(send).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(body).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(chip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(nudge.getByRole('button', { name: 'Ask for a call instead' })).toBeVisible();
    await expect(chip).toHaveAttribute('aria-expanded', 'true');
    const card = nudge.getByRole('region');
    await expectCardFits(card, page.locator('[role=dialog]'), send);
    await atDoubleZoom(page, () => expectCardFits(card, page.locator('[role=dialog]'), send));
    expect(await caretBox(page)).toEqual(caret);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect(nudge.getByRole('button', { name: 'Ask for a call instead' })).toBeHidden();
    await expect(chip).toBeFocused();
    // The log form takes the caret, Cancel gives it back to its button.
    await page.keyboard.press('Enter');
    const logButton = nudge.locator('[data-action="log_call"]');
    await logButton.focus();
    await page.keyboard.press('Enter');
    await expect(nudge.locator('textarea[name="purpose"]')).toBeFocused();
    await nudge.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Enter');
    await expect(logButton).toBeFocused();
    // "Not now" hides the nudge: the caret goes back to where it was in the draft, and nothing moved.
    await nudge.locator('[data-action="snooze"]').focus();
    await page.keyboard.press('Enter');
    await expect(nudge.locator(CHIP)).toBeHidden();
    await expect(page.locator(BODY)).toBeFocused();
    expect(await boxOf(body)).toEqual(bodyBefore);
    expect(await caretBox(page)).toEqual(caret);
    await page.close();
  });
});

test.describe('actions', () => {
  test('Ask for a call instead replaces the own text, keeps quoted history and signature, and Ctrl+Z undoes it', async ({
    extensionContext,
    serviceWorker,
  }) => {
    const since = await watchMessages(serviceWorker);
    const page = await openGmail(extensionContext, 'reply-inline.html', '#inbox/FMfcgz');
    const keep = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('[g_editable] .gmail_quote, [g_editable] > .gmail_signature')]
          .map((e) => new XMLSerializer().serializeToString(e))
          .join('|'),
      );
    const before = await keep();
    await typeInto(page, BODY, CHECKIN);
    const nudge = page.locator(NUDGE);
    await nudge.getByRole('button', { name: 'Faster as a call?' }).click();
    await expect(nudge.getByRole('button', { name: /^Call \+1 415 555 0134$/ })).toHaveCount(0);
    await expect(nudge.getByRole('link', { name: 'Call +1 415 555 0134' })).toBeVisible();
    await nudge.getByRole('button', { name: 'Ask for a call instead' }).click();
    const body = page.locator(BODY);
    await expect(body).toContainText('Could we speak for 10 minutes');
    await expect(body).not.toContainText('just checking in to see');
    expect(await keep()).toBe(before);
    await expectCleanBodies(page);
    // The editor's own undo brings the rep's words back.
    await page.keyboard.press('Control+z');
    await expect(body).toContainText('just checking in to see');
    await expect(body).not.toContainText('Could we speak for 10 minutes');
    expect(await keep()).toBe(before);
    // Sent with the rewrite undone: the nudge was not accepted.
    await page.keyboard.press('Control+Enter');
    await expectSends(serviceWorker, since, 1);
    expect((await seenEvents(serviceWorker, since)).filter((e) => e.type === 'nudge_accepted')).toEqual([]);
    await page.close();
  });

  test("Ask for a call instead signs with the rep's own closing and name, accepted once sent", async ({
    extensionContext,
    serviceWorker,
  }) => {
    const since = await watchMessages(serviceWorker);
    const page = await openGmail(extensionContext, 'reply-inline.html', '#inbox/FMfcgz');
    await typeInto(page, BODY, 'Hi Dana, just checking in on the order form, any update?');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Thanks,', { delay: 3 });
    await page.keyboard.press('Enter');
    await page.keyboard.type('Sam', { delay: 3 });
    const nudge = page.locator(NUDGE);
    await nudge.getByRole('button', { name: 'Faster as a call?' }).click();
    await nudge.getByRole('button', { name: 'Ask for a call instead' }).click();
    const body = page.locator(BODY);
    await expect(body).toContainText('Could we speak for 10 minutes');
    await expect(body).toContainText('the order form');
    await expect(body).toContainText(/What time suits you\?\s*Thanks,\s*Sam/);
    await page.keyboard.press('Control+Enter');
    await expectSends(serviceWorker, since, 1);
    const accepted = (await seenEvents(serviceWorker, since)).filter((e) => e.type === 'nudge_accepted');
    expect(accepted.map((e) => e.action)).toEqual(['call_request']);
    await page.close();
  });

  test('Use the purpose opener replaces only the check-in sentence', async ({ extensionContext }) => {
    const page = await openGmail(extensionContext, 'compose-new.html');
    await page.locator(BODY).click();
    await page.keyboard.type('Hi Dana,', { delay: 2 });
    await page.keyboard.press('Enter');
    await page.keyboard.type('Just checking in to see if there is any update?', { delay: 2 });
    const nudge = page.locator(NUDGE);
    await nudge.getByRole('button', { name: 'Faster as a call?' }).click();
    await nudge.getByRole('button', { name: 'Use the purpose opener' }).click();
    const body = page.locator(BODY);
    await expect(body).toContainText('The purpose of my call is');
    await expect(body).toContainText('Hi Dana,');
    await expect(body).not.toContainText('checking in');
    await expectCleanBodies(page);
    await page.close();
  });

  test('I will call — log it records the call with its notes', async ({ extensionContext, serviceWorker }) => {
    const since = await watchMessages(serviceWorker);
    const page = await openGmail(extensionContext, 'compose-new.html');
    await typeInto(page, BODY, CHECKIN);
    const nudge = page.locator(NUDGE);
    await nudge.getByRole('button', { name: 'Faster as a call?' }).click();
    await nudge.getByRole('button', { name: "I'll call — log it" }).click();
    await nudge.getByLabel('Purpose of the call').fill('Agree the renewal date');
    await nudge.getByLabel('What we discussed').fill('Budget is approved');
    await nudge.getByLabel('What I proposed').fill('Start on the 1st');
    await nudge.getByLabel('Purpose of the next contact').fill('Sign the order form');
    await nudge.getByRole('button', { name: 'Save call' }).click();
    await expect(nudge).toContainText('Call logged.');
    const calls = await callsLogged(serviceWorker, since);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      source: 'nudge',
      contact: { address: 'dana@acme.example' },
      notes: {
        purpose: 'Agree the renewal date',
        discussed: 'Budget is approved',
        proposed: 'Start on the 1st',
        nextPurpose: 'Sign the order form',
      },
    });
    // Typing in our form never reached the draft.
    await expect(page.locator(BODY)).not.toContainText('Budget is approved');
    await page.close();
  });

  test('Not now snoozes this draft only', async ({ extensionContext, serviceWorker }) => {
    const since = await watchMessages(serviceWorker);
    const page = await openGmail(extensionContext, 'compose-new.html');
    await typeInto(page, BODY, CHECKIN);
    const nudge = page.locator(NUDGE);
    await nudge.getByRole('button', { name: 'Faster as a call?' }).click();
    await nudge.getByRole('button', { name: 'Not now' }).click();
    await expect(nudge.locator(CHIP)).toBeHidden();
    await page.keyboard.type(' Circling back.', { delay: 2 });
    await analysed(page);
    await expect(nudge.locator(CHIP)).toBeHidden();
    const dismissed = (await seenEvents(serviceWorker, since)).filter((e) => e.type === 'nudge_dismissed');
    expect(dismissed.map((e) => e.action)).toEqual(['snooze']);
    await page.close();
  });

  test('Turn off this signal and Never for this contact change the settings and hide the nudge', async ({
    extensionContext,
    serviceWorker,
  }) => {
    const page = await openGmail(extensionContext, 'compose-new.html');
    await typeInto(page, BODY, CHECKIN);
    const nudge = page.locator(NUDGE);
    await nudge.getByRole('button', { name: 'Faster as a call?' }).click();
    await nudge
      .getByRole('button', { name: /Turn off this signal/ })
      .first()
      .click();
    await expect(nudge.locator(CHIP)).toBeHidden();
    await expect
      .poll(() =>
        serviceWorker.evaluate(
          async () =>
            ((await chrome.storage.sync.get('settings')).settings as { rules?: Record<string, boolean> } | undefined)
              ?.rules?.checkin,
        ),
      )
      .toBe(false);
    await resetSettings(serviceWorker);
    // The settings change reaches the open window at once: the nudge is back without a reload.
    await expect(nudge.locator(CHIP)).toBeVisible();
    await nudge.getByRole('button', { name: 'Faster as a call?' }).click();
    await nudge.getByRole('button', { name: 'Never for this contact' }).click();
    await expect(nudge.locator(CHIP)).toBeHidden();
    await expect
      .poll(() =>
        serviceWorker.evaluate(
          async () =>
            ((await chrome.storage.sync.get('settings')).settings as { mutedContacts?: string[] } | undefined)
              ?.mutedContacts,
        ),
      )
      .toEqual(['dana@acme.example']);
    await resetSettings(serviceWorker);
    await page.close();
  });

  test('quiet mode counts sends but never nudges, and applies to open windows at once', async ({
    extensionContext,
    serviceWorker,
  }) => {
    const since = await watchMessages(serviceWorker);
    const page = await openGmail(extensionContext, 'compose-new.html');
    await typeInto(page, BODY, CHECKIN);
    await expectCheckinNudge(page);
    await saveSettings(serviceWorker, { quietMode: true });
    await expect(page.locator(NUDGE).locator(CHIP)).toBeHidden();
    await page.locator('[role="button"][data-tooltip^="Send"]').click();
    await expect(page.locator(BODY)).toHaveCount(0);
    const sent = await expectSends(serviceWorker, since, 1);
    expect(sent[0]!.level).toBe('none');
    await resetSettings(serviceWorker);
    await page.close();
  });

  test('a tel: link in the conversation records a call for its sender', async ({ extensionContext, serviceWorker }) => {
    const since = await watchMessages(serviceWorker);
    const page = await openGmail(extensionContext, 'reply-inline.html', '#inbox/FMfcgz');
    // Keep the test page from handing tel: to the OS; the coach listens in the capture phase before this.
    await page.evaluate(() => document.addEventListener('click', (e) => e.preventDefault()));
    await page.locator('.a3s a[href^="tel:"]').click();
    const calls = await callsLogged(serviceWorker, since);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ source: 'tel', contact: { address: 'dana@acme.example' } });
    await page.close();
  });
});

test.describe('sending', () => {
  for (const [name, act] of [
    ['a click on Send', (page: Page) => page.locator('[role="button"][data-tooltip^="Send"]').click()],
    ['Ctrl+Enter in the body', (page: Page) => page.keyboard.press('Control+Enter')],
    [
      'Enter on the focused Send button',
      async (page: Page) => {
        await page.locator('[role="button"][data-tooltip^="Send"]').focus();
        await page.keyboard.press('Enter');
      },
    ],
    [
      'schedule send',
      async (page: Page) => {
        await page.locator('[aria-haspopup="true"][data-tooltip="More send options"]').click();
        await page.locator('[selector="scheduledSend"]').click();
      },
    ],
  ] as const) {
    test(`${name} counts exactly one send`, async ({ extensionContext, serviceWorker }) => {
      const since = await watchMessages(serviceWorker);
      const page = await openGmail(extensionContext, 'compose-new.html');
      await typeInto(page, BODY, CHECKIN);
      await expectCheckinNudge(page);
      await act(page);
      await expect(page.locator(BODY)).toHaveCount(0);
      const sent = await expectSends(serviceWorker, since, 1);
      expect(sent[0]).toMatchObject({ recipients: [{ address: 'dana@acme.example', name: 'Dana Whitfield' }] });
      expect(sent[0]!.reasons).toContain('checkin');
      // No draft text ever leaves the page.
      expect(JSON.stringify(await seenEvents(serviceWorker, since))).not.toContain('checking in');
      await page.close();
    });
  }

  test('Send & Archive in an inline reply counts one send with the older recipient UI', async ({
    extensionContext,
    serviceWorker,
  }) => {
    await withoutOverdue(serviceWorker);
    const since = await watchMessages(serviceWorker);
    const page = await openGmail(extensionContext, 'reply-inline.html', '#inbox/FMfcgz');
    await typeInto(page, BODY, PURPOSEFUL);
    await page.locator('.Uo[role="button"]').click();
    await expect(page.locator(BODY)).toHaveCount(0);
    const sent = await expectSends(serviceWorker, since, 1);
    expect(sent[0]).toMatchObject({
      level: 'none',
      recipients: [{ address: 'dana@acme.example', name: 'Dana Whitfield' }],
    });
    await page.close();
  });

  test('discard and close are not sends', async ({ extensionContext, serviceWorker }) => {
    const since = await watchMessages(serviceWorker);
    const page = await openGmail(extensionContext, 'three-windows.html');
    await page.locator(BODY).nth(0).click();
    await page.keyboard.type(CHECKIN, { delay: 2 });
    await page.locator('[role="dialog"]').nth(0).locator('.oh').click();
    await page.locator('[role="dialog"]').nth(0).locator('.Ha').click();
    await expect(page.locator(BODY)).toHaveCount(1);
    await settle(page);
    expect((await seenEvents(serviceWorker, since)).filter((e) => e.type === 'email_sent')).toHaveLength(0);
    await page.close();
  });

  test('a send stopped by a validation dialog is not a send', async ({ extensionContext, serviceWorker }) => {
    const since = await watchMessages(serviceWorker);
    const page = await openGmail(extensionContext, 'three-windows.html');
    const third = page.locator('[role="dialog"]').nth(2);
    await third.locator(BODY).click();
    await page.keyboard.type('Quick note.', { delay: 2 });
    await third.locator('[role="button"][data-tooltip^="Send"]').click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await page.getByRole('alertdialog').getByRole('button', { name: 'OK' }).click();
    await third.locator('.oh').click();
    await expect(page.locator(BODY)).toHaveCount(2);
    await settle(page);
    expect((await seenEvents(serviceWorker, since)).filter((e) => e.type === 'email_sent')).toHaveLength(0);
    await page.close();
  });
});

test.describe('diagnostics', () => {
  test('the coach reports the compose windows it found', async ({ extensionContext, serviceWorker }) => {
    const page = await openGmail(extensionContext, 'three-windows.html');
    await expect
      .poll(() =>
        serviceWorker.evaluate(async () => {
          const d = (await chrome.storage.local.get('diagnostics')).diagnostics as
            { gmail?: { composeWindowsFound: number } } | undefined;
          return d?.gmail?.composeWindowsFound ?? 0;
        }),
      )
      .toBeGreaterThanOrEqual(3);
    await page.close();
  });
});
