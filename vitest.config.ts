import { configDefaults, defineConfig } from 'vitest/config';

// `npm test`: everything but the tests that need Chromium and poppler (`npm run test:browser`).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'test/browser/**'],
    testTimeout: 60_000,
  },
});
