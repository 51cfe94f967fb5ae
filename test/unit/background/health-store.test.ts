// @vitest-environment node
// The popup is pushed a change when a tab's reader status changes (say, X's layout became
// unreadable after the popup opened), and not for every counter that ticks.
import { describe, expect, it } from 'vitest';
import { HealthStore, type SessionArea } from '../../../src/background/health-store';
import { emptyHealth } from '../../../src/shared/health';

function fakeSession(): SessionArea {
  const data: Record<string, unknown> = {};
  return {
    get: async (key: string) => (key in data ? { [key]: data[key] } : {}),
    set: async (items: Record<string, unknown>) => void Object.assign(data, items),
    remove: async (key: string) => void delete data[key],
  } as unknown as SessionArea;
}

const readable = (n: number) => ({ ...emptyHealth(), articlesSeen: n, articlesRead: n });
const unreadable = (n: number) => ({ ...emptyHealth(), articlesSeen: n, articleFailures: n });

describe('HealthStore.set tells when the status changed', () => {
  it('first report, a change of status, and not a counter that only grows', async () => {
    const store = new HealthStore(fakeSession());
    expect(await store.set(1, readable(5))).toBe(true);
    expect(await store.set(1, readable(9))).toBe(false);
    expect(await store.set(1, unreadable(9))).toBe(true);
    expect(await store.set(2, unreadable(3))).toBe(true);
    expect((await store.get(1))?.articleFailures).toBe(9);
  });

  it('after the worker restarted (nothing in memory), a report counts as a change', async () => {
    const session = fakeSession();
    await new HealthStore(session).set(1, readable(5));
    const restarted = new HealthStore(session);
    expect((await restarted.get(1))?.articlesRead).toBe(5);
    expect(await restarted.set(1, readable(6))).toBe(true);
  });
});
