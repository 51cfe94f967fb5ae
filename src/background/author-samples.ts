// A couple of an author's posts, kept in the author's row as evidence for the following audit
// ("what they post"): short, selling ones first. Written with the posts' other evidence, in the
// same row and the same write (db.ts, version 6: a table of its own cost a read and a write per
// author and batch).
import { BUDGETS } from '../shared/budgets';

export interface SamplePost {
  text: string;
  selling: 0 | 1;
}

/** Cut to `max` characters with an ellipsis, never splitting a surrogate pair. */
export function cutText(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = /[\uD800-\uDBFF]/.test(s.charAt(max - 2)) ? max - 2 : max - 1;
  return s.slice(0, end) + '…';
}

/** A post as a sample: whitespace folded, bounded; null for a post with no text. */
export function samplePost(text: string, selling: boolean): SamplePost | null {
  const folded = text.replace(/\s+/g, ' ').trim();
  return folded ? { text: cutText(folded, BUDGETS.sampleChars), selling: selling ? 1 : 0 } : null;
}

/** The samples after new posts: no text twice, selling first (earlier ones first within each kind), at most BUDGETS.storedSamples. */
export function withSamples(old: readonly SamplePost[] | undefined, fresh: readonly SamplePost[]): SamplePost[] {
  const merged = [...(old ?? [])];
  for (const p of fresh) if (!merged.some((m) => m.text === p.text)) merged.push(p);
  return [...merged.filter((p) => p.selling), ...merged.filter((p) => !p.selling)].slice(0, BUDGETS.storedSamples);
}

/** Stored samples, checked: null when nothing usable is there; `repaired` when any had to go. */
export function checkSamples(raw: unknown): { samples: SamplePost[]; repaired: boolean } | null {
  if (raw === undefined) return null;
  if (!Array.isArray(raw)) return { samples: [], repaired: true };
  const samples: SamplePost[] = [];
  for (const p of raw.slice(0, BUDGETS.storedSamples)) {
    const text = (p as { text?: unknown } | null)?.text;
    const selling = (p as { selling?: unknown } | null)?.selling;
    if (typeof text === 'string' && text.length > 0 && text.length <= BUDGETS.sampleChars && (selling === 0 || selling === 1)) samples.push({ text, selling });
  }
  return { samples, repaired: samples.length !== raw.length };
}
