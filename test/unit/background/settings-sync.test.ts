// @vitest-environment node
// Settings and lists go round between two profiles through one storage.sync (a fake with
// Chrome's quotas), and lists that outgrow it stay local, saying so.
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, SYNC_KEY, SettingsSync, chunkList, type SyncArea } from '../../../src/background/settings-sync';
import { DEFAULT_SETTINGS, normaliseSettings, type Settings } from '../../../src/shared/settings';

/** chrome.storage.sync in memory, refusing what Chrome refuses: items over 8,192 bytes, more than 102,400 in all. */
function fakeSyncArea() {
  const items: Record<string, unknown> = {};
  const listeners: Array<(changed: string[]) => void> = [];
  const bytes = (k: string, v: unknown) => k.length + JSON.stringify(v).length;
  const area: SyncArea = {
    async get(keys) {
      const list = keys === null ? Object.keys(items) : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(list.filter((k) => k in items).map((k) => [k, structuredClone(items[k])]));
    },
    async set(next) {
      for (const [k, v] of Object.entries(next)) if (bytes(k, v) > 8192) throw new Error(`QUOTA_BYTES_PER_ITEM: ${k}`);
      const total = Object.entries({ ...items, ...next }).reduce((n, [k, v]) => n + bytes(k, v), 0);
      if (total > 102_400) throw new Error('QUOTA_BYTES');
      Object.assign(items, structuredClone(next));
      listeners.forEach((f) => f(Object.keys(next)));
    },
    async remove(keys) {
      for (const k of Array.isArray(keys) ? keys : [keys]) delete items[k];
    },
  };
  return { area, items, onChanged: (f: (changed: string[]) => void) => listeners.push(f) };
}

/** One browser profile: its own local settings (the SettingsStore's role) and the shared sync area. */
function profile(area: SyncArea, initial: Partial<Settings> = {}) {
  let local = normaliseSettings({ ...DEFAULT_SETTINGS, ...initial });
  const sync = new SettingsSync({
    area,
    update: async (patch) => void (local = normaliseSettings({ ...local, ...patch })),
    current: async () => local,
  });
  return {
    sync,
    get settings() {
      return local;
    },
    set(patch: Partial<Settings>) {
      local = normaliseSettings({ ...local, ...patch });
    },
  };
}

describe('settings sync', () => {
  it('carries settings and both lists from one profile to another, and back', async () => {
    const cloud = fakeSyncArea();
    const home = profile(cloud.area);
    const work = profile(cloud.area);
    home.set({ sensitivity: 'strict', hideMixed: true, allowList: ['friend_one', 'friend_two'], blockList: ['spam_co'] });
    await home.sync.push();
    expect(await work.sync.pull()).toBe(true);
    expect(work.settings).toMatchObject({ sensitivity: 'strict', hideMixed: true, allowList: ['friend_one', 'friend_two'], blockList: ['spam_co'] });
    // And back: work removes one, home follows.
    work.set({ allowList: ['friend_two'] });
    await work.sync.push();
    expect(await home.sync.pull()).toBe(true);
    expect(home.settings.allowList).toEqual(['friend_two']);
    // Nothing new: nothing written.
    expect(await home.sync.pull()).toBe(false);
    expect(home.sync.status).toBe('synced');
  });

  it('cuts long lists into chunks under the item quota, and drops chunks a shorter list no longer needs', async () => {
    const cloud = fakeSyncArea();
    const big = Array.from({ length: 4000 }, (_, i) => `handle_${i}`);
    const home = profile(cloud.area, { allowList: big });
    const work = profile(cloud.area);
    await home.sync.push();
    const chunks = Object.keys(cloud.items).filter((k) => k.startsWith(`${SYNC_KEY}:a`));
    expect(chunks.length).toBeGreaterThan(3);
    await work.sync.pull();
    expect(work.settings.allowList).toEqual(big);
    home.set({ allowList: big.slice(0, 10) });
    await home.sync.push();
    expect(Object.keys(cloud.items).filter((k) => k.startsWith(`${SYNC_KEY}:a`))).toEqual([`${SYNC_KEY}:a0`]);
    await work.sync.pull();
    expect(work.settings.allowList).toEqual(big.slice(0, 10));
  });

  it('keeps lists too long for sync on this computer, says so, and still syncs the other settings', async () => {
    const cloud = fakeSyncArea();
    const huge = Array.from({ length: 10_000 }, (_, i) => `someone_${i}`);
    const home = profile(cloud.area, { blockList: huge, quietMode: false });
    const work = profile(cloud.area, { blockList: ['mine_only'] });
    await home.sync.push();
    expect(home.sync.status).toBe('lists-local');
    await work.sync.pull();
    expect(work.settings.quietMode).toBe(false);
    expect(work.settings.blockList).toEqual(['mine_only']);
  });

  it('treats what arrives from sync as untrusted: bad handles and values are dropped', async () => {
    const cloud = fakeSyncArea();
    await cloud.area.set({ [SYNC_KEY]: { v: 1, settings: { sensitivity: 'extreme', quietMode: 'yes' }, chunks: { allow: 1, block: 0 }, sizes: { allow: 2, block: 0 } }, [`${SYNC_KEY}:a0`]: ['good_one', '<img src=x>'] });
    const p = profile(cloud.area);
    await p.sync.pull();
    expect(p.settings.allowList).toEqual(['good_one']);
    expect(p.settings.sensitivity).toBe('balanced');
    expect(p.settings.quietMode).toBe(true);
  });

  it('chunks stay under the per-item limit', () => {
    const chunks = chunkList(Array.from({ length: 3000 }, (_, i) => `h${i}_${'x'.repeat(i % 13)}`));
    for (const c of chunks) expect(JSON.stringify(c).length).toBeLessThanOrEqual(CHUNK_BYTES);
    expect(chunks.flat()).toHaveLength(3000);
  });
});
