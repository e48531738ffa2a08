/**
 * Starts Debian Chromium with the built extension and serves pages at the real mail addresses by
 * routing, so nothing leaves the machine. Used by the end-to-end harness and by `npm run demo`.
 */
import { type BrowserContext, type Page, type Worker, chromium } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromiumPath } from './chromium-path';

export const EXTENSION_DIR = resolve(process.env.CALLFIRST_OUT_DIR ?? '.output', 'chrome-mv3');
export const FIXTURES_DIR = resolve('tests/fixtures');

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
  /** Another build of the extension (the CRM test's). */
  extensionDir?: string;
  /** More Chromium switches. */
  args?: string[];
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<BrowserContext> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'callfirst-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: options.executablePath ?? chromiumPath(),
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${options.extensionDir ?? EXTENSION_DIR}`,
      `--load-extension=${options.extensionDir ?? EXTENSION_DIR}`,
      ...QUIET_CHROMIUM_ARGS,
      ...(options.args ?? []),
    ],
  });
  // Anything not routed to a fixture is refused: nothing reaches outside the machine.
  await context.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
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

const ASSET_TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css' };

/**
 * Serves `tests/fixtures/<file>` for every page under `origin` (e.g. https://mail.google.com), and
 * the fixtures' shared scripts and styles at `<origin>/__fixture/<path under tests/fixtures>`.
 */
export async function serveFixture(context: BrowserContext, origin: string, file: string): Promise<void> {
  const body = readFileSync(join(FIXTURES_DIR, file), 'utf8');
  await context.route(`${origin}/**`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
  // Registered after the page route, so it wins for the shared assets.
  await serveFixtureAssets(context, origin);
}

/** Serves the fixtures' shared scripts and styles at `<origin>/__fixture/<path under tests/fixtures>`. */
export async function serveFixtureAssets(context: BrowserContext, origin: string): Promise<void> {
  await context.route(`${origin}/__fixture/**`, (route) => {
    const path = normalize(new URL(route.request().url()).pathname.slice('/__fixture/'.length));
    const type = ASSET_TYPES[extname(path)];
    if (path.startsWith('..') || !type) return route.abort('blockedbyclient');
    return route.fulfill({
      contentType: `${type}; charset=utf-8`,
      body: readFileSync(join(FIXTURES_DIR, path), 'utf8'),
    });
  });
}

/** Opens a fixture at a real mail address, e.g. openFixture(context, 'https://mail.google.com/mail/u/0/', 'gmail/compose-new.html'). */
export async function openFixture(context: BrowserContext, url: string, file: string): Promise<Page> {
  await serveFixture(context, new URL(url).origin, file);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}
