// Replays saved X material through the extension's own readers and classifier.
//
//   npm run replay -- FILE...
//
//   FILE.json  a saved GraphQL response  -> src/page-world/parse-graphql.ts (as the page reader does)
//   FILE.html  a saved page or cell      -> src/content/read-tweet.ts in happy-dom (as the content script does)
//
// Prints one JSON line per distinct tweet (id, author, authorId, text, urls, isReply,
// isRepost, isQuote, isAd, verdict, reasons), then, as the last line, one summary for all files:
//   {"tweets": N, "authors": [handles…], "ads": [ids…], "errors": N}
// A file that cannot be read, is not valid JSON/HTML, or that the parser could not make sense
// of gives an error line on stderr, counts in `errors` and makes the exit code 1; the other
// files are still read.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { parseGraphqlResponse } from '../src/page-world/parse-graphql';
import type { AuthorProfile, TweetFacts } from '../src/shared/types';
import { authorKey } from '../src/shared/types';

export interface FileFacts {
  tweets: TweetFacts[];
  profiles: AuthorProfile[];
  ads: string[];
  /** Why the file could not be read; the facts are then empty. */
  error?: string;
}

/** Globals read-tweet.ts uses that Node lacks, taken from a happy-dom window. */
const DOM_GLOBALS = ['Node', 'Element', 'HTMLElement', 'HTMLAnchorElement', 'HTMLImageElement', 'Text', 'NodeFilter', 'CSS'];

export function readJsonFacts(text: string): FileFacts {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { tweets: [], profiles: [], ads: [], error: `not valid JSON (${(e as Error).message})` };
  }
  const d = parseGraphqlResponse(json);
  const facts: FileFacts = { tweets: d.tweets, profiles: d.profiles, ads: d.ads };
  if (d.health.apiFailures > 0) {
    facts.error = 'JSON, but not an X API response the reader understands (unknown shape or over budget)';
  }
  return facts;
}

export async function readHtmlFacts(text: string): Promise<FileFacts> {
  if (!/<\s*[a-z!][^>]*>/i.test(text)) {
    return { tweets: [], profiles: [], ads: [], error: 'not valid HTML (no markup found)' };
  }
  const { findTweetArticles, readTweet } = await import('../src/content/read-tweet');
  const { quoteBox } = await import('../src/content/selectors');
  const window = new Window({
    url: 'https://x.com/home',
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
  const g = globalThis as Record<string, unknown>;
  const w = window as unknown as Record<string, unknown>;
  const installed: string[] = [];
  for (const name of DOM_GLOBALS) {
    if (g[name] === undefined && w[name] !== undefined) {
      g[name] = w[name];
      installed.push(name);
    }
  }
  try {
    const doc = new window.DOMParser().parseFromString(text, 'text/html');
    const tweets: TweetFacts[] = [];
    for (const article of findTweetArticles(doc as unknown as ParentNode)) {
      const t = readTweet(article);
      if (!t) continue;
      tweets.push(t);
      // The quoted original is a tweet of its own: the same reader, run on the quote box, finds
      // it when the box links to its status (a quoted video's box often does not).
      if (t.isQuote) {
        for (const box of article.querySelectorAll(quoteBox)) {
          const q = readTweet(box);
          if (q && q.id !== t.id) tweets.push(q);
        }
      }
    }
    return { tweets, profiles: [], ads: tweets.filter((t) => t.isAd).map((t) => t.id) };
  } finally {
    for (const name of installed) delete g[name];
    await window.happyDOM.close();
  }
}

/** Reads one file by its extension; an unknown extension is sniffed (JSON starts with { or [). */
export async function readReplayFile(path: string): Promise<FileFacts> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { tweets: [], profiles: [], ads: [], error: `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return readJsonFacts(text);
  if (ext === '.html' || ext === '.htm') return readHtmlFacts(text);
  const start = text.trimStart()[0];
  if (start === '{' || start === '[') return readJsonFacts(text);
  if (start === '<') return readHtmlFacts(text);
  return { tweets: [], profiles: [], ads: [], error: 'neither JSON nor HTML' };
}

export interface ReplayLine {
  id: string;
  author: string;
  authorId?: string;
  text: string;
  urls: string[];
  isReply: boolean;
  isRepost: boolean;
  isQuote: boolean;
  isAd: boolean;
  verdict: string;
  reasons: string[];
}

export interface ReplaySummary {
  tweets: number;
  authors: string[];
  ads: string[];
  errors: number;
}

/** Runs the whole replay; `out` gets stdout lines, `err` stderr lines. Returns the exit code. */
export async function replay(
  files: string[],
  out: (line: string) => void = (l) => process.stdout.write(l + '\n'),
  err: (line: string) => void = (l) => process.stderr.write(l + '\n'),
): Promise<number> {
  const { judgePost, newAuthorState, addPost, judgeAuthor } = await import('../src/classifier/index');
  const tweets = new Map<string, TweetFacts>();
  const profilesById = new Map<string, AuthorProfile>();
  const profilesByHandle = new Map<string, AuthorProfile>();
  const ads = new Set<string>();
  let errors = 0;

  if (files.length === 0) {
    err('replay: no files given (usage: npm run replay -- FILE.json|FILE.html ...)');
    errors++;
  }
  for (const file of files) {
    const facts = await readReplayFile(file);
    if (facts.error) {
      errors++;
      err(`replay: ${file}: ${facts.error}`);
    }
    for (const t of facts.tweets) {
      const known = tweets.get(t.id);
      // The same tweet from several files: keep the first reading, but an ad mark anywhere counts.
      if (!known) tweets.set(t.id, t);
      else if (t.isAd && !known.isAd) tweets.set(t.id, { ...known, isAd: true });
    }
    for (const p of facts.profiles) {
      if (p.id) profilesById.set(p.id, { ...profilesById.get(p.id), ...p });
      profilesByHandle.set(authorKey(p.handle), p);
    }
    for (const id of facts.ads) ads.add(id);
  }
  for (const id of ads) {
    const t = tweets.get(id);
    if (t && !t.isAd) tweets.set(id, { ...t, isAd: true });
  }

  const profileOf = (t: TweetFacts) =>
    (t.authorId !== undefined ? profilesById.get(t.authorId) : undefined) ?? profilesByHandle.get(authorKey(t.authorHandle));

  // The clock of the material, not of the machine, so a replay prints the same verdicts every day.
  let now = 0;
  for (const t of tweets.values()) if (t.createdAt !== undefined && t.createdAt > now) now = t.createdAt;
  if (now === 0) now = Date.now();

  // Each author's posts, as the background would collect them. A repost record repeats its
  // original, which is in the list too: counted once.
  type AuthorState = ReturnType<typeof newAuthorState>;
  const states = new Map<string, AuthorState>();
  for (const t of tweets.values()) {
    if (t.isRepost) continue;
    const key = authorKey(t.authorHandle);
    let state = states.get(key);
    if (!state) {
      state = newAuthorState(t.authorHandle);
      states.set(key, state);
    }
    addPost(state, t, judgePost(t, profileOf(t)), t.createdAt ?? now);
  }
  const judgements = new Map<string, { verdict: string; reasons: string[] }>();
  const judgementOf = (t: TweetFacts) => {
    const key = authorKey(t.authorHandle);
    let j = judgements.get(key);
    if (!j) {
      const state = states.get(key) ?? newAuthorState(t.authorHandle);
      const r = judgeAuthor(state, profileOf(t), { sensitivity: 'balanced', now });
      j = { verdict: r.verdict, reasons: r.reasons };
      judgements.set(key, j);
    }
    return j;
  };

  /** Distinct handles (case-insensitive on X), as first written. */
  const authors = new Map<string, string>();
  const addAuthor = (handle: string) => {
    if (!authors.has(authorKey(handle))) authors.set(authorKey(handle), handle);
  };
  for (const t of tweets.values()) {
    const { verdict, reasons } = judgementOf(t);
    const line: ReplayLine = {
      id: t.id,
      author: t.authorHandle,
      ...(t.authorId !== undefined ? { authorId: t.authorId } : {}),
      text: t.text,
      urls: t.urls,
      isReply: t.isReply,
      isRepost: t.isRepost,
      isQuote: t.isQuote,
      isAd: t.isAd,
      verdict,
      reasons,
    };
    out(JSON.stringify(line));
    addAuthor(t.authorHandle);
    // A repost's own author is the account that reposted it.
    if (t.repostedBy) addAuthor(t.repostedBy);
  }

  const summary: ReplaySummary = {
    tweets: tweets.size,
    authors: [...authors.values()],
    ads: [...new Set([...ads, ...[...tweets.values()].filter((t) => t.isAd).map((t) => t.id)])],
    errors,
  };
  out(JSON.stringify(summary));
  return errors > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  replay(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`replay: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
