// The words the content script puts on cells (placeholder, undo bar), each looked up once per
// page: a lookup through the browser's i18n API is a call into the extension's bindings, and a
// busy timeline collapses several cells a second. The UI language does not change while a page
// lives, so nothing here is ever looked up again.
import { t, type MessageKey } from '../shared/i18n';

/** Private-use characters standing for $1…$4 in a cached message (they never occur in our messages). */
const SLOTS = ['\uE000', '\uE001', '\uE002', '\uE003'];
const SLOT = /[\uE000-\uE003]/g;
const templates = new Map<MessageKey, string>();

/** t(key, subs), with the message fetched once and the substitutions filled in here. */
export function word(key: MessageKey, subs: ReadonlyArray<string | number> = []): string {
  let template = templates.get(key);
  if (template === undefined) templates.set(key, (template = t(key, SLOTS)));
  return template.replace(SLOT, (slot) => String(subs[slot.charCodeAt(0) - 0xe000] ?? ''));
}
