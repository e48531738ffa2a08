/**
 * Starts Debian's Firefox ESR with the built Firefox extension as a temporary add-on, driven by
 * Puppeteer over WebDriver BiDi, and serves the fixture pages at the real mail addresses by request
 * interception (the same answers as the Chromium suite, from tests/e2e/fixture-server.ts).
 *
 * - The extension's address is fixed with the `extensions.webextensions.uuids` preference, so its
 *   pages open at moz-extension://EXTENSION_UUID/ (`--remote-allow-system-access` lets the driver in).
 * - Enterprise policy reaches the extension as Firefox's managed storage: a manifest at
 *   ~/.mozilla/managed-storage/<add-on id>.json under a temporary HOME, read on each
 *   storage.managed.get().
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { fixtureReply, readFixture } from '../e2e/fixture-server';

export const EXTENSION_DIR = resolve(process.env.CALLFIRST_OUT_DIR ?? '.output', 'firefox-mv3');
/** browser_specific_settings.gecko.id in wxt.config.ts. */
export const ADDON_ID = 'callfirst@callfirst.app';
export const EXTENSION_UUID = '3c1f0a52-7d4e-4b8a-9c36-5e2f41d0ca11';

/** Debian's Firefox ESR, or the one FIREFOX_PATH names. Nothing here downloads a browser. */
export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path))
    throw new Error(`Firefox not found at ${path}: install Debian's firefox-esr or set FIREFOX_PATH`);
  return path;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** Opens `tests/fixtures/<file>` at `url`, a real mail address; nothing else reaches the network. */
  openMail(url: string, file: string): Promise<Page>;
  /** Opens popup.html or options.html of the extension and waits for its heading. */
  openExtensionPage(name: 'popup' | 'options'): Promise<Page>;
  close(): Promise<void>;
}

export interface FirefoxOptions {
  /** The enterprise policy, as managed storage. */
  managed?: Record<string, unknown>;
  /** More preferences (the CRM test's proxy, say). */
  prefs?: Record<string, unknown>;
  /** Accept any certificate (the CRM test's local Salesforce has the test's own). */
  acceptInsecureCerts?: boolean;
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxWithExtension> {
  const home = mkdtempSync(join(tmpdir(), 'callfirst-firefox-home-'));
  if (options.managed) {
    const dir = join(home, '.mozilla', 'managed-storage');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, `${ADDON_ID}.json`),
      JSON.stringify({ name: ADDON_ID, description: 'CallFirst test policy', type: 'storage', data: options.managed }),
    );
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    args: ['--remote-allow-system-access'],
    env: { ...process.env, HOME: home },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
      ...options.prefs,
    },
    ...(options.acceptInsecureCerts ? { acceptInsecureCerts: true } : {}),
  });
  await browser.installExtension(EXTENSION_DIR);

  return {
    browser,
    async openMail(url, file) {
      const origin = new URL(url).origin;
      const html = readFixture(file);
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request: HTTPRequest) => {
        const target = new URL(request.url());
        // The extension's own files (its content-script styles) load as usual.
        if (target.protocol === 'moz-extension:') return void request.continue();
        const reply = target.origin === origin ? fixtureReply(request.url(), html) : null;
        return void (reply ? request.respond({ status: 200, ...reply }) : request.abort('blockedbyclient'));
      });
      await page.goto(url);
      return page;
    },
    async openExtensionPage(name) {
      for (let attempt = 1; ; attempt++) {
        const page = await browser.newPage();
        // Over BiDi, Firefox 153 ESR never reports a moz-extension navigation as finished, so the
        // navigation is started, not awaited, and the page's own heading says it has loaded.
        page.goto(`moz-extension://${EXTENSION_UUID}/${name}.html`, { timeout: 0 }).catch(() => undefined);
        try {
          // A tab stuck this way fails at once, every time: 5 s of asking is plenty before a new tab.
          await waitThroughNavigation(() => page.waitForSelector('h1'), 5_000);
          return page;
        } catch (error) {
          // Some tabs never let the driver into the new document (every evaluation keeps failing
          // with the protocol error): such a tab is closed and the page opened in a new one.
          await page.close().catch(() => undefined);
          if (attempt >= 3) throw error;
        }
      }
    },
    async close() {
      await browser.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/**
 * A wait begun while about:blank is being replaced can fail with a protocol error when its document
 * goes away mid-query (seen with Firefox 153 ESR over BiDi); the new document is then asked again.
 * The replacement can outlast several quick failures on a loaded machine (three in a row failed
 * about one run in eight), so it asks again for as long as `withinMs` allows, not a fixed number of times.
 */
async function waitThroughNavigation(wait: () => Promise<unknown>, withinMs = 10_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    try {
      await wait();
      return;
    } catch (error) {
      if (Date.now() >= deadline || !(error instanceof Error && error.cause instanceof Error)) throw error;
    }
  }
}
