/**
 * Opens the Gmail fixtures at Gmail's real address; their shared behaviour script
 * (tests/fixtures/gmail/behaviour.js, Gmail's compose behaviour stand-in) is served beside them.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { openFixture } from './harness';

export const GMAIL_URL = 'https://mail.google.com/mail/u/0/';

export function openGmail(context: BrowserContext, file: string, hash = '#inbox'): Promise<Page> {
  return openFixture(context, GMAIL_URL + hash, `gmail/${file}`);
}

interface SwGlobal {
  __seen?: unknown[];
  __seenInstalled?: boolean;
  chrome: { runtime: { onMessage: { addListener(cb: (message: unknown) => void): void } } };
}

/**
 * Test instrumentation only: records every message that reaches the extension's service worker,
 * so a test can see what the coach sent. Never product code. Returns how many were seen before,
 * so a test looks only at its own (tests in one worker share the browser and run one at a time).
 */
export async function watchMessages(worker: Worker): Promise<number> {
  return worker.evaluate(() => {
    const g = globalThis as unknown as SwGlobal;
    g.__seen ??= [];
    if (!g.__seenInstalled) {
      g.__seenInstalled = true;
      g.chrome.runtime.onMessage.addListener((m) => {
        g.__seen!.push(m);
      });
    }
    return g.__seen.length;
  });
}

export interface SeenEvent {
  type: string;
  key: string;
  level?: string;
  reasons?: string[];
  recipients?: { address?: string; name?: string }[];
  source?: string;
  contact?: { address?: string; name?: string };
  action?: string;
  notes?: Record<string, string>;
}

/** Record events that reached the service worker since `since` (from watchMessages). */
export async function seenEvents(worker: Worker, since: number): Promise<SeenEvent[]> {
  const all = await worker.evaluate(() => (globalThis as unknown as SwGlobal).__seen ?? []);
  return (all.slice(since) as { type: string; event?: SeenEvent }[])
    .filter((m) => m.type === 'record' && m.event)
    .map((m) => m.event!);
}

/** Every message (not only records) since `since`. */
export async function seenMessages(worker: Worker, since: number): Promise<{ type: string }[]> {
  const all = await worker.evaluate(() => (globalThis as unknown as SwGlobal).__seen ?? []);
  return all.slice(since) as { type: string }[];
}
