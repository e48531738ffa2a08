/**
 * Managed deployment end to end: a real enterprise policy file that Chromium reads from
 * /etc/chromium/policies/managed/ (in a private mount namespace, see policy-helpers.ts), the built
 * extension, and its pages and content scripts. One browser serves the file; each test sets the
 * policy it needs, so the tests do not depend on their order.
 */
import type { Page } from '@playwright/test';
import { expect, extensionWorker, serveFixture, test as base } from './harness';
import { EXTENSION_ID, launchWithPolicy, policySupport, type PolicyBrowser } from './policy-helpers';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';
import { levelOf } from './verdict';

const support = policySupport();

const DRAFT =
  "Hi Dana, just checking in on the renewal. I'm frustrated that we still haven't heard back and I'm worried " +
  'about the timeline. Can you confirm the budget? Who signs off on your side? When could legal review the ' +
  'contract? Is pricing still a concern?';

/** The policy the browser starts with: Outlook only, a locked sensitivity and rule, and two bad values. */
const FIRST_POLICY = {
  sites: ['outlook', 'gmial'],
  sensitivity: 'high',
  rules: { checkin: false },
  wordThreshold: 120,
  dailyCallGoal: -3,
};

const test = base.extend<object, { policy: PolicyBrowser }>({
  policy: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured.
    async ({}, use) => {
      if (!support.ok) throw new Error(support.reason);
      const browser = await launchWithPolicy(support, FIRST_POLICY);
      const worker = await extensionWorker(browser.context);
      expect(new URL(worker.url()).host, 'the manifest key fixes the id policies name').toBe(EXTENSION_ID);
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
});

test.skip(!support.ok, support.ok ? '' : `Skipped: ${support.reason}`);

async function applyPolicy(policy: PolicyBrowser, settings: Record<string, unknown>): Promise<void> {
  policy.setPolicy(settings);
  await policy.reloadPolicies();
}

async function openExtensionPage(policy: PolicyBrowser, name: 'options' | 'popup'): Promise<Page> {
  const page = await policy.context.newPage();
  await page.goto(`chrome-extension://${EXTENSION_ID}/${name}.html`);
  return page;
}

async function openCompose(policy: PolicyBrowser, url: string, fixture: string): Promise<Page> {
  await serveFixture(policy.context, new URL(url).origin, fixture);
  const page = await policy.context.newPage();
  await page.goto(url);
  // Focus and caret by script: the fixture's compose pop-up may sit outside the headless viewport.
  await page
    .locator('[contenteditable="true"][aria-multiline="true"]')
    .first()
    .evaluate((body) => {
      body.focus();
      const range = document.createRange();
      range.setStart(body.firstElementChild ?? body, 0);
      range.collapse(true);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
  await page.keyboard.type(DRAFT);
  return page;
}

const visibleNudges = (page: Page) => page.locator('[data-callfirst="nudge"]:not([hidden])');
const setting = (page: Page, key: string) => page.locator(`[data-setting="${key}"]`);

test('managed values reach the options page as locked', async ({ policy }) => {
  await applyPolicy(policy, FIRST_POLICY);
  const page = await openExtensionPage(policy, 'options');
  await expect(page.getByTestId('managed-note')).toBeVisible();

  const high = page.getByRole('radio', { name: 'High' });
  await expect(high).toBeChecked();
  await expect(high).toBeDisabled();
  await expect(high).toHaveAttribute('aria-disabled', 'true');
  await expect(setting(page, 'sensitivity')).toContainText('Set by your organization');

  await expect(page.getByRole('checkbox', { name: /Check-ins/ })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: /Check-ins/ })).toBeDisabled();
  await expect(page.getByRole('checkbox', { name: 'Gmail' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Outlook on the web' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Outlook on the web' })).toBeDisabled();
  await expect(page.getByLabel('Long draft, in words')).toHaveValue('120');
  await expect(page.getByLabel('Long draft, in words')).toBeDisabled();

  // What the policy does not set stays the rep's to change.
  await expect(page.getByLabel('Quiet mode')).toBeEnabled();
  await expect(setting(page, 'quietMode')).not.toContainText('Set by your organization');
  await page.close();
});

test('an out-of-range value (a negative goal) is ignored while the other keys apply', async ({ policy }) => {
  await applyPolicy(policy, FIRST_POLICY);
  const page = await openExtensionPage(policy, 'options');
  await expect(page.getByRole('radio', { name: 'High' })).toBeDisabled();

  const goal = page.getByLabel('Daily call goal');
  await expect(goal).toHaveValue('5');
  await expect(goal).toBeEnabled();
  await expect(setting(page, 'dailyCallGoal')).not.toHaveAttribute('data-locked', 'true');
  // Named as the page names the setting; the key the policy used is there for administrators.
  const problems = page.getByTestId('settings-problems');
  const goalProblem = problems.locator('li').filter({ hasText: '“Daily call goal” (-3)' });
  await expect(goalProblem.locator('code')).toHaveText('dailyCallGoal');
  const siteProblem = problems.locator('li').filter({ hasText: '“Mail sites, entry 2” ("gmial")' });
  await expect(siteProblem.locator('code')).toHaveText('sites[1]');
  await page.close();
});

test('a managed sites: ["outlook"] stops the Gmail nudge while Outlook still nudges', async ({ policy }) => {
  await applyPolicy(policy, FIRST_POLICY);
  const gmail = await openCompose(
    policy,
    'https://mail.google.com/mail/u/0/#inbox?compose=new',
    'gmail/compose-new.html',
  );
  const outlook = await openCompose(
    policy,
    'https://outlook.office.com/mail/deeplink/compose',
    'outlook/compose-new.html',
  );

  await expect(visibleNudges(outlook)).toHaveCount(1);
  // The level the policy's settings give this draft (high sensitivity, check-ins off, 120 words).
  const level = levelOf(DRAFT, {
    sensitivity: 'high',
    wordThreshold: 120,
    rules: { ...DEFAULT_SETTINGS.rules, checkin: false },
  });
  await expect(visibleNudges(outlook)).toHaveAttribute('data-level', level);
  // The policy sets the rules: the card does not offer to turn one off (the change could not be saved).
  await visibleNudges(outlook).getByRole('button', { name: 'Faster as a call?' }).click();
  await expect(visibleNudges(outlook).locator('[data-action="call_request"]')).toBeVisible();
  await expect(visibleNudges(outlook).getByRole('button', { name: /Turn off this signal/ })).toHaveCount(0);
  // Outlook has had time to nudge on the same draft; Gmail had as long and more.
  await expect(gmail.locator('html')).toHaveAttribute('data-callfirst-host', 'gmail');
  await gmail.waitForTimeout(1000);
  await expect(visibleNudges(gmail)).toHaveCount(0);
  await gmail.close();
  await outlook.close();
});

test('a managed dailyCallGoal shows in the popup', async ({ policy }) => {
  await applyPolicy(policy, { dailyCallGoal: 7 });
  const popup = await openExtensionPage(policy, 'popup');
  await expect(popup.getByTestId('call-goal')).toContainText('7');
  await popup.close();
});

test('a policy change reaches open pages without a reload', async ({ policy }) => {
  await applyPolicy(policy, FIRST_POLICY);
  const options = await openExtensionPage(policy, 'options');
  const popup = await openExtensionPage(policy, 'popup');
  const gmail = await openCompose(
    policy,
    'https://mail.google.com/mail/u/0/#inbox?compose=new',
    'gmail/compose-new.html',
  );
  await expect(options.getByLabel('Daily call goal')).toHaveValue('5');
  await expect(options.getByRole('radio', { name: 'High' })).toBeDisabled();
  await expect(visibleNudges(gmail)).toHaveCount(0);
  // A reload would drop these marks; they must survive the change.
  for (const page of [options, popup, gmail]) await page.evaluate(() => ((window as { mark?: number }).mark = 1));

  await applyPolicy(policy, { sites: ['gmail', 'outlook'], dailyCallGoal: 9 });

  const goal = options.getByLabel('Daily call goal');
  await expect(goal).toHaveValue('9');
  await expect(goal).toBeDisabled();
  await expect(options.getByRole('radio', { name: 'High' })).toBeEnabled();
  await expect(options.getByTestId('settings-problems')).toHaveCount(0);
  await expect(visibleNudges(gmail)).toHaveCount(1);
  await expect(popup.getByTestId('call-goal')).toContainText('9');
  for (const page of [options, popup, gmail])
    expect(await page.evaluate(() => (window as { mark?: number }).mark)).toBe(1);
  await options.close();
  await popup.close();
  await gmail.close();
});
