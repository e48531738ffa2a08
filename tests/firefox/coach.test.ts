/**
 * CallFirst in Firefox: Debian's Firefox ESR with the built Firefox extension, the project's Gmail and
 * Outlook fixtures at the real mail addresses, and a managed-storage policy that locks the daily call
 * goal. One browser serves the file; the popup test starts from an empty ledger, so order does not matter.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchFirefox, type FirefoxWithExtension } from './firefox';

/** The extension API as its pages see it (only what these tests use). */
declare const browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const NUDGE = '[data-callfirst="nudge"]:not([hidden])';
const CHECKIN = 'Hi Dana, just checking in to see if there is any update?';
const MANAGED = { dailyCallGoal: 4 };

let firefox: FirefoxWithExtension;

beforeAll(async () => {
  firefox = await launchFirefox({ managed: MANAGED });
});

afterAll(async () => {
  await firefox.close();
});

/** Focuses the compose body and types at its very start, above any signature or quoted history. */
async function writeAtTop(page: Page, body: string, text: string): Promise<void> {
  await page.waitForSelector(body);
  await page.$eval(body, (el) => {
    (el as HTMLElement).focus();
    const range = document.createRange();
    range.setStart(el.firstElementChild ?? el, 0);
    range.collapse(true);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
  });
  await page.keyboard.type(text, { delay: 2 });
}

/** The reasons the visible nudge gives, once it shows. */
async function nudgeReasons(page: Page): Promise<string[]> {
  const nudge = await page.waitForSelector(`${NUDGE}[data-reasons]`);
  return (await nudge!.evaluate((el) => el.getAttribute('data-reasons')!)).split(',');
}

/** Empties the ledger through the typed message the options page's "Your data" sends. */
async function clearLedger(page: Page): Promise<void> {
  expect(await page.evaluate(() => browser.runtime.sendMessage({ type: 'clear_ledger' }))).toEqual({ ok: true });
}

function textOf(page: Page, testId: string): Promise<string> {
  return page.$eval(`[data-testid="${testId}"]`, (el) => el.textContent.trim());
}

/** Waits until the popup's element `testId` reads `text` (the popup follows the ledger live). */
async function expectText(page: Page, testId: string, text: string): Promise<void> {
  await page.waitForFunction(
    (selector, wanted) => document.querySelector(selector)?.textContent.trim() === wanted,
    {},
    `[data-testid="${testId}"]`,
    text,
  );
  expect(await textOf(page, testId)).toBe(text);
}

test('a Gmail check-in draft is nudged, and sending it counts one email in the popup', async () => {
  const popup = await firefox.openExtensionPage('popup');
  await clearLedger(popup);
  await expectText(popup, 'emails-today', '0');

  const gmail = await firefox.openMail('https://mail.google.com/mail/u/0/#inbox', 'gmail/compose-new.html');
  await writeAtTop(gmail, '[g_editable]', CHECKIN);
  expect(await nudgeReasons(gmail)).toContain('checkin');
  // Never steals focus: the caret stays in the draft.
  expect(await gmail.evaluate(() => document.activeElement?.getAttribute('g_editable'))).toBe('true');

  await gmail.locator('[role="button"][data-tooltip^="Send"]').click();
  await gmail.waitForFunction(() => !document.querySelector('[g_editable]'));
  await expectText(popup, 'emails-today', '1');
  await expectText(popup, 'calls-today', '0');
  await gmail.close();
  await popup.close();
});

test('an Outlook check-in draft is nudged', async () => {
  const outlook = await firefox.openMail('https://outlook.office.com/mail/', 'outlook/compose-new.html');
  await writeAtTop(outlook, '[contenteditable="true"][aria-multiline="true"]', CHECKIN);
  expect(await nudgeReasons(outlook)).toContain('checkin');
  await outlook.close();
});

test('a call logged in the popup shows in its counts, against the managed goal', async () => {
  const popup = await firefox.openExtensionPage('popup');
  await clearLedger(popup);
  await expectText(popup, 'calls-today', '0');
  await expectText(popup, 'call-goal', String(MANAGED.dailyCallGoal));

  // Locators wait for each element to be there and visible: the form renders after the click.
  await popup.locator('[data-testid="log-call"]').click();
  await popup.locator('[data-testid="log-call-form"] [name="contact"]').fill('Dana Whitfield <dana@acme.example>');
  await popup.locator('[data-testid="log-call-form"] [name="purpose"]').fill('Agree the renewal terms');
  await popup.locator('[data-testid="log-call-form"] button[type="submit"]').click();
  await expectText(popup, 'calls-today', '1');
  await expectText(popup, 'emails-today', '0');
  await popup.close();
});

test('a managed setting is locked on the options page, and the rest stay the rep’s', async () => {
  const options = await firefox.openExtensionPage('options');
  await options.waitForSelector('[data-testid="managed-note"]');
  const goal = await options.waitForSelector('[data-setting="dailyCallGoal"][data-locked="true"]');
  expect(await goal!.$eval('input', (input) => [input.value, input.disabled])).toEqual([
    String(MANAGED.dailyCallGoal),
    true,
  ]);
  expect(await goal!.evaluate((el) => el.textContent)).toContain('Set by your organization');
  const quiet = await options.$('[data-setting="quietMode"]');
  expect(await quiet!.evaluate((el) => el.getAttribute('data-locked'))).toBeNull();
  await options.close();
});
