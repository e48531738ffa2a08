/** What the coach's unit tests share: a Gmail fixture in happy-dom, a fake clock, the editor's commands, a stand-in lifetime, canned analyses. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Analysis } from '../../../lib/analysis';
import type { CoachContext } from '../../../lib/coach';
import { vi } from 'vitest';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

/** Puts a fixture's body (without its behaviour script and stylesheet) into the test document. */
export function loadFixture(file: string): void {
  const html = readFileSync(join(FIXTURES, file), 'utf8')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<link rel="stylesheet"[^>]*>/g, '');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceWith(document.importNode(parsed.body, true));
}

/**
 * Page time on a fake clock: the coach's pauses, idle scans and Undo Send offers pass when a test
 * advances them (vi.advanceTimersByTimeAsync, or vi.waitFor, which advances as it polls), never with
 * the machine's load. Performance marks stay real: the coach measures its passes with them.
 */
export function useFakeClock(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
}

/**
 * The browser's `insertText` and `undo` editing commands, which happy-dom lacks: replaces the
 * selection with the text, as Chromium does for a contenteditable, and undoes it from a stack.
 */
export function emulateInsertText(): void {
  const undoStack: { body: HTMLElement; html: string }[] = [];
  // The coach edits through this deprecated command on purpose (the editor's undo stack): see lib/coach/edit.ts.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  document.execCommand = (command: string, _ui?: boolean, text?: string) => {
    if (command === 'undo') {
      const step = undoStack.pop();
      if (step) step.body.innerHTML = step.html;
      return !!step;
    }
    const range = document.getSelection()?.getRangeAt(0);
    if (command !== 'insertText' || !range) return false;
    const common = range.commonAncestorContainer;
    const element = common instanceof Element ? common : common.parentElement;
    const body = element?.closest<HTMLElement>('[contenteditable="true"]');
    if (body) undoStack.push({ body, html: body.innerHTML });
    range.deleteContents();
    range.insertNode(document.createTextNode(text ?? ''));
    return true;
  };
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
  findings: [
    {
      rule: 'checkin',
      message: { key: 'reasonCheckin', substitutions: ['just checking in'] },
      evidence: ['just checking in'],
    },
  ],
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
