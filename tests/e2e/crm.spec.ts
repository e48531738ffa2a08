/**
 * The organisation's Salesforce end to end, offline: a local fake Salesforce over HTTPS (it checks
 * every request against docs/salesforce-api.yaml) that Chromium reaches at the org's real host
 * through --host-resolver-rules, a real enterprise policy naming the org, and the built extension.
 *
 * Chromium has no switch that accepts its permission prompt, so this test's build lists the org's
 * host as granted at install (CALLFIRST_E2E_GRANTED_HOSTS): the Connect button's
 * permissions.request then resolves without a prompt, and everything after it runs as shipped.
 */
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { ContactHistory } from '../../lib/messages';
import { startFakeSalesforce, type FakeSalesforce } from '../crm/fake-salesforce';
import { expect, extensionWorker, test as base } from './harness';
import { EXTENSION_ID, launchWithPolicy, policySupport, type PolicyBrowser } from './policy-helpers';

// Extension pages have the chrome API; Node does not know its types.
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const support = policySupport();
const HOST = 'acme.my.salesforce.com';
const BUILD_DIR = resolve('.output-e2e-crm');

interface Fixtures {
  org: FakeSalesforce;
  policy: PolicyBrowser;
}

const test = base.extend<object, Fixtures>({
  org: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured.
    async ({}, use) => {
      const org = await startFakeSalesforce({ https: true, host: HOST });
      await use(org);
      await org.close();
    },
    { scope: 'worker' },
  ],
  policy: [
    async ({ org }, use) => {
      if (!support.ok) throw new Error(support.reason);
      execFileSync('npx', ['wxt', 'build'], {
        env: { ...process.env, CALLFIRST_OUT_DIR: BUILD_DIR, CALLFIRST_E2E_GRANTED_HOSTS: `https://${HOST}/*` },
        stdio: 'ignore',
      });
      const browser = await launchWithPolicy(
        support,
        { crm: { provider: 'salesforce', myDomain: HOST, clientId: org.clientId, sendNotes: true } },
        {
          extensionDir: resolve(BUILD_DIR, 'chrome-mv3'),
          // The org's host is this machine; its certificate is the test's own.
          args: [`--host-resolver-rules=MAP ${HOST}:443 127.0.0.1:${org.port}`, '--ignore-certificate-errors'],
        },
      );
      // The harness refuses every request; let the org's host through (to the local server).
      await browser.context.route(`https://${HOST}/**`, (route) => route.continue());
      await extensionWorker(browser.context);
      await use(browser);
      await browser.close();
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

test.skip(!support.ok, support.ok ? '' : `Skipped: ${support.reason}`);

async function openPage(policy: PolicyBrowser, name: 'options' | 'popup'): Promise<Page> {
  const page = await policy.context.newPage();
  await page.goto(`chrome-extension://${EXTENSION_ID}/${name}.html`);
  return page;
}

/** Sends a typed message to the background from an extension page, as content scripts do. */
function send(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

async function logCall(popup: Page, contact: string, discussed: string): Promise<void> {
  await popup.getByTestId('log-call').click();
  const form = popup.getByTestId('log-call-form');
  await form.locator('[name="contact"]').fill(contact);
  await form.locator('[name="purpose"]').fill('Agree the renewal terms');
  await form.locator('[name="discussed"]').fill(discussed);
  await form.locator('[name="proposed"]').fill('A two-month pilot at list price');
  await form.locator('[name="nextPurpose"]').fill('Sign-off with procurement');
  await form.getByRole('button', { name: 'Save call' }).click();
  await expect(popup.getByText(/saved\.$/)).toBeVisible();
}

test('connect, log calls to Salesforce, count its calls, and lose nothing offline', async ({ org, policy }) => {
  test.setTimeout(120_000);
  org.contacts.push({ Id: '003000000000001AAA', Email: 'ada@client.test', Name: 'Ada Lovelace' });

  // Connect from the options page: consent first, then the sign-in (the fake authorize page redirects at once).
  const options = await openPage(policy, 'options');
  const section = options.getByTestId('crm-section');
  await expect(section).toContainText('never the text of your emails or drafts');
  await expect(section.getByTestId('crm-status')).toHaveText('Not connected to Salesforce.');
  await section.getByRole('button', { name: 'Connect to Salesforce' }).click();
  await expect(section.getByTestId('crm-message')).toHaveText('Connected to Salesforce.');
  await expect(section.getByTestId('crm-status')).toContainText('Connected to Salesforce since');
  expect(org.log.slice(0, 2)).toEqual(['authorize', 'token']);

  // A call logged in CallFirst arrives as a completed call Task on the contact, with the notes.
  const popup = await openPage(policy, 'popup');
  await logCall(popup, 'Ada Lovelace <ada@client.test>', 'Pricing for Q3');
  await expect.poll(() => org.tasks.length).toBe(1);
  expect(org.tasks[0]).toMatchObject({
    WhoId: '003000000000001AAA',
    OwnerId: org.user.Id,
    TaskSubtype: 'Call',
    Status: 'Completed',
    Subject: 'Call: Agree the renewal terms',
  });
  expect(org.tasks[0]!.Description).toContain('Discussed: Pricing for Q3');
  expect(org.tasks[0]!.Description).toContain('Proposed: A two-month pilot at list price');
  expect(org.tasks[0]!.Description).toContain('Purpose of the next contact: Sign-off with procurement');
  await expect(popup.getByTestId('calls-today')).toHaveText('1');
  await popup.close();

  // A call made outside CallFirst (a dialer wrote it to Salesforce) counts when the popup opens;
  // the Task CallFirst wrote is read back too, and not counted twice.
  org.addTask({ OwnerId: org.user.Id, WhoId: '003000000000001AAA' });
  const second = await openPage(policy, 'popup');
  await expect(second.getByTestId('calls-today')).toHaveText('2');
  await second.close();

  // Offline: the call is counted here and waits; the popup says quietly that Salesforce is not synced.
  org.offline = true;
  const offline = await openPage(policy, 'popup');
  await expect(offline.getByTestId('crm-not-synced')).toContainText('Salesforce not synced since');
  await logCall(offline, 'Ada Lovelace <ada@client.test>', 'The contract dates');
  await expect(offline.getByTestId('calls-today')).toHaveText('3');
  await expect(offline.getByTestId('crm-waiting')).toHaveText('1 call waiting to be sent.');
  await offline.close();

  // Back online: opening the popup sends it; nothing lost, nothing doubled.
  org.offline = false;
  const back = await openPage(policy, 'popup');
  await expect.poll(() => org.tasks.length).toBe(3);
  await expect(back.getByTestId('crm-not-synced')).toHaveCount(0);
  await expect(back.getByTestId('crm-waiting')).toHaveCount(0);
  await expect(back.getByTestId('calls-today')).toHaveText('3');
  const ours = org.tasks.map((t) => t.CallObject).filter(Boolean);
  expect(new Set(ours).size).toBe(2);
  expect(org.tasks.filter((t) => t.Description.includes('The contract dates'))).toHaveLength(1);
  await back.close();

  // The contact line the nudge asks for names the teammate who called last.
  org.users.set('005000000000009AAA', 'Priya Shah');
  org.addTask({ OwnerId: '005000000000009AAA', WhoId: '003000000000001AAA' }, Date.now() + 2_000);
  // Polled: the background waits 2 s for Salesforce, then answers from the ledger (and caches what comes later).
  const firstHistoryOf = async (addresses: string[]) =>
    ((await send(options, { type: 'contact_history', addresses })) as ContactHistory[])[0];
  await expect.poll(() => firstHistoryOf(['ada@client.test'])).toMatchObject({ lastCall: { by: 'Priya Shah' } });

  // The overdue list counts from the team's last calls too, and says who made them. Grace, emailed
  // four times, was called by Priya three days ago (one email since): not overdue. Hal, emailed twice
  // this week, has not been called by anyone for 45 days: overdue. Ivy is not in Salesforce.
  const day = 86_400_000;
  const now = Date.now();
  for (const [address, id, calledDaysAgo] of [
    ['grace@client.test', '003000000000002AAA', 3],
    ['hal@client.test', '003000000000003AAA', 45],
  ] as const) {
    org.contacts.push({ Id: id, Email: address, Name: address });
    org.addTask({ OwnerId: '005000000000009AAA', WhoId: id }, now - calledDaysAgo * day);
  }
  const emails: [string, number[]][] = [
    ['grace@client.test', [9, 8, 7, 2]],
    ['hal@client.test', [4, 1]],
    ['ivy@client.test', [6, 5, 3]],
  ];
  for (const [address, daysAgo] of emails)
    for (const d of daysAgo) {
      const event = { type: 'email_sent', key: `email:${address}:${d}`, at: now - d * day, level: 'none', reasons: [] };
      expect(await send(options, { type: 'record', event: { ...event, recipients: [{ address }] } })).toMatchObject({
        ok: true,
      });
    }
  // What the nudge is given for Grace: Priya's call, and one email since it.
  await expect
    .poll(() => firstHistoryOf(['grace@client.test', 'hal@client.test', 'ivy@client.test']))
    .toMatchObject({ emailsSinceLastCall: 1, lastCall: { by: 'Priya Shah' } });
  const overdue = await openPage(policy, 'popup');
  const list = overdue.getByTestId('overdue');
  await expect(list).toContainText('hal@client.test');
  await expect(list).toContainText(/Last call: 4[4-6] days ago, by Priya Shah · 2 emails since/);
  await expect(list).toContainText('ivy@client.test');
  await expect(list).not.toContainText('grace@client.test');
  await overdue.close();

  // Disconnect revokes the sign-in.
  await options.reload();
  await options.getByRole('button', { name: 'Disconnect from Salesforce' }).click();
  await expect(options.getByTestId('crm-status')).toHaveText('Not connected to Salesforce.');
  // The status turns as the tokens are forgotten; the message comes once Salesforce has revoked them.
  await expect(options.getByTestId('crm-message')).toHaveText(/^Disconnected from Salesforce\. /);
  expect(org.refreshTokens.size).toBe(0);
  expect(org.invalid).toEqual([]);
});
