/**
 * Starts Debian Chromium with the built extension and serves pages at the real mail addresses by
 * routing, so nothing leaves the machine. Used by the end-to-end harness and by `npm run demo`.
 */
import { type BrowserContext, type Page, type Worker, chromium, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumPath } from './chromium-path';
import { fixtureAsset, fixturePage, readFixture } from './fixture-server';

export { FIXTURES_DIR } from './fixture-server';
export const EXTENSION_DIR = resolve(process.env.CALLFIRST_OUT_DIR ?? '.output', 'chrome-mv3');

/** Flags that keep Chromium from reaching for hosts this closed network cannot reach. */
export const QUIET_CHROMIUM_ARGS = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-gpu',
];

export interface LaunchOptions {
  /** Another executable, e.g. a wrapper that gives Chromium a private enterprise policy. */
  executablePath?: string;
  /** False opens a real window (the demo, with a display). */
  headless?: boolean;
  /** Another build of the extension (default EXTENSION_DIR); null starts Chromium without it (benchmarks). */
  extensionDir?: string | null;
  /** More Chromium switches. */
  args?: string[];
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<BrowserContext> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'callfirst-profile-'));
  const extensionDir = options.extensionDir === undefined ? EXTENSION_DIR : options.extensionDir;
  const extensionArgs = extensionDir
    ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
    : [];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: options.executablePath ?? chromiumPath(),
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 800 },
    args: [...extensionArgs, ...QUIET_CHROMIUM_ARGS, ...(options.args ?? [])],
  });
  // Anything not routed to a fixture is refused: nothing reaches outside the machine.
  await context.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
  await context.addInitScript(rememberLastInput);
  context.on('close', () => {
    // Chromium may still be flushing its profile; a leftover temp folder is harmless.
    try {
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      /* best effort */
    }
  });
  return context;
}

export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/**
 * Serves `tests/fixtures/<file>` for every page under `origin` (e.g. https://mail.google.com), and
 * the fixtures' shared scripts and styles at `<origin>/__fixture/<path under tests/fixtures>`.
 */
export async function serveFixture(context: BrowserContext, origin: string, file: string): Promise<void> {
  const page = fixturePage(readFixture(file));
  await context.route(`${origin}/**`, (route) => route.fulfill(page));
  // Registered after the page route, so it wins for the shared assets.
  await serveFixtureAssets(context, origin);
}

/** Serves the fixtures' shared scripts and styles at `<origin>/__fixture/<path under tests/fixtures>`. */
export async function serveFixtureAssets(context: BrowserContext, origin: string): Promise<void> {
  await context.route(`${origin}/__fixture/**`, (route) => {
    const asset = fixtureAsset(route.request().url());
    return asset ? route.fulfill(asset) : route.abort('blockedbyclient');
  });
}

/** Opens a fixture at a real mail address, e.g. openFixture(context, 'https://mail.google.com/mail/u/0/', 'gmail/compose-new.html'). */
export async function openFixture(context: BrowserContext, url: string, file: string): Promise<Page> {
  await serveFixture(context, new URL(url).origin, file);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

interface InputClock {
  __callfirstLastInput?: number;
}

/** Test instrumentation, run in every page: when the last input event happened (performance.now()). */
function rememberLastInput() {
  addEventListener(
    'input',
    () => {
      (window as InputClock).__callfirstLastInput = performance.now();
    },
    { capture: true },
  );
}

/**
 * Waits until the coach has analysed the page's drafts as they stand after the last input: one of its
 * `callfirst:analyse` measures started after that input. The nudge is decided by then, so a test can
 * check that none shows without sleeping.
 */
export async function analysed(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const last = (window as InputClock).__callfirstLastInput ?? 0;
        return performance.getEntriesByName('callfirst:analyse').some((m) => m.startTime >= last);
      }),
    )
    .toBe(true);
}
