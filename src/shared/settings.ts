// User settings live in browser.storage.local under one key, so the content script can read
// them at start and follow changes through storage.onChanged. Only the background writes them.
import type { Sensitivity } from './types';
import { authorKey, isHandle } from './handles';

export const SETTINGS_KEY = 'qb:settings';

export const DEFAULT_SETTINGS = {
  /** Collapse tweets of vendor-heavy authors. */
  quietMode: true,
  sensitivity: 'balanced' as Sensitivity,
  /** Collapse `mixed` authors too, not only `seller`. */
  hideMixed: false,
  /** Collapse posts X itself marked as promoted. */
  hideAds: true,
  /** Never quiet accounts the reader follows (when X tells us). */
  exemptFollowed: true,
  /** A small badge on every tweet with its author's verdict (following audit, issue 9). */
  showVerdicts: false,
  /** Lowercase handles the user chose to always show. */
  allowList: [] as string[],
  /** Lowercase handles the user chose to always hide, whatever the verdict. */
  blockList: [] as string[],
};

export type Settings = typeof DEFAULT_SETTINGS;

const SENSITIVITIES: readonly Sensitivity[] = ['strict', 'balanced', 'loose'];

function handleList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out = new Set<string>();
  for (const v of value) {
    if (isHandle(v)) out.add(authorKey(v));
  }
  return [...out];
}

/** Storage is untrusted (older versions, manual edits): coerce whatever is there into Settings. */
export function normaliseSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const bool = (k: keyof Settings, d: boolean) => (typeof r[k] === 'boolean' ? (r[k] as boolean) : d);
  return {
    quietMode: bool('quietMode', DEFAULT_SETTINGS.quietMode),
    sensitivity: SENSITIVITIES.includes(r.sensitivity as Sensitivity)
      ? (r.sensitivity as Sensitivity)
      : DEFAULT_SETTINGS.sensitivity,
    hideMixed: bool('hideMixed', DEFAULT_SETTINGS.hideMixed),
    hideAds: bool('hideAds', DEFAULT_SETTINGS.hideAds),
    exemptFollowed: bool('exemptFollowed', DEFAULT_SETTINGS.exemptFollowed),
    showVerdicts: bool('showVerdicts', DEFAULT_SETTINGS.showVerdicts),
    allowList: handleList(r.allowList),
    blockList: handleList(r.blockList),
  };
}
