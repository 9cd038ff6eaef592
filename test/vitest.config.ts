import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: path.resolve(import.meta.dirname, '..'),
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/global-setup.ts'],
    // The CLI and host tests start tsx processes (a few seconds each on a loaded two-core machine).
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // The e2e files start Chromium; two cores cannot take many at once.
    maxWorkers: 2,
    reporters: ['default'],
    // A poll waits for what a user would wait for (a PDF rendered, a save acknowledged);
    // the 1 s default fails on a loaded two-core machine, not on a slow app.
    expect: { poll: { timeout: 10_000 } },
  },
});
