import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 20_000,
    // Polls wait for what a person would wait for; on a loaded two-core machine one second is not enough.
    expect: { poll: { timeout: 5_000 } },
    hookTimeout: 60_000,
    // The end-to-end tests start Chromium and a host each: two cores, so two files at a time.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
