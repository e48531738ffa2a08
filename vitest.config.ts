import preact from '@preact/preset-vite';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
    restoreMocks: true,
    // Vitest's default leaves one core idle; on two cores that runs the files one at a time.
    maxWorkers: availableParallelism(),
    // Tests wait on events, not clocks; a machine under heavy load (seen: a 275 ms CRM round trip took
    // 6 s at load 16) must not turn slowness into failure.
    testTimeout: 20_000,
  },
});
