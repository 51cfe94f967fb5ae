// @vitest-environment node
// The README's folder table says what each part of src/ may import; this test walks every import
// in src/ and fails on one the table does not allow, so the boundary is kept, not just stated.
// The table is the one place: change a boundary there (column "may import").
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SRC = join(ROOT, 'src');

/**
 * folder under src/ → what it may import: other src folders ("shared/"), packages ("dexie"), and
 * paths outside src/ from the project root ("public/_locales/").
 */
export function readBoundaries(readme: string): Map<string, Set<string>> {
  const table = new Map<string, Set<string>>();
  for (const line of readme.split('\n')) {
    if (!line.startsWith('| `src/')) continue;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    const folders = [...cells[0]!.matchAll(/`src\/([^`/]+)\/`/g)].map((m) => m[1]!);
    const allowed = new Set([...(cells[3] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!.replace(/\/$/, '')));
    for (const f of folders) table.set(f, new Set([...allowed, f]));
  }
  return table;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

/** Every module specifier a file imports: static, side-effect, re-export and dynamic imports. */
export function importsOf(code: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const m of code.matchAll(re)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

/** What a specifier names: a src folder ("shared") or a package ("preact" for "preact/hooks"). */
function target(file: string, spec: string): { kind: 'folder' | 'package' | 'outside'; name: string } {
  if (spec.startsWith('.')) {
    const rel = relative(SRC, resolve(dirname(file), spec));
    if (rel.startsWith('..')) return { kind: 'outside', name: relative(ROOT, resolve(dirname(file), spec)) };
    return { kind: 'folder', name: rel.split(/[\\/]/)[0]! };
  }
  const parts = spec.split('/');
  return { kind: 'package', name: spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]! };
}

const table = readBoundaries(readFileSync(join(ROOT, 'README.md'), 'utf8'));
const folders = readdirSync(SRC).filter((f) => statSync(join(SRC, f)).isDirectory());

describe('import boundaries (README folder table)', () => {
  it('reads the table', () => {
    expect(table.get('classifier')?.has('shared')).toBe(true);
    expect(table.get('classifier')?.has('webextension-polyfill')).toBe(false);
  });

  it('lists every folder of src/', () => {
    const missing = folders.filter((f) => !table.has(f));
    expect(missing, 'add a row for these folders to README.md\'s folder table (with "may import")').toEqual([]);
  });

  for (const folder of folders) {
    it(`src/${folder}/ imports only what the table allows`, () => {
      const allowed = table.get(folder) ?? new Set<string>();
      const violations: string[] = [];
      for (const file of sourceFiles(join(SRC, folder))) {
        for (const spec of importsOf(readFileSync(file, 'utf8'))) {
          const t = target(file, spec);
          const ok = t.kind === 'outside' ? [...allowed].some((a) => t.name.startsWith(`${a}/`)) : allowed.has(t.name);
          if (!ok) violations.push(`${relative(ROOT, file)} imports '${spec}'`);
        }
      }
      expect(violations, `README.md's table allows src/${folder}/ to import: ${[...allowed].join(', ')}`).toEqual([]);
    });
  }
});

describe('importsOf', () => {
  it('finds static, side-effect, type, re-export and dynamic imports', () => {
    const code = [
      "import { a } from './a';",
      "import type { B } from '../shared/b';",
      "import './side-effect';",
      "export { c } from \"./c\";",
      'const d = await import("dexie");',
      "import {\n  e,\n  f,\n} from 'preact/hooks';",
    ].join('\n');
    expect(importsOf(code)).toEqual(['./a', '../shared/b', './side-effect', './c', 'dexie', 'preact/hooks']);
  });
});
