// Word phrases read by lookup instead of by regexp (issue 12: the background worker's heap).
//
// V8 compiles each regexp to native code, about 150 bytes per word of an alternation and more
// for what follows a choice: the rules' patterns came to about 0.75 MB of the worker's heap. Most
// of their alternatives are phrases ("lowest price", "(?:get|buy) (?:your )?tickets", "now
// [$€£]\s?[\d,.]+"): words, spaces and punctuation, choices, optional parts, classes. Those are
// taken out of the pattern here and matched by a small program instead, found from the words of
// the post (features.ts files each phrase under its first words in its word table, read in the
// same pass that reads the triggers); what is left of the pattern, if anything, stays a regexp.
//
// Nothing is written twice: the phrases are read from the rule's own pattern, and a rule is found
// when the pattern would match anywhere in the text, which is when one of its phrases matches or
// the rest of the pattern does (alternatives are independent; `\b(?:A|B)` is `\b(?:A)|\b(?:B)`).
// A program takes its choices in the order the regexp tries them, so that where it matches first
// it ends where the regexp's match would (features.ts quotes it as the regexp's exec would).
// test/unit/classifier/phrases.test.ts compares the two on the data and on crafted text.
//
// A phrase qualifies when its alternative opens with \b and a word (a-z, 0-9) that ends before a
// character that is not one, or before an assertion (so the match starts where a word of the post
// starts, and that word is one of the phrase's first words), and holds only literal characters,
// non-capturing groups, classes, greedy repeats (of a class or character; of a group at most 4
// times), \b, ^, $ and lookaheads. It is read from the tree regexp-source.ts gives (word-gates.ts
// reads the same): what that reader refuses is not a phrase, nor is what the tree holds beyond this.

import { parseSource, Unsupported, type Atom, type Char, type ClassMember, type Shorthand, type Term } from './regexp-source';
import { isAlnumCode, isWordCode } from './char-codes';

/** Program: each node starts with its kind. */
const MATCH = 0; // [MATCH]
const LIT = 1; // [LIT, pool offset, length, next]
const SPLIT = 2; // [SPLIT, n, next₁ … nextₙ]
const BOUND = 3; // [BOUND, next]: \b
const NOT_ALNUM = 4; // [NOT_ALNUM, next]: (?![a-z0-9])
const BEGIN = 5; // [BEGIN, next]: ^
const END = 6; // [END, next]: $
const CLASS = 7; // [CLASS, class offset, min, max, next]: a character class, repeated (greedy)
const LOOK = 8; // [LOOK, 1 if negative, entry, next]: a lookahead

type Node =
  | { k: 'lit'; s: string }
  | { k: 'alt'; alts: Node[][] }
  | { k: 'assert'; a: typeof BOUND | typeof NOT_ALNUM | typeof BEGIN | typeof END }
  /** Characters in any of the ranges (or none, if negated), min to max times. */
  | { k: 'class'; ranges: number[]; neg: boolean; min: number; max: number }
  | { k: 'look'; neg: boolean; alts: Node[][] };

/** JavaScript's \s, as ranges. */
const SPACE_RANGES = [9, 13, 32, 32, 0xa0, 0xa0, 0x1680, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f, 0x202f, 0x205f, 0x205f, 0x3000, 0x3000, 0xfeff, 0xfeff];
const DIGIT_RANGES = [48, 57];
const WORD_RANGES = [48, 57, 65, 90, 95, 95, 97, 122];
/** Repeats as many times as a text could hold (for * and +). */
const MANY = 0x7fffffff;

/** An alternative that is not a phrase (by the tree's mapping below). */
class NotPhrase extends Error {}

/** An alternative of the phrase subset, mapped from its syntax tree (regexp-source.ts), or throws NotPhrase / Unsupported. */
function parse(src: string): Node[] {
  const out = parseSource(src).map(seq);
  return out.length === 1 ? out[0]! : [{ k: 'alt', alts: out }];
}
function seq(terms: Term[]): Node[] {
  const out: Node[] = [];
  for (const { atom, min, max: upTo, lazy } of terms) {
    const node = nodeOf(atom);
    // Greedy only: taken as often as it can be first, as the regexp tries it (phraseEnd follows the same order).
    if (lazy) throw new NotPhrase();
    if (min === 1 && upTo === 1) {
      out.push(node);
      continue;
    }
    const max = upTo === Infinity ? MANY : upTo;
    if (node.k === 'class') out.push({ ...node, min, max });
    else if (node.k === 'lit' && max > 1) {
      const c = node.s.charCodeAt(0);
      out.push({ k: 'class', ranges: [c, c], neg: false, min, max });
    } else if (max <= 4) {
      // A group (or character) a few times: the copies it must take, then each further copy optional within the one before.
      for (let n = 0; n < min; n++) out.push(node);
      let tail: Node[] = [];
      for (let n = min; n < max; n++) tail = [{ k: 'alt', alts: [[node, ...tail], []] }];
      out.push(...tail);
    } else throw new NotPhrase();
  }
  return out;
}
/** A character's code; control escapes (\n, \t …) are not taken, as the phrases never took them ([^.!?\n]{0,60} stays a regexp). */
function codeOf(c: Char): number {
  if (c.escape && 'nrtfv'.includes(c.escape)) throw new NotPhrase();
  return c.code;
}
function rangesOf(s: Shorthand): number[] {
  const n = s.name.toLowerCase();
  return n === 'd' ? DIGIT_RANGES : n === 'w' ? WORD_RANGES : SPACE_RANGES;
}
/** Whether a lookahead is (?![a-z0-9]), written so: the end of a word, an assertion of its own. */
function isNotAlnum(a: Atom & { k: 'look' }): boolean {
  const [term, ...more] = a.alts.length === 1 ? a.alts[0]! : [];
  if (!term || more.length || term.min !== 1 || term.max !== 1 || term.atom.k !== 'class' || term.atom.negated) return false;
  const m = term.atom.members;
  const is = (r: ClassMember | undefined, from: string, to: string) => r?.k === 'range' && !r.from.escape && !r.to.escape && r.from.code === from.charCodeAt(0) && r.to.code === to.charCodeAt(0);
  return !a.behind && a.negated && m.length === 2 && is(m[0], 'a', 'z') && is(m[1], '0', '9');
}
function nodeOf(a: Atom): Node {
  switch (a.k) {
    case 'char':
      return { k: 'lit', s: String.fromCharCode(codeOf(a)) };
    case 'shorthand':
      return { k: 'class', ranges: rangesOf(a), neg: a.name !== a.name.toLowerCase(), min: 1, max: 1 };
    case 'dot':
      return { k: 'class', ranges: [10, 10, 13, 13, 0x2028, 0x2029], neg: true, min: 1, max: 1 };
    case 'assert':
      if (a.kind === 'B') throw new NotPhrase();
      return { k: 'assert', a: a.kind === 'b' ? BOUND : a.kind === '^' ? BEGIN : END };
    case 'look':
      if (isNotAlnum(a)) return { k: 'assert', a: NOT_ALNUM };
      if (a.behind) throw new NotPhrase();
      return { k: 'look', neg: a.negated, alts: a.alts.map(seq) };
    case 'group':
      if (a.capture) throw new NotPhrase();
      return { k: 'alt', alts: a.alts.map(seq) };
    case 'class': {
      const ranges: number[] = [];
      for (const m of a.members) {
        if (m.k === 'char') ranges.push(codeOf(m), codeOf(m));
        else if (m.k === 'range') ranges.push(codeOf(m.from), codeOf(m.to));
        // \D \W \S in a class: not as ranges here.
        else if (m.name === m.name.toLowerCase()) ranges.push(...rangesOf(m));
        else throw new NotPhrase();
      }
      if (ranges.length === 0) throw new NotPhrase();
      return { k: 'class', ranges, neg: a.negated, min: 1, max: 1 };
    }
  }
}

/**
 * Walks a pattern source from `from`, past escapes and character classes: `visit` sees each other
 * character with the group depth after it (a '(' counts in, a ')' out) and returns true to stop
 * there. The index it stopped at, or −1.
 */
function walkGroups(src: string, from: number, visit: (i: number, depth: number) => boolean): number {
  let depth = 0;
  let inClass = false;
  for (let i = from; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    if (visit(i, depth)) return i;
  }
  return -1;
}

/** The top-level alternatives of a pattern source. */
function topAlternatives(src: string): string[] {
  const out: string[] = [];
  let start = 0;
  walkGroups(src, 0, (i, depth) => {
    if (src[i] === '|' && depth === 0) {
      out.push(src.slice(start, i));
      start = i + 1;
    }
    return false;
  });
  out.push(src.slice(start));
  return out;
}

/** Where the group opening at `open` closes. */
function closeOf(src: string, open: number): number {
  return walkGroups(src, open, (i, depth) => src[i] === ')' && depth === 0);
}

/** Whether a source is assertions only (\b, $ and lookaheads): what may follow a group spread over its alternatives. */
function assertionsOnly(post: string): boolean {
  let i = 0;
  while (i < post.length) {
    if (post.startsWith('\\b', i)) i += 2;
    else if (post[i] === '$') i++;
    else if (post.startsWith('(?=', i) || post.startsWith('(?!', i)) {
      const close = closeOf(post, i);
      if (close < 0) return false;
      i = close + 1;
    } else return false;
  }
  return true;
}

/**
 * The pattern as independent alternatives, in order: its top-level ones, with a group that is the
 * whole of one but for \b before it and assertions after (`\b(?:A|B)\b`) spread into one per
 * alternative (`\b(?:A)\b`, `\b(?:B)\b`). Any text matches the pattern exactly when it matches one of them.
 */
export function alternativesOf(src: string): string[] {
  const out: string[] = [];
  for (const alt of topAlternatives(src)) {
    let open = 0;
    while (alt.startsWith('\\b', open)) open += 2;
    const pre = alt.slice(0, open);
    if (alt.startsWith('(?:', open)) {
      const close = closeOf(alt, open);
      const post = alt.slice(close + 1);
      if (close > 0 && !'?*+{'.includes(post[0] ?? '|') && assertionsOnly(post)) {
        for (const inner of topAlternatives(alt.slice(open + 3, close))) out.push(`${pre}(?:${inner})${post}`);
        continue;
      }
    }
    out.push(alt);
  }
  return out;
}

const isAlnum = (c: string) => c.length === 1 && isAlnumCode(c.charCodeAt(0));

/** A phrase: its program entry and its first words. */
interface Compiled {
  entry: number;
  firstWords: string[];
  /** Per first word: where the program goes on once that word is read (see `after`). */
  next: number[];
}

/** Programs not yet sealed (their node numbers start at `base`), and the literal characters of all phrases. */
const program: number[] = [];
let base = 0;
let pool = '';

function emit(seq: Node[], next: number): number {
  for (let k = seq.length - 1; k >= 0; k--) next = emitNode(seq[k]!, next);
  return next;
}
function emitNode(node: Node, next: number): number {
  const at = base + program.length;
  if (node.k === 'lit') {
    // Consecutive literals are merged by the caller (mergeLiterals).
    program.push(LIT, pool.length, node.s.length, next);
    pool += node.s;
  } else if (node.k === 'assert') program.push(node.a, next);
  else if (node.k === 'class') program.push(CLASS, node.min, node.max, next, node.neg ? 1 : 0, node.ranges.length / 2, ...node.ranges);
  else if (node.k === 'look') {
    const match = base + program.length;
    program.push(MATCH);
    const entry = emit([{ k: 'alt', alts: node.alts }], match);
    const here = base + program.length;
    program.push(LOOK, node.neg ? 1 : 0, entry, next);
    return here;
  } else {
    const entries = node.alts.map((alt) => emit(alt, next));
    const here = base + program.length;
    program.push(SPLIT, entries.length, ...entries);
    return here;
  }
  return at;
}

function mergeLiterals(seq: Node[]): Node[] {
  const out: Node[] = [];
  for (const n of seq) {
    const last = out[out.length - 1];
    if (n.k === 'lit' && last?.k === 'lit') out[out.length - 1] = { k: 'lit', s: last.s + n.s };
    else out.push(n.k === 'alt' || n.k === 'look' ? { ...n, alts: n.alts.map(mergeLiterals) } : n);
  }
  return out;
}

/**
 * The first words of a parsed alternative: every way it can start, up to the first character
 * that is not a-z 0-9 or an assertion after one. Undefined if it may start otherwise than with
 * \b and such a word, or ends within its first word, or has too many.
 */
function firstWordsOf(seq: Node[]): string[] | undefined {
  const out = new Set<string>();
  // Paths as (items left, word so far, \b seen before the word).
  let ok = true;
  function walk(items: Node[], word: string, bounded: boolean): void {
    if (!ok || out.size > 64) {
      ok = false;
      return;
    }
    if (items.length === 0) {
      // Ended inside (or before) the first word: the match may end in the middle of a word.
      ok = false;
      return;
    }
    const [head, ...rest] = items as [Node, ...Node[]];
    if (head.k === 'assert') {
      if (word === '') {
        if (head.a === BOUND) return walk(rest, word, true);
        ok = false;
        return;
      }
      if (head.a === BEGIN) {
        ok = false;
        return;
      }
      out.add(word); // \b, (?![a-z0-9]) or $ right after a word: it ends there.
      return;
    }
    if (head.k === 'alt') {
      for (const alt of head.alts) walk([...alt, ...rest], word, bounded);
      return;
    }
    if (head.k === 'look') {
      // Before the first word ends: not read here.
      ok = false;
      return;
    }
    if (head.k === 'class') {
      // A class ends the word only if it holds no a-z 0-9 (and something came before it).
      const alnum = head.neg || [[48, 57], [97, 122]].some(([lo, hi]) => head.ranges.some((_, k) => k % 2 === 0 && head.ranges[k]! <= hi! && head.ranges[k + 1]! >= lo!));
      if (alnum || word === '') {
        ok = false;
        return;
      }
      out.add(word);
      if (head.min === 0) walk(rest, word, bounded);
      return;
    }
    let w = word;
    for (let k = 0; k < head.s.length; k++) {
      const c = head.s[k]!;
      if (isAlnum(c)) {
        if (!bounded) {
          ok = false;
          return;
        }
        w += c;
        continue;
      }
      if (w === '') {
        ok = false;
        return;
      }
      out.add(w);
      return;
    }
    walk(rest, w, bounded);
  }
  walk(seq, '', false);
  return ok && out.size > 0 ? [...out] : undefined;
}

/** An alternative read as a phrase (its nodes and first words), or undefined if it is not one. */
function read(alt: string): { seq: Node[]; firstWords: string[] } | undefined {
  let seq: Node[];
  try {
    seq = mergeLiterals(parse(alt));
  } catch (e) {
    if (e instanceof NotPhrase || e instanceof Unsupported) return undefined;
    throw e;
  }
  const firstWords = firstWordsOf(seq);
  return firstWords ? { seq, firstWords } : undefined;
}

function compile(alt: string): Compiled | undefined {
  const r = read(alt);
  if (!r) return undefined;
  const match = base + program.length;
  program.push(MATCH);
  const entry = emit(r.seq, match);
  return { entry, firstWords: r.firstWords, next: r.firstWords.map((w) => after(entry, w)) };
}

/**
 * The program from `entry` once `word` is read at its start (the \b before it checked by the
 * caller): the places it may go on from, in the order the regexp would try them, under one
 * choice if several. A literal cut by the word's end goes on as the rest of it.
 */
function after(entry: number, word: string): number {
  const states: number[] = [];
  const at = (pc: number) => program[pc - base]!;
  function walk(pc: number, k: number): void {
    if (k === word.length) {
      states.push(pc);
      return;
    }
    const op = at(pc);
    if (op === LIT) {
      const off = at(pc + 1);
      const len = at(pc + 2);
      const m = Math.min(len, word.length - k);
      if (pool.slice(off, off + m) !== word.slice(k, k + m)) return;
      if (m === len) return walk(at(pc + 3), k + len);
      const rest = base + program.length;
      program.push(LIT, off + m, len - m, at(pc + 3));
      states.push(rest);
    } else if (op === SPLIT) {
      for (let b = 0; b < at(pc + 1); b++) walk(at(pc + 2 + b), k);
    } else if (op === BOUND && k === 0) walk(at(pc + 1), k);
    // A class within a first word holds no a-z 0-9 (firstWordsOf): the word goes on only where it may be skipped.
    else if (op === CLASS && at(pc + 1) === 0) walk(at(pc + 3), k);
    else if (op === LOOK) throw new Error('phrase: a lookahead within the first word');
    // A \b or (?![a-z0-9]) inside the word, its end, or ^ past the start: no way on. (^ at the start: see firstWordsOf.)
    else if (op === BEGIN && k === 0) throw new Error('phrase: ^ before the first word');
  }
  walk(entry, 0);
  if (states.length === 0) throw new Error(`phrase: no way to read '${word}'`);
  if (states.length === 1) return states[0]!;
  const split = base + program.length;
  program.push(SPLIT, states.length, ...states);
  return split;
}

/** What splitPhrases leaves of a pattern as a regexp source ('' for nothing), without compiling its phrases. */
export function phraseRest(re: RegExp): string {
  if (re.flags.replace('g', '') !== '') return re.source;
  return alternativesOf(re.source).filter((alt) => !read(alt)).join('|');
}

/**
 * Words of which every way on from `next` (a place `after` gave) holds one whole, between
 * characters that are not a-z 0-9 or assertions that end a word: the longest word all ways hold,
 * or else the longest of each way; undefined if some way holds none (or there are too many ways).
 * Where the phrase matches, the post has one of these words, so it may be skipped in a post without.
 */
export function requiredAfter(next: number): string[] | undefined {
  const at = (pc: number) => program[pc - base]!;
  // Each way on as text, assertions as '\u0001'; at most 256 ways.
  const ways: string[] = [];
  let ok = true;
  function walk(pc: number, text: string): void {
    if (!ok) return;
    if (ways.length >= 256) {
      ok = false;
      return;
    }
    const op = at(pc);
    if (op === MATCH) ways.push(text);
    else if (op === LIT) walk(at(pc + 3), text + pool.slice(at(pc + 1), at(pc + 1) + at(pc + 2)));
    else if (op === SPLIT) for (let b = 0; b < at(pc + 1); b++) walk(at(pc + 2 + b), text);
    // A class may add letters to the words beside it ('\u0002': neither is whole); a lookahead adds nothing.
    else if (op === CLASS) walk(at(pc + 3), text + '\u0002');
    else if (op === LOOK) walk(at(pc + 3), text);
    else walk(at(pc + 1), text + '\u0001');
  }
  walk(next, '');
  if (!ok || ways.length === 0) return undefined;
  const perWay = ways.map((way) => {
    // Words closed on both sides: not the run glued to the first word, nor one the way ends within.
    // Runs of a-z 0-9 and the characters between them, as split(/([^a-z0-9])/) gives them.
    const runs: string[] = [];
    let run = '';
    for (let k = 0; k < way.length; k++) {
      const c = way[k]!;
      if (isAlnum(c)) run += c;
      else runs.push(run, c), (run = '');
    }
    runs.push(run);
    const words: string[] = [];
    for (let k = 2; k + 1 < runs.length; k += 2) if (runs[k] && runs[k - 1] !== '\u0002' && runs[k + 1] !== '\u0002') words.push(runs[k]!);
    return words;
  });
  const longest = (ws: string[]) => ws.reduce<string | undefined>((b, w) => (!b || w.length > b.length ? w : b), undefined);
  const common = longest(perWay[0]!.filter((w) => perWay.every((ws) => ws.includes(w))));
  if (common) return [common];
  const any = new Set<string>();
  for (const ws of perWay) {
    const w = longest(ws);
    if (!w) return undefined;
    any.add(w);
  }
  return any.size <= 32 ? [...any] : undefined;
}

/** A rule's pattern split into phrases (by their first words) and the rest, a pattern source or ''. */
export interface PhraseSplit {
  /** Per phrase: its program entry, its first words, and per first word where the program goes on after it. */
  phrases: { entry: number; firstWords: string[]; next: number[] }[];
  rest: string;
}

/**
 * Split a pattern (no flags but g) into phrases and the rest. The phrases' programs are added to
 * this module's program; call `sealPhrases` once every rule is split.
 */
export function splitPhrases(re: RegExp): PhraseSplit {
  if (re.flags.replace('g', '') !== '') return { phrases: [], rest: re.source };
  const phrases: PhraseSplit['phrases'] = [];
  const rest: string[] = [];
  for (const alt of alternativesOf(re.source)) {
    const c = compile(alt);
    if (c) phrases.push(c);
    else rest.push(alt);
  }
  return { phrases, rest: rest.join('|') };
}

let PROGRAM = new Int32Array(0);
/** The literal characters, as codes (a string built piece by piece is read slowly until flattened). */
let POOL = new Uint16Array(0);
/** The sealed programs and their literal characters, as the build writes them (features.ts). */
export function programData(): { program: number[]; pool: string } {
  return { program: [...PROGRAM], pool };
}

/** Take the programs as programData gave them (from the build): nothing is parsed. */
export function loadProgram(data: { program: number[]; pool: string }): void {
  PROGRAM = Int32Array.from(data.program);
  base = PROGRAM.length;
  program.length = 0;
  pool = data.pool;
  POOL = Uint16Array.from(pool, (c) => c.charCodeAt(0));
}

/** Freeze the programs into their typed form (after every splitPhrases). */
export function sealPhrases(): void {
  const all = new Int32Array(base + program.length);
  all.set(PROGRAM);
  all.set(program, base);
  PROGRAM = all;
  base = all.length;
  POOL = Uint16Array.from(pool, (c) => c.charCodeAt(0));
  program.length = 0;
}

/** Whether the phrase at `entry` matches in t starting at `pos` (every way of taking its choices). */
export function phraseAt(entry: number, t: string, pos: number): boolean {
  return phraseEnd(entry, t, pos) >= 0;
}

/**
 * Where the phrase at `entry`, matched in t from `pos`, ends, or −1: its choices taken in the
 * order the regexp tries them (alternatives left to right, an optional part taken first), so
 * that this is where the regexp's match at `pos` would end.
 */
export function phraseEnd(entry: number, t: string, pos: number): number {
  const P = PROGRAM;
  let pc = entry;
  for (;;) {
    switch (P[pc]) {
      case MATCH:
        return pos;
      case LIT: {
        const off = P[pc + 1]!;
        const len = P[pc + 2]!;
        if (pos + len > t.length) return -1;
        for (let k = 0; k < len; k++) if (t.charCodeAt(pos + k) !== POOL[off + k]) return -1;
        pos += len;
        pc = P[pc + 3]!;
        break;
      }
      case SPLIT: {
        // Most choices are words that fail at their first character: that is read here, without a call.
        const n = P[pc + 1]!;
        const c = pos < t.length ? t.charCodeAt(pos) : -1;
        for (let b = 0; b < n - 1; b++) {
          const to = P[pc + 2 + b]!;
          if (P[to] === LIT && POOL[P[to + 1]!] !== c) continue;
          const end = phraseEnd(to, t, pos);
          if (end >= 0) return end;
        }
        pc = P[pc + 2 + n - 1]!;
        break;
      }
      case BOUND: {
        const before = pos > 0 && isWordCode(t.charCodeAt(pos - 1));
        const after = pos < t.length && isWordCode(t.charCodeAt(pos));
        if (before === after) return -1;
        pc = P[pc + 1]!;
        break;
      }
      case NOT_ALNUM:
        if (pos < t.length && isAlnumCode(t.charCodeAt(pos))) return -1;
        pc = P[pc + 1]!;
        break;
      case CLASS: {
        const min = P[pc + 1]!;
        const max = P[pc + 2]!;
        const next = P[pc + 3]!;
        let n = 0;
        while (n < max && pos + n < t.length && inClass(P, pc + 4, t.charCodeAt(pos + n))) n++;
        if (n < min) return -1;
        // Greedy: the longest run first, as the regexp backtracks.
        for (let k = n; k > min; k--) {
          const end = phraseEnd(next, t, pos + k);
          if (end >= 0) return end;
        }
        pos += min;
        pc = next;
        break;
      }
      case LOOK:
        if ((phraseEnd(P[pc + 2]!, t, pos) >= 0) === (P[pc + 1] === 1)) return -1;
        pc = P[pc + 3]!;
        break;
      case BEGIN:
        if (pos !== 0) return -1;
        pc = P[pc + 1]!;
        break;
      case END:
        if (pos !== t.length) return -1;
        pc = P[pc + 1]!;
        break;
      default:
        throw new Error('phrase program');
    }
  }
}

/** Whether a character is in the class at `at` ([1 if negated, ranges, lo, hi…]). */
function inClass(P: Int32Array, at: number, c: number): boolean {
  const n = P[at + 1]!;
  let inside = false;
  for (let k = 0; k < n; k++) {
    if (c >= P[at + 2 + 2 * k]! && c <= P[at + 3 + 2 * k]!) {
      inside = true;
      break;
    }
  }
  return inside !== (P[at] === 1);
}

/** For the tests: whether any of the phrases matches in t, reading every word of t (no word table). */
export function anyPhraseIn(split: PhraseSplit, t: string): boolean {
  for (let s = 0; s < t.length; s++) {
    if (!isAlnumCode(t.charCodeAt(s)) || (s > 0 && isAlnumCode(t.charCodeAt(s - 1)))) continue;
    let e = s;
    while (e < t.length && isAlnumCode(t.charCodeAt(e))) e++;
    const word = t.slice(s, e);
    for (const p of split.phrases) if (p.firstWords.includes(word) && phraseAt(p.entry, t, s)) return true;
  }
  return false;
}

/**
 * For the tests: texts a phrase reads (up to `max`), one per way through its choices, a class
 * taken as few times as it may and once more, by a character it holds. Assertions and lookaheads
 * are not satisfied on purpose: a text may or may not match.
 */
export function phraseSamples(entry: number, max: number): string[] {
  const P = PROGRAM;
  const out: string[] = [];
  function walk(pc: number, text: string): void {
    if (out.length >= max) return;
    switch (P[pc]) {
      case MATCH:
        out.push(text);
        return;
      case LIT:
        return walk(P[pc + 3]!, text + String.fromCharCode(...POOL.subarray(P[pc + 1]!, P[pc + 1]! + P[pc + 2]!)));
      case SPLIT:
        for (let b = 0; b < P[pc + 1]!; b++) walk(P[pc + 2 + b]!, text);
        return;
      case CLASS: {
        const min = P[pc + 1]!;
        let c = 0;
        for (const probe of [120, 49, 32, 44, 0x2019]) if (inClass(P, pc + 4, probe)) (c ||= probe);
        if (!c) c = P[pc + 6]!;
        walk(P[pc + 3]!, text + String.fromCharCode(c).repeat(min));
        if (P[pc + 2]! > min) walk(P[pc + 3]!, text + String.fromCharCode(c).repeat(min + 1));
        return;
      }
      case LOOK:
        return walk(P[pc + 3]!, text);
      default:
        return walk(P[pc + 1]!, text);
    }
  }
  walk(entry, '');
  return out;
}
