// How much any one input may cost us. The page world can send as many messages as it likes,
// so each is bounded on arrival, and what we keep from them is bounded in total; what we store
// per author is bounded again. Anything over is counted and dropped, never kept in part.
//
// Real figures for scale (test/fixtures/x-api, parsed): the largest page message is 155 KB
// (181 tweets of a list timeline); the largest tweet 2.4 KB, the largest profile 0.5 KB.

export const BUDGETS = {
  /** Characters of one `qb:page-data` detail (JSON): 6× the largest real one. */
  messageChars: 1_000_000,
  /** Characters (as JSON) the content script's page-facts cache holds in all. */
  pageCacheChars: 4_000_000,
  /** Characters (as JSON) of one cached tweet or profile: larger ones are not cached. */
  pageEntryChars: 100_000,
  /** A stored author's profile: only the fields the classifier reads, each bounded. */
  storedBioChars: 500,
  storedBioUrls: 5,
  storedUrlChars: 512,
  storedNameChars: 50,
  storedTypeChars: 64,
  /** Tweets of one author remembered as counted (background/seen-tweets.ts): about 6 KB. */
  seenPerAuthor: 200,
  /** Sample posts kept per author for the following audit, and their length. */
  storedSamples: 2,
  sampleChars: 200,
  /** A stored author row as JSON, all included: a row above this is repaired on read. */
  storedAuthorChars: 24_000,
} as const;

/** Size of a value as JSON, in characters (what a message or a row costs, near enough). */
export function jsonChars(v: unknown): number {
  try {
    return JSON.stringify(v)?.length ?? 0;
  } catch {
    return Infinity;
  }
}

/**
 * About jsonChars(v), without building the JSON: strings count their length, numbers 12, keys
 * and punctuation what JSON spends on them (escapes are not counted). For caches that weigh every
 * entry they keep; Infinity for anything nested deeper than 32.
 */
export function approxJsonChars(v: unknown, depth = 0): number {
  switch (typeof v) {
    case 'string':
      return v.length + 2;
    case 'number':
      return 12;
    case 'boolean':
      return v ? 4 : 5;
    case 'object': {
      if (v === null) return 4;
      if (depth > 32) return Infinity;
      let n = 2;
      if (Array.isArray(v)) {
        for (const x of v) n += approxJsonChars(x, depth + 1) + 1;
        return n;
      }
      for (const k in v) {
        if (!Object.hasOwn(v, k)) continue;
        const x = (v as Record<string, unknown>)[k];
        if (x !== undefined) n += k.length + 4 + approxJsonChars(x, depth + 1);
      }
      return n;
    }
    default:
      return 0;
  }
}
