// The words the content script puts on cells (placeholder, undo bar), each looked up once per
// page: a lookup through the browser's i18n API is a call into the extension's bindings, and a
// busy timeline collapses several cells a second. The UI language does not change while a page
// lives, so nothing here is ever looked up again.
//
// A message is kept cut at its slots ($1…$4), so filling it in is a few string joins: a
// placeholder says five messages, and a regexp replace with a callback for each was about a
// third of building it (stage timers in the page benchmark, 2,000 cells: 17 of 48 ms for 429).
import { t, type MessageKey } from '../shared/i18n';

/** Private-use characters standing for $1…$4 in a cached message (they never occur in our messages). */
const SLOTS = ['\uE000', '\uE001', '\uE002', '\uE003'];

/** A message as text between its slots: parts[0], subs[slots[0]], parts[1], … */
interface Template {
  parts: string[];
  slots: number[];
}
const templates = new Map<MessageKey, Template>();

/** t(key, subs), with the message fetched once and the substitutions filled in here. */
export function word(key: MessageKey, subs: ReadonlyArray<string | number> = []): string {
  let template = templates.get(key);
  if (template === undefined) templates.set(key, (template = cutAtSlots(t(key, SLOTS))));
  const { parts, slots } = template;
  let out = parts[0]!;
  for (let i = 0; i < slots.length; i++) out += String(subs[slots[i]!] ?? '') + parts[i + 1]!;
  return out;
}

function cutAtSlots(message: string): Template {
  const parts: string[] = [];
  const slots: number[] = [];
  let from = 0;
  for (let i = 0; i < message.length; i++) {
    const slot = message.charCodeAt(i) - 0xe000;
    if (slot < 0 || slot >= SLOTS.length) continue;
    parts.push(message.slice(from, i));
    slots.push(slot);
    from = i + 1;
  }
  parts.push(message.slice(from));
  return { parts, slots };
}
