import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'test/dom/**/*.test.ts', 'test/dom/**/*.test.tsx'],
    environment: 'happy-dom',
    // Tests assert behaviour, not speed (speed is `npm run bench`): a slow or busy machine must not
    // fail them, so the per-test limit is generous.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // UI text comes from _locales: tests read the English messages (src/ui/i18n.ts).
    setupFiles: ['test/helpers/i18n-setup.ts'],
    // Classifier and other pure modules run in Node: they opt in with `// @vitest-environment node`.
  },
});
