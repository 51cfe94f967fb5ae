// Reading an export file back: the checks an import must pass, all or nothing. Pure and free of
// browser APIs, so the options page runs the same check before sending and the background runs
// it again on what arrives (the file and the page are both untrusted).
import { EXPORT_FORMAT, EXPORT_VERSION } from './messages';
import { normaliseSettings, type Settings } from './settings';
import type { Sensitivity } from './types';
import { authorKey, parseHandle } from './handles';

/** Larger files are refused before they are read: a real export of a busy year is well under this. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** More accounts than anyone picks by hand; a longer list is not a file we wrote. */
export const MAX_LIST_LENGTH = 10_000;

export type Validated = { ok: true; patch: Partial<Settings> } | { ok: false; error: string };

const BOOLEAN_KEYS = ['quietMode', 'hideMixed', 'hideAds', 'exemptFollowed'] as const;
const SENSITIVITIES: readonly Sensitivity[] = ['strict', 'balanced', 'loose'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value from the file, short and safe to quote in an error message (shown as text only). */
function quote(v: unknown): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : String(JSON.stringify(v) ?? typeof v);
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

function readList(settings: Record<string, unknown>, key: 'allowList' | 'blockList', name: string): string[] | string {
  const v = settings[key];
  if (!Array.isArray(v)) return `the ${name} list (settings.${key}) is not a list of handles`;
  if (v.length > MAX_LIST_LENGTH) return `the ${name} list has ${v.length} entries; at most ${MAX_LIST_LENGTH} are allowed`;
  const out = new Set<string>();
  for (const h of v) {
    const handle = parseHandle(h);
    if (handle === undefined) return `the ${name} list holds ${quote(h)}, which is not an X handle`;
    out.add(authorKey(handle));
  }
  return [...out];
}

/**
 * Checks a parsed export file and returns the settings it restores. Anything unexpected refuses
 * the whole file, with an error naming what was wrong: an import changes all or nothing.
 * Keys a file leaves out keep their current value; unknown keys are ignored.
 */
export function validateImport(raw: unknown): Validated {
  const fail = (error: string): Validated => ({ ok: false, error: `Nothing was imported: ${error}.` });
  if (!isRecord(raw)) return fail('the file is not a Quiet Bazaar export (it holds no JSON object)');
  if (raw.format !== EXPORT_FORMAT) return fail(`the file is not a Quiet Bazaar export (format is ${quote(raw.format)}, expected "${EXPORT_FORMAT}")`);
  if (raw.version !== EXPORT_VERSION) return fail(`the file is version ${quote(raw.version)}; this version of Quiet Bazaar reads version ${EXPORT_VERSION}`);
  const s = raw.settings;
  if (!isRecord(s)) return fail('the file has no settings');

  const patch: Partial<Settings> = {};
  for (const key of BOOLEAN_KEYS) {
    if (!(key in s)) continue;
    if (typeof s[key] !== 'boolean') return fail(`settings.${key} is ${quote(s[key])}, expected true or false`);
    patch[key] = s[key] as boolean;
  }
  if ('sensitivity' in s) {
    if (!SENSITIVITIES.includes(s.sensitivity as Sensitivity)) {
      return fail(`settings.sensitivity is ${quote(s.sensitivity)}, expected "strict", "balanced" or "loose"`);
    }
    patch.sensitivity = s.sensitivity as Sensitivity;
  }
  for (const [key, name] of [['allowList', 'always-show'], ['blockList', 'always-hide']] as const) {
    if (!(key in s)) continue;
    const list = readList(s, key, name);
    if (typeof list === 'string') return fail(list);
    patch[key] = list;
  }
  const both = (patch.allowList ?? []).find((h) => patch.blockList?.includes(h));
  if (both) return fail(`@${both} is on both the always-show and the always-hide list`);
  if (Object.keys(patch).length === 0) return fail('the file has no settings Quiet Bazaar knows');
  return { ok: true, patch };
}

/** The text of a file as the user picked it: size cap and JSON parse, then validateImport. */
export function validateImportText(text: string): Validated & { parsed?: unknown } {
  if (text.length > MAX_IMPORT_BYTES) {
    return { ok: false, error: `Nothing was imported: the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: 'Nothing was imported: the file is not valid JSON.' };
  }
  return { ...validateImport(parsed), parsed };
}

/** The settings after an import: the current ones, with what the file sets. */
export function applyImport(current: Settings, patch: Partial<Settings>): Settings {
  return normaliseSettings({ ...current, ...patch });
}
