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
 * equal to its handle, letters and digits only, or to the handle without a corporate ending, not
 * as a #hashtag) and
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
    // A hashtag of the name is the topic, not the account signing: "Current price of #Bitcoin" from
    // @bitcoin, a price ticker, is not a brand naming itself.
    const hashtag = start > 0 && text.charCodeAt(start - 1) === 35;
    if (canName && !hashtag && ((len === full.length && sameWord(text, start, full)) || (len === stem.length && sameWord(text, start, stem)))) out |= NAMES_ITSELF;
    else if (len <= 9) out |= pronoun(text, start, len);
  }
  return out;
}

/** Whether the post names the account itself (see readVoice). */
export function namesItself(handle: string, text: string): boolean {
  return (readVoice(handle, text) & NAMES_ITSELF) !== 0;
}

/**
 * FIRST_PERSON for I, me, my, mine, myself; SPEAKS_AS_WE for we, us, our, ours, ourselves ("US"
 * in capitals is the country, "US spot ETF", not "us"); else 0. By character codes: this runs
 * for most words of every post.
 */
function pronoun(text: string, start: number, len: number): number {
  const c0 = text.charCodeAt(start) | 32;
  if (len === 1) return c0 === 105 ? FIRST_PERSON : 0; // i
  const c1 = text.charCodeAt(start + 1);
  if (len === 2) {
    if (c0 === 109) return (c1 | 32) === 101 || (c1 | 32) === 121 ? FIRST_PERSON : 0; // me, my
    if (c0 === 119) return (c1 | 32) === 101 ? SPEAKS_AS_WE : 0; // we
    return c0 === 117 && c1 === 115 ? SPEAKS_AS_WE : 0; // us, Us (not US)
  }
  if (c0 === 111) {
    // our, ours, ourselves
    if ((c1 | 32) !== 117 || (text.charCodeAt(start + 2) | 32) !== 114) return 0;
    if (len === 3) return SPEAKS_AS_WE;
    if (len === 4) return (text.charCodeAt(start + 3) | 32) === 115 ? SPEAKS_AS_WE : 0;
    return len === 9 && sameWord(text, start, 'ourselves') ? SPEAKS_AS_WE : 0;
  }
  if (c0 === 109) return (len === 4 && sameWord(text, start, 'mine')) || (len === 6 && sameWord(text, start, 'myself')) ? FIRST_PERSON : 0;
  return 0;
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

