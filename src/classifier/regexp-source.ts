// The rules' patterns read as syntax trees, at build time: word-gates.ts reads from them the words
// a post cannot match without, phrases.ts the alternatives it matches by lookup. One reader, so
// that both read a pattern the same way.
//
// The tree is exact for the subset of regexp source the rules are written in (no flags but g):
// characters and escapes of them, \b \B \d \D \w \W \s \S, classes with ranges and negation, the
// dot, ^ and $, groups (capturing, named, non-capturing, lookahead, lookbehind), alternation and
// repeats (? * + {n} {n,} {n,m}, lazy or not). Anything else throws Unsupported, saying what and
// where: backreferences, \p{…}, \c, \k, \0, escapes of letters with no meaning, braces and
// brackets read as characters, repeats of assertions, unbalanced parentheses. A reader that
// must be exact refuses the pattern then; one that may be lenient just learns nothing from it.

/** A character, by its UTF-16 code; `escape`: what followed the backslash, if it was written as an escape ('n', 'u', '.'). */
export interface Char {
  k: 'char';
  code: number;
  escape?: string;
}
/** \d \D \w \W \s \S. */
export interface Shorthand {
  k: 'shorthand';
  name: 'd' | 'D' | 'w' | 'W' | 's' | 'S';
}
export type ClassMember = Char | Shorthand | { k: 'range'; from: Char; to: Char };
export type Atom =
  | Char
  | Shorthand
  | { k: 'class'; negated: boolean; members: ClassMember[] }
  | { k: 'dot' }
  | { k: 'assert'; kind: 'b' | 'B' | '^' | '$' }
  /** A group: `capture` for ( … ) and (?<name> … ), whose name is then `name`. */
  | { k: 'group'; capture: boolean; name?: string; alts: Term[][] }
  | { k: 'look'; behind: boolean; negated: boolean; alts: Term[][] };
/** An atom taken min to max times (max Infinity for * and +); 1 to 1 when it has no repeat. */
export interface Term {
  atom: Atom;
  min: number;
  max: number;
  lazy: boolean;
}

/** Syntax outside the subset: what it is, and where in the source. */
export class Unsupported extends Error {
  constructor(
    what: string,
    readonly at: number,
    readonly source: string,
  ) {
    super(`regexp source: ${what} at ${at} of /${source}/`);
  }
}

/** ASCII punctuation (what an escape of it stands for: itself). */
function isPunct(e: string): boolean {
  const c = e.charCodeAt(0);
  return e.length === 1 && ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126));
}

/** A pattern source as its alternatives, each a sequence of terms; throws Unsupported. */
export function parseSource(src: string): Term[][] {
  let i = 0;
  function fail(what: string, at = i): never {
    throw new Unsupported(what, at, src);
  }
  function alts(): Term[][] {
    const out = [seq()];
    while (src[i] === '|') {
      i++;
      out.push(seq());
    }
    return out;
  }
  function seq(): Term[] {
    const out: Term[] = [];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      const atom = atomAt();
      const c = src[i];
      let min = 1;
      let max = 1;
      if (c === '?' || c === '*' || c === '+') {
        i++;
        min = c === '+' ? 1 : 0;
        max = c === '?' ? 1 : Infinity;
      } else if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
        // Not a repeat: the regexp reads a character '{' (the web's old leniency, Annex B), which no rule means.
        if (!m) fail('a brace that is not a repeat');
        i += m[0].length;
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
        if (max < min) fail('a repeat out of order');
      } else {
        out.push({ atom, min, max, lazy: false });
        continue;
      }
      if (atom.k === 'assert' || atom.k === 'look') fail('a repeated assertion');
      const lazy = src[i] === '?';
      if (lazy) i++;
      out.push({ atom, min, max, lazy });
    }
    return out;
  }
  function atomAt(): Atom {
    const c = src[i]!;
    if (c === '(') return group();
    if (c === '[') return charClass();
    const e = src[i + 1];
    if (c === '\\' && (e === 'b' || e === 'B')) {
      i += 2;
      return { k: 'assert', kind: e };
    }
    if (c === '\\') return escape();
    if ('*+?{'.includes(c)) fail('nothing to repeat');
    if (c === '}' || c === ']') fail(`a lone '${c}'`);
    i++;
    if (c === '.') return { k: 'dot' };
    if (c === '^' || c === '$') return { k: 'assert', kind: c };
    return { k: 'char', code: c.charCodeAt(0) };
  }
  function group(): Atom {
    const open = i++;
    const named = /^\?<([A-Za-z_$][\w$]*)>/.exec(src.slice(i));
    const head = named ? named[0] : (['?:', '?=', '?!', '?<=', '?<!'].find((h) => src.startsWith(h, i)) ?? '');
    if (!head && src[i] === '?') fail('a group of an unknown kind', open);
    i += head.length;
    const inner = alts();
    if (src[i] !== ')') fail('an unclosed group', open);
    i++;
    if (named) return { k: 'group', capture: true, name: named[1]!, alts: inner };
    if (head === '' || head === '?:') return { k: 'group', capture: head === '', alts: inner };
    return { k: 'look', behind: head.length === 3, negated: head.endsWith('!'), alts: inner };
  }
  /** An escape at i (the backslash) that stands for characters; in a class, \b is a backspace. */
  function escape(): Char | Shorthand {
    const at = i;
    const e = src[i + 1];
    if (e === undefined) fail('a trailing backslash');
    i += 2;
    if (e === 'd' || e === 'D' || e === 'w' || e === 'W' || e === 's' || e === 'S') return { k: 'shorthand', name: e };
    if (e === 'b') return { k: 'char', code: 8, escape: e };
    const control = 'nrtfv'.indexOf(e);
    if (control >= 0) return { k: 'char', code: [10, 13, 9, 12, 11][control]!, escape: e };
    if (e === 'u' || e === 'x') {
      // A character by its code (the bundler writes non-ASCII characters so: ’ as \u2019).
      const hex = src.slice(i, i + (e === 'u' ? 4 : 2));
      if (hex.length !== (e === 'u' ? 4 : 2) || !/^[0-9a-fA-F]+$/.test(hex)) fail(`\\${e} without its hex digits`, at);
      i += hex.length;
      return { k: 'char', code: parseInt(hex, 16), escape: e };
    }
    if (isPunct(e)) return { k: 'char', code: e.charCodeAt(0), escape: e };
    // \1 (a backreference), \p{…}, \c, \k<…>, \0, and a letter escaped for nothing ('\a' reads 'a').
    return fail(`the escape \\${e}`, at);
  }
  function charClass(): Atom {
    i++;
    const negated = src[i] === '^';
    if (negated) i++;
    const members: ClassMember[] = [];
    const one = (): Char | Shorthand => (src[i] === '\\' ? escape() : { k: 'char', code: src.charCodeAt(i++) });
    while (i < src.length && src[i] !== ']') {
      const from = one();
      if (src[i] === '-' && i + 1 < src.length && src[i + 1] !== ']') {
        i++;
        const to = one();
        // [\d-x] reads \d, '-' and 'x' (the web's old leniency, Annex B), which no rule means.
        if (from.k !== 'char' || to.k !== 'char') fail('a range from or to a class');
        if (from.code > to.code) fail('a range out of order');
        members.push({ k: 'range', from, to });
      } else members.push(from);
    }
    if (src[i] !== ']') fail('an unclosed class');
    i++;
    return { k: 'class', negated, members };
  }
  const out = alts();
  if (i !== src.length) fail(`an unmatched ')'`);
  return out;
}
