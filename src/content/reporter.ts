// Tells the background what this page showed, through one Outbox (outbox.ts), and hands the
// verdicts it answers with to quiet mode.
//
//   tweet read ──► tweets lane (once per id; merged with X's API facts at send time) ─► tweets-seen ─► verdicts
//   profile from X's API, author already sent ──► profiles lane ─► profiles-seen ─► verdicts
//   cell collapsed ──► hidden lane (after its tweet went out) ─► tweets-hidden
//   reader health ──► health lane, when its status changes or at most every HEALTH_EVERY_MS
//
// Lanes go out in this order: the background counts a hidden tweet only once it knows the tweet.
// A busy timeline sends one batch per lane about every BUSY_FLUSH_MS (2 s); an idle one sends nothing.
import { BoundedMap, BoundedSet } from '../shared/bounded-map';
import { healthStatus, type ReaderHealth } from '../shared/health';
import { mergeFacts, type ApiFactsCache } from '../shared/merge-facts';
import type { MessageType, Reply, Request, VerdictLite } from '../shared/messages';
import type { AuthorProfile, TweetFacts } from '../shared/types';
import { authorKey } from '../shared/handles';
import { Outbox, type Lane, type LaneSpec } from './outbox';
import { TabTweets, TWEET } from './tab-tweets';

export const FLUSH_MS = 250;
/**
 * While tweets keep coming, a batch at most this often. Each batch costs the worker a fixed part
 * (a transaction, the badge, the reply) and writes each of its authors once: 2 s instead of 1 s
 * took the worker's CPU per 1,000 streamed cells from about 600 to 450 ms. A new author's verdict
 * waits up to this long; tweets on screen never fold in place anyway (quiet-mode.ts).
 */
export const BUSY_FLUSH_MS = 2000;
export const HEALTH_EVERY_MS = 3000;
const MAX_BATCH = 200;

export type Send = <T extends MessageType>(type: T, payload: Request<T>) => Promise<Reply<T>>;

export interface ReporterDeps {
  send: Send;
  api: Pick<ApiFactsCache, 'tweet' | 'forgetTweet' | 'profileById' | 'profileByHandle'>;
  health: ReaderHealth;
  onVerdicts(verdicts: VerdictLite[]): void;
  /** False once the extension is gone (updated or removed): nothing is sent any more. */
  alive(): boolean;
  signal: AbortSignal;
  /** The tab's memory of tweets, where the tweets lane marks those delivered (default: its own). */
  tweets?: TabTweets;
}

export interface Reporter {
  tweetSeen(facts: TweetFacts): void;
  /** Profiles from X's API: only those of authors already sent go out. */
  profilesSeen(profiles: AuthorProfile[]): void;
  /** A tweet quiet mode collapsed, and its author's handle (the background counts it in the author's row). */
  tweetHidden(id: string, handle: string): void;
  healthChanged(): void;
  /** Another lane of the same Outbox, sent after these (e.g. the following audit's). */
  lane<T>(spec: LaneSpec<T>): Lane<T>;
}

export function createReporter(deps: ReporterDeps): Reporter {
  const { send, api, health, signal } = deps;
  const outbox = new Outbox({ signal, flushMs: FLUSH_MS, busyFlushMs: BUSY_FLUSH_MS });
  const sentAuthors = new BoundedSet<string>({ max: 2000, maxAgeMs: 3_600_000 });
  const sentProfiles = new SentProfiles();
  const hiddenWaiting = new HiddenWaiting();
  const tweets = outbox.lane<TweetFacts>({
    key: (t) => t.id,
    once: true,
    delivered: (deps.tweets ?? new TabTweets()).view(TWEET.delivered),
    maxBatch: MAX_BATCH,
    send: async (batch) => {
      if (!deps.alive()) return;
      const merged = batch.map((t) => mergeFacts(t, api.tweet(t.id)));
      const profiles = sentProfiles.changed(profilesOf(api, merged));
      // Tweets hidden since the last batch ride along (one message, one transaction).
      const inBatch = new Set(batch.map((t) => t.id));
      const hiddenNow = hiddenWaiting.take((id) => inBatch.has(id) || tweets.delivered(id));
      let verdicts: VerdictLite[];
      try {
        ({ verdicts } = await send('tweets-seen', { tweets: merged, profiles: profiles.map((p) => p.profile), ...(hiddenNow.length ? { hidden: hiddenNow } : {}) }));
      } catch (err) {
        hiddenWaiting.putBack(hiddenNow);
        throw err;
      }
      sentProfiles.delivered(profiles);
      for (const t of merged) {
        sentAuthors.add(authorKey(t.authorHandle));
        api.forgetTweet(t.id); // Delivered: X's facts about it are not needed here any more.
      }
      deps.onVerdicts(verdicts);
    },
  });
  const profiles = outbox.lane<AuthorProfile>({
    key: (p) => authorKey(p.handle),
    maxBatch: MAX_BATCH,
    send: async (list) => {
      const changed = sentProfiles.changed(list);
      if (!changed.length || !deps.alive()) return;
      deps.onVerdicts((await send('profiles-seen', { profiles: changed.map((p) => p.profile) })).verdicts);
      sentProfiles.delivered(changed);
    },
  });
  // Hidden tweets wait here and go with the next batch of tweets; only when no tweet is left to
  // send does this lane send them alone (pumped after the tweets lane, so a tweet always arrives
  // before its hiding).
  const hidden = outbox.lane<true>({
    key: () => 'hidden',
    send: async () => {
      if (!deps.alive()) return;
      const list = hiddenWaiting.take((id) => tweets.delivered(id));
      if (!list.length) return;
      try {
        await send('tweets-hidden', { tweets: list });
      } catch (err) {
        hiddenWaiting.putBack(list);
        throw err;
      }
    },
  });
  const healthLane = outbox.lane<ReaderHealth>({
    key: () => 'health',
    send: async ([h]) => void (deps.alive() && (await send('health', { ...h! }))),
  });
  const healthGate = throttle(() => healthLane.add(health), () => healthStatus(health), HEALTH_EVERY_MS, signal);

  return {
    tweetSeen: (facts) => tweets.add(facts),
    profilesSeen: (list) => {
      for (const p of list) if (sentAuthors.has(authorKey(p.handle))) profiles.add(p);
    },
    tweetHidden: (id, handle) => {
      hiddenWaiting.add({ id, handle });
      hidden.add(true);
    },
    healthChanged: healthGate,
    lane: (spec) => outbox.lane(spec),
  };
}

/** Tweets quiet mode hid, not yet told: at most MAX_HIDDEN_WAITING (the oldest go), each taken once. */
const MAX_HIDDEN_WAITING = 2000;
class HiddenWaiting {
  private readonly items = new Map<string, { id: string; handle: string }>();

  add(t: { id: string; handle: string }): void {
    this.items.set(t.id, t);
    if (this.items.size > MAX_HIDDEN_WAITING) this.items.delete(this.items.keys().next().value as string);
  }

  /** Takes (removes) up to 1,000 whose tweet may go now. */
  take(ready: (id: string) => boolean): Array<{ id: string; handle: string }> {
    const out: Array<{ id: string; handle: string }> = [];
    for (const [id, t] of this.items) {
      if (out.length >= 1000) break;
      if (ready(id)) out.push(t);
    }
    for (const t of out) this.items.delete(t.id);
    return out;
  }

  /** What a failed send took, back (unless hidden again meanwhile). */
  putBack(list: Array<{ id: string; handle: string }>): void {
    for (const t of list) if (!this.items.has(t.id)) this.add(t);
  }
}

/** The profiles of these tweets' authors, each once. */
function profilesOf(api: ReporterDeps['api'], tweets: TweetFacts[]): AuthorProfile[] {
  const out = new Map<string, AuthorProfile>();
  for (const t of tweets) {
    const p = (t.authorId && api.profileById(t.authorId)) || api.profileByHandle(t.authorHandle);
    if (p) out.set(authorKey(p.handle), p);
  }
  return [...out.values()];
}

/**
 * What each author's profile was when last delivered (a hash of its JSON), so the same profile is
 * not sent again with every batch and every API response: X repeats an author's profile with each
 * of their tweets, and serialising a message is the largest cost the page pays for it. The
 * background keeps what it was sent; after 10 minutes a profile goes out again anyway.
 */
class SentProfiles {
  private readonly hashes = new BoundedMap<string, number>({ max: 2000, maxAgeMs: 600_000 });

  changed(list: AuthorProfile[]): Array<{ key: string; hash: number; profile: AuthorProfile }> {
    const out: Array<{ key: string; hash: number; profile: AuthorProfile }> = [];
    for (const profile of list) {
      const key = authorKey(profile.handle);
      const hash = hashOf(JSON.stringify(profile));
      if (this.hashes.get(key) !== hash) out.push({ key, hash, profile });
    }
    return out;
  }

  delivered(list: Array<{ key: string; hash: number }>): void {
    for (const { key, hash } of list) this.hashes.set(key, hash);
  }
}

/** FNV-1a, 32 bits: tells a changed profile from the same one (a collision only delays a resend by 10 minutes). */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Calls `run` at once when `state()` changed since the last call, else at most every `everyMs` (trailing). */
export function throttle(run: () => void, state: () => string, everyMs: number, signal: AbortSignal): () => void {
  let last = -Infinity;
  let lastState: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    timer = undefined;
    last = Date.now();
    lastState = state();
    run();
  };
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  return () => {
    if (signal.aborted) return;
    if (state() !== lastState) {
      clearTimeout(timer);
      return fire();
    }
    if (timer === undefined) timer = setTimeout(fire, Math.max(0, last + everyMs - Date.now()));
  };
}
