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
import { ensureChromium } from './chromium';

const OUT_DIR = resolve('demo-output');
const OUTLOOK_URL = 'https://outlook.office.com/mail/';

const GMAIL_DRAFT =
  'Hi Dana,\n\nJust checking in to see if you had a chance to look at the renewal proposal I sent over. ' +
  'Any update on where things stand?\n\nThanks,\nSam';
const OUTLOOK_DRAFT =
  "Hi Jonas,\n\nI'm sorry about the delayed shipment last week. I understand your team is frustrated, and I know the " +
  'new pricing came as a surprise. I want to make this right.\n\nBest,\nSam';

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
  const shoot = async (page: Page, name: string) => {
    const path = join(OUT_DIR, name);
    await page.screenshot({ path });
    shots.push(path);
  };

  /** Types a draft, shows the nudge and its card, then uses one action and sends. */
  const playCompose = async (page: Page, draft: string, prefix: string, action: RegExp) => {
    await page.locator('[contenteditable="true"][aria-multiline="true"]').first().click();
    await page.keyboard.type(draft, { delay: 3 });
    const nudge = page.locator('[data-callfirst="nudge"]').first();
    const chip = nudge.getByRole('button').first();
    await chip.waitFor({ state: 'visible' });
    await shoot(page, `${prefix}-1-nudge.png`);
    await chip.click();
    await nudge.getByRole('button', { name: action }).waitFor({ state: 'visible' });
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
  await shoot(options, 'options.png');

  console.log('Screenshots:');
  for (const path of shots) console.log(`  ${path}`);
  await context.close();
}

/** A rep logs the call they just made, as they would from the popup. */
async function logCallFromPopup(browserContext: BrowserContext, id: string) {
  const page = await browserContext.newPage();
  await page.goto(`chrome-extension://${id}/popup.html`);
  await page
    .getByLabel(/contact/i)
    .first()
    .fill('dana@acme.example');
  await page
    .getByLabel(/purpose/i)
    .first()
    .fill('Agree the renewal timeline');
  await page
    .getByLabel(/discussed/i)
    .first()
    .fill('Budget approved; legal review next week');
  await page
    .getByLabel(/proposed/i)
    .first()
    .fill('Two-year term with a Q3 start');
  await page
    .getByRole('button', { name: /log|save/i })
    .first()
    .click();
  await page.waitForTimeout(300);
  await page.close();
}
