/**
 * What the fixture server answers at a mail address, for both browsers: Playwright's routes (Chromium,
 * ./launch.ts) and Puppeteer's request interception (Firefox, tests/firefox/firefox.ts). A page of the
 * mail origin gets the fixture page; `<origin>/__fixture/<path under tests/fixtures>` gets the fixtures'
 * shared scripts and styles; anything else is refused (null).
 */
import { readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

export const FIXTURES_DIR = resolve('tests/fixtures');
const ASSETS_PREFIX = '/__fixture/';
const ASSET_TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css' };

export interface FixtureReply {
  contentType: string;
  body: string;
}

/** The text of `tests/fixtures/<file>`. */
export function readFixture(file: string): string {
  return readFileSync(join(FIXTURES_DIR, file), 'utf8');
}

/** A fixture page, as served for every page of its mail origin. */
export function fixturePage(html: string): FixtureReply {
  return { contentType: 'text/html; charset=utf-8', body: html };
}

export function isFixtureAsset(url: string): boolean {
  return new URL(url).pathname.startsWith(ASSETS_PREFIX);
}

/** A shared script or style of the fixtures, or null for anything outside tests/fixtures or of another type. */
export function fixtureAsset(url: string): FixtureReply | null {
  const path = normalize(new URL(url).pathname.slice(ASSETS_PREFIX.length));
  const type = ASSET_TYPES[extname(path)];
  if (path.startsWith('..') || !type) return null;
  return { contentType: `${type}; charset=utf-8`, body: readFixture(path) };
}

/** What a request to the mail origin serving `html` gets. */
export function fixtureReply(url: string, html: string): FixtureReply | null {
  return isFixtureAsset(url) ? fixtureAsset(url) : fixturePage(html);
}
