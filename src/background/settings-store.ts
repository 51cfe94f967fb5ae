// Settings live in storage.local (so content scripts can read them and follow changes);
// the background is the only one that writes them, and only here.
//
// Every write is a patch, applied in one serial queue to the settings as they are when its
// turn comes: two writes can never both read the same old settings and the later one undo the
// earlier (issue 8, failure 4: an override sent during a sensitivity change was lost). Slow
// work a write causes (re-judging) runs after the write, never inside the queue.
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, SETTINGS_KEY, normaliseSettings, type Settings } from '../shared/settings';
import type { Override } from '../shared/messages';
import { authorKey } from '../shared/handles';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return normaliseSettings(stored[SETTINGS_KEY] ?? DEFAULT_SETTINGS);
}

export type SettingsPatch = Partial<Settings> | ((current: Settings) => Partial<Settings>);

export interface SettingsChange {
  before: Settings;
  after: Settings;
}

export class SettingsStore {
  private queue: Promise<unknown> = Promise.resolve();
  /** The settings as last read or written here (see cached). */
  private latest: Promise<Settings> | undefined;

  /** Applies the patch after every write queued before it, and saves; resolves once saved. */
  update(patch: SettingsPatch): Promise<SettingsChange> {
    const job = async (): Promise<SettingsChange> => {
      const before = await loadSettings();
      const delta = typeof patch === 'function' ? patch(before) : patch;
      const after = normaliseSettings({ ...before, ...delta });
      await browser.storage.local.set({ [SETTINGS_KEY]: after });
      this.latest = Promise.resolve(after);
      return { before, after };
    };
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The settings once every queued write is saved. */
  async current(): Promise<Settings> {
    await this.queue;
    return loadSettings();
  }

  /**
   * The settings for the hot path (every batch of tweets): read from storage once, then kept by
   * every write here, and read again after forget() (storage.onChanged: a change made elsewhere).
   * Saves a storage read, a message to the browser process, per batch.
   */
  cached(): Promise<Settings> {
    const read = (this.latest ??= this.current());
    read.catch(() => {
      if (this.latest === read) this.latest = undefined;
    });
    return read;
  }

  forget(): void {
    this.latest = undefined;
  }
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
