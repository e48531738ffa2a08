// `npm run demo`: builds CallFirst and shows it on the bundled demo mailboxes (the Gmail and Outlook
// fixture pages) served at the real addresses by routing: no account, no network. With a display it
// opens a window to play in; without one it plays a short scripted scene headless and writes
// screenshots to demo-output/.
import type { BrowserContext, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openGmail } from '../tests/e2e/gmail-fixtures';
import { extensionWorker, launchWithExtension, openFixture } from '../tests/e2e/launch';
import { ensureChromium } from './browsers';

const OUT_DIR = resolve('demo-output');
const OUTLOOK_URL = 'https://outlook.office.com/mail/';

const GMAIL_DRAFT =
  'Hi Dana,\n\nJust checking in to see if you had a chance to look at the renewal proposal I sent over. ' +
  'Any update on where things stand?\n\nThanks,\nSam';
const OUTLOOK_DRAFT =
  "Hi Lee,\n\nI'm sorry, but the kick-off will have to move: the integration work slipped and I know your team is " +
  'frustrated after last week. I want to make this right.\n\nBest,\nSam';

process.env.CHROMIUM_PATH = ensureChromium();
const interactive = Boolean(process.env.DISPLAY) && !process.env.CI && process.env.DEMO_HEADLESS !== '1';

console.log('Building CallFirst…');
execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
const context = await launchWithExtension({ headless: !interactive });
const extensionId = new URL((await extensionWorker(context)).url()).host;

if (interactive) {
  await openGmail(context, 'compose-new.html');
  await openFixture(context, OUTLOOK_URL, 'outlook/compose-new.html');
  console.log('CallFirst runs in the demo Gmail and Outlook tabs: type a check-in ("Just checking in…") and watch.');
  console.log(`Its popup: chrome-extension://${extensionId}/popup.html. Close the browser to end the demo.`);
  await new Promise((done) => context.on('close', done));
} else {
  mkdirSync(OUT_DIR, { recursive: true });
  const shots: string[] = [];
  const shoot = async (page: Page, name: string, fullPage = false) => {
    const path = join(OUT_DIR, name);
    await page.screenshot({ path, fullPage });
    shots.push(path);
  };

  /** Types a draft, shows the nudge and its card, then uses one action and sends. */
  const playCompose = async (page: Page, draft: string, prefix: string, action: RegExp) => {
    await page.locator('[contenteditable="true"][aria-multiline="true"]').first().click();
    // Start above any signature, where the rep's own words go.
    await page.keyboard.press('Control+Home');
    await page.keyboard.type(draft, { delay: 3 });
    const nudge = page.locator('[data-callfirst="nudge"]').first();
    const chip = nudge.getByRole('button', { name: /faster as a call/i });
    await chip.waitFor({ state: 'visible' });
    await shoot(page, `${prefix}-1-nudge.png`);
    await chip.click();
    await nudge.getByRole('button', { name: action }).waitFor({ state: 'visible' });
    await page.waitForTimeout(500); // let the card's fade-in finish
    await shoot(page, `${prefix}-2-card.png`);
    await nudge.getByRole('button', { name: action }).click();
    await page.waitForTimeout(500);
    await shoot(page, `${prefix}-3-after-action.png`);
  };

  console.log('Playing the scripted scene…');
  const gmail = await openGmail(context, 'compose-new.html');
  await playCompose(gmail, GMAIL_DRAFT, 'gmail', /ask for a call/i);
  await gmail.keyboard.press('Control+Enter');

  const outlook = await openFixture(context, OUTLOOK_URL, 'outlook/compose-new.html');
  await playCompose(outlook, OUTLOOK_DRAFT, 'outlook', /use the purpose opener|ask for a call/i);

  await logCallFromPopup(context, extensionId);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 640 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByTestId('calls-today').waitFor();
  await shoot(popup, 'popup.png');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('h1').waitFor();
  await shoot(options, 'options.png', true);

  console.log('Screenshots:');
  for (const path of shots) console.log(`  ${path}`);
  await context.close();
}

/** A rep logs the call they just made, as they would from the popup. */
async function logCallFromPopup(browserContext: BrowserContext, id: string) {
  const page = await browserContext.newPage();
  await page.goto(`chrome-extension://${id}/popup.html`);
  await page.getByTestId('log-call').click();
  const form = page.getByTestId('log-call-form');
  await form.locator('[name="contact"]').fill('Dana Whitfield <dana@acme.example>');
  await form.locator('[name="purpose"]').fill('Agree the renewal timeline');
  await form.locator('[name="discussed"]').fill('Budget approved; legal review next week');
  await form.locator('[name="proposed"]').fill('Two-year term with a Q3 start');
  await form.locator('[name="nextPurpose"]').fill('Sign-off with procurement');
  await form.locator('button[type="submit"]').click();
  await page.getByTestId('calls-today').filter({ hasText: '1' }).waitFor();
  await page.close();
}
