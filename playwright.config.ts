import { defineConfig } from '@playwright/test';

// End-to-end tests drive the built extension (dist/) in Debian's Chromium and Firefox ESR.
// One worker: each test starts its own browser, and the machine has two cores.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  retries: 0,
});
