import { defineConfig } from 'vitest/config';

/** The Firefox end-to-end suite (tests/firefox): real Firefox ESR with the built extension, one file at a time. */
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
