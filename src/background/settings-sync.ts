// Settings and the always-show / always-hide lists follow the user to their other browsers
// through storage.sync; evidence, verdicts and stats stay local (IndexedDB).
//
//   SettingsStore writes storage.local ──push (debounced)──► storage.sync: qb:sync (settings,
//                                                            list sizes) + qb:sync:a0…, qb:sync:b0… (list chunks)
//   storage.sync changed elsewhere ──pull──► SettingsStore.update (the one write queue)
//
// storage.sync is small (Chrome: 100 KB in all, 8 KB an item, 512 items, 120 writes a minute).
// Lists are cut into chunks under the item limit; when they outgrow LIST_BUDGET they are kept on
// this computer only and the options page says so (status 'lists-local').
import type { Settings } from '../shared/settings';
import { normaliseSettings } from '../shared/settings';

export const SYNC_KEY = 'qb:sync';
const CHUNK_PREFIX = { allow: 'qb:sync:a', block: 'qb:sync:b' } as const;
/** Below Chrome's QUOTA_BYTES_PER_ITEM (8,192 with the key), leaving room for JSON quoting. */
export const CHUNK_BYTES = 7000;
/** Room for both lists in storage.sync (QUOTA_BYTES is 102,400), leaving some for the settings. */
export const LIST_BUDGET = 90_000;
const PUSH_DELAY_MS = 2000;

export type SyncStatus = 'synced' | 'lists-local' | 'unavailable';

/** The record under SYNC_KEY. */
export interface SyncRecord {
  v: 1;
  settings: Omit<Settings, 'allowList' | 'blockList'>;
  /** Chunks per list, or null when the lists are kept local (too large). */
  chunks: { allow: number; block: number } | null;
  /** Handles in each list, for the "kept on this computer" note. */
  sizes: { allow: number; block: number };
}

/** The parts of browser.storage.sync this module uses (tests pass a fake). */
export interface SyncArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface SyncDeps {
  area: SyncArea | undefined;
  /** The one settings write queue (SettingsStore.update). */
  update(patch: Partial<Settings>): Promise<unknown>;
  current(): Promise<Settings>;
}

/** Cuts a list into chunks of at most CHUNK_BYTES of JSON each. */
export function chunkList(list: string[]): string[][] {
  const chunks: string[][] = [];
  let chunk: string[] = [];
  let bytes = 2;
  for (const h of list) {
    const size = h.length + 3; // quotes and comma
    if (chunk.length && bytes + size > CHUNK_BYTES) {
      chunks.push(chunk);
      chunk = [];
      bytes = 2;
    }
    chunk.push(h);
    bytes += size;
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

const listBytes = (list: string[]) => list.reduce((n, h) => n + h.length + 3, 2);

export class SettingsSync {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastPushed = '';
  status: SyncStatus;

  constructor(private readonly deps: SyncDeps) {
    this.status = deps.area ? 'synced' : 'unavailable';
  }

  /** The local settings changed: mirror them to storage.sync once the burst of changes settles. */
  schedulePush(): void {
    if (!this.deps.area) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.push().catch(() => undefined), PUSH_DELAY_MS);
  }

  /** Writes the settings (and the lists, when they fit) to storage.sync. */
  async push(): Promise<void> {
    const area = this.deps.area;
    if (!area) return;
    const s = await this.deps.current();
    const { allowList, blockList, ...rest } = s;
    const fits = listBytes(allowList) + listBytes(blockList) <= LIST_BUDGET;
    const allow = fits ? chunkList(allowList) : [];
    const block = fits ? chunkList(blockList) : [];
    const record: SyncRecord = {
      v: 1,
      settings: rest,
      chunks: fits ? { allow: allow.length, block: block.length } : null,
      sizes: { allow: allowList.length, block: blockList.length },
    };
    const items: Record<string, unknown> = { [SYNC_KEY]: record };
    allow.forEach((c, i) => (items[`${CHUNK_PREFIX.allow}${i}`] = c));
    block.forEach((c, i) => (items[`${CHUNK_PREFIX.block}${i}`] = c));
    const text = JSON.stringify(items);
    if (text === this.lastPushed) return;
    // Chunks beyond the new counts are left over from a longer list: remove them.
    const previous = (await area.get(SYNC_KEY))[SYNC_KEY] as SyncRecord | undefined;
    const stale: string[] = [];
    for (const list of ['allow', 'block'] as const) {
      const had = previous?.chunks?.[list] ?? 0;
      const has = list === 'allow' ? allow.length : block.length;
      for (let i = has; i < had; i++) stale.push(`${CHUNK_PREFIX[list]}${i}`);
    }
    await area.set(items);
    if (stale.length) await area.remove(stale);
    this.lastPushed = text;
    this.status = fits ? 'synced' : 'lists-local';
  }

  /** storage.sync changed (another browser of the user's): take its settings, and its lists when it has them. */
  async pull(): Promise<boolean> {
    const area = this.deps.area;
    if (!area) return false;
    const record = (await area.get(SYNC_KEY))[SYNC_KEY] as SyncRecord | undefined;
    if (!record || record.v !== 1 || typeof record.settings !== 'object') return false;
    const patch: Partial<Settings> = { ...record.settings };
    if (record.chunks) {
      const keys = [
        ...Array.from({ length: record.chunks.allow }, (_, i) => `${CHUNK_PREFIX.allow}${i}`),
        ...Array.from({ length: record.chunks.block }, (_, i) => `${CHUNK_PREFIX.block}${i}`),
      ];
      const got = keys.length ? await area.get(keys) : {};
      const read = (list: 'allow' | 'block', n: number) => {
        const out: unknown[] = [];
        for (let i = 0; i < n; i++) {
          const c = got[`${CHUNK_PREFIX[list]}${i}`];
          if (!Array.isArray(c)) return undefined; // a chunk not there yet: wait for the next change
          out.push(...c);
        }
        return out;
      };
      const allow = read('allow', record.chunks.allow);
      const block = read('block', record.chunks.block);
      if (allow && block) Object.assign(patch, { allowList: allow, blockList: block });
    }
    // Storage from another browser is untrusted input: the same normalising as any stored settings.
    const clean = normaliseSettings({ ...(await this.deps.current()), ...patch });
    const current = await this.deps.current();
    if (JSON.stringify(clean) === JSON.stringify(current)) return false;
    await this.deps.update(clean);
    this.status = record.chunks ? 'synced' : 'lists-local';
    return true;
  }

  /** At start: take what another browser synced, else offer ours. */
  async start(): Promise<void> {
    if (!this.deps.area) return;
    const has = (await this.deps.area.get(SYNC_KEY))[SYNC_KEY];
    if (has) await this.pull();
    else await this.push();
  }
}
