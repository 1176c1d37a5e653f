import { defineConfig } from 'vitest/config';

// Four suites: `unit` (pure functions), `build` (builds fixture sites and reads
// their HTML), `corpus` (bad contributions through check and build), `e2e` (drives Debian's Chromium against a served build).
// `npm test` runs unit + build; `npm run test:corpus` the bad-contribution corpus
// (a few minutes: it runs `npm run check` and `npm run build` per case); `npm run test:e2e` runs e2e.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'build',
          include: ['test/build/**/*.test.ts'],
          // The corpus of bad contributions runs `npm run check` and `npm run build` once per case: its own suite.
          exclude: ['test/build/corpus.test.ts'],
          // One build of the real content, shared by the tests that read it.
          globalSetup: ['test/build/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Astro builds are CPU-heavy; run one file at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'corpus',
          include: ['test/build/corpus.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
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
