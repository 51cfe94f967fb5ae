// Settings live in storage.local (so content scripts can read them and follow changes);
// the background is the only one that writes them.
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, SETTINGS_KEY, normaliseSettings, type Settings } from '../shared/settings';
import type { Override } from '../shared/messages';
import { authorKey } from '../shared/handles';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return normaliseSettings(stored[SETTINGS_KEY] ?? DEFAULT_SETTINGS);
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = normaliseSettings({ ...(await loadSettings()), ...patch });
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Put a handle on the allow list ('show'), the block list ('hide'), or neither (null). */
export function applyOverride(settings: Settings, handle: string, override: Override): Partial<Settings> {
  const key = authorKey(handle);
  const allow = settings.allowList.filter((h) => h !== key);
  const block = settings.blockList.filter((h) => h !== key);
  if (override === 'show') allow.push(key);
  if (override === 'hide') block.push(key);
  return { allowList: allow, blockList: block };
}
