// @vitest-environment node
// The settings store's cache for the hot path: one storage read, then kept by writes and by forget().
import { describe, expect, it, vi } from 'vitest';
import { fake } from '../../helpers/fake-browser';
import { SettingsStore } from '../../../src/background/settings-store';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../../src/shared/settings';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../../helpers/fake-browser')).fake.browser }));

describe('SettingsStore.cached', () => {
  it('reads storage once, follows its own writes, and reads again after forget()', async () => {
    fake.store[SETTINGS_KEY] = { ...DEFAULT_SETTINGS, sensitivity: 'strict' };
    const get = vi.spyOn(fake.browser.storage.local, 'get');
    const store = new SettingsStore();
    expect((await store.cached()).sensitivity).toBe('strict');
    expect((await store.cached()).sensitivity).toBe('strict');
    expect(get).toHaveBeenCalledTimes(1);

    await store.update({ sensitivity: 'loose' });
    const reads = get.mock.calls.length;
    expect((await store.cached()).sensitivity).toBe('loose');
    expect(get.mock.calls.length).toBe(reads); // the write's result, not a new read

    // Changed elsewhere (storage.onChanged): forget, and the next batch reads it.
    fake.store[SETTINGS_KEY] = { ...DEFAULT_SETTINGS, sensitivity: 'balanced', quietMode: false };
    expect((await store.cached()).sensitivity).toBe('loose');
    store.forget();
    expect(await store.cached()).toMatchObject({ sensitivity: 'balanced', quietMode: false });
    get.mockRestore();
  });

  it('does not keep a failed read', async () => {
    const store = new SettingsStore();
    const get = vi.spyOn(fake.browser.storage.local, 'get').mockRejectedValueOnce(new Error('storage is gone'));
    await expect(store.cached()).rejects.toThrow('storage is gone');
    fake.store[SETTINGS_KEY] = { ...DEFAULT_SETTINGS, sensitivity: 'strict' };
    expect((await store.cached()).sensitivity).toBe('strict');
    get.mockRestore();
  });
});
