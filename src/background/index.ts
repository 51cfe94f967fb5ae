// Background worker (Chrome: service worker; Firefox: event page).
//
//   content script ──tweets-seen──► Recorder ──► Dexie (tweets, authors, days) ──► badge
//   popup ──get-popup-data / set-settings / set-override──► settings in storage.local
//   options page ──get-options-data / export-data / import-settings / forget-all──► export-import
//   keyboard command ──► toggle quiet mode
//
// It is the only writer to the database and to the settings. Handlers are one map, each
// checking who may send it.
import browser, { type Runtime } from 'webextension-polyfill';
import { EPOCH_KEY, INTEGRITY_KEY, REJUDGED_KEY, isEnvelope, PAGE_AUTHORS_ASK, type MessageType, type Reply, type Request } from '../shared/messages';
import { validateHidden, validateSeen } from './validate-seen';
import { parseHandle } from '../shared/handles';
import { SETTINGS_KEY } from '../shared/settings';
import { QuietBazaarDb } from './db';
import { updateBadge } from './badge';
import { PopupFigures, buildHistory, listSellers } from './popup-data';
import { LiveUpdates } from './live-updates';
import { onInstalled } from './first-run';
import { SYNC_KEY, SettingsSync, type SyncArea } from './settings-sync';
import { Recorder } from './record-tweets';
import { applyOverride, loadSettings, SettingsStore, type SettingsChange } from './settings-store';
import { HealthStore, type SessionArea } from './health-store';
import { applyImport, buildExport, forgetAll, MAX_IMPORT_BYTES, storedCounts, validateImport } from './export-import';
import { authorReasons, buildAudit, buildReview, FollowingStore, validateFollowingSeen, validatePageAuthors } from './following';
import type { PageAuthor } from '../shared/messages';
import { ensureMessages } from '../shared/i18n';

const db = new QuietBazaarDb();
// The popup's figures follow every write; open popup and options pages are told of changes.
const figures = new PopupFigures(db);
const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
const live = new LiveUpdates((port) => port.sender?.id === browser.runtime.id && !!port.sender?.url?.startsWith(extensionOrigin + '/'));
/** Following audit: the list store, and each tab's authors for the dry run (re-sent like health). */
const following = new FollowingStore(db);
const recorder = new Recorder({
  db,
  settings: () => settings.cached(),
  now: () => new Date(),
  onAuthorsChanged: (changes, day) => void figures.noteAuthors(changes, day).catch(() => undefined),
  onRejudged: () => void figures.rebuild().catch(() => undefined),
});
/** Every settings and list write, as a patch, in one queue. */
const settings = new SettingsStore();
// Settings and lists follow the user to their other browsers (storage.sync); evidence stays here.
const sync = new SettingsSync({
  area: (browser.storage as { sync?: SyncArea }).sync,
  update: (patch) => settings.update(patch),
  current: () => settings.current(),
});
/** Reader health per tab, in storage.session: it outlives the worker. */
const health = new HealthStore((browser.storage as { session?: SessionArea }).session);

/**
 * After a write that changed the sensitivity: re-judge everyone in chunks, after the save and
 * without holding the reply, then tell content scripts to fetch the new verdicts.
 */
function afterSettingsChange({ before, after }: SettingsChange): void {
  if (after.sensitivity === before.sensitivity) return;
  void recorder
    .rejudgeAll(after.sensitivity)
    .then(async (done) => {
      if (done) await browser.storage.local.set({ [REJUDGED_KEY]: Date.now() });
      scheduleBadge();
    })
    .catch(() => undefined);
}

/** Repair counts survive the worker, so the popup can say what happened to stored data. */
let savedRepairs = '';
async function repairsForPopup() {
  const now = db.integrity.snapshot();
  const text = JSON.stringify(now);
  if (text !== savedRepairs) {
    savedRepairs = text;
    await browser.storage.local.set({ [INTEGRITY_KEY]: now }).catch(() => undefined);
  }
  return now;
}
const integrityRestored = browser.storage.local
  .get(INTEGRITY_KEY)
  .then((s) => {
    db.integrity.restore(s[INTEGRITY_KEY] as never);
    savedRepairs = JSON.stringify(db.integrity.snapshot());
  })
  .catch(() => undefined);
/** How long the dry run waits for a tab's content script to say what it showed. */
const ASK_TAB_MS = 2000;

/**
 * The tab's own counts of tweets per author (its content script keeps them; nothing is sent while
 * the user scrolls). Undefined when the tab has no content script (not X) or does not answer.
 */
async function pageAuthorsOf(tabId: number): Promise<PageAuthor[] | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ASK_TAB_MS);
  });
  try {
    const reply = await Promise.race([browser.tabs.sendMessage(tabId, PAGE_AUTHORS_ASK, { frameId: 0 }), timeout]);
    // The content script lives in the page: its answer is checked like any other.
    return reply === undefined ? undefined : validatePageAuthors(reply);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

type Sender = Runtime.MessageSender;
type Handler<T extends MessageType> = (payload: Request<T>, sender: Sender) => Promise<Reply<T>>;

const fromContent = (s: Sender) => s.id === browser.runtime.id && s.tab?.id !== undefined;
const fromExtensionPage = (s: Sender) =>
  s.id === browser.runtime.id && typeof s.url === 'string' && new URL(s.url).origin === extensionOrigin;

// The reasons this worker sends are told in the user's language (localise-reasons.ts), and so is
// the toolbar button's title (badge.ts). Chromium under load can give an extension context an
// empty message bundle, as pages have met (i18n.ts ensureMessages): then every reason went out in
// English (an e2e run of the German popup saw it). The packaged messages.json of the UI language
// is read then, before any handler answers and before the badge's title is set.
const messagesReady = ensureMessages().catch(() => 'none');

let badgeTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleBadge(): void {
  clearTimeout(badgeTimer);
  badgeTimer = setTimeout(() => void updateBadge(db, new Date(), messagesReady).catch(() => undefined), 300);
  live.changed();
}

const handlers: { [T in MessageType]: { allow: (s: Sender) => boolean; run: Handler<T> } } = {
  'tweets-seen': {
    allow: fromContent,
    run: async (payload) => {
      const { tweets, profiles } = validateSeen(payload);
      // The audit's samples go in the authors' rows, and the tweets hidden since the last batch
      // are counted, in the batch's one transaction.
      const hidden = validateHidden({ tweets: (payload as { hidden?: unknown } | null)?.hidden });
      const verdicts = await recorder.recordTweets(tweets, profiles, undefined, hidden);
      scheduleBadge();
      return { verdicts };
    },
  },
  'profiles-seen': {
    allow: fromContent,
    run: async (payload) => {
      const { profiles } = validateSeen({ tweets: [], profiles: payload.profiles });
      return { verdicts: await recorder.recordProfiles(profiles) };
    },
  },
  'tweets-hidden': {
    allow: fromContent,
    run: async (payload) => {
      await recorder.recordHidden(validateHidden(payload));
      scheduleBadge();
      return { ok: true };
    },
  },
  health: {
    allow: fromContent,
    run: async (payload, sender) => {
      // An open popup learns at once that this tab became readable, or not (push, not poll).
      if (await health.set(sender.tab!.id!, payload)) live.changed();
      return { ok: true };
    },
  },
  'get-verdicts': {
    allow: fromContent,
    run: async () => ({ verdicts: await recorder.quietCandidates() }),
  },
  'get-popup-data': {
    allow: fromExtensionPage,
    run: async (payload) => {
      const tabId = typeof payload.tabId === 'number' ? payload.tabId : undefined;
      const tabHealth = tabId === undefined ? null : await health.get(tabId);
      await integrityRestored;
      const data = await figures.build(await loadSettings(), tabHealth, new Date());
      // Counted after the reads above, so damage they found is included.
      const repairs = await repairsForPopup();
      return repairs.repaired + repairs.dropped > 0 ? { ...data, integrity: repairs } : data;
    },
  },
  'get-sellers': {
    allow: fromExtensionPage,
    run: async (payload) => listSellers(db, await loadSettings(), payload ?? {}),
  },
  'get-history': {
    allow: fromExtensionPage,
    run: async () => buildHistory(db, new Date()),
  },
  'set-settings': {
    allow: fromExtensionPage,
    run: async (payload) => {
      // Saved at once; re-judging follows, and content scripts refetch verdicts when it is done.
      const change = await settings.update(payload && typeof payload === 'object' ? payload : {});
      afterSettingsChange(change);
      return change.after;
    },
  },
  'set-override': {
    // The placeholder's "Always show" comes from the content script, the popup's buttons from the popup.
    allow: (s) => fromContent(s) || fromExtensionPage(s),
    run: async (payload) => {
      if (parseHandle(payload.handle) === undefined) {
        throw new Error('set-override: bad handle');
      }
      const o = payload.override;
      if (o !== 'show' && o !== 'hide' && o !== null) throw new Error('set-override: bad override');
      const handle = payload.handle;
      return (await settings.update((current) => applyOverride(current, handle, o))).after;
    },
  },
  'get-options-data': {
    allow: fromExtensionPage,
    run: async () => ({ settings: await loadSettings(), stored: await storedCounts(db), sync: sync.status === 'unavailable' ? undefined : sync.status }),
  },
  'export-data': {
    allow: fromExtensionPage,
    run: async () => buildExport(db, await loadSettings(), new Date()),
  },
  'import-settings': {
    allow: fromExtensionPage,
    run: async (payload) => {
      // The page checked the file already; what arrives is checked again, all or nothing.
      let size = Infinity;
      try {
        size = JSON.stringify(payload)?.length ?? 0;
      } catch {
        // Not serialisable: refused below.
      }
      if (size > MAX_IMPORT_BYTES) return { ok: false, error: 'Nothing was imported: the file is too large.' };
      const checked = validateImport(payload);
      if (!checked.ok) return checked;
      const change = await settings.update((current) => applyImport(current, checked.patch));
      afterSettingsChange(change);
      const saved = change.after;
      return { ok: true, settings: saved, allowed: saved.allowList.length, blocked: saved.blockList.length };
    },
  },
  'forget-all': {
    allow: fromExtensionPage,
    run: async () => {
      await forgetAll(db);
      await following.forget();
      await figures.rebuild();
      // Content scripts hold verdicts in memory: tell them to drop them.
      const epoch = Number((await browser.storage.local.get(EPOCH_KEY))[EPOCH_KEY]) || 0;
      await browser.storage.local.set({ [EPOCH_KEY]: epoch + 1 });
      scheduleBadge();
      return { ok: true };
    },
  },

  // ---- Following audit, dry run, verdict badges (issue 9) -----------------------------------
  'following-seen': {
    allow: fromContent,
    run: async (payload) => {
      const page = validateFollowingSeen(payload);
      if (page) {
        await following.recordFollowing(page, await loadSettings(), Date.now());
        live.changed();
      }
      return { ok: true };
    },
  },
  'get-author-reasons': {
    allow: fromContent,
    run: async (payload) => {
      if (parseHandle(payload.handle) === undefined) throw new Error('get-author-reasons: bad handle');
      return authorReasons(db, payload.handle);
    },
  },
  'get-following-audit': {
    allow: fromExtensionPage,
    run: async (payload) => {
      const limit = typeof payload.limit === 'number' && payload.limit >= 0 ? Math.floor(payload.limit) : undefined;
      return buildAudit(db, await loadSettings(), limit);
    },
  },
  'set-not-seller': {
    allow: fromExtensionPage,
    run: async (payload) => {
      if (parseHandle(payload.handle) === undefined) throw new Error('set-not-seller: bad handle');
      await following.setNotSeller(payload.handle, payload.notSeller === true);
      // "Not a seller" moves the account to the allow list; undoing it takes it off again.
      const { handle, notSeller } = payload;
      return (await settings.update((current) => applyOverride(current, handle, notSeller === true ? 'show' : null))).after;
    },
  },
  'get-review': {
    allow: fromExtensionPage,
    run: async (payload) => {
      const tabId = typeof payload.tabId === 'number' ? payload.tabId : undefined;
      const onPage = tabId === undefined ? undefined : await pageAuthorsOf(tabId);
      return buildReview(db, await loadSettings(), onPage);
    },
  },
};

browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => {
  if (!isEnvelope(message) || !Object.hasOwn(handlers, message.type)) return undefined;
  const handler = handlers[message.type] as { allow: (s: Sender) => boolean; run: Handler<MessageType> };
  if (!handler.allow(sender)) return undefined;
  return messagesReady.then(() => handler.run(message.payload, sender));
});

browser.runtime.onConnect.addListener(live.onConnect);
browser.runtime.onInstalled.addListener(onInstalled);
// Settings changed (here, by the keyboard command, or synced from elsewhere): tell open pages.
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes[SETTINGS_KEY]) {
    settings.forget();
    live.changed();
    sync.schedulePush();
  }
  if (area === 'sync' && Object.keys(changes).some((k) => k.startsWith(SYNC_KEY))) void sync.pull().catch(() => undefined);
});
void sync.start().catch(() => undefined);

browser.tabs.onRemoved.addListener((tabId) => {
  void health.forget(tabId);
});

browser.commands.onCommand.addListener(async (command) => {
  if (command !== 'toggle-quiet-mode') return;
  await settings.update((s) => ({ quietMode: !s.quietMode }));
});

// Once per start of the worker: keep the database small and the badge current.
void recorder.prune().catch(() => undefined);
scheduleBadge();
