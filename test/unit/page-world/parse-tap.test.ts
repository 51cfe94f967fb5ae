import { describe, expect, it } from 'vitest';
import { tapJsonParse } from '../../../src/page-world/parse-tap';

/** A JSON object of the page's own (never the test runner's global). */
const pageJson = () => ({ parse: JSON.parse, stringify: JSON.stringify }) as unknown as JSON;
const big = (n: number) => JSON.stringify({ data: { items: Array.from({ length: n }, (_, i) => ({ i, text: 'x'.repeat(20) })) } });

describe('tapJsonParse: the page parses as ever', () => {
  it('gives the page the same value, and the same exception, as the original', () => {
    const json = pageJson();
    const original = json.parse;
    const tap = tapJsonParse(json)!;
    expect(json.parse).not.toBe(original);
    expect(json.parse.name).toBe('parse');
    expect(json.parse.length).toBe(original.length);
    tap.expect();
    expect(json.parse(big(20))).toEqual(JSON.parse(big(20)));
    expect(json.parse('[1,2]', (_k, v: unknown) => (typeof v === 'number' ? v * 2 : v))).toEqual([2, 4]);
    let theirs: unknown;
    let ours: unknown;
    try {
      original('{"broken"');
    } catch (e) {
      theirs = e;
    }
    try {
      json.parse('{"broken"');
    } catch (e) {
      ours = e;
    }
    expect(ours).toBeInstanceOf(SyntaxError);
    expect(String(ours)).toBe(String(theirs));
    tap.uninstall();
    expect(json.parse).toBe(original);
  });

  it('does not put back JSON.parse over what the page put there since', () => {
    const json = pageJson();
    const tap = tapJsonParse(json)!;
    const pages = () => 42;
    json.parse = pages as unknown as typeof JSON.parse;
    tap.uninstall();
    expect(json.parse).toBe(pages);
  });

  it('is absent without a JSON.parse to wrap', () => {
    expect(tapJsonParse(undefined)).toBeUndefined();
    expect(tapJsonParse({} as JSON)).toBeUndefined();
  });
});

describe('tapJsonParse: what it keeps, and for how long', () => {
  it('hands over the very value the page got for the same text, once', () => {
    const json = pageJson();
    const tap = tapJsonParse(json)!;
    tap.expect();
    const text = big(20);
    const value = json.parse(text);
    // A copy of the same characters (a fresh string per responseText read) finds it too.
    const copy = (' ' + text).slice(1);
    expect(tap.take(copy)?.value).toBe(value);
    expect(tap.take(text)).toBeUndefined();
    tap.uninstall();
  });

  it('keeps nothing when no API response is due, nor small texts, arrays or a parse with a reviver', () => {
    const json = pageJson();
    const tap = tapJsonParse(json)!;
    const text = big(20);
    json.parse(text);
    expect(tap.take(text)).toBeUndefined();
    tap.expect();
    json.parse('{"a":1}');
    expect(tap.take('{"a":1}')).toBeUndefined();
    const list = JSON.stringify(Array.from({ length: 50 }, (_, i) => i));
    json.parse(list);
    expect(tap.take(list)).toBeUndefined();
    json.parse(text, (_k, v: unknown) => v);
    expect(tap.take(text)).toBeUndefined();
    tap.uninstall();
  });

  it('lets everything go once no response is due, and keeps at most the four newest', () => {
    const json = pageJson();
    const tap = tapJsonParse(json)!;
    tap.expect();
    tap.expect();
    const texts = [10, 11, 12, 13, 14].map(big);
    for (const t of texts) json.parse(t);
    expect(tap.take(texts[0]!)).toBeUndefined();
    expect(tap.take(texts[4]!)).toBeDefined();
    tap.settle();
    expect(tap.take(texts[3]!)).toBeDefined();
    tap.settle();
    expect(tap.take(texts[2]!)).toBeUndefined();
    // More settles than expects do not make later responses go unkept.
    tap.settle();
    tap.expect();
    json.parse(texts[1]!);
    expect(tap.take(texts[1]!)).toBeDefined();
    tap.uninstall();
  });
});
