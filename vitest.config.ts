import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // The end-to-end tests start Chromium and a host each: two cores, so two files at a time.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
