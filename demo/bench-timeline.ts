// The page benchmark's timeline (Node only): as many cells as asked, of real fixture tweets.
//
//   labeled/posts.jsonl (janitr's X posts, valid handles, seeded shuffle, cycled) ─┐
//   x-api promoted entry (manual_tweet_with_video_2.json), 1 cell in 10          ─┴▶ 20 per HomeTimeline page
//
// Every cell gets its own made-up tweet id (a post seen twice in 10,000 cells is a new tweet each
// time, as a repost or a repeat would be), so the extension reads, counts and stores each one.
// Authors recur as on a real timeline: 1,290 posts by 614 authors, 73 of them with 3 posts or more.
import { apiItem, madeUpSnowflake, minimalTweet, readFixture, shuffled, timelineTweet, type LabelledRow, type TimelineItem } from './timeline-data';
import { qbTokenize } from './render';
import type { TimelineSource } from './x-site';

const PROMOTED = { file: 'manual_tweet_with_video_2.json', id: '1667220696295178240' };
const PAGE = 20;

export interface BenchTimeline extends TimelineSource {
  items: TimelineItem[];
}

/** `cells` timeline items in pages of 20; deterministic. */
export function benchTimeline(cells: number): BenchTimeline {
  const rows = readFixture('labeled', 'posts.jsonl')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledRow)
    .filter((r) => r.source === 'janitr' && r.author && /^[A-Za-z0-9_]{1,15}$/.test(r.author));
  const pool = shuffled(rows, 12);
  const promoted = apiItem(PROMOTED.file, PROMOTED.id, JSON.parse(readFixture('x-api', PROMOTED.file)));
  const start = Date.UTC(2026, 7, 6, 9);
  const items: TimelineItem[] = [];
  let next = 0;
  for (let i = 0; i < cells; i++) {
    const createdMs = start + i * 1000;
    const id = madeUpSnowflake(createdMs, `bench:${i}`);
    if (i % 10 === 9) {
      items.push(withId(promoted, id));
      continue;
    }
    const row = pool[next++ % pool.length]!;
    const t = minimalTweet({ id, handle: row.author!, name: row.author!, pieces: qbTokenize(row.text, row.urls), createdMs });
    items.push({
      post: { id, handle: row.author!, name: row.author!, text: row.text, urls: t.urls, label: row.label, source: 'labeled' },
      itemContent: timelineTweet(t.result),
    });
  }
  const pages: TimelineItem[][] = [];
  for (let i = 0; i < items.length; i += PAGE) pages.push(items.slice(i, i + PAGE));
  return { items, pages };
}

/** A copy of a real tweet item under another id (the rest of X's JSON unchanged). */
function withId(item: TimelineItem, id: string): TimelineItem {
  const itemContent = JSON.parse(JSON.stringify(item.itemContent)) as Record<string, unknown>;
  const result = (itemContent['tweet_results'] as Record<string, Record<string, unknown>>)['result']!;
  const tweet = (result['__typename'] === 'TweetWithVisibilityResults' ? result['tweet'] : result) as Record<string, unknown>;
  tweet['rest_id'] = id;
  const legacy = tweet['legacy'] as Record<string, unknown> | undefined;
  if (legacy) {
    legacy['id_str'] = id;
    legacy['conversation_id_str'] = id;
  }
  return { post: { ...item.post, id }, itemContent };
}
