// @vitest-environment node
// Settings and "forget everything" reach quiet mode at once; the listener goes when the signal aborts.
import { describe, expect, it, vi } from 'vitest';

type Listener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;
const listeners = new Set<Listener>();
vi.mock('webextension-polyfill', () => ({
  default: { storage: { onChanged: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) } } },
}));

const { syncSettings } = await import('../../../src/content/settings-sync');
const { DEFAULT_SETTINGS, SETTINGS_KEY } = await import('../../../src/shared/settings');
const { EPOCH_KEY } = await import('../../../src/shared/messages');

function fakeQuiet() {
  let settings = { ...DEFAULT_SETTINGS };
  return {
    applied: 0,
    forgot: [] as Array<Set<string>>,
    added: [] as unknown[],
    getSettings: () => settings,
    setSettings(s: typeof settings) {
      settings = s;
    },
    applyAll() {
      this.applied++;
    },
    forgetExcept(keep: Set<string>) {
      this.forgot.push(keep);
    },
    addVerdicts(v: unknown[]) {
      this.added.push(...v);
      return new Set<string>();
    },
  };
}
const fire = (changes: Record<string, { newValue?: unknown }>, area = 'local') => [...listeners].forEach((l) => l(changes, area));

describe('syncSettings', () => {
  it('applies a settings change at once, and re-asks verdicts when the sensitivity changed', async () => {
    const quiet = fakeQuiet();
    const getVerdicts = vi.fn(async () => [{ handle: 'Shop', verdict: 'seller' as const, reason: '' }]);
    const controller = new AbortController();
    syncSettings(quiet, getVerdicts, controller.signal, {} as ParentNode);
    fire({ [SETTINGS_KEY]: { newValue: { ...DEFAULT_SETTINGS, quietMode: false } } });
    expect(quiet.getSettings().quietMode).toBe(false);
    expect(quiet.applied).toBe(1);
    expect(getVerdicts).not.toHaveBeenCalled();
    fire({ [SETTINGS_KEY]: { newValue: { ...DEFAULT_SETTINGS, sensitivity: 'strict' } } });
    await vi.waitFor(() => expect(quiet.forgot).toEqual([new Set(['shop'])]));
    fire({ [SETTINGS_KEY]: { newValue: {} } }, 'sync'); // not ours
    expect(quiet.applied).toBe(3);
    controller.abort();
  });

  it('"forget everything" drops every verdict held, then takes what the background still has', async () => {
    const quiet = fakeQuiet();
    const controller = new AbortController();
    syncSettings(quiet, async () => [], controller.signal, {} as ParentNode);
    fire({ [EPOCH_KEY]: { newValue: 2 } });
    expect(quiet.forgot).toEqual([new Set()]);
    controller.abort();
  });

  it('stops listening when the signal aborts', () => {
    const quiet = fakeQuiet();
    const controller = new AbortController();
    syncSettings(quiet, async () => [], controller.signal, {} as ParentNode);
    expect(listeners.size).toBe(1);
    controller.abort();
    expect(listeners.size).toBe(0);
    fire({ [SETTINGS_KEY]: { newValue: { ...DEFAULT_SETTINGS, quietMode: false } } });
    expect(quiet.applied).toBe(0);
  });
});
