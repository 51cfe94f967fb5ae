import { defineConfig } from '@playwright/test';

// End-to-end tests drive the built extension (dist/) in Debian's Chromium and Firefox ESR.
// One worker: each test starts its own browser, and the machine has two cores.
// Projects say which browser a spec needs, so that `npm test` can run what the machine has and
// report the rest as not run (scripts/test.ts). A new spec is a Chromium spec unless named here.
export const FIREFOX_SPECS = ['**/firefox*.spec.ts'];
export const NO_BROWSER_SPECS = ['**/package.spec.ts'];

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  retries: 0,
  projects: [
    { name: 'chromium', testIgnore: [...FIREFOX_SPECS, ...NO_BROWSER_SPECS] },
    { name: 'firefox', testMatch: FIREFOX_SPECS },
    { name: 'package', testMatch: NO_BROWSER_SPECS },
  ],
});
