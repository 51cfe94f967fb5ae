// Content script (isolated world) on x.com / twitter.com.
//
//   page-reader.js (MAIN world) ──qb:page-data──► page-bridge ──► ApiFactsCache ──► reporter (late profiles)
//                                                             │               └──► quiet mode (ads X marks late)
//                                                             └──► following audit (own Following list pages)
//   TabTweets: one bounded memory of the tweets met (read, delivered, counted, hidden, shown), shared by all below
//   MutationObserver ──► TweetIntake (read once per tweet) ──► QuietMode.track (sync: known sellers collapse before paint)
//                                                       ├──► verdict badges, page authors (following audit)
//                                                       └──► reporter (Outbox: batches, retry) ──► background
//   background reply (verdicts) ──► QuietMode.applyVerdicts ──► cells off screen now, on screen once scrolled past (ScreenGate)
//   storage.onChanged (settings, forget everything) ──► settings-sync ──► QuietMode, badges, at once
//
// Everything hangs on one AbortSignal: aborted when the extension goes away (updated or removed).
import browser from 'webextension-polyfill';
import { shareAuthorKeys } from '../shared/handles';
import { emptyHealth } from '../shared/health';
import { ApiFactsCache } from '../shared/merge-facts';
import { isPageAuthorsAsk, type FollowingSeen } from '../shared/messages';
import type { PageData } from '../shared/validate-page-data';
import { DEFAULT_SETTINGS, SETTINGS_KEY, normaliseSettings } from '../shared/settings';
import { FollowingReader, PageAuthors, viewerHandleFromDom } from './following-reader';
import { QB_ATTR } from './dom-attributes';
import { isExtensionAlive, send } from './messaging';
import { listenToPageReader } from './page-bridge';
import { QuietMode } from './quiet-mode';
import { findTweetArticles } from './read-tweet';
import { createReporter, type Reporter } from './reporter';
import { ScreenGate } from './screen-gate';
import { syncSettings } from './settings-sync';
import { TabTweets, TWEET } from './tab-tweets';
import { TweetIntake } from './tweet-intake';
import { VerdictBadges } from './verdict-badge';
import { watchTimeline } from './watch-timeline';

async function main(): Promise<void> {
  shareAuthorKeys(2000); // One key string per author for all the tab's per-author maps (handles.ts).
  const controller = new AbortController();
  const { signal } = controller;
  const health = emptyHealth();
  // X's facts wait here until their tweet is rendered and sent (seconds, or minutes for a page fetched ahead),
  // and are dropped once sent: 300 tweets are several pages of 20 (a list's largest page: 181). Those
  // never rendered (quoted tweets, replies not shown) stay until pushed out: 1,000 held up to ~1 MB of them.
  // Ad ids: X marks about 1 tweet in 10, and a page fetched ahead holds a few dozen tweets; once an
  // ad is read, the tab's memory of tweets keeps it one (TWEET.ad, 2,000 tweets: about 200 ads), so
  // 200 ad ids each way cover as much (1,000 held 1,000 ids and their entries each: ~0.15 MB at 10,000 cells).
  // Profiles: an author's profile comes with each response holding their tweets, and is wanted until
  // those tweets are sent (2 s after they render) — a few dozen authors a page. The following audit
  // asks for one (the viewer's following count, which X's Viewer response also gives). 300 profiles
  // (600 handles) cover pages fetched well ahead; 1,000 held every author of a long session (~0.25 MB).
  const api = new ApiFactsCache({ tweets: 300, profiles: 300, ads: 200, maxAgeMs: 30 * 60_000 });
  const alive = () => {
    if (!isExtensionAlive()) controller.abort();
    return !signal.aborted;
  };
  const onVerdicts = (v: Parameters<QuietMode['applyVerdicts']>[0]) => badges.applyAll(document, quiet.applyVerdicts(v));
  // One memory of the tweets this tab met (read, delivered, counted, hidden, shown), bounded.
  const tweets = new TabTweets();
  const reporter = createReporter({ send, api, health, signal, alive, onVerdicts, tweets });
  const audit = wireFollowingAudit(reporter, api, alive, signal, tweets);
  const quiet = new QuietMode(
    DEFAULT_SETTINGS,
    {
      onHidden: reporter.tweetHidden,
      onAlwaysShow: (handle) => void send('set-override', { handle, override: 'show' }).catch(() => undefined),
      onUndoAlwaysShow: (handle) => void send('set-override', { handle, override: null }).catch(() => undefined),
    },
    new ScreenGate(signal),
    tweets,
  );
  const badges = new VerdictBadges({ verdictOf: (key) => quiet.verdictOf(key), reasonsOf: (handle) => send('get-author-reasons', { handle }) });
  const track = (cell: HTMLElement, tweet: { id: string; authorHandle: string; isAd: boolean }) => {
    quiet.track(cell, tweet);
    badges.apply(cell);
    audit.tweetShown(tweet);
  };
  const intake = new TweetIntake({ track, isAd: (id, handle) => api.isAdBy(id, handle), onNew: reporter.tweetSeen, health, onHealth: reporter.healthChanged }, tweets);

  // Listen to the page reader first: X's first responses arrive while we load settings.
  const onPageData = (data: PageData) => {
    api.addPageData(data);
    audit.onPageData(data);
    reporter.healthChanged();
    reporter.profilesSeen(data.profiles);
    // X may mark an already rendered tweet as an ad only in its API response.
    // Only for a tweet the page also described, by the author the DOM shows (trust model: adMarks).
    for (const id of data.ads) {
      const cell = intake.cellOf(id);
      if (cell && api.isAdBy(id, cell.getAttribute(QB_ATTR.author) ?? '')) {
        tweets.mark(id, TWEET.ad); // It stays one when X renders it again.
        quiet.markAd(cell);
      }
    }
  };
  listenToPageReader(onPageData, health, signal);

  // No cell is tracked before the stored settings replace the defaults (tracking starts below).
  quiet.setSettings(normaliseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]));
  badges.setEnabled(quiet.getSettings().showVerdicts, document);
  const getVerdicts = async () => (await send('get-verdicts', {})).verdicts;
  quiet.addVerdicts(await getVerdicts().catch(() => [])); // Else the first batch's reply brings them.
  syncSettings(quiet, getVerdicts, signal, document, (s) => badges.setEnabled(s.showVerdicts, document));

  // Tweets already rendered before we were ready, then everything X renders from now on.
  intake.take(findTweetArticles(document));
  watchTimeline(document.documentElement, (articles) => intake.take(articles), signal);
}

/** Following audit (issue 9): own Following list pages, and per-author counts of this page for the dry run. */
function wireFollowingAudit(reporter: Reporter, api: ApiFactsCache, alive: () => boolean, signal: AbortSignal, tweets: TabTweets) {
  let listPages = 0;
  const followingOut = reporter.lane<{ seq: number; page: FollowingSeen }>({
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
  // The dry run's counts stay here until the popup asks for them (nothing is sent while the user scrolls).
  const pageAuthors = new PageAuthors(tweets);
  const answer = (message: unknown, sender: { id?: string }) =>
    sender.id === browser.runtime.id && isPageAuthorsAsk(message) && alive() ? Promise.resolve({ authors: pageAuthors.list() }) : undefined;
  browser.runtime.onMessage.addListener(answer);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(answer), { once: true });
  return {
    onPageData: (data: PageData) => following.onPageData(data),
    tweetShown: (tweet: { id: string; authorHandle: string; isAd: boolean }) => void pageAuthors.add(tweet),
  };
}

void main().catch((err) => console.debug('[Quiet Bazaar] content script stopped:', err));
