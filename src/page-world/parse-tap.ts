// The page's own parse of an API response, so that we do not parse it a second time.
//
//   the page's XHR load handler: JSON.parse(xhr.responseText) ──► wrapped JSON.parse ──► the page's value, as ever
//                                                                │ (only while an API response is due,
//                                                                │  only a large JSON object's text)
//                                                                ▼
//                                               a few (text, value) slots ──► take(responseText) at loadend
//
// Parsing its copy of each response was about a third of the page world's script time (issue 12:
// 2.2 MB of JSON per 1,000 cells of the benchmark, 12 ms hot in Node, more in a page's cold code).
// The page has already parsed the same text; we read its value instead. The value is the page's
// own object: we only read it (parse-graphql.ts never writes), and when the page parsed some other
// way, later, or not at all, take() finds nothing and the reader parses its own copy as before.
//
// Rules as for the fetch and XHR wrappers: the page's call gets exactly what the original returns
// (same value, same exception), nothing of ours throws into it, and uninstalling puts it back.

import { lookNative } from './look-native';

/** Only texts this long are kept (an API response is kilobytes; the page parses many small strings). */
const MIN_CHARS = 256;
/** Parses kept while responses are due; older ones fall out (the reader then parses its own copy). */
const SLOTS = 4;

export interface ParseTap {
  /** An API response is on its way: keep the page's parses of large objects until it is handled. */
  expect(): void;
  /** That response was handled (or failed): when none is due, the kept parses are let go. */
  settle(): void;
  /** The page's parse of exactly `text`, taken out of the slots; undefined when it made none. */
  take(text: string): { value: unknown } | undefined;
  /** Puts the original JSON.parse back, when nothing replaced ours since. */
  uninstall(): void;
}

interface Slot {
  text: string;
  value: unknown;
}

/** Wraps `json.parse`; undefined when there is no JSON.parse to wrap. */
export function tapJsonParse(json: JSON | undefined): ParseTap | undefined {
  const original = json?.parse;
  if (!json || typeof original !== 'function') return undefined;
  let due = 0;
  let slots: Slot[] = [];

  const parse = function parse(this: unknown, text: string, reviver?: (this: unknown, key: string, value: unknown) => unknown): unknown {
    // The page's call first and unchanged: its value or its exception is what the page gets.
    const value: unknown = original.apply(this, arguments as unknown as [string, typeof reviver]);
    try {
      if (due > 0 && reviver === undefined && typeof text === 'string' && text.length >= MIN_CHARS && text.charCodeAt(0) === 123) {
        if (slots.length >= SLOTS) slots.shift();
        slots.push({ text, value });
      }
    } catch {
      // Never into the page.
    }
    return value;
  };
  lookNative(parse, original);
  json.parse = parse as typeof JSON.parse;

  return {
    expect: () => {
      due++;
    },
    settle: () => {
      due = Math.max(0, due - 1);
      if (due === 0) slots = [];
    },
    take: (text) => {
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i]!;
        // The same string object, or the same characters (a fresh string per responseText read).
        if (slot.text.length === text.length && slot.text === text) {
          slots.splice(i, 1);
          return { value: slot.value };
        }
      }
      return undefined;
    },
    uninstall: () => {
      if (json.parse === (parse as typeof JSON.parse)) json.parse = original;
      slots = [];
      due = 0;
    },
  };
}
