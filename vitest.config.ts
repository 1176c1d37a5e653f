import { defineConfig } from 'vitest/config';

// Three suites: `unit` (pure functions), `build` (builds fixture sites and reads
// their HTML), `e2e` (drives Debian's Chromium against a served build).
// `npm test` runs unit + build; `npm run test:e2e` runs e2e.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'build',
          include: ['test/build/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Astro builds are CPU-heavy; run one file at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
