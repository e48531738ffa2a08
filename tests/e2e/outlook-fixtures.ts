/**
 * Opens the Outlook fixtures at Outlook's real addresses, each page with its own copy of the fixture
 * (addresses made unique to it), and the helpers that find and focus a compose body.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, FIXTURES_DIR, serveFixtureAssets } from './harness';

export const HOSTS = [
  'https://outlook.office.com/mail/',
  'https://outlook.office365.com/mail/inbox/id/AAQkAGE1conv0001',
  'https://outlook.live.com/mail/0/',
];
export const OFFICE = HOSTS[0]!;

/**
 * The fixture with every address made unique to one test. The browser (and so the ledger) is shared
 * by the tests of a worker: after three emails to the same contact without a call, the coach rightly
 * adds an "overdue" nudge of its own, which would make tests depend on their order.
 */
export function fixtureHtml(file: string, tag: string): string {
  return readFileSync(join(FIXTURES_DIR, file), 'utf8').replace(/([\w.]+)@([\w-]+\.example)/g, `$1+${tag}@$2`);
}

const tags = new WeakMap<Page, string>();

/** The tag that made this page's fixture addresses unique (for a pop-out served beside it). */
export function tagOf(page: Page): string {
  return tags.get(page)!;
}

/** An address of the fixture as this page shows it. */
export function addressIn(page: Page, address: string): string {
  return address.replace('@', `+${tagOf(page)}@`);
}

/** Serves `file` (made unique to this test) for every page under the origin of `url`, then opens `url`. */
export async function openOutlook(context: BrowserContext, url: string, file: string): Promise<Page> {
  const tag = Math.random().toString(36).slice(2, 8);
  const body = fixtureHtml(file, tag);
  await context.route(`${new URL(url).origin}/**`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body }),
  );
  await serveFixtureAssets(context, new URL(url).origin);
  const page = await context.newPage();
  tags.set(page, tag);
  await page.goto(url);
  return coached(page);
}

/** Waits for the Outlook content script (the nudge's shadow root holds an <html> of its own: not that one). */
export async function coached(page: Page): Promise<Page> {
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.callfirstHost)).toBe('outlook');
  return page;
}

/** The editable compose bodies of the page. */
export function bodies(page: Page): Locator {
  return page.locator('[contenteditable="true"][aria-multiline="true"]');
}

/** Puts the caret at the top of the body (above signature and history), as a rep starting to write. */
export async function caretAtTop(body: Locator): Promise<void> {
  await body.evaluate((el) => {
    el.focus();
    const range = document.createRange();
    range.setStart(el.firstElementChild ?? el, 0);
    range.collapse(true);
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  });
}
