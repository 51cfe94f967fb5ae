// The engine that reads a post into the feature vector of src/classifier/rules.ts.
//
//   TweetFacts + AuthorProfile ──> extractFeatures ──> x[0..N) ──> Σ wᵢxᵢ ──> pSelling
//                                         └──> details[i] (domain, code, …) for the evidence
//
// What each feature is, and how it is found, lives in rules.ts (one record per rule). This file
// makes that cheap: one pass over the words, a trigger table that runs a rule's pattern only when
// one of its trigger words is there, and only in a window around those words.
import type { AuthorProfile, TweetFacts } from '../shared/types';
import { LinkKind, readLinks } from './links';
import { RULE_INDEX, RULES, type PostView, type ReasonGroup } from './rules';
import { CURRENCY, DIGIT, PREFIX, decodeGate, encodeGate, patternGate, type Gate } from './word-gates';
import { compactSource } from './regexp-code';
import { loadProgram, phraseEnd, phraseRest, programData, requiredAfter, sealPhrases, splitPhrases } from './phrases';
import { isAlnumCode, isWideSpace } from './char-codes';
export { boundariesAsLookaheads } from './regexp-code';

export type { ReasonGroup } from './rules';
export { isSchedulerApp } from './posting-apps';

export interface FeatureDef {
  name: string;
  group: ReasonGroup;
  /** Weight fitted on the development set (true) or set by hand because the set cannot show it (false). */
  fitted: boolean;
}

/** The feature table, derived from the rules. Order is the layout of the weight vector. */
export const FEATURES: readonly FeatureDef[] = RULES.map((r) => ({ name: r.name, group: r.group, fitted: r.hand === undefined }));
export const N_FEATURES = FEATURES.length;
export const FEATURE_INDEX: Readonly<Record<string, number>> = RULE_INDEX;

/**
 * Whitespace to collapse to one space: a run that starts with other whitespace than a space, or a
 * space followed by more. Replacing these gives the same text as replacing every /\s+/ (each run,
 * as a whole, by one space) with far fewer matches, since single spaces are left alone.
 */
const RE_SPACES = /[^\S ]\s*| \s+/g;

// --- word triggers ---
// Running ~30 alternation regexes over every post costs more than the budget (5 µs a post), so
// each pattern runs only when the text holds one of its trigger words: every alternative of the
// pattern contains one of them as a whole word (words are runs of a-z and 0-9, as for \b). The
// text is tokenised once, without allocating (each word is hashed as it is read).
// test/unit/classifier/features.test.ts checks, over the whole development set, that gating never
// changes a feature. Each rule with a pattern or words has one trigger bit.

/**
 * A rule as the engine runs it. Every record has the same fields in the same order (absent ones
 * undefined), so the loop in extractFeatures reads them from one object shape: reading the rules'
 * own records, which differ in shape, costs a slow (megamorphic) property lookup each time.
 */
interface Compiled {
  /** How the rule is found: one of the K_ constants. */
  kind: number;
  when: ((v: PostView) => boolean) | undefined;
  value: ((v: PostView) => number) | undefined;
  find: ((v: PostView) => boolean) | undefined;
  opens: ((v: PostView) => boolean) | undefined;
  or: ((v: PostView) => boolean) | undefined;
  /** The detail function, if the rule has one (see `detailMatch`). */
  detail: ((v: PostView) => string) | undefined;
  /** The detail is the text the pattern matched. */
  detailMatch: boolean;
  /** Whether the rule has a detail at all. */
  hasDetail: boolean;
  /** Trigger bit (−1: none), and its word and mask within the mask words. */
  bit: number;
  q: number;
  m: number;
  /** The word gate (word-gates.ts) of what runs as a regexp (the pattern, or what its phrases leave): its number, or −1 (none). */
  gate: number;
  /** Its phrases' number (phrases.ts: read by lookup, not by the regexp), or −1 (none). */
  phrase: number;
  /**
   * Global copy of the pattern, to start at a window; the only copy the engine runs (lastIndex
   * reset after each use): V8 keeps native code per RegExp object, one compiled regexp per rule
   * instead of two halves the background worker's heap.
   */
  global: RegExp | undefined;
  min: number;
}

/** How a rule is found: a value function, a find function, trigger words, a raw pattern, an opened pattern, a windowed pattern. */
const K_VALUE = 0, K_FIND = 1, K_WORDS = 2, K_RAW = 3, K_OPENS = 4, K_WINDOW = 5;

// --- word gates (word-gates.ts): the words a pattern cannot match without ---
// Each conjunction of a gate is filed under the tokens of one of its clauses (its anchors, chosen
// to be rare), so that per post only the conjunctions anchored at the words present are checked.
/** Gate tokens → id; the scan stamps the ids of the words it reads (gateSeen[id] = gateStamp). */
const GATE_WORDS = new Map<string, number>([[CURRENCY, 0], [DIGIT, 1]]);
const ID_CURRENCY = 0;
const ID_DIGIT = 1;
/** Conjunctions, one after another: [gate number, clauses but the anchor one, then per clause: tokens, token ids…]. */
const conjProgram: number[] = [];
/** Conjunction offsets filed by anchor token id. */
const anchored: number[][] = [];
let nGates = 0;

function tokenId(tok: string): number {
  let id = GATE_WORDS.get(tok);
  if (id === undefined) GATE_WORDS.set(tok, (id = GATE_WORDS.size));
  return id;
}

/** Words too common to file conjunctions under (each would be checked in most posts). */
const COMMON = new Set(('the a an and or of to in on at by for with from as is are was be it its this that these those i me my ' +
  'we us our you your u ur he she they them his her their get got just now all out up so not no do can will more new one free').split(' '));

/** How rare a clause is likely to be (lower is rarer): few tokens, long words, no common word. */
function clauseCost(clause: string[]): number {
  let shortest = Infinity;
  let common = 0;
  for (const t of clause) {
    shortest = Math.min(shortest, t === CURRENCY ? 1 : t === DIGIT ? 0 : t.endsWith(PREFIX) ? t.length - 1 : t.length);
    if (COMMON.has(t) || t === DIGIT) common = 50;
  }
  return clause.length * 100 - shortest + common;
}

/** File a gate's conjunctions; its number, or −1 without a gate. */
function addGate(g: Gate | undefined): number {
  if (!g) return -1;
  const n = nGates++;
  for (const conj of g) {
    const at = conjProgram.length;
    // The anchor clause holds whenever the conjunction is read (it is read from one of its
    // tokens): only the others are stored, rarest first, so that a check fails early.
    let anchor = conj[0]!;
    for (const clause of conj) if (clauseCost(clause) < clauseCost(anchor)) anchor = clause;
    const rest = conj.filter((c) => c !== anchor).sort((a, b) => clauseCost(a) - clauseCost(b));
    conjProgram.push(n, rest.length);
    for (const clause of rest) conjProgram.push(clause.length, ...clause.map(tokenId));
    for (const tok of anchor) (anchored[tokenId(tok)] ??= []).push(at);
  }
  return n;
}

/**
 * Every rule's word gate, one line each (encodeGate), as the build read them (scripts/build.ts
 * defines __QB_WORD_GATES__ in the bundles): reading the patterns took the worker 0.1–0.3 s of
 * CPU, and as much garbage, at every start. Run from source (tests, tools), they are read here.
 */
declare const __QB_WORD_GATES__: string | undefined;

// --- phrases (phrases.ts): alternatives read by lookup; the regexp keeps the rest ---
/** Whether a rule's pattern is split into phrases and the rest: not a raw pattern (it reads the text with its case). */
const splits = (rule: (typeof RULES)[number]) => !!rule.pattern && !rule.raw;
/** What the engine runs of a rule's pattern as a regexp: all of it, or what its phrases leave ('': nothing). */
function regexpPart(rule: (typeof RULES)[number]): string | undefined {
  if (!rule.pattern) return undefined;
  return splits(rule) ? phraseRest(rule.pattern) : rule.pattern.source;
}

/**
 * Every rule's phrases, as the engine files them: per rule (0: not split) the rest of its pattern
 * and per phrase and first word [the word, where its program goes on after it, the words it
 * needs (0: none)], in order; and the programs. The build writes them (__QB_PHRASES__), so that
 * the worker parses no pattern at its start: that took it CPU and left about 0.1–0.2 MB of code
 * compiled for the parsing in its heap. Run from source (tests, tools), they are read here.
 */
interface PhraseData {
  program: number[];
  pool: string;
  rules: Array<0 | { rest: string; phrases: Array<[string, number, string[] | 0]> }>;
}
declare const __QB_PHRASES__: string | undefined;
/** Whether this copy of the classifier took its phrases from the build (for a test). */
export let phrasesFromBuild = false;
function readPhraseData(): PhraseData {
  if (typeof __QB_PHRASES__ === 'string') {
    const built = JSON.parse(__QB_PHRASES__) as PhraseData;
    if (built.rules.length === RULES.length) {
      phrasesFromBuild = true;
      loadProgram(built);
      return built;
    }
  }
  const rules = RULES.map((rule): PhraseData['rules'][number] => {
    if (!splits(rule)) return 0;
    const split = splitPhrases(rule.pattern!);
    const phrases = split.phrases.flatMap((p) => p.firstWords.map((w, k): [string, number, string[] | 0] => [w, p.next[k]!, requiredAfter(p.next[k]!) ?? 0]));
    return { rest: split.rest, phrases };
  });
  sealPhrases();
  return { ...programData(), rules };
}
let PHRASES: PhraseData | undefined = readPhraseData();

/** The phrases' data for the rules as they are, for the build (as JSON). */
export function phraseLines(): string {
  return JSON.stringify(PHRASES ?? readPhraseData());
}

/**
 * The gates of a rule: of its whole pattern, and of the rest of it when it is split (what the
 * regexp runs; none when nothing is left). A split rule's phrases need no gate: they are read
 * only at their first words, and only where the post has a word they need (phrasesAt).
 */
function gatesOf(rule: (typeof RULES)[number]): [Gate | undefined, Gate | undefined] {
  if (!rule.pattern || rule.raw) return [undefined, undefined];
  if (!splits(rule)) return [patternGate(rule.pattern), undefined];
  const rest = regexpPart(rule);
  return [undefined, rest ? patternGate(new RegExp(rest, rule.pattern.flags)) : undefined];
}

/** The gates' lines for the rules as they are, for the build: every rule's whole gate, then every rule's rest gate. */
export function wordGateLines(): string {
  const gates = RULES.map(gatesOf);
  return [...gates.map((g) => encodeGate(g[0])), ...gates.map((g) => encodeGate(g[1]))].join('\n');
}

/** Whether this copy of the classifier took its gates from the build (for a test). */
export let gatesFromBuild = false;

function ruleGates(): Array<[Gate | undefined, Gate | undefined]> {
  const built = typeof __QB_WORD_GATES__ === 'string' ? __QB_WORD_GATES__.split('\n') : undefined;
  const n = RULES.length;
  if (built && built.length === 2 * n) {
    gatesFromBuild = true;
    const read = (i: number, line: string) => (RULES[i]!.pattern && !RULES[i]!.raw ? decodeGate(line) : undefined);
    return RULES.map((_, i) => [read(i, built[i]!), read(i, built[n + i]!)]);
  }
  return RULES.map(gatesOf);
}
const GATES = ruleGates();

let nPhraseRules = 0;
/** A split rule's phrases and the rest of its pattern. */
const splitOf = (i: number) => PHRASES!.rules[i] || undefined;

let nBits = 0;
const COMPILED: readonly Compiled[] = RULES.map((rule, i): Compiled => {
  const bit = rule.triggers || rule.words ? nBits++ : -1;
  const kind = rule.value ? K_VALUE : rule.find ? K_FIND : rule.words ? K_WORDS : rule.raw ? K_RAW : rule.opens ? K_OPENS : K_WINDOW;
  return {
    kind,
    when: rule.when,
    value: rule.value,
    find: rule.find,
    opens: rule.opens,
    or: rule.or,
    detail: typeof rule.detail === 'function' ? rule.detail : undefined,
    detailMatch: rule.detail === 'match',
    hasDetail: rule.detail !== undefined,
    bit, q: bit >> 5, m: bit >= 0 ? 1 << (bit & 31) : 0,
    // Raw patterns read the text with its case: words there are not the scan's lowercase words.
    gate: splitOf(i) ? addGate(GATES[i]![1]) : addGate(GATES[i]![0]),
    phrase: splitOf(i)?.phrases.length ? nPhraseRules++ : -1,
    global: rule.pattern && (splitOf(i)?.rest ?? rule.pattern.source) ? new RegExp(compactSource(splitOf(i)?.rest ?? rule.pattern.source), rule.pattern.flags + 'g') : undefined,
    min: rule.min ?? 1,
  };
});
const MASK_WORDS = Math.max(1, Math.ceil(nBits / 32));

/** [pattern, its trigger words] of every rule with both: for the trigger test. */
export const GATED: readonly (readonly [RegExp, readonly string[]])[] = RULES.filter((r) => r.pattern && r.triggers).map((r) => [r.pattern!, r.triggers!] as const);
/** Kept for the tests' shape: every pattern now has its own trigger bit. */
export const SHARED_GATES: readonly (readonly [RegExp, readonly string[]])[] = [];

/** FNV-1a of a word (lowercase letters and digits). */
function hashWord(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// Word hash → slot; each slot holds MASK_WORDS words of trigger bits (open addressing: faster
// than a Map on the hot path). A hash collision only runs a regex for nothing.
const TABLE_BITS = 12;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
const tableKeys = new Uint32Array(1 << TABLE_BITS);
const tableBits = new Int32Array((1 << TABLE_BITS) * MASK_WORDS);
/** Each slot's gate word id (−1: none). Words of one hash share a slot: a gate then opens for nothing, never the reverse. */
const tableGateWord = new Int32Array(1 << TABLE_BITS).fill(-1);
function slotOf(word: string): number {
  const h = hashWord(word) || 1;
  let i = h & TABLE_MASK;
  while (tableKeys[i] !== 0 && tableKeys[i] !== h) i = (i + 1) & TABLE_MASK;
  tableKeys[i] = h;
  return i;
}
function addTrigger(word: string, bit: number): void {
  tableBits[slotOf(word) * MASK_WORDS + (bit >> 5)]! |= 1 << (bit & 31);
}
COMPILED.forEach((c, i) => {
  for (const w of RULES[i]!.triggers ?? RULES[i]!.words ?? []) addTrigger(w, c.bit);
});
// A prefix token ("give*") is keyed as the hash of its letters and a '/', which the scan computes
// from the hash of a word's first 3 or 4 letters (PREFIX_LENGTHS).
for (const [w, id] of GATE_WORDS) if (id !== ID_CURRENCY && id !== ID_DIGIT) tableGateWord[slotOf(w.endsWith(PREFIX) ? w.slice(0, -1) + '/' : w)] = id;
// Phrases filed under their first words: per slot, where its list starts in SLOT_PHRASES (−1:
// none), which holds [the word's place in FIRST_WORDS, its length, the bits of the rules it has
// phrases of (PH_WORDS words), count, then per phrase: where its program goes on after the word,
// its rule's phrase number, the clause of words it cannot match without (−1: none)], in the
// rules' order and each rule's phrases in the pattern's order.
const tablePhrases = new Int32Array(1 << TABLE_BITS).fill(-1);
/** Words of rule bits in SLOT_PHRASES and `armed`. */
const PH_WORDS = Math.max(1, Math.ceil(nPhraseRules / 32));
/** The first words, one after another (SLOT_PHRASES holds where each is and its length). */
let firstWords = '';
/** Clauses of needed words, one after another: [count, slots…]; CLAUSE_AT[id] is where each starts. */
const clauseIds = new Map<string, number>();
const clauseSlots: number[] = [];
const SLOT_PHRASES = (() => {
  const bySlot = new Map<number, number[]>();
  const wordOfHash = new Map<number, string>();
  COMPILED.forEach((c, i) => {
    if (c.phrase < 0) return;
    for (const [w, next, needs] of splitOf(i)!.phrases) {
      {
        // A slot is a word's hash: two first words of one hash would share it, and the program
        // after one word would run after the other. None do; if a change made them, say so.
        const h = hashWord(w) || 1;
        if ((wordOfHash.get(h) ?? w) !== w) throw new Error(`phrases: '${w}' and '${wordOfHash.get(h)}' hash alike`);
        wordOfHash.set(h, w);
        const slot = slotOf(w);
        let list = bySlot.get(slot);
        if (!list) bySlot.set(slot, (list = []));
        let clause = -1;
        if (needs) {
          const key = needs.join(' ');
          clause = clauseIds.get(key) ?? -1;
          if (clause < 0) {
            clauseIds.set(key, (clause = clauseIds.size));
            clauseSlots.push(needs.length, ...needs.map(slotOf));
          }
        }
        list.push(next, c.phrase, clause);
      }
    }
  });
  const out: number[] = [];
  for (const [slot, list] of bySlot) {
    const word = wordOfHash.get(tableKeys[slot]!)!;
    tablePhrases[slot] = out.length;
    const rules = new Array<number>(PH_WORDS).fill(0);
    for (let k = 1; k < list.length; k += 3) rules[list[k]! >> 5]! |= 1 << (list[k]! & 31);
    out.push(firstWords.length, word.length, ...rules, list.length / 3, ...list);
    firstWords += word;
  }
  return Int32Array.from(out);
})();
/** The first words' characters, as codes (read faster than a string built piece by piece). */
const FIRST_WORDS = Uint16Array.from(firstWords, (c) => c.charCodeAt(0));
firstWords = '';
// Kept only to give the build its lines: the worker, which took them from the build, needs them no more.
if (phrasesFromBuild) PHRASES = undefined;
/** Per slot, 1 if its word carries trigger bits. */
const tableHasBits = new Uint8Array(1 << TABLE_BITS);
for (let slot = 0; slot < tableHasBits.length; slot++) {
  for (let q = 0; q < MASK_WORDS; q++) if (tableBits[slot * MASK_WORDS + q] !== 0) tableHasBits[slot] = 1;
}
/** Per rule with phrases: the stamp of the last post in which one matched. */
const phraseFoundAt = new Int32Array(nPhraseRules);

/**
 * Rules with a precondition (`when`) have their phrases read only when the engine reaches them
 * and it holds (1), as their pattern ran only then; the others' with every post's words (0).
 */
const phraseLazy = Uint8Array.from(COMPILED.filter((c) => c.phrase >= 0).map((c) => (c.when !== undefined ? 1 : 0)));
/** The bits of the rules whose phrases are read with every post's words. */
const EAGER = new Int32Array(PH_WORDS);
phraseLazy.forEach((lazy, r) => {
  if (!lazy) EAGER[r >> 5]! |= 1 << (r & 31);
});
/** Bits of the rules whose phrases are being read (armed) and none of whose phrases matched yet. */
const armed = new Int32Array(PH_WORDS);
/** Per slot, the stamp of the last post whose scan read its word (when the scan's words may be trusted). */
const slotSeen = new Int32Array(1 << TABLE_BITS);
const CLAUSE_SLOTS = Int32Array.from(clauseSlots);
const CLAUSE_AT = new Int32Array(clauseIds.size);
for (let id = 0, at = 0; id < CLAUSE_AT.length; id++) {
  CLAUSE_AT[id] = at;
  at += 1 + CLAUSE_SLOTS[at]!;
}
clauseIds.clear();
clauseSlots.length = 0;
/** Per clause, the scan stamp it was last read at, and whether it held then (1) or not (0). */
const clauseReadAt = new Int32Array(CLAUSE_AT.length);
const clauseHeld = new Uint8Array(CLAUSE_AT.length);

/** Whether the post has one of a clause's words (read once per post). */
function clauseHolds(id: number): boolean {
  const stamp = gateStamp;
  if (clauseReadAt[id] === stamp) return clauseHeld[id] === 1;
  let p = CLAUSE_AT[id]!;
  let held = 0;
  for (let n = CLAUSE_SLOTS[p++]!; n > 0; n--, p++) {
    if (slotSeen[CLAUSE_SLOTS[p]!] === stamp) {
      held = 1;
      break;
    }
  }
  clauseReadAt[id] = stamp;
  clauseHeld[id] = held;
  return held === 1;
}
let phraseStamp = 0;
/** Words of the scan that start phrases: their slots and where they start in the lowercase, space-collapsed text. */
const MAX_HITS = 256;
const hitSlot = new Int32Array(MAX_HITS);
const hitAt = new Int32Array(MAX_HITS);
let nHits = 0;
const CONJ = Int32Array.from(conjProgram);
/** The anchor index in compressed rows: conjunctions of token id k at ANCHORS[ANCHOR_START[k] .. ANCHOR_START[k + 1]). */
const ANCHOR_START = new Int32Array(GATE_WORDS.size + 1);
const ANCHORS = new Int32Array(anchored.reduce((n, l) => n + (l?.length ?? 0), 0));
for (let k = 0, at = 0; k < GATE_WORDS.size; k++) {
  ANCHOR_START[k] = at;
  for (const o of anchored[k] ?? []) ANCHORS[at++] = o;
  ANCHOR_START[k + 1] = at;
}
const gateSeen = new Int32Array(GATE_WORDS.size);
/** Ids of the gate tokens in the post (the first nPresent). */
const present = new Int32Array(GATE_WORDS.size);
// The build-time lists above live on in the module's scope (the background bundle's one scope):
// emptied once the typed tables are built, about 0.25 MB less worker heap.
conjProgram.length = 0;
GATES.length = 0;
anchored.length = 0;
GATE_WORDS.clear();
let nPresent = 0;
let gateStamp = 0;
/** Gates open in this post: gateOpenAt[gate] === gateStamp. */
const gateOpenAt = new Int32Array(nGates);
/** All gates open (the gates were not read for this post). */
let gatesAllOpen = true;

/** Stamp the gate token of a word's start (its FNV hash so far), if a gate names it. */
function markPrefix(h: number): void {
  const ps = lookup(Math.imul(h ^ 0x2f, 0x01000193) >>> 0);
  if (ps < 0) return;
  const id = tableGateWord[ps]!;
  if (id >= 0 && gateSeen[id] !== gateStamp) {
    gateSeen[id] = gateStamp;
    present[nPresent++] = id;
  }
}

/** The slot of a word hash, or −1. */
function lookup(h: number): number {
  if (h === 0) h = 1;
  let i = h & TABLE_MASK;
  for (;;) {
    const k = tableKeys[i]!;
    if (k === h) return i;
    if (k === 0) return -1;
    i = (i + 1) & TABLE_MASK;
  }
}

// Results of one pass over the original text (module state: extractFeatures is never re-entered).
/** Trigger bits of the words present. */
const mask = new Int32Array(MASK_WORDS);
/** Longest word, longest run of digits (phone numbers), and letters / capitals for shouting. */
let scanLongest = 0;
let scanDigits = 0;
let scanLetters = 0;
let scanUpper = 0;
/** A dot between a letter or digit and a letter ("shop.example", "b.tc"): a link may hide in the text. */
let scanDotted = false;
/** Whitespace other than single spaces (runs, newlines, tabs): the phrase regexes expect single spaces. */
let scanSpaced = false;
/** A currency sign ($ € £ ¥): the price regex may match without a trigger word. */
let scanCurrency = false;
/** A trademark sign (® ™ ℠). */
let scanMarks = false;
/** Arrows, pictographs and other symbols at or above U+2190 (where the pointing emoji live). */
let scanSymbols = false;
/** Letters styled with Unicode look-alikes (𝐛𝐨𝐥𝐝, ｆｕｌｌｗｉｄｔｈ, Ⓒⓘⓡⓒⓛⓔⓓ), often used to slip past filters. */
let scanStyled = false;
/** Where each trigger bit's first and last trigger word start, in the lowercased, space-collapsed text, and how many there are. */
const firstAt = new Int32Array(MASK_WORDS * 32);
const lastAt = new Int32Array(MASK_WORDS * 32);
const counts = new Int32Array(MASK_WORDS * 32);
/** Whether those positions can be trusted (lowercasing "İ" lengthens the text and shifts them). */
let scanExact = true;
/** An ASCII digit somewhere in the text. */
let scanAnyDigit = false;
/** Whether the gates may be trusted: lowercasing "İ" or the Kelvin sign "K" makes a-z letters the scan did not read as such. */
let scanGatesExact = true;

// ASCII character classes for the scan: word characters (a-z, A-Z, 0-9) carry their lowercase
// code in the low 7 bits and a class in the high bits, so the inner word loop reads one table.
const W_LOWER = 0x100, W_UPPER = 0x200, W_DIGIT = 0x400, W_WORD = W_LOWER | W_UPPER | W_DIGIT;
const C_SPACE = 0x800, C_CURRENCY = 0x1000;
const ASCII_CLASS = (() => {
  const a = new Uint16Array(128);
  for (let c = 97; c <= 122; c++) a[c] = W_LOWER | c;
  for (let c = 65; c <= 90; c++) a[c] = W_UPPER | (c + 32);
  for (let c = 48; c <= 57; c++) a[c] = W_DIGIT | c;
  for (const c of [9, 10, 11, 12, 13, 32]) a[c] = C_SPACE;
  a[36] = C_CURRENCY;
  return a;
})();

/**
 * One pass over the text: words are hashed as they are read (no string per word) and looked up
 * in the trigger table, and the facts above are gathered on the way.
 */
function scanWords(text: string): void {
  mask.fill(0);
  if (++gateStamp === 0x7fffffff) {
    gateSeen.fill(0);
    gateStamp = 1;
  }
  const stamp = gateStamp;
  nPresent = 0;
  let anyDigit = 0;
  let gatesExact = true;
  let longest = 0;
  let digits = 0;
  let letters = 0;
  let upper = 0;
  let dotted = false;
  let spaced = false;
  let styled = false;
  let symbols = false;
  let currency = false;
  let marks = false;
  let exact = true;
  let prevSpace = false;
  let hits = 0;
  /** Characters removed before this point when runs of whitespace collapse to one space. */
  let shift = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    let k = c < 128 ? ASCII_CLASS[c]! : 0;
    if ((k & W_WORD) === 0) {
      // Not a word character.
      if (k === C_SPACE) {
        if (prevSpace) {
          shift++;
          spaced = true;
        } else if (c !== 32) spaced = true;
        prevSpace = true;
      } else if (c >= 128 && isWideSpace(c)) {
        spaced = true;
        if (prevSpace) shift++;
        prevSpace = true;
      } else {
        prevSpace = false;
        if (k === C_CURRENCY) currency = true;
        else if (c >= 128) {
          if (c === 0xa3 || c === 0xa5 || c === 0x20ac) currency = true;
          else if (c === 0xae || c === 0x2122 || c === 0x2120) marks = true;
          else if (c >= 0x2000) {
            if (c >= 0x2190) symbols = true;
            if (c === 0xd835 || (c >= 0xff01 && c <= 0xff5e) || (c >= 0x24b6 && c <= 0x24e9)) styled = true;
            else if (c === 0x212a) gatesExact = false;
          } else if (c === 0x130) exact = false;
        }
      }
      i++;
      continue;
    }
    // A word: [start, i).
    const start = i;
    // A dot between a letter or digit and a letter ("shop.example").
    if (!dotted && (k & W_DIGIT) === 0 && i >= 2 && text.charCodeAt(i - 1) === 46) {
      const b = text.charCodeAt(i - 2);
      if (b < 128 && (ASCII_CLASS[b]! & W_WORD) !== 0) dotted = true;
    }
    let h = 0x811c9dc5;
    let h3 = 0;
    let h4 = 0;
    let nDigits = 0;
    let nUpper = 0;
    for (;;) {
      h = Math.imul(h ^ (k & 0x7f), 0x01000193);
      if (i - start === 2) h3 = h;
      else if (i - start === 3) h4 = h;
      // Counted without a branch: the class bits of a digit and a capital (W_DIGIT, W_UPPER).
      nDigits += (k >> 10) & 1;
      nUpper += (k >> 9) & 1;
      if (++i >= n) break;
      c = text.charCodeAt(i);
      if (c >= 128) break;
      k = ASCII_CLASS[c]!;
      if ((k & W_WORD) === 0) break;
    }
    prevSpace = false;
    const len = i - start;
    letters += len - nDigits;
    upper += nUpper;
    const slot = lookup(h >>> 0);
    if (slot >= 0) {
      slotSeen[slot] = stamp;
      if (tablePhrases[slot]! >= 0) {
        if (hits < MAX_HITS) {
          hitSlot[hits] = slot;
          hitAt[hits] = start - shift;
        }
        hits++;
      }
      const id = tableGateWord[slot]!;
      if (id >= 0 && gateSeen[id] !== stamp) {
        gateSeen[id] = stamp;
        present[nPresent++] = id;
      }
      const at = start - shift;
      // Most words of the table that are only phrases' first words or needed words carry no trigger.
      if (tableHasBits[slot] !== 0) for (let q = 0; q < MASK_WORDS; q++) {
        const bits = tableBits[slot * MASK_WORDS + q]!;
        if (bits === 0) continue;
        const base = q << 5;
        const m = mask[q]!;
        let fresh = bits & ~m;
        while (fresh !== 0) {
          const b = base + 31 - Math.clz32(fresh & -fresh);
          firstAt[b] = at;
          counts[b] = 0;
          fresh &= fresh - 1;
        }
        let all = bits;
        while (all !== 0) {
          const b = base + 31 - Math.clz32(all & -all);
          lastAt[b] = at;
          counts[b]!++;
          all &= all - 1;
        }
        mask[q] = m | bits;
      }
    }
    if (len > longest) longest = len;
    if (nDigits === len && len > digits) digits = len;
    if (len >= 3) {
      markPrefix(h3);
      if (len >= 4) markPrefix(h4);
    }
    anyDigit |= nDigits;
  }
  scanLongest = longest;
  scanDigits = digits;
  scanLetters = letters;
  scanUpper = upper;
  scanDotted = dotted;
  scanSpaced = spaced;
  scanCurrency = currency;
  scanMarks = marks;
  scanSymbols = symbols;
  scanStyled = styled;
  scanExact = exact;
  scanAnyDigit = anyDigit !== 0;
  scanGatesExact = exact && gatesExact;
  nHits = hits;
}

/**
 * A match of a gated pattern contains one of its trigger words, and in every alternative the match
 * starts at most LOOK_BEHIND characters before its first trigger word and ends at most LOOK_AHEAD
 * after that word's start (checked by hand when the bounds were set; the longest are the
 * "deploy … token" and "type … in youtube" alternatives). So each pattern looks only from its first
 * trigger word to its last: test/unit/classifier/features.test.ts checks over the development set
 * and the tables that this never changes a feature. It saves a third of the regex work.
 * When adding an alternative, keep it within the bounds, or give it a trigger word near its start.
 */
const LOOK_BEHIND = 48;
const LOOK_AHEAD = 80;
let useWindows = true;
/** For the equivalence test: match gated patterns over the whole text (false) or the windows (true). */
export function setMatchWindows(on: boolean): void {
  useWindows = on;
}

/** Whether a rule's pattern matches around its trigger words (which the caller checked are present). */
function matchWindow(c: Compiled, t: string): boolean {
  return matchWindowWith(c.global!, c, t);
}
function matchWindowWith(g: RegExp, c: Compiled, t: string): boolean {
  if (!useWindows || !scanExact) return testFrom(g, t, 0);
  const from = firstAt[c.bit]! - LOOK_BEHIND;
  let to = lastAt[c.bit]! + LOOK_AHEAD;
  const n = t.length;
  if (from <= 0 && to >= n) return testFrom(g, t, 0);
  // Cut at a space, so that no word is cut short (a cut "aim" would read as "ai").
  if (to < n) {
    to = t.indexOf(' ', to);
    if (to < 0) to = n;
  }
  return testFrom(g, to < n ? t.slice(0, to) : t, from > 0 ? from : 0);
}

/**
 * The same characters, held as a two-byte string (a slice of a two-byte parent). V8 compiles each
 * regexp to native code once per kind of subject, one-byte (Latin-1) and two-byte; posts come as
 * both (emoji), so every pattern was compiled twice. Handing the patterns two-byte text only
 * halves that code (about 1 MB of the background worker's heap). Matches are unchanged: only the
 * engine's representation differs (other engines just copy the string).
 */
function twoByte(s: string): string {
  return ('\u0100' + s).slice(1);
}

/** A global regexp's test from `from`, leaving lastIndex at 0. */
function testFrom(g: RegExp, s: string, from: number): boolean {
  g.lastIndex = from;
  const found = g.test(s);
  g.lastIndex = 0;
  return found;
}

/** Open the gates of which some conjunction holds in this post (after the scan). */
function readGates(): void {
  gatesAllOpen = !useGates || !scanGatesExact;
  if (gatesAllOpen) return;
  const stamp = gateStamp;
  if (scanCurrency) {
    gateSeen[ID_CURRENCY] = stamp;
    present[nPresent++] = ID_CURRENCY;
  }
  if (scanAnyDigit) {
    gateSeen[ID_DIGIT] = stamp;
    present[nPresent++] = ID_DIGIT;
  }
  for (let q = 0; q < nPresent; q++) {
    const id = present[q]!;
    for (let a = ANCHOR_START[id]!, end = ANCHOR_START[id + 1]!; a < end; a++) {
      let p = ANCHORS[a]!;
      const gate = CONJ[p++]!;
      if (gateOpenAt[gate] === stamp) continue;
      let ok = true;
      for (let nc = CONJ[p++]!; ok && nc > 0; nc--) {
        const nt = CONJ[p++]!;
        let any = false;
        for (let k = p; k < p + nt; k++) {
          if (gateSeen[CONJ[k]!] === stamp) {
            any = true;
            break;
          }
        }
        ok = any;
        p += nt;
      }
      if (ok) gateOpenAt[gate] = stamp;
    }
  }
}

/**
 * Match the phrases filed under the words of the post (after the scan, given the text the
 * patterns read). Where the scan's words or their places may differ from that text's (lowercasing
 * "İ" or the Kelvin sign, or more hits than kept), its words are read again from the text itself.
 */
function readPhrases(t: string): void {
  if (++phraseStamp === 0x7fffffff) {
    phraseFoundAt.fill(0);
    phraseStamp = 1;
  }
  if (!usePhrases) return;
  // The rules whose phrases are read with every post's words (the others' when they are reached).
  let any = 0;
  phraseText = t;
  for (let q = 0; q < PH_WORDS; q++) {
    armed[q] = EAGER[q]!;
    any |= EAGER[q]!;
  }
  if (any !== 0) readArmed(t);
}

/** The lowercase, space-collapsed text of the post (as readPhrases was given it). */
let phraseText = '';

/** Whether one of the phrases of a lazy rule (see phraseLazy) matches in this post, read now. */
function lazyPhrases(rule: number): boolean {
  if (!usePhrases) return false;
  armed.fill(0);
  armed[rule >> 5] = 1 << (rule & 31);
  readArmed(phraseText);
  return phraseFoundAt[rule] === phraseStamp;
}

/**
 * The words of t read again (where the scan's hits may differ from t's words, or were too many):
 * each run of letters and digits that starts at most at `until`, hashed as the table is keyed,
 * with its slot (−1: none). `visit` returns true to stop.
 */
function eachWordSlot(t: string, until: number, visit: (slot: number, start: number) => boolean): void {
  const n = t.length;
  for (let s = 0; s < n && s <= until; s++) {
    let c = t.charCodeAt(s);
    if (!isAlnumCode(c) || (s > 0 && isAlnumCode(t.charCodeAt(s - 1)))) continue;
    let h = 0x811c9dc5;
    let e = s;
    while (e < n && isAlnumCode((c = t.charCodeAt(e)))) {
      h = Math.imul(h ^ c, 0x01000193);
      e++;
    }
    if (visit(lookup(h >>> 0), s)) return;
    s = e;
  }
}

/** Match the phrases of the armed rules at the words of the post. */
function readArmed(t: string): void {
  if (scanGatesExact && nHits <= MAX_HITS) {
    for (let k = 0; k < nHits; k++) phrasesAt(hitSlot[k]!, t, hitAt[k]!, true);
    return;
  }
  eachWordSlot(t, t.length, (slot, s) => {
    if (slot >= 0 && tablePhrases[slot]! >= 0) phrasesAt(slot, t, s, false);
    return false;
  });
}

/**
 * Match the phrases filed under a slot's word, which starts at `at` in t (and, the slot being its
 * hash, is that phrase's first word): each goes on from after the word, once \b holds before it.
 */
function phrasesAt(slot: number, t: string, at: number, seen: boolean): void {
  const head = tablePhrases[slot]!;
  let p = head + 2;
  let some = 0;
  for (let q = 0; q < PH_WORDS; q++) some |= SLOT_PHRASES[p + q]! & armed[q]!;
  if (some === 0) return;
  // The scan's words break at '_'; \b does not.
  if (at > 0 && t.charCodeAt(at - 1) === 95) return;
  if (!isFirstWordAt(head, t, at)) return;
  const from = at + SLOT_PHRASES[head + 1]!;
  const stamp = phraseStamp;
  p += PH_WORDS;
  for (let n = SLOT_PHRASES[p++]!; n > 0; n--, p += 3) {
    const rule = SLOT_PHRASES[p + 1]!;
    // Only rules armed (read with every post's words, or the lazy one asked for) none of whose
    // phrases matched yet; and where the post has a word the phrase needs (if the scan's words
    // can be trusted).
    if ((armed[rule >> 5]! & (1 << (rule & 31))) === 0) continue;
    const needs = SLOT_PHRASES[p + 2]!;
    if (seen && needs >= 0 && !clauseHolds(needs)) continue;
    if (phraseEnd(SLOT_PHRASES[p]!, t, from) >= 0) {
      phraseFoundAt[rule] = stamp;
      armed[rule >> 5]! &= ~(1 << (rule & 31));
    }
  }
}

/** Whether the first word of the slot list at p stands at `at` in t (a word of the same hash would not). */
function isFirstWordAt(p: number, t: string, at: number): boolean {
  const off = SLOT_PHRASES[p]!;
  const len = SLOT_PHRASES[p + 1]!;
  if (at + len > t.length) return false;
  for (let k = 0; k < len; k++) if (t.charCodeAt(at + k) !== FIRST_WORDS[off + k]) return false;
  return true;
}

let usePhrases = true;
/**
 * For the tests: read phrases by lookup (true), or run each rule's whole pattern as a regexp
 * (false), as before phrases.ts: the two must find the same.
 */
export function setPhraseLookups(on: boolean): void {
  usePhrases = on;
}
/** The whole patterns as regexps, for setPhraseLookups(false) (made when first asked for). */
const wholePatterns: Array<RegExp | undefined> = [];
function wholePattern(i: number): RegExp {
  return (wholePatterns[i] ??= new RegExp(compactSource(RULES[i]!.pattern!.source), RULES[i]!.pattern!.flags + 'g'));
}

/** Whether a rule's phrases or the rest of its pattern match (the trigger words and `opens` aside). */
function patternFound(c: Compiled, i: number, t: string, windowed: boolean): boolean {
  if (c.phrase >= 0) {
    if (!usePhrases) {
      const whole = wholePattern(i);
      return windowed ? matchWindowWith(whole, c, t) : testFrom(whole, t, 0);
    }
    if (phraseFoundAt[c.phrase] === phraseStamp || (phraseLazy[c.phrase] === 1 && lazyPhrases(c.phrase))) return true;
  }
  if (c.global === undefined || !gateOpen(c.gate)) return false;
  return windowed ? matchWindow(c, t) : testFrom(c.global, t, 0);
}

/** Whether a gate lets its pattern run in this post. */
function gateOpen(gate: number): boolean {
  return gate < 0 || gatesAllOpen || gateOpenAt[gate] === gateStamp;
}

let useLearned = true;
/** For the bench: leave out the rules with a value (the learned text component), to time the rules alone. */
export function setLearnedComponent(on: boolean): void {
  useLearned = on;
}

let useGates = true;
/** For the tests: skip the word gates (false) or use them (true). */
export function setWordGates(on: boolean): void {
  useGates = on;
}

function detailOf(g: RegExp, s: string): string {
  g.lastIndex = 0;
  const m = g.exec(s);
  g.lastIndex = 0;
  return m ? m[0].trim().slice(0, 40) : '';
}

/**
 * What a rule's pattern matched first in t (for the evidence's detail), as the whole pattern's
 * exec would: the leftmost of its phrases' first match and the rest's. Phrases are read in order,
 * word by word of t, each in the order the regexp tries them, so at one place the first that
 * matches is the one the regexp would take. Where both start at the same place, which of them the
 * whole pattern takes depends on their order in it: the whole pattern says (rare).
 */
function matchedText(c: Compiled, i: number, t: string): string {
  if (c.phrase < 0) return detailOf(c.global!, t);
  if (!usePhrases) return detailOf(wholePattern(i), t);
  let restAt = t.length + 1;
  let text = '';
  if (c.global !== undefined) {
    const g = c.global;
    g.lastIndex = 0;
    const m = g.exec(t);
    g.lastIndex = 0;
    if (m) {
      restAt = m.index;
      text = m[0];
    }
  }
  if (phraseFoundAt[c.phrase] === phraseStamp) {
    // The words of the post in order: the scan's (hits), or read again from t where those may differ.
    if (scanGatesExact && nHits <= MAX_HITS) {
      for (let k = 0; k < nHits && hitAt[k]! <= restAt; k++) {
        const end = firstPhraseEnd(c.phrase, hitSlot[k]!, t, hitAt[k]!);
        if (end >= 0) return hitAt[k] === restAt ? detailOf(wholePattern(i), t) : t.slice(hitAt[k], end).trim().slice(0, 40);
      }
    } else {
      let found: string | undefined;
      eachWordSlot(t, restAt, (slot, s) => {
        const end = slot >= 0 ? firstPhraseEnd(c.phrase, slot, t, s) : -1;
        if (end < 0) return false;
        found = s === restAt ? detailOf(wholePattern(i), t) : t.slice(s, end).trim().slice(0, 40);
        return true;
      });
      if (found !== undefined) return found;
    }
  }
  return text.trim().slice(0, 40);
}

/** Where the first of a rule's phrases filed under the slot, matched at `at` in t, ends (−1: none matches there). */
function firstPhraseEnd(rule: number, slot: number, t: string, at: number): number {
  let p = tablePhrases[slot]!;
  if (p < 0 || (at > 0 && t.charCodeAt(at - 1) === 95) || !isFirstWordAt(p, t, at)) return -1;
  const from = at + SLOT_PHRASES[p + 1]!;
  p += 2 + PH_WORDS;
  for (let k = SLOT_PHRASES[p++]!; k > 0; k--, p += 3) {
    if (SLOT_PHRASES[p + 1] !== rule) continue;
    const end = phraseEnd(SLOT_PHRASES[p]!, t, from);
    if (end >= 0) return end;
  }
  return -1;
}

/** The one view the rules read (extractFeatures is synchronous and never re-entered). */
const view: PostView = {
  tweet: undefined as unknown as TweetFacts, profile: undefined, text: '', t: '', lower: '',
  links: { kinds: 0, shopDomain: '', affiliateDomain: '', otherDomain: '', sites: '' }, x: new Float64Array(0),
  longestWord: 0, longestDigits: 0, letters: 0, upper: 0, currency: false, symbols: false, marks: false,
};

/** The lowercase, space-collapsed text the last extractFeatures read (for the fit: the text model's input). */
export function lastText(): string {
  return view.t;
}

/**
 * Fill `x` (length N_FEATURES, zeroed here) with the features of one post, and `details`
 * with short human details for some of them. Pure apart from writing into the two outputs.
 */
export function extractFeatures(tweet: TweetFacts, profile: AuthorProfile | undefined, x: Float64Array, details: string[]): void {
  x.fill(0);
  let text = tweet.text ?? '';
  scanWords(text);
  // Styled look-alike letters read as the plain ones (NFKC); only then is the text scanned again.
  if (scanStyled) {
    text = text.normalize('NFKC');
    scanWords(text);
  }
  readGates();
  // Phrases are matched on lowercase text with single spaces ("Check  out\nmy channel").
  const lower = scanSpaced ? text.toLowerCase().replace(RE_SPACES, ' ') : text.toLowerCase();
  const t = twoByte(lower);
  readPhrases(lower);
  const v = view;
  v.tweet = tweet;
  v.profile = profile;
  v.text = text;
  v.t = t;
  v.lower = lower;
  v.links = readLinks(tweet.urls ?? [], tweet.cardUrl, scanDotted ? t : '');
  v.x = x;
  v.longestWord = scanLongest;
  v.longestDigits = scanDigits;
  v.letters = scanLetters;
  v.upper = scanUpper;
  v.currency = scanCurrency;
  v.symbols = scanSymbols;
  v.marks = scanMarks;

  for (let i = 0; i < COMPILED.length; i++) {
    const c = COMPILED[i]!;
    if (c.when !== undefined && !c.when(v)) continue;
    const kind = c.kind;
    if (kind === K_VALUE) {
      if (!useLearned) continue;
      const val = c.value!(v);
      if (val === 0) continue;
      x[i] = val;
      if (c.hasDetail) details[i] = c.detail !== undefined ? c.detail(v) : '';
      continue;
    }
    let found: boolean;
    if (kind === K_FIND) found = c.find!(v);
    else {
      const present = (mask[c.q]! & c.m) !== 0;
      if (kind === K_WORDS) found = present && counts[c.bit]! >= c.min;
      else if (kind === K_RAW) found = present && testFrom(c.global!, twoByte(text), 0);
      else if (kind === K_OPENS) found = (present || c.opens!(v)) && patternFound(c, i, t, false);
      else found = present && patternFound(c, i, t, true);
      if (!found && c.or !== undefined) found = c.or(v);
    }
    if (!found) continue;
    x[i] = 1;
    if (c.hasDetail) details[i] = c.detailMatch ? matchedText(c, i, t) : c.detail!(v);
  }
  v.tweet = undefined as unknown as TweetFacts;
  v.profile = undefined;
}
