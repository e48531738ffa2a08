/**
 * The organisation's Salesforce in Firefox: the Firefox build connects through its Connect button
 * (permissions.request, then identity.launchWebAuthFlow with Firefox's own redirect URL) to the
 * local fake Salesforce, which Firefox reaches at the org's real host through a CONNECT proxy, and a
 * call logged in the popup arrives as a Task. Optional permissions are granted without their prompt
 * (`extensions.webextOptionalPermissionPrompts`), since no one can click it headless.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startConnectProxy, type ConnectProxy } from '../crm/connect-proxy';
import { startFakeSalesforce, type FakeSalesforce } from '../crm/fake-salesforce';
import { launchFirefox, type FirefoxWithExtension } from './firefox';

const HOST = 'acme.my.salesforce.com';

let org: FakeSalesforce;
let proxy: ConnectProxy;
let firefox: FirefoxWithExtension;

beforeAll(async () => {
  org = await startFakeSalesforce({ https: true, host: HOST });
  proxy = await startConnectProxy(HOST, org.port);
  firefox = await launchFirefox({
    managed: { crm: { provider: 'salesforce', myDomain: HOST, clientId: org.clientId, sendNotes: true } },
    prefs: {
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'extensions.webextOptionalPermissionPrompts': false,
    },
    acceptInsecureCerts: true,
  });
});

afterAll(async () => {
  await firefox.close();
  await proxy.close();
  await org.close();
});

/** Waits until the element `testId` contains `text`. */
async function waitForText(page: Page, testId: string, text: string): Promise<void> {
  await page.waitForFunction(
    (selector, wanted) => document.querySelector(selector)?.textContent.includes(wanted),
    {},
    `[data-testid="${testId}"]`,
    text,
  );
}

test('connects to Salesforce with Firefox’s redirect URL, and a logged call arrives as a Task', async () => {
  org.contacts.push({ Id: '003000000000001AAA', Email: 'ada@client.test', Name: 'Ada Lovelace' });
  // Both pages open before signing in: a tab opened after the sign-in window closed could not be
  // scripted over BiDi (Firefox 153 ESR: every evaluation failed with a protocol error).
  const popup = await firefox.openExtensionPage('popup');
  const options = await firefox.openExtensionPage('options');
  await options.locator('[data-testid="crm-section"] button[aria-describedby="crm-help"]').click();
  await waitForText(options, 'crm-message', 'Connected to Salesforce.');
  expect(org.log.slice(0, 2)).toEqual(['authorize', 'token']);
  // Firefox's identity.getRedirectURL(): a subdomain of extensions.allizom.org derived from the add-on id.
  expect(org.redirectUris).toEqual([expect.stringMatching(/^https:\/\/[0-9a-f]{40}\.extensions\.allizom\.org\/$/)]);

  await popup.bringToFront();
  await popup.locator('[data-testid="log-call"]').click();
  await popup.locator('[data-testid="log-call-form"] [name="contact"]').fill('Ada Lovelace <ada@client.test>');
  await popup.locator('[data-testid="log-call-form"] [name="purpose"]').fill('Agree the renewal terms');
  await popup.locator('[data-testid="log-call-form"] [name="discussed"]').fill('Pricing for Q3');
  await popup.locator('[data-testid="log-call-form"] button[type="submit"]').click();
  await expect.poll(() => org.tasks.length, { timeout: 15_000 }).toBe(1);
  expect(org.tasks[0]).toMatchObject({ WhoId: '003000000000001AAA', TaskSubtype: 'Call', Status: 'Completed' });
  expect(org.tasks[0]!.Description).toContain('Discussed: Pricing for Q3');
  expect(org.invalid).toEqual([]);
  await popup.close();
  await options.close();
});
