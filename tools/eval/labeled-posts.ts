// Reading labelled posts (the format of test/fixtures/labeled/posts.jsonl) into the TweetFacts
// the extension's DOM reader would produce: decoded text, links, hashtags, cashtags, mentions,
// and a reply flag when the text opens with a mention (how X shows a reply's raw text).
// Used by scripts/eval.ts, scripts/fit-weights.ts and scripts/bench.ts; never by the extension.
import type { TweetFacts } from '../../src/shared/types';

export type Label = 'seller' | 'not_seller';

export interface LabeledPost {
  id: string;
  author: string | null;
  text: string;
  urls: string[];
  label: Label;
  source: string;
}

/** Parse JSONL text; lines that are blank are skipped, malformed ones are an error with the line number. */
export function parseLabeledPosts(jsonl: string): LabeledPost[] {
  const out: LabeledPost[] = [];
  const lines = jsonl.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new Error(`line ${i + 1}: not JSON`);
    }
    const r = raw as Record<string, unknown>;
    if (typeof r.text !== 'string' || (r.label !== 'seller' && r.label !== 'not_seller')) {
      throw new Error(`line ${i + 1}: needs "text" and "label" (seller | not_seller)`);
    }
    out.push({
      id: typeof r.id === 'string' ? r.id : `line:${i + 1}`,
      author: typeof r.author === 'string' && r.author ? r.author : null,
      text: r.text,
      urls: Array.isArray(r.urls) ? r.urls.filter((u): u is string => typeof u === 'string') : [],
      label: r.label,
      source: typeof r.source === 'string' ? r.source : 'unknown',
    });
  }
  return out;
}

/** Group key of a post's author: posts without an author each stand alone. */
export function authorOf(p: LabeledPost): string {
  return p.author ? p.author.toLowerCase() : `anon:${p.id}`;
}

/** Broad source for per-source figures: "youtube-Youtube01-Psy" → "youtube". */
export function sourceFamily(source: string): string {
  const dash = source.indexOf('-');
  return dash > 0 ? source.slice(0, dash) : source;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Text as a browser would show it: entities decoded, tags dropped, invisible marks removed. */
export function decodeText(s: string): string {
  return s
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]{0,300}>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[\ufeff\u200b]/g, '')
    .replace(/\u00a0/g, ' ');
}

const HASHTAG = /(?:^|[^\p{L}\p{N}_&/])#([\p{L}\p{N}_]{1,100})/gu;
const CASHTAG = /(?:^|[^\p{L}\p{N}_&/])\$([A-Za-z][A-Za-z0-9_.]{0,11})(?![\p{L}\p{N}_])/gu;
const MENTION = /(?:^|[^A-Za-z0-9_@./])@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_@])/g;
const REPLY_LEAD = /^\s*@([A-Za-z0-9_]{1,15})/;

function collect(re: RegExp, s: string): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) out.push(m[1]!);
  return out;
}

/** The facts the extension would read for this post. */
export function toTweetFacts(p: LabeledPost): TweetFacts {
  const text = decodeText(p.text);
  const reply = REPLY_LEAD.exec(text);
  return {
    id: p.id,
    authorHandle: p.author ?? `anon_${p.id}`,
    text,
    urls: p.urls.map((u) => decodeText(u)),
    hashtags: collect(HASHTAG, text),
    // "$30" is money, not a cashtag.
    cashtags: collect(CASHTAG, text),
    mentions: collect(MENTION, text),
    isReply: reply !== null,
    ...(reply ? { replyTo: reply[1]! } : {}),
    isRepost: false,
    isQuote: false,
    hasMedia: false,
    hasCard: false,
    isAd: false,
  };
}
