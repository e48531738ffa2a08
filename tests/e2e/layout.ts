/**
 * Where things are on screen, for the promise that the nudge never gets in the way: the draft and the
 * caret stay put when the nudge comes and goes, and the nudge covers neither Send nor the caret.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from './harness';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The element's box on screen, in CSS pixels. */
export async function boxOf(locator: Locator): Promise<Box> {
  return locator.evaluate((el) => {
    const { x, y, width, height } = el.getBoundingClientRect();
    return { x, y, width, height };
  });
}

/** Where the caret is drawn: the collapsed selection in the page. */
export async function caretBox(page: Page): Promise<Box> {
  return page.evaluate(() => {
    const { x, y, width, height } = getSelection()!.getRangeAt(0).getBoundingClientRect();
    return { x, y, width, height };
  });
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * The open card fits the compose window: inside `frame` from side to side, no horizontal scroll, every
 * button as narrow as the card (so none is cut off: they wrap), and clear of the Send button.
 */
export async function expectCardFits(card: Locator, frame: Locator, send: Locator): Promise<void> {
  const box = await boxOf(card);
  const within = await boxOf(frame);
  expect(box.x).toBeGreaterThanOrEqual(within.x);
  expect(box.x + box.width).toBeLessThanOrEqual(within.x + within.width + 0.5);
  expect(overlaps(box, await boxOf(send)), 'the card covers Send').toBe(false);
  const sizes = await card.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
    widest: Math.max(...[...el.querySelectorAll('button, a')].map((b) => b.getBoundingClientRect().width)),
  }));
  expect(sizes.scrollWidth, 'the card scrolls sideways').toBeLessThanOrEqual(sizes.clientWidth);
  expect(sizes.widest).toBeLessThanOrEqual(sizes.clientWidth);
  // Seen whole, top to bottom: neither clipped by the compose window nor under the page (it scrolls inside).
  const seen = await card.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const host = (el.getRootNode() as ShadowRoot).host;
    return [
      [r.left + 4, r.top + 4],
      [r.right - 4, r.bottom - 4],
    ].every(([x, y]) => document.elementFromPoint(x!, y!) === host);
  });
  expect(seen, 'part of the card is hidden').toBe(true);
}

/**
 * The card still fits at 200% zoom (half the CSS pixels of a 1280×800 window): `check` runs with the
 * page that small, then the page gets its size back.
 */
export async function atDoubleZoom(page: Page, check: () => Promise<void>): Promise<void> {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 640, height: 400 });
  try {
    await check();
  } finally {
    await page.setViewportSize(size);
  }
}
