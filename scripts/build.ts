// Builds dist/chrome and dist/firefox from the one manifest.json, and a store-ready zip of each.
//
//   npx tsx scripts/build.ts            both browsers + zips
//   npx tsx scripts/build.ts --no-zip   skip the zips (tests)
//
// Not minified, so store reviewers (and users) can read what ships.
import { build, type BuildOptions } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipDirectory } from './zip';
import { phraseLines, wordGateLines } from '../src/classifier/features';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const args = new Set(process.argv.slice(2));

export const GECKO_ID = 'quiet-bazaar@quietbazaar.example';

type Manifest = Record<string, any>;

/** The entry points esbuild bundles, by the file name the manifest uses. */
const ENTRIES: Record<string, string> = {
  'background.js': 'src/background/index.ts',
  'content.js': 'src/content/index.ts',
  'page-reader.js': 'src/page-world/main-world.ts',
  'popup.js': 'src/popup/main.tsx',
  'options.js': 'src/options/main.tsx',
  'welcome.js': 'src/welcome/main.tsx',
};

/**
 * The extension's own pages, by file name: one HTML shell each, written by the build from
 * pageShell (the same head everywhere; each page its stylesheets and its bundle). Text in them
 * comes from _locales at run time; the title is what shows before the script runs.
 */
export const PAGES: Record<string, { title: string; styles: string[]; script: string }> = {
  'popup.html': { title: 'Quiet Bazaar', styles: ['base.css', 'popup.css', 'audit.css'], script: 'popup.js' },
  'options.html': { title: 'Quiet Bazaar: settings and data', styles: ['base.css', 'options.css', 'audit.css'], script: 'options.js' },
  'welcome.html': { title: 'Quiet Bazaar', styles: ['base.css', 'options.css', 'welcome.css'], script: 'welcome.js' },
};

export function pageShell({ title, styles, script }: { title: string; styles: string[]; script: string }): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '  <head>',
    '    <meta charset="utf-8" />',
    '    <meta name="viewport" content="width=device-width, initial-scale=1" />',
    '    <meta name="color-scheme" content="light dark" />',
    `    <title>${title}</title>`,
    ...styles.map((href) => `    <link rel="stylesheet" href="${href}" />`),
    '  </head>',
    '  <body>',
    '    <div id="app"></div>',
    `    <script src="${script}"></script>`,
    '  </body>',
    '</html>',
    '',
  ].join('\n');
}

/** Firefox's manifest, derived from Chrome's; each difference says why. */
export function firefoxManifest(chrome: Manifest): Manifest {
  const m: Manifest = structuredClone(chrome);
  // Firefox MV3 has no extension service worker: an event page runs the same script.
  m.background = { scripts: [chrome.background.service_worker] };
  m.browser_specific_settings = {
    gecko: {
      // Firefox needs an id to keep storage across updates and for AMO.
      id: GECKO_ID,
      // data_collection_permissions needs Firefox 140; world: MAIN content scripts need 128.
      strict_min_version: '140.0',
      // We collect nothing: everything stays on the user's machine.
      data_collection_permissions: { required: ['none'] },
    },
    gecko_android: { strict_min_version: '142.0' },
  };
  return m;
}

/** Every file the manifest names, so the build can refuse to ship a manifest that points at nothing. */
export function filesNamedBy(m: Manifest): string[] {
  const files = new Set<string>();
  const add = (f: unknown) => typeof f === 'string' && files.add(f);
  Object.values(m.icons ?? {}).forEach(add);
  Object.values(m.action?.default_icon ?? {}).forEach(add);
  add(m.action?.default_popup);
  add(m.options_ui?.page);
  add(m.background?.service_worker);
  (m.background?.scripts ?? []).forEach(add);
  for (const cs of m.content_scripts ?? []) {
    (cs.js ?? []).forEach(add);
    (cs.css ?? []).forEach(add);
  }
  for (const r of m.web_accessible_resources ?? []) (r.resources ?? []).forEach(add);
  return [...files];
}

function checkFiles(dir: string, m: Manifest): void {
  const missing = filesNamedBy(m).filter((f) => !existsSync(join(dir, f)));
  if (missing.length) throw new Error(`${dir}: manifest names missing files: ${missing.join(', ')}`);
  checkLocales(dir, m);
}

/** The manifest's __MSG_key__ strings must exist in the default locale, or the browser shows the raw key. */
function checkLocales(dir: string, m: Manifest): void {
  if (!m.default_locale) return;
  const file = join(dir, '_locales', m.default_locale, 'messages.json');
  if (!existsSync(file)) throw new Error(`${dir}: default_locale ${m.default_locale} has no ${file}`);
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const keys = [...JSON.stringify(m).matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)].map((x) => x[1]!);
  const unknown = keys.filter((k) => !Object.hasOwn(messages, k));
  if (unknown.length) throw new Error(`${dir}: manifest names messages missing from ${file}: ${unknown.join(', ')}`);
}

async function bundle(outDir: string, browserName: 'chrome' | 'firefox'): Promise<void> {
  const common: BuildOptions = {
    bundle: true,
    format: 'iife',
    target: browserName === 'chrome' ? 'chrome111' : 'firefox128',
    minify: false,
    sourcemap: false,
    legalComments: 'inline',
    logLevel: 'warning',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    // The classifier's word gates and phrases, read from its patterns here once instead of at
    // every start of the background worker (features.ts).
    define: { __QB_WORD_GATES__: JSON.stringify(wordGateLines()), __QB_PHRASES__: JSON.stringify(phraseLines()) },
  };
  await Promise.all(
    Object.entries(ENTRIES).map(async ([out, src]) => {
      const result = await build({ ...common, entryPoints: [join(root, src)], outfile: join(outDir, out), write: false });
      for (const f of result.outputFiles) writeFileSync(f.path, asciiOnly(f.text));
    }),
  );
}

/**
 * The bundle with every non-ASCII character written as a \u escape. esbuild escapes strings but
 * leaves regexp literals and comments as they are, and one such character makes the browser keep
 * the whole script's text two bytes a character: background.js's text took 1.2 MB of the worker's
 * memory instead of 0.6. An escape means the same character in a string, a template, a regexp (a
 * surrogate pair escaped is one code point under the u flag) and a comment.
 */
export function asciiOnly(code: string): string {
  return code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export async function buildAll(options: { zip: boolean } = { zip: true }): Promise<void> {
  const manifest: Manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  const version: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  if (manifest.version !== version) throw new Error(`manifest.json version ${manifest.version} != package.json ${version}`);
  const targets: Array<['chrome' | 'firefox', Manifest]> = [
    ['chrome', manifest],
    ['firefox', firefoxManifest(manifest)],
  ];
  for (const [name, m] of targets) {
    const out = join(dist, name);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    cpSync(join(root, 'public'), out, { recursive: true });
    await bundle(out, name);
    for (const [file, page] of Object.entries(PAGES)) {
      const missing = [...page.styles, page.script].filter((f) => !existsSync(join(out, f)));
      if (missing.length) throw new Error(`${file} names missing files: ${missing.join(', ')}`);
      writeFileSync(join(out, file), pageShell(page));
    }
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(m, null, 2) + '\n');
    checkFiles(out, m);
    if (options.zip) {
      const zip = join(dist, `quiet-bazaar-${name}-${version}.zip`);
      zipDirectory(out, zip);
      console.log(`built ${out} and ${zip}`);
    } else {
      console.log(`built ${out}`);
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildAll({ zip: !args.has('--no-zip') }).catch((err) => {
    console.error(`build failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
