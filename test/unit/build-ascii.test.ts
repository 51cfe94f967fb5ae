// The shipped bundles are ASCII only (scripts/build.ts asciiOnly): the browser then keeps each
// script's text one byte a character. The escapes must mean what the characters meant.
import { describe, expect, it } from 'vitest';
import { asciiOnly } from '../../scripts/build';

describe('asciiOnly', () => {
  it('escapes every non-ASCII character, and the code means the same', () => {
    const code = 'const s = "€5 – “ok”"; const re = /[$€£]\\d|’s|👉/; const u = /👉+/u; // ×2\nreturn [s, re.test("x’s"), re.test("£1"), re.test("👉"), u.test("👉👉"), u.source];';
    const out = asciiOnly(code);
    expect(/[^\x00-\x7f]/.test(out)).toBe(false);
    const run = (c: string) => new Function(c)() as unknown[];
    expect(run(out)).toEqual(run(code).map((v, i) => (i === 5 ? '\\ud83d\\udc49+' : v)));
  });
});
