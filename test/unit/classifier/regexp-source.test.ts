// @vitest-environment node
// The one reader of the rules' pattern sources (word-gates.ts and phrases.ts map its trees): the
// trees it gives, what it refuses, and that a tree holds all of its source (printed back, it is the source).
import { describe, expect, it } from 'vitest';
import { parseSource, Unsupported, type Atom, type Char, type ClassMember, type Term } from '../../../src/classifier/regexp-source';
import { RULES } from '../../../src/classifier/rules';

const R = String.raw;
const ch = (c: string, escape?: string): Char => (escape === undefined ? { k: 'char', code: c.charCodeAt(0) } : { k: 'char', code: c.charCodeAt(0), escape });
const once = (atom: Atom): Term => ({ atom, min: 1, max: 1, lazy: false });
const word = (w: string): Term[] => [...w].map((c) => once(ch(c)));
const range = (from: string, to: string): ClassMember => ({ k: 'range', from: ch(from), to: ch(to) });

/** A tree written back as source: escapes as they were written, \x and \u in lower case. */
function print(alts: Term[][]): string {
  return alts.map((seq) => seq.map(term).join('')).join('|');
}
function term({ atom, min, max, lazy }: Term): string {
  const q = min === 1 && max === 1 ? '' : min === 0 && max === 1 ? '?' : max === Infinity ? (min === 0 ? '*' : min === 1 ? '+' : `{${min},}`) : min === max ? `{${min}}` : `{${min},${max}}`;
  return atomSource(atom) + q + (lazy ? '?' : '');
}
function charSource(c: Char): string {
  if (c.escape === 'x' || c.escape === 'u') return `\\${c.escape}${c.code.toString(16).padStart(c.escape === 'x' ? 2 : 4, '0')}`;
  return c.escape === undefined ? String.fromCharCode(c.code) : `\\${c.escape}`;
}
function atomSource(a: Atom): string {
  switch (a.k) {
    case 'char':
      return charSource(a);
    case 'shorthand':
      return `\\${a.name}`;
    case 'dot':
      return '.';
    case 'assert':
      return a.kind === 'b' || a.kind === 'B' ? `\\${a.kind}` : a.kind;
    case 'group':
      return `(${a.name !== undefined ? `?<${a.name}>` : a.capture ? '' : '?:'}${print(a.alts)})`;
    case 'look':
      return `(?${a.behind ? '<' : ''}${a.negated ? '!' : '='}${print(a.alts)})`;
    case 'class':
      return `[${a.negated ? '^' : ''}${a.members.map((m) => (m.k === 'range' ? `${charSource(m.from)}-${charSource(m.to)}` : m.k === 'char' ? charSource(m) : `\\${m.name}`)).join('')}]`;
  }
}

describe('parseSource', () => {
  const trees: Array<[string, Term[][]]> = [
    ['win', [word('win')]],
    ['a|b c|', [word('a'), word('b c'), []]],
    [R`\bwin\B`, [[once({ k: 'assert', kind: 'b' }), ...word('win'), once({ k: 'assert', kind: 'B' })]]],
    ['^a.$', [[once({ k: 'assert', kind: '^' }), once(ch('a')), once({ k: 'dot' }), once({ k: 'assert', kind: '$' })]]],
    [R`\d\D\w\W\s\S`, [['d', 'D', 'w', 'W', 's', 'S'].map((name) => once({ k: 'shorthand', name } as Atom))]],
    [R`\$\.\/\n\x41\u2019`, [[once(ch('$', '$')), once(ch('.', '.')), once(ch('/', '/')), once(ch('\n', 'n')), once(ch('A', 'x')), once(ch('’', 'u'))]]],
    [
      'a?b*c+d{2}e{2,}f{0,3}?g*?',
      [
        [
          { atom: ch('a'), min: 0, max: 1, lazy: false },
          { atom: ch('b'), min: 0, max: Infinity, lazy: false },
          { atom: ch('c'), min: 1, max: Infinity, lazy: false },
          { atom: ch('d'), min: 2, max: 2, lazy: false },
          { atom: ch('e'), min: 2, max: Infinity, lazy: false },
          { atom: ch('f'), min: 0, max: 3, lazy: true },
          { atom: ch('g'), min: 0, max: Infinity, lazy: true },
        ],
      ],
    ],
    [R`[^a-z0-9\d\b$-]`, [[once({ k: 'class', negated: true, members: [range('a', 'z'), range('0', '9'), { k: 'shorthand', name: 'd' }, ch('\b', 'b'), ch('$'), ch('-')] })]]],
    ['[-a][]', [[once({ k: 'class', negated: false, members: [ch('-'), ch('a')] }), once({ k: 'class', negated: false, members: [] })]]],
    [
      '(?:a|b)(c)(?<name>d)',
      [
        [
          once({ k: 'group', capture: false, alts: [word('a'), word('b')] }),
          once({ k: 'group', capture: true, alts: [word('c')] }),
          once({ k: 'group', capture: true, name: 'name', alts: [word('d')] }),
        ],
      ],
    ],
    [
      '(?=a)(?!b)(?<=c)(?<!d)',
      [
        [
          once({ k: 'look', behind: false, negated: false, alts: [word('a')] }),
          once({ k: 'look', behind: false, negated: true, alts: [word('b')] }),
          once({ k: 'look', behind: true, negated: false, alts: [word('c')] }),
          once({ k: 'look', behind: true, negated: true, alts: [word('d')] }),
        ],
      ],
    ],
    [R`\b(?:give ?aways?)\b`, [[once({ k: 'assert', kind: 'b' }), once({ k: 'group', capture: false, alts: [[...word('give'), { atom: ch(' '), min: 0, max: 1, lazy: false }, ...word('away'), { atom: ch('s'), min: 0, max: 1, lazy: false }]] }), once({ k: 'assert', kind: 'b' })]]],
  ];
  it.each(trees)('reads %s', (src, tree) => {
    expect(parseSource(src)).toEqual(tree);
  });

  const refused: Array<[string, string]> = [
    [R`(\w+) \1`, R`the escape \1 at 6`],
    [R`\p{L}`, R`the escape \p at 0`],
    [R`\k<a>`, R`the escape \k`],
    [R`\cJ`, R`the escape \c`],
    [R`\0`, R`the escape \0`],
    [R`\a`, R`the escape \a`],
    [R`\’`, R`the escape \’`],
    [R`\u{41}`, R`\u without its hex digits`],
    [R`\x4`, R`\x without its hex digits`],
    ['a\\', 'a trailing backslash'],
    ['(?:a', 'an unclosed group at 0'],
    ['a(b', 'an unclosed group at 1'],
    ['a)b', `an unmatched ')' at 1`],
    ['[ab', 'an unclosed class'],
    ['(?i:a)', 'a group of an unknown kind'],
    ['*a', 'nothing to repeat'],
    ['a**', 'nothing to repeat'],
    ['a{,2}', 'a brace that is not a repeat'],
    ['a{2,1}', 'a repeat out of order'],
    ['a}', `a lone '}'`],
    ['a]', `a lone ']'`],
    [R`\b+`, 'a repeated assertion'],
    ['(?=a)?', 'a repeated assertion'],
    [R`[\d-z]`, 'a range from or to a class'],
    [R`[\B]`, R`the escape \B`],
  ];
  it.each(refused)('refuses %s', (src, what) => {
    expect(() => parseSource(src)).toThrow(Unsupported);
    expect(() => parseSource(src)).toThrow(what);
  });

  it('reads every rule pattern whole: printed back, the tree is its source', () => {
    for (const rule of RULES) {
      if (!rule.pattern) continue;
      const src = rule.pattern.source;
      expect(print(parseSource(src)).replace(/\\[ux][0-9a-f]+/gi, (e) => e.toLowerCase())).toBe(src.replace(/\\[ux][0-9a-f]+/gi, (e) => e.toLowerCase()));
    }
  });
});
