import { defineConfig } from '@playwright/test';
import { chromiumPath } from './tests/e2e/chromium-path';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  // Three workers on two cores: the tests mostly wait on the pages' own timers (pauses, Undo Send),
  // using under half the CPU, and a third worker cuts the suite from about 3.5 to 2.2 minutes.
  workers: 3,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    // Stock fixtures must never look for a downloaded browser.
    launchOptions: { executablePath: chromiumPath() },
  },
  projects: [
    { name: 'e2e', testIgnore: /typing-speed\.spec\.ts/ },
    // Long-task timing needs the CPU to itself: it starts only after every e2e test has finished, and its
    // file's tests run one after the other in one worker (not fully parallel), so nothing else runs beside it.
    { name: 'typing-speed', testMatch: /typing-speed\.spec\.ts/, dependencies: ['e2e'], fullyParallel: false },
  ],
});
