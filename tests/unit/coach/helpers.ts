/** What the coach's unit tests share: a Gmail fixture in happy-dom, a stand-in lifetime, canned analyses. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Analysis } from '../../../lib/analysis';
import type { CoachContext } from '../../../lib/coach';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

/** Puts a fixture's body (without its behaviour script and stylesheet) into the test document. */
export function loadFixture(file: string): void {
  const html = readFileSync(join(FIXTURES, file), 'utf8')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<link rel="stylesheet"[^>]*>/g, '');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceWith(document.importNode(parsed.body, true));
}

/** A content script lifetime that a test can end, as an extension update would. */
export function fakeContext() {
  const invalidated: (() => void)[] = [];
  const ctx = {
    isValid: true,
    onInvalidated: (cb: () => void) => {
      invalidated.push(cb);
      return () => undefined;
    },
    // Like WXT's: nothing scheduled runs once the context is gone.
    setTimeout: (handler: () => void, ms?: number) =>
      window.setTimeout(() => {
        if (ctx.isValid) handler();
      }, ms),
    requestIdleCallback: (cb: IdleRequestCallback) =>
      window.setTimeout(() => {
        if (ctx.isValid) cb({ didTimeout: false, timeRemaining: () => 10 });
      }, 0),
  };
  return {
    ctx: ctx as unknown as CoachContext,
    invalidate() {
      ctx.isValid = false;
      invalidated.splice(0).forEach((cb) => cb());
    },
  };
}

export const CHECKIN: Analysis = {
  nudge: true,
  level: 'suggest',
  score: 1.2,
  findings: [{ rule: 'checkin', message: 'asks for status', evidence: ['just checking in'] }],
  opener: 'The purpose of my call is to agree the next step.',
  openerSource: 'draft',
  callRequest: 'Could we speak for 10 minutes?',
  language: 'en',
  words: 5,
  questions: 0,
};
export const NONE: Analysis = { ...CHECKIN, nudge: false, level: 'none', score: 0, findings: [] };

/** A promise and the functions that settle it, for answers that arrive when a test says so. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
