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
// does not understand just adds no requirement. So a gate can only be too open, never too closed.
// test/unit/classifier/word-gates.test.ts checks it against every rule's matches on the data too.

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

class Unreadable extends Error {}

const isBreakChar = (c: string) => !/^[a-zA-Z0-9]$/.test(c);
const CURRENCY_CHARS = '$€£¥';
const UNKNOWN: Atom = { t: 'set', breaks: false, currency: false, digit: false };

/** Parse a regex source (flags: none) into alternatives of items. Throws Unreadable on what it does not know. */
function parse(src: string): Item[][] {
  let i = 0;
  function alts(): Item[][] {
    const out: Item[][] = [seq()];
    while (src[i] === '|') {
      i++;
      out.push(seq());
    }
    return out;
  }
  function seq(): Item[] {
    const items: Item[] = [];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      const atom = atomAt();
      const [min, max] = quantifier();
      items.push({ atom, min, max });
    }
    return items;
  }
  function quantifier(): [number, number] {
    let q: [number, number] = [1, 1];
    const c = src[i];
    if (c === '?') q = [0, 1];
    else if (c === '*') q = [0, Infinity];
    else if (c === '+') q = [1, Infinity];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (!m) return q;
      i += m[0].length;
      const lo = Number(m[1]);
      const hi = m[2] === undefined ? lo : m[3] === '' ? Infinity : Number(m[3]);
      if (src[i] === '?') i++;
      return [lo, hi];
    } else return q;
    i++;
    if (src[i] === '?') i++;
    return q;
  }
  function atomAt(): Atom {
    const c = src[i]!;
    if (c === '(') {
      i++;
      let look = false;
      if (src.startsWith('?:', i)) i += 2;
      else if (src.startsWith('?=', i) || src.startsWith('?!', i)) {
        i += 2;
        look = true;
      } else if (src.startsWith('?<=', i) || src.startsWith('?<!', i)) {
        i += 3;
        look = true;
      } else if (src[i] === '?') throw new Unreadable('group kind');
      const inner = alts();
      if (src[i] !== ')') throw new Unreadable('unclosed group');
      i++;
      return look ? { t: 'assert', kind: 'look' } : { t: 'group', alts: inner };
    }
    if (c === '[') return charClass();
    if (c === '\\') return escape(false) as Atom;
    i++;
    if (c === '.') return UNKNOWN;
    if (c === '^' || c === '$') return { t: 'assert', kind: c };
    if (c === ')' || c === '|' || c === '?' || c === '*' || c === '+') throw new Unreadable('stray ' + c);
    return { t: 'char', c };
  }
  /** An escape at i (the backslash); in a class, \b is a backspace character. */
  function escape(inClass: boolean): Atom {
    const e = src[i + 1];
    if (e === undefined) throw new Unreadable('trailing backslash');
    i += 2;
    if (e === 'b') return inClass ? { t: 'char', c: '\b' } : { t: 'assert', kind: 'b' };
    if (e === 'B') return inClass ? UNKNOWN : { t: 'assert', kind: 'B' };
    if (e === 'd') return { t: 'set', breaks: false, currency: false, digit: true };
    if (e === 's' || e === 'W') return { t: 'set', breaks: true, currency: false, digit: false };
    if (e === 'w' || e === 'D' || e === 'S') return UNKNOWN;
    if (e === 'n') return { t: 'char', c: '\n' };
    if (e === 't') return { t: 'char', c: '\t' };
    if (e === 'r') return { t: 'char', c: '\r' };
    if (e === 'f') return { t: 'char', c: '\f' };
    if (e === 'v') return { t: 'char', c: '\v' };
    if (e === 'u' || e === 'x') {
      const n = e === 'u' ? 4 : 2;
      const hex = src.slice(i, i + n);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== n) throw new Unreadable('escape');
      i += n;
      return { t: 'char', c: String.fromCharCode(parseInt(hex, 16)) };
    }
    if (/[0-9ckpPq]/.test(e)) throw new Unreadable('escape \\' + e);
    return { t: 'char', c: e };
  }
  function charClass(): Atom {
    i++;
    let negated = false;
    if (src[i] === '^') {
      negated = true;
      i++;
    }
    let breaks = true;
    let currency = true;
    let digit = true;
    let empty = true;
    while (i < src.length && src[i] !== ']') {
      empty = false;
      let a: Atom;
      if (src[i] === '\\') a = escape(true);
      else a = { t: 'char', c: src[i++]! };
      if (src[i] === '-' && src[i + 1] !== ']' && i + 1 < src.length) {
        // A range: only what it spans is known by its ends; any range is taken as unknown but digits.
        i++;
        let b: Atom;
        if (src[i] === '\\') b = escape(true);
        else b = { t: 'char', c: src[i++]! };
        const isDigits = a.t === 'char' && b.t === 'char' && a.c >= '0' && b.c <= '9' && a.c <= b.c;
        breaks = false;
        currency = false;
        if (!isDigits) digit = false;
        continue;
      }
      if (a.t === 'char') {
        if (!isBreakChar(a.c)) breaks = false;
        if (!CURRENCY_CHARS.includes(a.c)) currency = false;
        if (!(a.c >= '0' && a.c <= '9')) digit = false;
      } else if (a.t === 'set') {
        breaks &&= a.breaks;
        currency &&= a.currency;
        digit &&= a.digit;
      } else throw new Unreadable('class member');
    }
    if (src[i] !== ']') throw new Unreadable('unclosed class');
    i++;
    if (negated || empty) return UNKNOWN;
    return { t: 'set', breaks, currency, digit };
  }
  const out = alts();
  if (i !== src.length) throw new Unreadable('trailing ' + src.slice(i));
  return out;
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
    alts = parse(re.source);
  } catch (e) {
    if (e instanceof Unreadable) return undefined;
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
