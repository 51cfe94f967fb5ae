// Finds Chromium and Firefox ESR for the demo and the end-to-end tests. When one is missing and
// we run as root on Debian, installs Debian's package; otherwise stops with what to do.
//
//   CHROMIUM_PATH=/path/to/chromium   FIREFOX_PATH=/path/to/firefox   point at existing browsers
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = {
  chromium: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome'],
  firefox: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
} as const;

const DEBIAN_PACKAGE = { chromium: 'chromium', firefox: 'firefox-esr' } as const;
const ENV = { chromium: 'CHROMIUM_PATH', firefox: 'FIREFOX_PATH' } as const;

export type BrowserName = keyof typeof CANDIDATES;

function find(name: BrowserName): string | undefined {
  const fromEnv = process.env[ENV[name]];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${ENV[name]}=${fromEnv} does not exist`);
    return fromEnv;
  }
  return CANDIDATES[name].find((p) => existsSync(p));
}

const isRootOnDebian = () => process.getuid?.() === 0 && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');

/** Path of the browser, installing Debian's package as root when it is missing. */
export function ensureBrowser(name: BrowserName): string {
  const found = find(name);
  if (found) return found;
  if (isRootOnDebian()) {
    console.log(`${name} not found: installing Debian's ${DEBIAN_PACKAGE[name]} (apt-get)…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', DEBIAN_PACKAGE[name]], { stdio: 'inherit', env });
    const installed = find(name);
    if (installed) return installed;
  }
  throw new Error(
    `${name} is not installed. Install it (Debian/Ubuntu: sudo apt-get install ${DEBIAN_PACKAGE[name]}), ` +
      `or point the project at an existing one: ${ENV[name]}=/path/to/${name} npm …`,
  );
}

if (process.argv[1]?.endsWith('browsers.ts')) {
  const which = process.argv.slice(2) as BrowserName[];
  try {
    for (const name of which.length ? which : (['chromium', 'firefox'] as BrowserName[])) {
      console.log(`${name}: ${ensureBrowser(name)}`);
    }
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}
