// A stand-in for webextension-polyfill's `browser` in the background worker's unit tests:
// storage.local in memory, and the events the worker listens to, so a test can fire them.
//
//   vi.mock('webextension-polyfill', async () => ({ default: (await import('../../helpers/fake-browser')).fake.browser }));
//   import { fake } from '../../helpers/fake-browser';   // the same instance: fire fake.listeners.message[0](…)
type Listener = (...args: any[]) => any;

function createFakeBrowser() {
  const listeners: Record<string, Listener[]> = {};
  const event = (name: string) => ({ addListener: (fn: Listener) => void (listeners[name] ??= []).push(fn) });
  const store: Record<string, unknown> = {};
  /** storage.session: survives a worker restart (a test re-imports the worker), not the browser. */
  const session: Record<string, unknown> = {};
  const badge = { text: '' };
  /** URLs of the tabs the worker opened (tabs.create). */
  const created: string[] = [];
  /** What each tab's content script answers to tabs.sendMessage (absent: no content script there). */
  const tabAnswers = new Map<number, (message: unknown, options?: { frameId?: number }) => unknown>();
  const browser = {
    runtime: {
      id: 'qb-test',
      getURL: (p: string) => `chrome-extension://qb-test${p}`,
      onMessage: event('message'),
      onConnect: event('connect'),
      onInstalled: event('installed'),
    },
    storage: {
      local: {
        get: async (key: string) => (key in store ? { [key]: structuredClone(store[key]) } : {}),
        set: async (items: Record<string, unknown>) => void Object.assign(store, structuredClone(items)),
      },
      onChanged: event('storageChanged'),
      session: {
        get: async (key: string) => (key in session ? { [key]: structuredClone(session[key]) } : {}),
        set: async (items: Record<string, unknown>) => void Object.assign(session, structuredClone(items)),
        remove: async (key: string) => void delete session[key],
      },
    },
    tabs: {
      onRemoved: event('tabRemoved'),
      create: async (props: { url: string }) => void created.push(props.url),
      sendMessage: async (tabId: number, message: unknown, options?: { frameId?: number }) => {
        const answer = tabAnswers.get(tabId);
        if (!answer) throw new Error('Could not establish connection. Receiving end does not exist.');
        return answer(structuredClone(message), options);
      },
    },
    commands: { onCommand: event('command') },
    action: {
      setBadgeText: async ({ text }: { text: string }) => void (badge.text = text),
      setBadgeBackgroundColor: async () => undefined,
      setTitle: async () => undefined,
    },
  };
  /** Deliver a message to the worker as `sender` would send it. */
  const send = (type: string, payload: unknown, sender: object): Promise<any> | undefined =>
    listeners.message![0]!({ qb: 1, type, payload }, sender);
  /** Forget the worker's listeners, as when Chrome stops the service worker (storage stays). */
  const stopWorker = () => {
    for (const list of Object.values(listeners)) list.length = 0;
  };
  return { browser, listeners, store, session, badge, send, stopWorker, created, tabAnswers };
}

export const fake = createFakeBrowser();

/** Senders as the worker sees them. */
export const SENDERS = {
  popup: { id: 'qb-test', url: 'chrome-extension://qb-test/popup.html' },
  options: { id: 'qb-test', url: 'chrome-extension://qb-test/options.html' },
  tab: { id: 'qb-test', tab: { id: 7 }, url: 'https://x.com/home' },
  stranger: { id: 'other-extension', url: 'chrome-extension://other/popup.html' },
};
