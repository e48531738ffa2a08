/**
 * The end-to-end harness: one Chromium per worker with the built extension loaded, the
 * extension's id and service worker, and the helpers of ./launch.ts.
 */
import { type BrowserContext, type Worker, test as base } from '@playwright/test';
import { extensionWorker, launchWithExtension } from './launch';

export * from './launch';

interface WorkerFixtures {
  extensionContext: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
}

/**
 * Worker-scoped: one browser per worker keeps the suite fast. Tests that need a clean ledger
 * or clean settings reset them through the service worker.
 */
export const test = base.extend<object, WorkerFixtures>({
  extensionContext: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured.
    async ({}, use) => {
      const context = await launchWithExtension();
      await use(context);
      await context.close();
    },
    { scope: 'worker' },
  ],
  serviceWorker: [
    async ({ extensionContext }, use) => use(await extensionWorker(extensionContext)),
    { scope: 'worker' },
  ],
  extensionId: [async ({ serviceWorker }, use) => use(new URL(serviceWorker.url()).host), { scope: 'worker' }],
});

export { expect } from '@playwright/test';
