// Reader health per tab, kept where it survives the worker: Chrome stops an idle service worker
// after about 30 s, and a popup opened after that must still know the tab's health (issue 8,
// failure 5). storage.session lives as long as the browser session and is never written to
// disk; where it is missing (older browsers) the worker's memory is the fallback.
import { countText } from '../shared/count-text';
import { emptyHealth, healthStatus, type ReaderHealth } from '../shared/health';

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const keyOf = (tabId: number) => `qb:health:${countText(tabId)}`;

/** Only known counters, finite and non-negative: the stored object is read back untrusted. */
export function cleanHealth(raw: unknown): ReaderHealth {
  const h = emptyHealth();
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  for (const k of Object.keys(h) as Array<keyof ReaderHealth>) {
    const v = r[k];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) h[k] = Math.min(Math.floor(v), Number.MAX_SAFE_INTEGER);
  }
  return h;
}

export class HealthStore {
  private readonly memory = new Map<number, ReaderHealth>();

  constructor(private readonly session: SessionArea | undefined) {}

  /** Keeps the tab's health; true when what the popup says about the tab changes (its status). */
  async set(tabId: number, health: ReaderHealth): Promise<boolean> {
    const h = cleanHealth(health);
    const before = this.memory.get(tabId);
    this.memory.set(tabId, h);
    if (this.session) await this.session.set({ [keyOf(tabId)]: h }).catch(() => undefined);
    return !before || healthStatus(before) !== healthStatus(h);
  }

  async get(tabId: number): Promise<ReaderHealth | null> {
    const known = this.memory.get(tabId);
    if (known || !this.session) return known ?? null;
    try {
      const stored = (await this.session.get(keyOf(tabId)))[keyOf(tabId)];
      return stored === undefined ? null : cleanHealth(stored);
    } catch {
      return null;
    }
  }

  async forget(tabId: number): Promise<void> {
    this.memory.delete(tabId);
    if (this.session) await this.session.remove(keyOf(tabId)).catch(() => undefined);
  }
}
