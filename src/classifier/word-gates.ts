// Which words a rule's pattern cannot match without: read from the pattern itself, so that the
// engine (features.ts) skips a regex when the post lacks them. Trigger words (rules.ts) say "one
// of these is in every match"; this goes further, alternative by alternative: "give ?aways?|
// chance to win|raffle" needs a word starting "give", or "chance" and "to" and "win", or "raffle".
// A regex runs only if some alternative's words are all there; most runs found nothing (about 85%
// on the development set), and now most do not happen.
//
// A word the pattern only starts ("recover(?:y)?", "give ?aways?", "f4f" with no break after it)
// counts by its first four letters (three if it has only three): the scan reads those of each word.
//
// Sound by construction, not by data: a word counts only where the pattern forces it to stand
// whole (a-z and 0-9 between breaks, as features.ts reads words), and every construct the reading
// does not understand just adds no requirement (a pattern regexp-source.ts cannot read has no
// gate at all). So a gate can only be too open, never too closed.
// test/unit/classifier/word-gates.test.ts checks it against every rule's matches on the data too.

import { parseSource, Unsupported, type Atom as SourceAtom, type ClassMember, type Shorthand, type Term } from './regexp-source';

/**
 * A gate in disjunctive form: any of the conjunctions; each conjunction is a list of clauses that
 * must all hold; each clause lists tokens of which one must be in the post. Tokens are words
 * (a-z, 0-9), or CURRENCY (a sign $ € £ ¥ somewhere) or DIGIT (an ASCII digit somewhere).
 */
export type Gate = string[][][];
export const CURRENCY = '#currency';
/** A token "give*": a word that starts with these characters ("give", "giveaway"); 3 or 4 of them (PREFIX_LENGTHS). */
export const PREFIX = '*';
export const PREFIX_LENGTHS = [3, 4] as const;
export const DIGIT = '#digit';

type Atom =
  | { t: 'char'; c: string }
  /** A set of characters: whether it holds only breaks (no a-z A-Z 0-9), only currency signs, only digits. */
  | { t: 'set'; breaks: boolean; currency: boolean; digit: boolean }
  | { t: 'group'; alts: Item[][] }
  | { t: 'assert'; kind: 'b' | 'B' | '^' | '$' | 'look' };
interface Item {
  atom: Atom;
  min: number;
  max: number;
}

const isBreakChar = (c: string) => !/^[a-zA-Z0-9]$/.test(c);
const CURRENCY_CHARS = '$€£¥';
type CharSet = Extract<Atom, { t: 'set' }>;
const UNKNOWN: CharSet = { t: 'set', breaks: false, currency: false, digit: false };

/** A pattern's syntax tree (regexp-source.ts) as alternatives of items; repeats lazy or not alike. */
function itemsOf(alts: Term[][]): Item[][] {
  return alts.map((seq) => seq.map(({ atom, min, max }) => ({ atom: atomOf(atom), min, max })));
}
function atomOf(a: SourceAtom): Atom {
  switch (a.k) {
    case 'char':
      return { t: 'char', c: String.fromCharCode(a.code) };
    case 'shorthand':
      return setOf(a);
    case 'dot':
      return UNKNOWN;
    case 'assert':
      return { t: 'assert', kind: a.kind };
    case 'look':
      return { t: 'assert', kind: 'look' };
    case 'group':
      return { t: 'group', alts: itemsOf(a.alts) };
    case 'class':
      return classOf(a.negated, a.members);
  }
}
function setOf(s: Shorthand): CharSet {
  if (s.name === 'd') return { t: 'set', breaks: false, currency: false, digit: true };
  if (s.name === 's' || s.name === 'W') return { t: 'set', breaks: true, currency: false, digit: false };
  return UNKNOWN;
}
function classOf(negated: boolean, members: ClassMember[]): Atom {
  let breaks = true;
  let currency = true;
  let digit = true;
  for (const m of members) {
    if (m.k === 'range') {
      // A range: only what it spans is known by its ends; any range is taken as unknown but digits.
      breaks = false;
      currency = false;
      if (!(m.from.code >= 48 && m.to.code <= 57)) digit = false;
    } else if (m.k === 'char') {
      const c = String.fromCharCode(m.code);
      if (!isBreakChar(c)) breaks = false;
      if (!CURRENCY_CHARS.includes(c)) currency = false;
      if (!(c >= '0' && c <= '9')) digit = false;
    } else {
      const a = setOf(m);
      breaks &&= a.breaks;
      currency &&= a.currency;
      digit &&= a.digit;
    }
  }
  if (negated || members.length === 0) return UNKNOWN;
  return { t: 'set', breaks, currency, digit };
}

const consuming = (it: Item) => it.atom.t !== 'assert' || it.atom.kind !== 'look';

/** Given a word character just before, the items start with a break (or the end, or a \b); `after`: what follows them does. */
function startsWithBreak(items: Item[], after: boolean): boolean {
  for (const it of items) {
    if (!consuming(it)) continue;
    if (!breakIfTaken(it, 'start')) return false;
    if (it.min >= 1 || it.atom.t === 'assert') return true;
  }
  return after;
}
/** Given a word character just after, the items end with a break (or the start, or a \b); `before`: what precedes them does. */
function endsWithBreak(items: Item[], before: boolean): boolean {
  for (let k = items.length - 1; k >= 0; k--) {
    const it = items[k]!;
    if (!consuming(it)) continue;
    if (!breakIfTaken(it, 'end')) return false;
    if (it.min >= 1 || it.atom.t === 'assert') return true;
  }
  return before;
}
/** Whether the item, matched at least once, starts (ends) with a break. */
function breakIfTaken(it: Item, side: 'start' | 'end'): boolean {
  const a = it.atom;
  if (a.t === 'assert') return a.kind === 'b' || (side === 'start' ? a.kind === '$' : a.kind === '^');
  if (a.t === 'char') return isBreakChar(a.c);
  if (a.t === 'set') return a.breaks;
  return a.alts.every((alt) => (side === 'start' ? startsWithBreak(alt, false) : endsWithBreak(alt, false)));
}

/** Disjunctions are cut to this many conjunctions (beyond, an alternation counts as one clause). */
const MAX_CONJ = 512;

/** What a sequence needs, given whether a break surely stands before it (`left`) and after it (`right`). */
function needsOfSeq(items: Item[], left: boolean, right: boolean): Gate {
  const fixed: string[][] = [];
  let dnf: Gate = [[]];
  // Whether a break stands right before item k (after item k): the nearest item that consumes
  // ends (starts) with one; an optional item must, and so must what stands beyond it.
  const leftOf = (k: number): boolean => {
    for (let j = k - 1; j >= 0; j--) {
      const b = items[j]!;
      if (!consuming(b)) continue;
      if (!breakIfTaken(b, 'end')) return false;
      if (b.min >= 1 || b.atom.t === 'assert') return true;
    }
    return left;
  };
  const rightOf = (k: number): boolean => {
    for (let j = k + 1; j < items.length; j++) {
      const b = items[j]!;
      if (!consuming(b)) continue;
      if (!breakIfTaken(b, 'start')) return false;
      if (b.min >= 1 || b.atom.t === 'assert') return true;
    }
    return right;
  };
  let k = 0;
  while (k < items.length) {
    const it = items[k]!;
    const a = it.atom;
    if (a.t === 'char' && it.max === 1) {
      // A run of literal characters, some optional ("air ?drops?"): each way of reading it is a
      // conjunction of the words it holds whole, or starts.
      let j = k;
      while (j < items.length && items[j]!.atom.t === 'char' && items[j]!.max === 1) j++;
      const run = items.slice(k, j);
      const ways = readings(run, leftOf(k), rightOf(j - 1));
      if (ways) dnf = product(dnf, ways);
      k = j;
      continue;
    }
    if (it.min >= 1) {
      if (a.t === 'set' && a.currency) fixed.push([CURRENCY]);
      else if (a.t === 'set' && a.digit) fixed.push([DIGIT]);
      else if (a.t === 'group') {
        // Context inside a repeated group is only known for its first and last turn: assume none.
        const once = it.max === 1;
        const sub = needsOfAlts(a.alts, once && leftOf(k), once && rightOf(k));
        dnf = product(dnf, sub);
      }
    }
    k++;
  }
  return dnf.map((conj) => [...fixed, ...conj]);
}

/** Runs with more optional characters than this add no requirement (2^n readings). */
const MAX_OPTIONAL = 5;

/**
 * The readings of a run of literal characters (each taken once or, if optional, maybe not), as
 * conjunctions of tokens; undefined if one reading needs nothing. `left` / `right`: a break
 * surely stands before / after the run.
 */
function readings(run: Item[], left: boolean, right: boolean): Gate | undefined {
  const optional = run.filter((it) => it.min === 0).length;
  if (optional > MAX_OPTIONAL) return undefined;
  const out: Gate = [];
  for (let mask = 0; mask < 1 << optional; mask++) {
    let text = '';
    let o = 0;
    for (const it of run) {
      if (it.min === 0 && !(mask & (1 << o++))) continue;
      text += (it.atom as { c: string }).c;
    }
    const conj: string[][] = [];
    if ([...text].some((c) => CURRENCY_CHARS.includes(c))) conj.push([CURRENCY]);
    // Pieces between breaks: whole words if a break stands on both sides, else maybe a prefix.
    const pieces = text.split(/[^a-zA-Z0-9]/);
    pieces.forEach((piece, n) => {
      if (!piece || !/^[a-z0-9]+$/.test(piece)) return;
      const lb = n > 0 || left;
      const rb = n < pieces.length - 1 || right;
      if (lb && rb) conj.push([piece]);
      else if (lb && piece.length >= 3) conj.push([piece.slice(0, 4) + PREFIX]);
    });
    if (conj.length === 0) return undefined;
    out.push(conj);
  }
  return out;
}

function needsOfAlts(alts: Item[][], left: boolean, right: boolean): Gate {
  const out: Gate = [];
  for (const alt of alts) out.push(...needsOfSeq(alt, left, right));
  return out;
}

/** Both: every pair of conjunctions, joined; past MAX_CONJ the second side becomes one clause. */
function product(a: Gate, b: Gate): Gate {
  if (a.length * b.length <= MAX_CONJ) {
    const out: Gate = [];
    for (const x of a) for (const y of b) out.push([...x, ...y]);
    return out;
  }
  const one = asClause(b);
  return one ? a.map((x) => [...x, one]) : a;
}

/** One clause that any conjunction of the gate satisfies (a token of each), or undefined if one of them needs nothing. */
function asClause(g: Gate): string[] | undefined {
  const out = new Set<string>();
  for (const conj of g) {
    if (conj.length === 0) return undefined;
    let best = conj[0]!;
    for (const c of conj) if (c.length < best.length) best = c;
    for (const t of best) out.add(t);
  }
  return [...out];
}

/**
 * The gate of a pattern, or undefined when it would let every post through (some alternative
 * needs no word) or the pattern uses flags or syntax this reading does not know.
 */
export function patternGate(re: RegExp): Gate | undefined {
  if (re.flags.replace('g', '') !== '') return undefined;
  let alts: Item[][];
  try {
    alts = itemsOf(parseSource(re.source));
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
  const gate = needsOfAlts(alts, false, false).map((conj) => dedupe(conj));
  if (gate.some((conj) => conj.length === 0)) return undefined;
  return gate;
}

function dedupe(conj: string[][]): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const c of conj) {
    const key = [...new Set(c)].sort().join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([...new Set(c)]);
  }
  return out;
}

// --- gates as text, so the build can read them once (features.ts, scripts/build.ts) ---
// Tokens are a-z 0-9 words, "word*" prefixes or #currency / #digit: none holds ';', ',' or '|'.

/** A gate as one line: conjunctions split by ';', clauses by ',', tokens by '|'; '' for none. */
export function encodeGate(g: Gate | undefined): string {
  return g ? g.map((conj) => conj.map((clause) => clause.join('|')).join(',')).join(';') : '';
}

/** encodeGate's line read back. */
export function decodeGate(line: string): Gate | undefined {
  return line ? line.split(';').map((conj) => conj.split(',').map((clause) => clause.split('|'))) : undefined;
}
