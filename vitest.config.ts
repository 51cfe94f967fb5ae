import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'test/dom/**/*.test.ts', 'test/dom/**/*.test.tsx'],
    environment: 'happy-dom',
    // Classifier and other pure modules run in Node: they opt in with `// @vitest-environment node`.
  },
});
