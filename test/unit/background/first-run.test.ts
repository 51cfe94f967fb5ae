// The welcome page opens once, on install; not on an update or a browser update.
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../../helpers/fake-browser')).fake.browser }));
import { fake } from '../../helpers/fake-browser';
import { onInstalled } from '../../../src/background/first-run';

describe('first run', () => {
  it('opens welcome.html on install only', async () => {
    fake.created.length = 0;
    onInstalled({ reason: 'update', previousVersion: '0.0.9', temporary: false });
    onInstalled({ reason: 'browser_update', temporary: false });
    await Promise.resolve();
    expect(fake.created).toEqual([]);
    onInstalled({ reason: 'install', temporary: false });
    await Promise.resolve();
    expect(fake.created).toEqual(['chrome-extension://qb-testwelcome.html']);
  });
});
