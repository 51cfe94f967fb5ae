// The built packages as the stores see them: web-ext lint on Firefox's, and the permissions
// and files of both manifests.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/chromium-session';
import { filesNamedBy } from '../../scripts/build';

const dist = (b: string) => join(ROOT, 'dist', b);
const manifest = (b: string) => JSON.parse(readFileSync(join(dist(b), 'manifest.json'), 'utf8'));

test('web-ext lint on dist/firefox: 0 errors', () => {
  let out = '';
  try {
    out = execFileSync(join(ROOT, 'node_modules', '.bin', 'web-ext'), ['lint', '--source-dir', dist('firefox'), '--output', 'json', '--no-input'], {
      encoding: 'utf8',
    });
  } catch (err: any) {
    out = err.stdout ?? ''; // web-ext exits non-zero when it finds errors; the JSON says which.
  }
  const report = JSON.parse(out.slice(out.indexOf('{')));
  expect(report.errors.map((e: any) => `${e.code}: ${e.message} (${e.file})`)).toEqual([]);
  expect(report.summary.errors).toBe(0);
});

for (const b of ['chrome', 'firefox']) {
  test(`${b}: storage and the X hosts only, and every file the manifest names is there`, () => {
    const m = manifest(b);
    expect(m.manifest_version).toBe(3);
    expect(m.permissions).toEqual(['storage']);
    expect([...m.host_permissions].sort()).toEqual(
      ['https://mobile.twitter.com/*', 'https://mobile.x.com/*', 'https://twitter.com/*', 'https://x.com/*'],
    );
    for (const f of filesNamedBy(m)) expect(existsSync(join(dist(b), f)), f).toBe(true);
    // Not minified: store reviewers read it.
    const content = readFileSync(join(dist(b), 'content.js'), 'utf8');
    expect(content.split('\n').length).toBeGreaterThan(200);
  });
}

test('firefox manifest: event page, gecko id, versions, no data collected', () => {
  const m = manifest('firefox');
  expect(m.background).toEqual({ scripts: ['background.js'] });
  expect(m.browser_specific_settings.gecko.strict_min_version).toBe('140.0');
  expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  expect(m.browser_specific_settings.gecko_android.strict_min_version).toBe('142.0');
  expect(manifest('chrome').background).toEqual({ service_worker: 'background.js' });
});

test('store zips exist for both browsers', () => {
  const zips = readdirSync(join(ROOT, 'dist')).filter((f) => f.endsWith('.zip'));
  expect(zips.some((z) => z.includes('chrome'))).toBe(true);
  expect(zips.some((z) => z.includes('firefox'))).toBe(true);
});
