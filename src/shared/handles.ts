// X handles, checked and keyed in one place.
//
// An X handle is 1–15 characters of A–Z, a–z, 0–9 and "_" (X's sign-up rule since its early days;
// a few old accounts are shorter than today's minimum of 4, none is longer than 15). The DOM
// reader's URL patterns (selectors.ts) already stop at 15, so a longer "handle" can only come
// from a forged message or a hand-edited file: refusing it is both correct and a bound.
// Handles are case-insensitive on X, so everything we store or compare is keyed by authorKey.

export const HANDLE_MAX_LENGTH = 15;

const HANDLE = /^[A-Za-z0-9_]{1,15}$/;

/** A bare handle (no "@"), as X's API and URLs give it. */
export function isHandle(v: unknown): v is string {
  return typeof v === 'string' && HANDLE.test(v);
}

/** A handle as a person types it or a file lists it ("@Name" or "Name"), without the "@"; undefined if not a handle. */
export function parseHandle(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const bare = v.startsWith('@') ? v.slice(1) : v;
  return isHandle(bare) ? bare : undefined;
}

/** The handle in a "@handle" text (a mention as X renders it); undefined for any other text. */
export function handleAfterAt(text: string): string | undefined {
  return text.startsWith('@') ? parseHandle(text) : undefined;
}

/** Normalised key of an author: lowercase handle without "@". */
export function authorKey(handle: string): string {
  const known = shared?.get(handle);
  if (known !== undefined) return known;
  const key = (handle.charCodeAt(0) === 64 /* @ */ ? handle.slice(1) : handle).toLowerCase();
  if (shared && key !== handle) {
    if (shared.size >= sharedMax) shared.clear();
    shared.set(handle, key);
  }
  return key;
}

// A handle with a capital lowercases to a new string on every call, so each per-author map of a
// tab (sent authors, profiles sent, verdicts, the page's counts, X's profiles...) held its own copy
// of each such key. The content script asks for one shared string per handle instead.
let shared: Map<string, string> | undefined;
let sharedMax = 0;

/** From now on authorKey returns one string per handle with capitals, for the last `max` such handles. */
export function shareAuthorKeys(max: number): void {
  shared = new Map();
  sharedMax = max;
}
