// Regexps rewritten, matches unchanged, so that V8 compiles them to less native code (issue 12:
// the background worker's heap).

/**
 * The same pattern with each word boundary that follows a group or ends an alternative written as a
 * lookahead, \b → (?=\b) (and \B alike): the same assertion, so the same matches. V8 copies a plain
 * boundary into the code of every alternative before it; a lookahead it emits once. The rules'
 * native regexp code shrinks by about 30% (1.25 → 0.87 MB over the development set, Node 20),
 * with no loss of speed. Escapes and character classes ([\b] is a backspace) are left alone.
 */
export function boundariesAsLookaheads(src: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') {
      const d = src[i + 1] ?? '';
      const next = src[i + 2];
      const closes = next === undefined || next === ')' || next === '|';
      if (!inClass && (d === 'b' || d === 'B') && i > 0 && (src[i - 1] === ')' || closes)) out += `(?=\\${d})`;
      else out += c + d;
      i++;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    out += c;
  }
  return out;
}

/**
 * The same pattern with an empty lookahead, (?=), after a group that more pattern follows, where
 * something that consumes characters comes before the group in its alternative. The lookahead
 * always holds and consumes nothing, so the matches and the order in which the engine tries them
 * are the same; but V8 then emits the code of what follows a choice once, instead of once per
 * alternative (or per way of taking an optional group) before it: "our (?:new |latest
 * )?(?:app|product|…)" compiles to 8 KB instead of 32; the rules' patterns 962 → 738 KB (Node 20),
 * the background worker's regexp code 1,112 → 845 KB. Not after a group that opens its
 * alternative: there the lookahead would stop the engine's quick checks of where a match may
 * start, and every position of the text would cost more (some patterns ran 2–3× slower).
 */
export function flushAfterGroups(src: string): string {
  let out = '';
  /** Per open group (and the whole pattern): whether its current alternative consumed something yet, whether it is a lookaround. */
  const consumed: boolean[] = [false];
  const look: boolean[] = [false];
  const optionalNext = (at: number) => /^(?:[?*]|\{0[,}])/.test(src.slice(at));
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    const top = consumed.length - 1;
    if (c === '(') {
      const kind = /^\((?:\?:|\?=|\?!|\?<=|\?<!)?/.exec(src.slice(i))![0];
      out += kind;
      i += kind.length - 1;
      consumed.push(false);
      look.push(kind.length > 3 || kind === '(?=' || kind === '(?!');
      continue;
    }
    if (c === '|') {
      consumed[top] = false;
      out += c;
      continue;
    }
    if (c === ')') {
      const wasLook = look.pop()!;
      consumed.pop();
      out += c;
      const q = /^(?:[?*+]|\{\d+(?:,\d*)?\})\??/.exec(src.slice(i + 1));
      if (q) {
        out += q[0];
        i += q[0].length;
      }
      const next = src[i + 1];
      const parent = consumed.length - 1;
      if (!wasLook && consumed[parent] && next !== undefined && next !== '|' && next !== ')') out += '(?=)';
      if (!wasLook && (!q || q[0][0] === '+' || /^\{[1-9]/.test(q[0]))) consumed[parent] = true;
      continue;
    }
    // An atom: an escape, a class or a character.
    let atom = c;
    if (c === '\\') atom = c + (src[i + 1] ?? '');
    else if (c === '[') {
      let j = i + 1;
      while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
      atom = src.slice(i, j + 1);
    }
    out += atom;
    i += atom.length - 1;
    const assertion = atom === '^' || atom === '$' || atom === '\\b' || atom === '\\B';
    if (!assertion && !optionalNext(i + 1)) consumed[top] = true;
  }
  return out;
}

/** The form of a pattern the engine runs: boundaries as lookaheads, then empty lookaheads after groups (flushAfterGroups). */
export function compactSource(src: string): string {
  return flushAfterGroups(boundariesAsLookaheads(src));
}

/** The same regexp (source and flags) with compactSource. */
export function compactRegExp(re: RegExp): RegExp {
  return new RegExp(compactSource(re.source), re.flags);
}
