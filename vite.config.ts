import { defineConfig } from 'vitest/config';

// base './' makes every asset URL relative, so the built folder works under any sub-path.
// `npm test` (vitest run) runs two projects: the unit tests, and the end-to-end tests, which
// build the app, serve it under a sub-path and drive Debian's Chromium with playwright-core.
export default defineConfig({
  base: './',
  build: { outDir: 'dist', target: 'es2022' },
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          // After the unit tests, not beside them: the responsiveness check measures the page's
          // main thread, which must not compete with a fuzzing suite for two cores.
          sequence: { groupOrder: 1 },
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
          // One browser at a time: the machine has two cores and each page runs workers.
          fileParallelism: false,
        },
      },
    ],
  },
});
