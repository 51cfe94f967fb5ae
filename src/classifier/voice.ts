// A post's voice: whether it names its own account (brands name themselves and their products:
// "GitHub Copilot" from @github, "Nintendo Switch" from @nintendoamerica) and whether it speaks
// in the first person, or as "we" (an organisation's voice). Read once per post, without
// allocation, by the author model (author.ts: a brand's voice across posts). As a post feature it only moved posts along the same
// precision-recall curve (held-out X posts P/R 0.920/0.758 -> 0.905/0.782, recall at P >= 0.92
// 0.753 -> 0.750), so the post model does not read it.

/** Corporate and regional endings of brand handles: @nintendoamerica is "Nintendo", @nearprotocol "NEAR". */
const RE_CORPORATE_SUFFIX = /(?:official|studios?|america|usa|uk|global|hq|app|ltd|inc|labs?|protocol|network|xyz|io)$/;
export const NAMES_ITSELF = 1;
export const FIRST_PERSON = 2;
/** Speaks as "we": we, us (not "US"), our, ours, ourselves. */
export const SPEAKS_AS_WE = 4;
const ALL = NAMES_ITSELF | FIRST_PERSON | SPEAKS_AS_WE;
/** The last handle's forms (posts come in runs of one author; no allocation per post). */
let memoHandle = '\u0000';
let memoFull = '';
let memoStem = '';

/**
 * One pass over the words of a post: whether it names the account itself (NAMES_ITSELF: a word
 * equal to its handle, letters and digits only, or to the handle without a corporate ending) and
 * whether it speaks in the first person (FIRST_PERSON: I, me, my, mine, myself). Brands name
 * themselves and their products ("GitHub Copilot", "Nintendo Switch"); people and newsrooms
 * rarely write their own handle.
 */
export function readVoice(handle: string, text: string): number {
  if (handle !== memoHandle) {
    memoHandle = handle;
    memoFull = handle.toLowerCase().replace(/[^a-z0-9]/g, '');
    const cut = memoFull.replace(RE_CORPORATE_SUFFIX, '');
    memoStem = cut.length >= 3 ? cut : memoFull;
  }
  const full = memoFull;
  const stem = memoStem;
  const canName = full.length >= 3;
  let out = 0;
  const n = text.length;
  let i = 0;
  while (i < n && out !== ALL) {
    while (i < n && !isAlnum(text.charCodeAt(i))) i++;
    const start = i;
    while (i < n && isAlnum(text.charCodeAt(i))) i++;
    const len = i - start;
    if (len === 0) break;
    if (canName && ((len === full.length && sameWord(text, start, full)) || (len === stem.length && sameWord(text, start, stem)))) out |= NAMES_ITSELF;
    else if (len <= 6 && isFirstPerson(text, start, len)) out |= FIRST_PERSON;
    else if ((len <= 4 || len === 9) && isFirstPlural(text, start, len)) out |= SPEAKS_AS_WE;
  }
  return out;
}

/** Whether the post names the account itself (see readVoice). */
export function namesItself(handle: string, text: string): boolean {
  return (readVoice(handle, text) & NAMES_ITSELF) !== 0;
}

function isFirstPerson(text: string, start: number, len: number): boolean {
  const c = text.charCodeAt(start) | 32;
  if (len === 1) return c === 105; // i
  if (c !== 109) return false; // m…
  return sameWord(text, start, len === 2 ? (((text.charCodeAt(start + 1) | 32) === 101) ? 'me' : 'my') : len === 4 ? 'mine' : len === 6 ? 'myself' : '\u0000');
}

/** we, us, our, ours, ourselves; "US" in capitals is the country ("US spot ETF"), not "us". */
function isFirstPlural(text: string, start: number, len: number): boolean {
  const c = text.charCodeAt(start) | 32;
  if (c === 119) return len === 2 && (text.charCodeAt(start + 1) | 32) === 101; // we
  if (c !== 117 && c !== 111) return false;
  if (len === 2) return c === 117 && text.charCodeAt(start + 1) === 115 && (text.charCodeAt(start) === 117 || text.charCodeAt(start) === 85); // us, Us
  return c === 111 && sameWord(text, start, len === 3 ? 'our' : len === 4 ? 'ours' : len === 9 ? 'ourselves' : '\u0000');
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Whether text[start…] equals the lowercase word, ignoring case. */
function sameWord(text: string, start: number, word: string): boolean {
  for (let j = 0; j < word.length; j++) {
    const c = text.charCodeAt(start + j);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== word.charCodeAt(j)) return false;
  }
  return true;
}

