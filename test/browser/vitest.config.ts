import { defineConfig } from 'vitest/config';

// `npm run test:browser`: the tests that need Debian chromium and poppler-utils, over dist/.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
