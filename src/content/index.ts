// Content script (isolated world) on x.com / twitter.com.
//
//   page-reader.js (MAIN world) ──qb:page-data──► page-bridge ──► ApiFactsCache
//   MutationObserver ──► read-tweet ──► QuietMode.track (sync: collapse known sellers before paint)
//                                  └──► outbox ──(250 ms after the first new tweet, merged with API facts)──► background
//   background reply (verdicts) ──► QuietMode ──► re-apply to that author's cells
//   storage.onChanged (settings) ──► QuietMode ──► re-apply to every cell
import browser from 'webextension-polyfill';
import { EPOCH_KEY } from '../shared/messages';
import { emptyHealth, type ReaderHealth } from '../shared/health';
import { mergeFacts, ApiFactsCache } from '../shared/merge-facts';
import { DEFAULT_SETTINGS, SETTINGS_KEY, normaliseSettings } from '../shared/settings';
import { authorKey, type AuthorProfile, type TweetFacts } from '../shared/types';
import { QB_ATTR } from './dom-attributes';
import { isExtensionAlive, send } from './messaging';
import { listenToPageReader } from './page-bridge';
import { QuietMode } from './quiet-mode';
import { cellOf, findTweetArticles, readTweet } from './read-tweet';
import { watchTimeline } from './watch-timeline';

const FLUSH_MS = 250;
const MAX_BATCH = 200;

async function main(): Promise<void> {
  const controller = new AbortController();
  const { signal } = controller;
  const health: ReaderHealth = emptyHealth();
  const api = new ApiFactsCache();
  const outbox = new Map<string, TweetFacts>();
  const hiddenOutbox = new Set<string>();
  /** Tweet ids already sent to the background from this page. */
  const sent = new Set<string>();
  /** Authors of those tweets, and profiles of theirs that X's API sent after their tweets went out. */
  const sentAuthors = new Set<string>();
  const lateProfiles = new Map<string, AuthorProfile>();
  let healthDirty = true;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let flush: () => Promise<void> = async () => undefined;
  /** Failed flushes in a row: after a few, wait for new activity instead of retrying. */
  let failures = 0;
  /** Send what waits, once, FLUSH_MS from the first thing to send: no timer runs while idle. */
  const scheduleFlush = () => {
    if (flushTimer !== undefined || signal.aborted) return;
    flushTimer = setTimeout(() => {
      void flush().finally(() => {
        flushTimer = undefined;
        if (failures < 3 && (outbox.size || hiddenOutbox.size || lateProfiles.size || healthDirty)) scheduleFlush();
      });
    }, FLUSH_MS);
  };
  signal.addEventListener('abort', () => clearTimeout(flushTimer), { once: true });

  const quiet = new QuietMode(DEFAULT_SETTINGS, {
    onHidden: (id) => {
      hiddenOutbox.add(id);
      scheduleFlush();
    },
    onAlwaysShow: (handle) => void send('set-override', { handle, override: 'show' }).catch(() => undefined),
  });

  // Listen to the page reader first: X's first responses arrive while we load settings.
  listenToPageReader(
    (data) => {
      api.addPageData(data);
      healthDirty = true;
      for (const p of data.profiles) if (sentAuthors.has(authorKey(p.handle))) lateProfiles.set(authorKey(p.handle), p);
      scheduleFlush();
      // X may mark an already rendered tweet as an ad only in its API response.
      if (data.ads.length) {
        for (const id of data.ads) {
          for (const cell of document.querySelectorAll<HTMLElement>(`[${QB_ATTR.tweet}="${CSS.escape(id)}"]`)) {
            if (cell.hasAttribute(QB_ATTR.ad)) continue;
            cell.setAttribute(QB_ATTR.ad, '');
            quiet.apply(cell);
          }
        }
      }
    },
    health,
    signal,
  );

  // No cell is tracked before the stored settings replace the defaults (tracking starts below).
  quiet.setSettings(normaliseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]));
  try {
    quiet.addVerdicts((await send('get-verdicts', {})).verdicts);
  } catch {
    // The background will answer with verdicts on the first batch.
  }

  const onArticles = (articles: HTMLElement[]) => {
    for (const article of articles) {
      health.articlesSeen++;
      healthDirty = true;
      const facts = readTweet(article);
      if (!facts) {
        health.articleFailures++;
        continue;
      }
      health.articlesRead++;
      const isAd = facts.isAd || api.isAd(facts.id);
      quiet.track(cellOf(article), { id: facts.id, authorHandle: facts.authorHandle, isAd });
      if (!sent.has(facts.id)) outbox.set(facts.id, facts);
    }
    scheduleFlush();
  };

  flush = async () => {
    if (!isExtensionAlive()) {
      controller.abort();
      return;
    }
    if (outbox.size) {
      const batch = [...outbox.values()].slice(0, MAX_BATCH);
      for (const t of batch) {
        outbox.delete(t.id);
        sent.add(t.id);
      }
      const tweets = batch.map((t) => mergeFacts(t, api.tweet(t.id)));
      for (const t of tweets) sentAuthors.add(authorKey(t.authorHandle));
      const profiles: AuthorProfile[] = [];
      for (const t of tweets) {
        const p = (t.authorId && api.profileById(t.authorId)) || api.profileByHandle(t.authorHandle);
        if (p) profiles.push(p);
      }
      try {
        const { verdicts } = await send('tweets-seen', { tweets, profiles });
        failures = 0;
        const changed = quiet.addVerdicts(verdicts);
        if (changed.size) quiet.applyAll(document, changed);
      } catch {
        failures++;
        for (const t of batch) sent.delete(t.id); // Try again next time.
        for (const t of batch) outbox.set(t.id, t);
      }
    }
    if (lateProfiles.size) {
      const profiles = [...lateProfiles.values()];
      lateProfiles.clear();
      await send('profiles-seen', { profiles })
        .then(({ verdicts }) => {
          const changed = quiet.addVerdicts(verdicts);
          if (changed.size) quiet.applyAll(document, changed);
        })
        .catch(() => undefined);
    }
    if (hiddenOutbox.size) {
      const ids = [...hiddenOutbox].filter((id) => sent.has(id));
      ids.forEach((id) => hiddenOutbox.delete(id));
      if (ids.length) await send('tweets-hidden', { ids }).catch(() => ids.forEach((id) => hiddenOutbox.add(id)));
    }
    if (healthDirty) {
      healthDirty = false;
      await send('health', { ...health }).catch(() => (healthDirty = true));
    }
  };


  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (changes[EPOCH_KEY]) {
      // "Forget everything": drop every verdict held here, then take what the background still has.
      quiet.forgetExcept(new Set());
      quiet.applyAll(document);
      void send('get-verdicts', {})
        .then(({ verdicts }) => quiet.applyAll(document, quiet.addVerdicts(verdicts)))
        .catch(() => undefined);
    }
    if (!changes[SETTINGS_KEY]) return;
    const next = normaliseSettings(changes[SETTINGS_KEY].newValue);
    const before = quiet.getSettings();
    quiet.setSettings(next);
    quiet.applyAll(document);
    if (next.sensitivity !== before.sensitivity) {
      void send('get-verdicts', {})
        .then(({ verdicts }) => {
          // Authors no longer listed are no longer sellers or mixed at this sensitivity.
          const listed = new Set(verdicts.map((v) => authorKey(v.handle)));
          quiet.forgetExcept(listed);
          quiet.addVerdicts(verdicts);
          quiet.applyAll(document);
        })
        .catch(() => undefined);
    }
  });

  // Tweets already rendered before we were ready, then everything X renders from now on.
  onArticles(findTweetArticles(document));
  watchTimeline(document.documentElement, onArticles, signal);
}

void main().catch((err) => console.debug('[Quiet Bazaar] content script stopped:', err));
