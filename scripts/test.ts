// `npm test`: typecheck, build, unit + DOM tests (Vitest), end-to-end tests in Chromium and
// Firefox plus web-ext lint (Playwright runner), then one closing line summing every suite:
// "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBrowser } from './browsers';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = join(root, '.tmp');
mkdirSync(tmp, { recursive: true });
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

function run(title: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  console.log(`\n=== ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

// The end-to-end tests need both browsers: find them (or install Debian's, as root) first, and
// stop with what to do when that is not possible.
let browsers: NodeJS.ProcessEnv;
try {
  browsers = { CHROMIUM_PATH: ensureBrowser('chromium'), FIREFOX_PATH: ensureBrowser('firefox') };
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

let passed = 0;
let failed = 0;
const problems: string[] = [];

// 1. Types and build: a failure here fails the run, counted as one failed check each.
for (const [title, cmd, args] of [
  ['typecheck (tsc --noEmit)', bin('tsc'), ['--noEmit', '-p', '.']],
  ['build (both browsers)', bin('tsx'), ['scripts/build.ts']],
] as const) {
  if (run(title, cmd, [...args]) === 0) passed++;
  else {
    failed++;
    problems.push(title);
  }
}

// 2. Unit and DOM tests.
const vitestJson = join(tmp, 'vitest.json');
const vitestStatus = run('unit + DOM tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  if (vitestStatus !== 0 && !r.numFailedTests) {
    failed++;
    problems.push('vitest exited non-zero');
  }
} else {
  failed++;
  problems.push('vitest produced no report');
}

// 3. End to end: the built extension in Chromium and Firefox, and web-ext lint.
const pwJson = join(tmp, 'playwright.json');
const pwStatus = run('end-to-end (playwright runner: Chromium, Firefox, web-ext lint)', bin('playwright'), ['test', '--reporter=list,json'], {
  ...browsers,
  PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
});
if (existsSync(pwJson)) {
  const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += (s.unexpected ?? 0);
  if (pwStatus !== 0 && !s.unexpected) {
    failed++;
    problems.push('playwright exited non-zero');
  }
} else {
  failed++;
  problems.push('playwright produced no report');
}

if (problems.length) console.log(`\nproblems: ${problems.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
