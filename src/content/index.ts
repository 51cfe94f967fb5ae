// Content script (isolated world) on x.com / twitter.com.
//
//   page-reader.js (MAIN world) ──qb:page-data──► page-bridge ──► ApiFactsCache
//   MutationObserver ──► read-tweet ──► QuietMode.track (sync: collapse known sellers before paint)
//                                  └──► Outbox (outbox.ts: 250 ms batches, retry, split; merged with API facts) ──► background
//   background reply (verdicts) ──► QuietMode ──► re-apply to that author's cells
//   storage.onChanged (settings) ──► QuietMode ──► re-apply to every cell
import browser from 'webextension-polyfill';
import { EPOCH_KEY, type FollowingSeen, type VerdictLite } from '../shared/messages';
import { emptyHealth, type ReaderHealth } from '../shared/health';
import { mergeFacts, ApiFactsCache } from '../shared/merge-facts';
import { DEFAULT_SETTINGS, SETTINGS_KEY, normaliseSettings } from '../shared/settings';
import type { AuthorProfile, TweetFacts } from '../shared/types';
import { authorKey } from '../shared/handles';
import { QB_ATTR } from './dom-attributes';
import { isExtensionAlive, send } from './messaging';
import { Outbox } from './outbox';
import { listenToPageReader } from './page-bridge';
import { QuietMode } from './quiet-mode';
import { cellOf, findTweetArticles, readTweet } from './read-tweet';
import { watchTimeline } from './watch-timeline';
import { FollowingReader, PageAuthors, viewerHandleFromDom } from './following-reader';
import { VerdictBadges } from './verdict-badge';

const FLUSH_MS = 250;
const MAX_BATCH = 200;

async function main(): Promise<void> {
  const controller = new AbortController();
  const { signal } = controller;
  const health: ReaderHealth = emptyHealth();
  const api = new ApiFactsCache();
  /** Authors of tweets sent from this page: profiles of theirs that X's API sends later follow them. */
  const sentAuthors = new Set<string>();
  const applyVerdicts = (verdicts: VerdictLite[]) => {
    const changed = quiet.addVerdicts(verdicts);
    if (changed.size) quiet.applyAll(document, changed);
    if (changed.size) badges.applyAll(document, changed);
  };
  const alive = () => {
    if (!isExtensionAlive()) controller.abort();
    return !signal.aborted;
  };
  // Lanes go out in this order: the background counts a hidden tweet only once it knows the tweet.
  const outbox = new Outbox({ signal, flushMs: FLUSH_MS });
  const tweetsOut = outbox.lane<TweetFacts>({
    key: (t) => t.id,
    once: true,
    maxBatch: MAX_BATCH,
    send: async (batch) => {
      if (!alive()) return;
      const tweets = batch.map((t) => mergeFacts(t, api.tweet(t.id)));
      const profiles: AuthorProfile[] = [];
      for (const t of tweets) {
        const p = (t.authorId && api.profileById(t.authorId)) || api.profileByHandle(t.authorHandle);
        if (p) profiles.push(p);
      }
      applyVerdicts((await send('tweets-seen', { tweets, profiles })).verdicts);
      for (const t of tweets) sentAuthors.add(authorKey(t.authorHandle));
    },
  });
  const profilesOut = outbox.lane<AuthorProfile>({
    key: (p) => authorKey(p.handle),
    maxBatch: MAX_BATCH,
    send: async (profiles) => void (alive() && applyVerdicts((await send('profiles-seen', { profiles })).verdicts)),
  });
  const hiddenOut = outbox.lane<string>({
    key: (id) => id,
    once: true,
    maxBatch: 1000,
    ready: (id) => tweetsOut.delivered(id),
    send: async (ids) => void (alive() && (await send('tweets-hidden', { ids }))),
  });
  const healthOut = outbox.lane<ReaderHealth>({
    key: () => 'health',
    send: async ([h]) => void (alive() && (await send('health', { ...h! }))),
  });
  const healthChanged = () => healthOut.add(health);

  // Following audit (issue 9): own Following list pages, per-author counts for the dry run, badges.
  let listPages = 0;
  const followingOut = outbox.lane<{ seq: number; page: FollowingSeen }>({
    key: (item) => String(item.seq),
    maxBatch: 1,
    send: async ([item]) => void (alive() && (await send('following-seen', item!.page))),
  });
  const following = new FollowingReader({
    send: async (page) => followingOut.add({ seq: listPages++, page }),
    pathname: () => location.pathname,
    domViewer: () => viewerHandleFromDom(),
    profileByHandle: (h) => api.profileByHandle(h),
  });
  const pageAuthors = new PageAuthors();
  const pageAuthorsOut = outbox.lane<true>({
    key: () => 'page-authors',
    send: async () => void (alive() && (await send('page-authors', { authors: pageAuthors.list() }))),
  });
  const badges = new VerdictBadges({
    verdictOf: (key) => quiet.verdictOf(key),
    reasonsOf: (handle) => send('get-author-reasons', { handle }),
  });

  const quiet = new QuietMode(DEFAULT_SETTINGS, {
    onHidden: (id) => hiddenOut.add(id),
    onAlwaysShow: (handle) => void send('set-override', { handle, override: 'show' }).catch(() => undefined),
  });

  // Listen to the page reader first: X's first responses arrive while we load settings.
  listenToPageReader(
    (data) => {
      api.addPageData(data);
      following.onPageData(data);
      healthChanged();
      for (const p of data.profiles) if (sentAuthors.has(authorKey(p.handle))) profilesOut.add(p);
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
  badges.setEnabled(quiet.getSettings().showVerdicts, document);
  try {
    quiet.addVerdicts((await send('get-verdicts', {})).verdicts);
  } catch {
    // The background will answer with verdicts on the first batch.
  }

  const onArticles = (articles: HTMLElement[]) => {
    for (const article of articles) {
      health.articlesSeen++;
      const facts = readTweet(article);
      if (!facts) {
        health.articleFailures++;
        continue;
      }
      health.articlesRead++;
      const isAd = facts.isAd || api.isAd(facts.id);
      const cell = cellOf(article);
      quiet.track(cell, { id: facts.id, authorHandle: facts.authorHandle, isAd });
      badges.apply(cell);
      if (pageAuthors.add({ id: facts.id, authorHandle: facts.authorHandle, isAd })) pageAuthorsOut.add(true);
      tweetsOut.add(facts);
    }
    healthChanged();
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
    badges.setEnabled(next.showVerdicts, document);
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
