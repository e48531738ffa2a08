import { defineConfig } from '@playwright/test';
import { chromiumPath } from './tests/e2e/chromium-path';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  // Two cores here: two workers, each with its own Chromium and extension.
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    // Stock fixtures must never look for a downloaded browser.
    launchOptions: { executablePath: chromiumPath() },
  },
});
