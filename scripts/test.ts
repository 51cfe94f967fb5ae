// `npm test`: typecheck, build, unit + DOM tests (Vitest) first; then the end-to-end suites
// (Playwright runner: Chromium, Firefox ESR, and the package checks with web-ext lint). A suite
// whose browser is missing (and cannot be installed: see scripts/browsers.ts) is reported as not
// run, with the reason, instead of stopping everything. Ends with one line summing every suite:
// "N passed, N failed" (", N skipped" follows when a browser was missing: those tests did not run).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBrowser, type BrowserName } from './browsers';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = join(root, '.tmp');
mkdirSync(tmp, { recursive: true });
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

function run(title: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  console.log(`\n=== ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

let passed = 0;
let failed = 0;
let notRun = 0;
const problems: string[] = [];
const notes: string[] = [];

// 1. Types and build: each counts as one check; a failure does not stop the unit tests.
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
const built = !problems.includes('build (both browsers)');

/** Adds a JSON report's counts; a runner that exits non-zero with no failed test counts as one failure. */
function count(title: string, status: number, report: string, read: (r: any) => { ok: number; bad: number }) {
  if (!existsSync(report)) {
    failed++;
    problems.push(`${title} produced no report`);
    return;
  }
  const { ok, bad } = read(JSON.parse(readFileSync(report, 'utf8')));
  passed += ok;
  failed += bad;
  if (status !== 0 && !bad) {
    failed++;
    problems.push(`${title} exited non-zero`);
  }
}

// 2. Unit and DOM tests: need nothing but Node.
const vitestJson = join(tmp, 'vitest.json');
rmSync(vitestJson, { force: true });
const vitestStatus = run('unit + DOM tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
count('vitest', vitestStatus, vitestJson, (r) => ({ ok: r.numPassedTests ?? 0, bad: r.numFailedTests ?? 0 }));

// 3. End to end. Each Playwright project needs one browser (playwright.config.ts); find them now,
// installing Debian's package as root where possible, and run the projects we can.
const PROJECT_BROWSER: Record<string, BrowserName | null> = { chromium: 'chromium', firefox: 'firefox', package: null };
const env: NodeJS.ProcessEnv = {};
const runnable: string[] = [];
const missing: Array<{ project: string; reason: string }> = [];
for (const [project, browser] of Object.entries(PROJECT_BROWSER)) {
  if (!built) {
    missing.push({ project, reason: 'the build failed' });
    continue;
  }
  if (!browser) {
    runnable.push(project);
    continue;
  }
  try {
    env[browser === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'] = ensureBrowser(browser);
    runnable.push(project);
  } catch (err) {
    missing.push({ project, reason: err instanceof Error ? err.message : String(err) });
  }
}

/** How many tests a project has, without running them (`playwright test --list`). */
function listed(project: string): number {
  const r = spawnSync(bin('playwright'), ['test', '--list', '--project', project], { cwd: root, encoding: 'utf8' });
  return Number(/Total: (\d+) tests?/.exec(r.stdout ?? '')?.[1] ?? 0);
}

if (runnable.length) {
  const pwJson = join(tmp, 'playwright.json');
  rmSync(pwJson, { force: true });
  const pwStatus = run(
    `end-to-end (playwright: ${runnable.join(', ')})`,
    bin('playwright'),
    ['test', '--reporter=list,json', ...runnable.flatMap((p) => ['--project', p])],
    { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson },
  );
  count('playwright', pwStatus, pwJson, (r) => ({ ok: (r.stats?.expected ?? 0) + (r.stats?.flaky ?? 0), bad: r.stats?.unexpected ?? 0 }));
}
for (const { project, reason } of missing) {
  const n = listed(project);
  notRun += n;
  notes.push(`not run: ${n} ${project} end-to-end tests — ${reason}`);
}

if (notes.length) console.log(`\n${notes.join('\n')}`);
if (problems.length) console.log(`\nproblems: ${problems.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed${notRun ? `, ${notRun} skipped` : ''}`);
process.exit(failed ? 1 : 0);
