// The demo X app's renderer: GraphQL tweet -> cell model -> X's tweet-cell markup.
//
//   HomeTimeline JSON ──qbCellFromTweet──▶ CellModel ──qbCellHtml──▶ cellInnerDiv HTML
//   Partial<DemoPost> (tests) ──qbCellFromPost──┘
//
// These functions run in two places: in Node (tests, building the GraphQL pages) and in the demo
// page, where x-site.ts ships them as source text (Function.prototype.toString). So each function
// here must be self-contained: it may call the other exported `qb*` functions and browser/JS
// globals only. No imports, no module-level constants, no closures over module state.
//
// The markup templates are the real saved cell test/fixtures/x-dom/x-tweet-quote.html (a timeline
// tweet cell, tweetyoink, MIT) with its variable parts turned into slots: same nesting, classes,
// data-testids and icons. Slots that the saved cell does not show (repost line, "Replying to",
// the "Ad" label, links inside the text) follow X's markup for those parts.

/** The author or reposter as the cell shows them. */
export interface CellUser {
  handle: string;
  name: string;
  verified: boolean;
  avatar: string;
}

/** A run of tweet text: plain, or one of the links X renders inside tweetText. */
export interface TextPiece {
  kind: 'text' | 'url' | 'hashtag' | 'cashtag' | 'mention';
  /** What is shown: plain text, display URL, "#tag", "$TAG", "@handle". */
  text: string;
  /** url: the t.co link. */
  href?: string;
  /** url: the expanded target. */
  expanded?: string;
}

export interface CellQuote {
  user: CellUser;
  pieces: TextPiece[];
  lang: string;
  createdAt: string;
}

/** Everything one rendered cell shows. */
export interface CellModel {
  id: string;
  user: CellUser;
  pieces: TextPiece[];
  lang: string;
  /** ISO time. */
  createdAt: string;
  repostedBy?: { handle: string; name: string };
  replyTo?: string[];
  isAd?: boolean;
  quote?: CellQuote;
  counts: { reply: number; retweet: number; like: number; bookmark: number; views: number };
}

/** The part of a DemoPost appendPost understands (mirrors DemoPost in x-site.ts). */
export interface PostInput {
  id?: string;
  handle?: string;
  name?: string;
  text?: string;
  urls?: string[];
  isAd?: boolean;
  repostedBy?: string;
  replyTo?: string;
}

export function qbEscapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** X escapes &, < and > in full_text. */
export function qbUnescapeX(s: string): string {
  return s.replace(/&(amp|lt|gt);/g, (_m, e: string) => (e === 'amp' ? '&' : e === 'lt' ? '<' : '>'));
}

/** Deterministic 32-bit FNV-1a hash, for stable made-up t.co codes and ids. */
export function qbHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A stable t.co link for an expanded URL (made up: the real ones are not in our data). */
export function qbShortLink(expanded: string): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let a = qbHash(expanded);
  let b = qbHash('t.co:' + expanded);
  let code = '';
  for (let i = 0; i < 10; i++) {
    const src = i % 2 === 0 ? a : b;
    code += abc[src % 62];
    if (i % 2 === 0) a = Math.floor(a / 62) + qbHash(code);
    else b = Math.floor(b / 62) + qbHash(code + 'b');
  }
  return 'https://t.co/' + code;
}

/** X's display_url: no scheme, no "www.", long ones cut with an ellipsis. */
export function qbDisplayUrl(expanded: string): string {
  const bare = expanded.replace(/^https?:\/\//i, '').replace(/^www\./i, '');
  return bare.length > 26 ? bare.slice(0, 25) + '…' : bare;
}

/**
 * Splits plain text into X's text runs. `urls` are the links the post carries (expanded or bare,
 * as found in the text); they are located in the text, with or without their scheme. A URL not
 * found in the text is appended at the end (X shows a card for those; we show the link).
 */
export function qbTokenize(text: string, urls: string[]): TextPiece[] {
  type Hit = { start: number; end: number; piece: TextPiece };
  const hits: Hit[] = [];
  const taken = (s: number, e: number): boolean => hits.some((h) => s < h.end && e > h.start);
  let tail = '';
  const trailing: string[] = [];
  for (const raw of urls) {
    const u = raw.trim();
    if (!u) continue;
    const bare = u.replace(/^https?:\/\//i, '');
    const expanded = /^https?:\/\//i.test(u) ? u : 'https://' + u;
    let at = -1;
    let len = 0;
    for (const cand of [u, bare]) {
      let from = 0;
      while (from <= text.length) {
        const i = text.indexOf(cand, from);
        if (i < 0) break;
        if (!taken(i, i + cand.length)) {
          at = i;
          len = cand.length;
          break;
        }
        from = i + 1;
      }
      if (at >= 0) break;
    }
    const piece: TextPiece = { kind: 'url', text: qbDisplayUrl(expanded), href: qbShortLink(expanded), expanded };
    if (at >= 0) hits.push({ start: at, end: at + len, piece });
    else trailing.push(expanded);
  }
  const re = /(^|[^\p{L}\p{N}_&/])([#＃][\p{L}\p{M}\p{N}_]*[\p{L}\p{M}][\p{L}\p{M}\p{N}_]*|\$[A-Za-z]{1,6}(?:[._][A-Za-z]{1,2})?(?![\p{L}\p{N}_])|@[A-Za-z0-9_]{1,15}(?![A-Za-z0-9_@]))/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const tok = m[2] ?? '';
    const start = m.index + (m[1] ?? '').length;
    const end = start + tok.length;
    if (taken(start, end)) continue;
    const c = tok[0];
    const kind: TextPiece['kind'] = c === '@' ? 'mention' : c === '$' ? 'cashtag' : 'hashtag';
    hits.push({ start, end, piece: { kind, text: tok } });
  }
  hits.sort((a, b) => a.start - b.start);
  const out: TextPiece[] = [];
  let pos = 0;
  for (const h of hits) {
    if (h.start > pos) out.push({ kind: 'text', text: text.slice(pos, h.start) });
    out.push(h.piece);
    pos = h.end;
  }
  if (pos < text.length) out.push({ kind: 'text', text: text.slice(pos) });
  for (const expanded of trailing) {
    tail = out.length && !/\s$/.test(text) ? ' ' : '';
    if (tail) out.push({ kind: 'text', text: tail });
    out.push({ kind: 'url', text: qbDisplayUrl(expanded), href: qbShortLink(expanded), expanded });
  }
  return out;
}

/**
 * Text runs from a GraphQL tweet's text and entities. Indices are in code points, as X's are;
 * only the display range is shown (X hides leading reply @mentions and trailing media links).
 */
export function qbPiecesFromEntities(fullText: string, entities: Record<string, unknown> | undefined, range: number[] | undefined): TextPiece[] {
  const cps = Array.from(fullText);
  const lo = range && typeof range[0] === 'number' ? range[0] : 0;
  const hi = range && typeof range[1] === 'number' ? range[1] : cps.length;
  type Ent = { s: number; e: number; piece: TextPiece | null };
  const ents: Ent[] = [];
  const list = (k: string): Array<Record<string, unknown>> => {
    const v = entities ? entities[k] : undefined;
    return Array.isArray(v) ? (v as Array<Record<string, unknown>>) : [];
  };
  const idx = (o: Record<string, unknown>): [number, number] | null => {
    const i = o['indices'];
    return Array.isArray(i) && typeof i[0] === 'number' && typeof i[1] === 'number' ? [i[0], i[1]] : null;
  };
  for (const u of list('urls')) {
    const i = idx(u);
    if (!i) continue;
    const expanded = String(u['expanded_url'] ?? u['url'] ?? '');
    ents.push({ s: i[0], e: i[1], piece: { kind: 'url', text: String(u['display_url'] ?? qbDisplayUrl(expanded)), href: String(u['url'] ?? qbShortLink(expanded)), expanded } });
  }
  for (const h of list('hashtags')) {
    const i = idx(h);
    if (i) ents.push({ s: i[0], e: i[1], piece: { kind: 'hashtag', text: '#' + String(h['text'] ?? h['tag'] ?? '') } });
  }
  for (const h of list('symbols')) {
    const i = idx(h);
    if (i) ents.push({ s: i[0], e: i[1], piece: { kind: 'cashtag', text: '$' + String(h['text'] ?? h['tag'] ?? '') } });
  }
  for (const h of list('user_mentions')) {
    const i = idx(h);
    if (i) ents.push({ s: i[0], e: i[1], piece: { kind: 'mention', text: '@' + String(h['screen_name'] ?? '') } });
  }
  for (const h of list('media')) {
    const i = idx(h);
    if (i) ents.push({ s: i[0], e: i[1], piece: null });
  }
  ents.sort((a, b) => a.s - b.s);
  const out: TextPiece[] = [];
  let pos = lo;
  const plain = (a: number, b: number): void => {
    if (b > a) out.push({ kind: 'text', text: qbUnescapeX(cps.slice(a, b).join('')) });
  };
  for (const e of ents) {
    if (e.s < pos || e.s >= hi) continue;
    plain(pos, e.s);
    if (e.piece) out.push(e.piece);
    pos = Math.min(e.e, hi);
  }
  plain(pos, hi);
  // Trim the space X leaves before a hidden trailing media link.
  const last = out[out.length - 1];
  if (last && last.kind === 'text') last.text = last.text.replace(/\s+$/, '');
  return out.filter((p) => p.kind !== 'text' || p.text !== '');
}

/** "Thu Aug 06 21:12:23 +0000 2026" -> ISO. */
export function qbIsoFromXDate(v: string): string {
  const m = /^\w{3} (\w{3}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) \+0000 (\d{4})$/.exec(v);
  if (!m) return '2026-08-06T12:00:00.000Z';
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(m[1] ?? '');
  return new Date(Date.UTC(Number(m[6]), mon, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]))).toISOString();
}

/** Cell model of a GraphQL tweet result (`__typename` Tweet or TweetWithVisibilityResults). */
export function qbCellFromTweet(result: Record<string, unknown>, isAd: boolean): CellModel | null {
  type O = Record<string, unknown>;
  const o = (v: unknown): O => (v && typeof v === 'object' && !Array.isArray(v) ? (v as O) : {});
  const unwrap = (r: O): O => (r['__typename'] === 'TweetWithVisibilityResults' ? o(r['tweet']) : r);
  const userOf = (t: O): CellUser => {
    const u = o(o(o(t['core'])['user_results'])['result']);
    const core = o(u['core']);
    const legacy = o(u['legacy']);
    const handle = String(core['screen_name'] ?? legacy['screen_name'] ?? '');
    const avatar = String(o(u['avatar'])['image_url'] ?? legacy['profile_image_url_https'] ?? 'https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png');
    return { handle, name: String(core['name'] ?? legacy['name'] ?? handle), verified: u['is_blue_verified'] === true, avatar };
  };
  const textOf = (t: O): { pieces: TextPiece[]; lang: string } => {
    const legacy = o(t['legacy']);
    const note = o(o(o(t['note_tweet'])['note_tweet_results'])['result']);
    const lang = String(legacy['lang'] ?? 'und');
    if (typeof note['text'] === 'string') {
      return { pieces: qbPiecesFromEntities(note['text'], o(note['entity_set']), undefined), lang };
    }
    const range = Array.isArray(legacy['display_text_range']) ? (legacy['display_text_range'] as number[]) : undefined;
    return { pieces: qbPiecesFromEntities(String(legacy['full_text'] ?? ''), o(legacy['entities']), range), lang };
  };
  const outer = unwrap(result);
  if (!outer['rest_id']) return null;
  const outerLegacy = o(outer['legacy']);
  const rt = o(o(outerLegacy['retweeted_status_result'])['result']);
  const shown = rt['__typename'] ? unwrap(rt) : outer;
  const legacy = o(shown['legacy']);
  const user = userOf(shown);
  const text = textOf(shown);
  const views = Number(o(shown['views'])['count'] ?? 0);
  const model: CellModel = {
    id: String(shown['rest_id'] ?? outer['rest_id']),
    user,
    pieces: text.pieces,
    lang: text.lang,
    createdAt: qbIsoFromXDate(String(legacy['created_at'] ?? '')),
    counts: {
      reply: Number(legacy['reply_count'] ?? 0),
      retweet: Number(legacy['retweet_count'] ?? 0) + Number(legacy['quote_count'] ?? 0),
      like: Number(legacy['favorite_count'] ?? 0),
      bookmark: Number(legacy['bookmark_count'] ?? 0),
      views: Number.isFinite(views) ? views : 0,
    },
  };
  if (shown !== outer) {
    const by = userOf(outer);
    model.repostedBy = { handle: by.handle, name: by.name };
  }
  const replyTo = legacy['in_reply_to_screen_name'];
  // A reply to oneself (a thread) shows no "Replying to" line.
  if (typeof replyTo === 'string' && replyTo && replyTo.toLowerCase() !== user.handle.toLowerCase()) model.replyTo = [replyTo];
  if (isAd) model.isAd = true;
  const q = o(o(shown['quoted_status_result'])['result']);
  const quoted = q['__typename'] ? unwrap(q) : null;
  if (quoted && quoted['rest_id']) {
    const qt = textOf(quoted);
    model.quote = { user: userOf(quoted), pieces: qt.pieces, lang: qt.lang, createdAt: qbIsoFromXDate(String(o(quoted['legacy'])['created_at'] ?? '')) };
  }
  return model;
}

/** Cell model for appendPost: plain fields, links found in the text. */
export function qbCellFromPost(p: PostInput, fallbackId: string, createdAt: string): CellModel {
  const handle = p.handle || 'demo_user';
  const model: CellModel = {
    id: p.id || fallbackId,
    user: { handle, name: p.name || handle, verified: false, avatar: 'https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png' },
    pieces: qbTokenize(p.text ?? '', p.urls ?? []),
    lang: 'en',
    createdAt,
    counts: { reply: 0, retweet: 0, like: 0, bookmark: 0, views: 0 },
  };
  if (p.repostedBy) model.repostedBy = { handle: p.repostedBy, name: p.repostedBy };
  if (p.replyTo) model.replyTo = [p.replyTo];
  if (p.isAd) model.isAd = true;
  return model;
}

/** X's short counts: 999, 1.2K, 25K, 2.5M. */
export function qbFormatCount(n: number): string {
  if (!n) return '';
  const cut = (v: number): string => (v < 10 ? (Math.floor(v * 10) / 10).toString() : Math.floor(v).toString());
  if (n < 1000) return String(n);
  if (n < 1e6) return cut(n / 1000) + 'K';
  return cut(n / 1e6) + 'M';
}

/** Timeline time label against a fixed "now": "4h", "Aug 6", "Oct 23, 2025". */
export function qbTimeLabel(iso: string, nowIso: string): { label: string; aria: string } {
  const t = Date.parse(iso);
  const now = Date.parse(nowIso);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const d = new Date(t);
  const diff = now - t;
  if (diff >= 0 && diff < 3_600_000) {
    const m = Math.max(1, Math.floor(diff / 60_000));
    return { label: m + 'm', aria: m + (m === 1 ? ' minute ago' : ' minutes ago') };
  }
  if (diff >= 0 && diff < 86_400_000) {
    const h = Math.floor(diff / 3_600_000);
    return { label: h + 'h', aria: h + (h === 1 ? ' hour ago' : ' hours ago') };
  }
  const day = months[d.getUTCMonth()] + ' ' + d.getUTCDate();
  const label = d.getUTCFullYear() === new Date(now).getUTCFullYear() ? day : day + ', ' + d.getUTCFullYear();
  return { label, aria: label };
}

/** Inner HTML of a tweetText div: spans for text, X's link markup, emoji as <img alt>. */
export function qbTextHtml(pieces: TextPiece[]): string {
  const spanCls = 'css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3';
  const linkCls = 'css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3 r-1loqt21';
  const blue = 'style="color: rgb(29, 155, 240);"';
  const emoji = /(\p{Regional_Indicator}{2}|\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}\uFE0F?|[\u{1F3FB}-\u{1F3FF}])*)/gu;
  const textRun = (s: string): string => {
    let out = '';
    let pos = 0;
    for (let m = emoji.exec(s); m; m = emoji.exec(s)) {
      if (m.index > pos) out += '<span class="' + spanCls + '">' + qbEscapeHtml(s.slice(pos, m.index)) + '</span>';
      const e = m[0];
      const code = Array.from(e)
        .map((c) => (c.codePointAt(0) ?? 0).toString(16))
        .filter((h) => h !== 'fe0f')
        .join('-');
      out += '<img alt="' + qbEscapeHtml(e) + '" draggable="false" src="https://abs-0.twimg.com/emoji/v2/svg/' + code + '.svg" class="r-4qtqp9 r-dflpy8 r-k4bwe5 r-1kpi4qh r-pp5qcn r-h9hxbl">';
      pos = m.index + e.length;
    }
    if (pos < s.length) out += '<span class="' + spanCls + '">' + qbEscapeHtml(s.slice(pos)) + '</span>';
    return out;
  };
  let html = '';
  for (const p of pieces) {
    if (p.kind === 'text') html += textRun(p.text);
    else if (p.kind === 'url') {
      const href = p.href ?? qbShortLink(p.expanded ?? p.text);
      const expanded = p.expanded ?? '';
      const scheme = /^https?:\/\//i.exec(expanded)?.[0] ?? '';
      const shown = p.text.replace(/…$/, '');
      const rest = expanded.slice(scheme.length).replace(/^www\./i, '');
      const hidden = (s: string): string => (s ? '<span aria-hidden="true" class="' + spanCls + ' r-qlhcfr r-qvk6io">' + qbEscapeHtml(s) + '</span>' : '');
      const inner = rest.startsWith(shown)
        ? hidden(scheme + (expanded.slice(scheme.length).startsWith('www.') ? 'www.' : '')) + qbEscapeHtml(shown) + hidden(rest.slice(shown.length)) + (p.text.endsWith('…') ? hidden('…') : '')
        : qbEscapeHtml(p.text);
      html += '<a dir="ltr" href="' + qbEscapeHtml(href) + '" rel="noopener noreferrer nofollow" target="_blank" role="link" class="' + linkCls + '" ' + blue + '>' + inner + '</a>';
    } else if (p.kind === 'hashtag') {
      const tag = p.text.replace(/^[#＃]/, '');
      html += '<span class="r-18u37iz"><a dir="ltr" href="/hashtag/' + encodeURIComponent(tag) + '?src=hashtag_click" role="link" class="' + linkCls + '" ' + blue + '>' + qbEscapeHtml(p.text) + '</a></span>';
    } else if (p.kind === 'cashtag') {
      html += '<span class="r-18u37iz"><a dir="ltr" href="/search?q=' + encodeURIComponent(p.text) + '&amp;src=cashtag_click" role="link" class="' + linkCls + '" ' + blue + '>' + qbEscapeHtml(p.text) + '</a></span>';
    } else {
      const h = p.text.replace(/^@/, '');
      html += '<div class="css-175oi2r r-xoduu5"><span class="r-18u37iz"><a dir="ltr" href="/' + encodeURIComponent(h) + '" role="link" class="' + linkCls + '" ' + blue + '>' + qbEscapeHtml(p.text) + '</a></span></div>';
    }
  }
  return html;
}

/** One timeline cell (cellInnerDiv) at translateY(y), in X's markup. */
export function qbCellHtml(m: CellModel, y: number, nowIso: string): string {
  const esc = qbEscapeHtml;
  const handle = esc(m.user.handle);
  const id = esc(m.id);
  const name = qbTextHtml([{ kind: 'text', text: m.user.name }]);
  const avatar = esc(m.user.avatar);
  const verifiedHtml = m.user.verified ? `<div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-xoduu5 r-18u37iz r-1q142lx" style="color: rgb(231, 233, 234);"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3 r-1awozwy r-xoduu5"><svg viewBox="0 0 22 22" aria-label="Verified account" role="img" class="r-4qtqp9 r-yyyyoo r-1xvli5t r-bnwqim r-lrvibr r-m6rgpd r-1cvl2hr r-f9ja8p r-og9te1 r-3t4u6i" data-testid="icon-verified"><g><path d="M20.396 11c-.018-.646-.215-1.275-.57-1.816-.354-.54-.852-.972-1.438-1.246.223-.607.27-1.264.14-1.897-.131-.634-.437-1.218-.882-1.687-.47-.445-1.053-.75-1.687-.882-.633-.13-1.29-.083-1.897.14-.273-.587-.704-1.086-1.245-1.44S11.647 1.62 11 1.604c-.646.017-1.273.213-1.813.568s-.969.854-1.24 1.44c-.608-.223-1.267-.272-1.902-.14-.635.13-1.22.436-1.69.882-.445.47-.749 1.055-.878 1.688-.13.633-.08 1.29.144 1.896-.587.274-1.087.705-1.443 1.245-.356.54-.555 1.17-.574 1.817.02.647.218 1.276.574 1.817.356.54.856.972 1.443 1.245-.224.606-.274 1.263-.144 1.896.13.634.433 1.218.877 1.688.47.443 1.054.747 1.687.878.633.132 1.29.084 1.897-.136.274.586.705 1.084 1.246 1.439.54.354 1.17.551 1.816.569.647-.016 1.276-.213 1.817-.567s.972-.854 1.245-1.44c.604.239 1.266.296 1.903.164.636-.132 1.22-.447 1.68-.907.46-.46.776-1.044.908-1.681s.075-1.299-.165-1.903c.586-.274 1.084-.705 1.439-1.246.354-.54.551-1.17.569-1.816zM9.662 14.85l-3.429-3.428 1.293-1.302 2.072 2.072 4.4-4.794 1.347 1.246z"></path></g></svg></span></div>` : '';
  const t = qbTimeLabel(m.createdAt, nowIso);
  const datetime = esc(m.createdAt);
  const timeLabel = esc(t.label);
  const timeAria = esc(t.aria);
  const timeHtml = m.isAd ? '' : `<div dir="ltr" aria-hidden="true" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-1q142lx r-n7gxbd" style="color: rgb(113, 118, 123);"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">·</span></div><div class="css-175oi2r r-18u37iz r-1q142lx"><a href="/${handle}/status/${id}" dir="ltr" aria-label="${timeAria}" role="link" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-xoduu5 r-1q142lx r-1w6e6rj r-9aw3ui r-3s2u2q r-1loqt21" style="color: rgb(113, 118, 123);"><time datetime="${datetime}">${timeLabel}</time></a></div>`;
  const labelIds = 'id__' + id + 'a id__' + id + 'b';
  const socialHtml = m.repostedBy
    ? '<div class="css-175oi2r r-15zivkp r-q3we1"><div class="css-175oi2r r-18u37iz"><svg viewBox="0 0 24 24" aria-hidden="true" class="r-4qtqp9 r-yyyyoo r-dnmrzs r-bnwqim r-lrvibr r-m6rgpd r-10ptun7 r-1janqcz" style="color: rgb(113, 118, 123);"><g><path d="M4.75 3.79l4.603 4.3-1.706 1.82L6 8.38v7.37c0 .97.784 1.75 1.75 1.75H13V20H7.75c-2.347 0-4.25-1.9-4.25-4.25V8.38L1.853 9.91.147 8.09l4.603-4.3zm11.5 2.71H11V4h5.25c2.347 0 4.25 1.9 4.25 4.25v7.37l1.647-1.53 1.706 1.82-4.603 4.3-4.603-4.3 1.706-1.82L18 15.62V8.25c0-.97-.784-1.75-1.75-1.75z"></path></g></svg><div class="css-175oi2r r-1habvwh r-1wbh5a2 r-1777fci"><a href="/' +
      esc(m.repostedBy.handle) +
      '" dir="ltr" role="link" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-n6v787 r-1cwl3u0 r-b88u0q r-1loqt21" style="color: rgb(113, 118, 123);"><span data-testid="socialContext" class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">' +
      esc(m.repostedBy.name) +
      '</span> reposted</span></a></div></div></div>'
    : '';
  const replyingHtml = m.replyTo && m.replyTo.length
    ? '<div class="css-175oi2r r-4qtqp9 r-zl2h9q"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41" style="color: rgb(113, 118, 123);">Replying to ' +
      m.replyTo
        .map((h) => '<div class="css-175oi2r r-xoduu5"><a href="/' + esc(h) + '" dir="ltr" role="link" class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3 r-1loqt21" style="color: rgb(29, 155, 240);"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">@' + esc(h) + '</span></a></div>')
        .join(' ') +
      '</div></div>'
    : '';
  const adHtml = m.isAd
    ? '<div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-1q142lx r-s1qlax" style="color: rgb(113, 118, 123);"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">Ad</span></div>'
    : '';
  const adOpen = m.isAd ? '<div class="css-175oi2r" data-testid="placementTracking">' : '';
  const adClose = m.isAd ? '</div>' : '';
  const textHtml = m.pieces.length
    ? '<div class="css-175oi2r"><div dir="auto" lang="' + esc(m.lang) + '" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-bnwqim" data-testid="tweetText" style="color: rgb(231, 233, 234);">' + qbTextHtml(m.pieces) + '</div></div>'
    : '';
  let quoteHtml = '';
  if (m.quote) {
    const q = m.quote;
    const qt = qbTimeLabel(q.createdAt, nowIso);
    quoteHtml = qbQuoteHtml(esc(q.user.handle), qbTextHtml([{ kind: 'text', text: q.user.name }]), esc(q.user.avatar), q.user.verified, esc(q.createdAt), esc(qt.label), esc(qt.aria), esc(q.lang), qbTextHtml(q.pieces));
  }
  const c = {
    reply: String(m.counts.reply),
    retweet: String(m.counts.retweet),
    like: String(m.counts.like),
    views: String(m.counts.views),
  };
  const f = {
    reply: qbFormatCount(m.counts.reply),
    retweet: qbFormatCount(m.counts.retweet),
    like: qbFormatCount(m.counts.like),
    views: qbFormatCount(m.counts.views),
  };
  const groupAria = c.reply + ' replies, ' + c.retweet + ' reposts, ' + c.like + ' likes, ' + m.counts.bookmark + ' bookmarks, ' + c.views + ' views';
  return `<div class="css-175oi2r" data-testid="cellInnerDiv" style="transform: translateY(${y}px); position: absolute; width: 100%;"><div class="css-175oi2r r-1igl3o0 r-qklmqi r-1adg3ll r-1ny4l3l"><div class="css-175oi2r">${adOpen}<article aria-labelledby="${labelIds}" role="article" tabindex="0" class="css-175oi2r r-18u37iz r-1udh08x r-1c4vpko r-1c7gwzm r-o7ynqc r-6416eg r-1ny4l3l r-1loqt21" data-testid="tweet"><div class="css-175oi2r r-eqz5dr r-16y2uox r-1wbh5a2"><div class="css-175oi2r r-16y2uox r-1wbh5a2 r-1ny4l3l"><div class="css-175oi2r"><div class="css-175oi2r r-18u37iz"><div class="css-175oi2r r-1iusvr4 r-16y2uox r-ttdzmv">${socialHtml}</div></div></div><div class="css-175oi2r r-18u37iz"><div class="css-175oi2r r-18kxxzh r-1wron08 r-onrtq4 r-1awozwy"><div class="css-175oi2r" data-testid="Tweet-User-Avatar"><div class="css-175oi2r r-18kxxzh r-1wbh5a2 r-13qz1uu"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs"><div class="css-175oi2r r-bztko3 r-1adg3ll" data-testid="UserAvatar-Container-${handle}" style="width: 40px; height: 40px;"><div class="r-1adg3ll r-13qz1uu" style="padding-bottom: 100%;"></div><div class="r-1p0dtai r-1pi2tsx r-1d2f490 r-u8s1d r-ipm5af r-13qz1uu"><div class="css-175oi2r r-1adg3ll r-1pi2tsx r-13qz1uu r-45ll9u r-u8s1d r-1v2oles r-176fswd r-bztko3"><div class="r-1adg3ll r-13qz1uu" style="padding-bottom: 100%;"></div><div class="r-1p0dtai r-1pi2tsx r-1d2f490 r-u8s1d r-ipm5af r-13qz1uu"><div class="css-175oi2r r-sdzlij r-1udh08x r-5f1w11 r-u8s1d r-8jfcpp" style="width: calc(100% + 4px); height: calc(100% + 4px);"><a href="/${handle}" role="link" class="css-175oi2r r-1pi2tsx r-13qz1uu r-o7ynqc r-6416eg r-1ny4l3l r-1loqt21" style="background-color: rgba(0, 0, 0, 0);"><div class="css-175oi2r r-sdzlij r-1udh08x r-633pao r-45ll9u r-u8s1d r-1v2oles r-176fswd" style="background-color: rgb(0, 0, 0); width: calc(100% - 4px); height: calc(100% - 4px);"><div class="css-175oi2r r-1adg3ll r-1udh08x"><div class="r-1adg3ll r-13qz1uu" style="padding-bottom: 100%;"></div><div class="r-1p0dtai r-1pi2tsx r-1d2f490 r-u8s1d r-ipm5af r-13qz1uu"><div class="css-175oi2r r-1mlwlqe r-1udh08x r-417010 r-aqfbo4 r-agouwx r-1p0dtai r-1d2f490 r-u8s1d r-zchlnj r-ipm5af"><div class="css-175oi2r r-1niwhzg r-vvn4in r-u6sd8q r-1p0dtai r-1pi2tsx r-1d2f490 r-u8s1d r-zchlnj r-ipm5af r-13qz1uu r-1wyyakw r-4gszlv" style="background-image: url(&quot;${avatar}&quot;);"></div><img alt="" draggable="true" src="${avatar}" class="css-9pa8cd"></div></div></div></div></a></div></div></div></div></div></div></div></div></div><div class="css-175oi2r r-1iusvr4 r-16y2uox r-1777fci r-kzbkwu"><div class="css-175oi2r r-zl2h9q"><div class="css-175oi2r r-k4xj1c r-18u37iz r-1wtj0ep"><div class="css-175oi2r r-1d09ksm r-18u37iz r-1wbh5a2"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l r-1awozwy r-18u37iz" data-testid="User-Name"><div class="css-175oi2r r-1awozwy r-18u37iz r-1wbh5a2 r-dnmrzs"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs"><a href="/${handle}" role="link" class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l r-1loqt21"><div class="css-175oi2r r-1awozwy r-18u37iz r-1wbh5a2 r-dnmrzs"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-b88u0q r-1awozwy r-6koalj r-1udh08x r-3s2u2q" style="color: rgb(231, 233, 234);"><span class="css-1jxf684 r-dnmrzs r-1udh08x r-1udbk01 r-3s2u2q r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">${name}</span></span></div>${verifiedHtml}</div></a></div></div><div class="css-175oi2r r-18u37iz r-1wbh5a2 r-1ez5h0i"><div class="css-175oi2r r-1d09ksm r-18u37iz r-1wbh5a2"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs"><a href="/${handle}" role="link" tabindex="-1" class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l r-1loqt21"><div dir="ltr" class="css-146c3p1 r-dnmrzs r-1udh08x r-1udbk01 r-3s2u2q r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-18u37iz r-1wvb978" style="color: rgb(113, 118, 123);"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">@${handle}</span></div></a></div>${timeHtml}</div></div></div></div></div><div class="css-175oi2r r-1kkk96v"><div class="css-175oi2r r-1awozwy r-18u37iz r-1cmwbt1 r-1wtj0ep">${adHtml}<div class="css-175oi2r r-18u37iz r-1h0z5md"><button aria-label="Grok actions" role="button" class="css-175oi2r r-1777fci r-bt1l66 r-bztko3 r-lrvibr r-1loqt21 r-1ny4l3l" type="button"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-1awozwy r-6koalj r-1h0z5md r-o7ynqc r-clp7b1 r-3s2u2q" style="color: rgb(113, 118, 123);"><div class="css-175oi2r r-xoduu5"><div class="css-175oi2r r-xoduu5 r-1p0dtai r-1d2f490 r-u8s1d r-zchlnj r-ipm5af r-1niwhzg r-sdzlij r-xf4iuw r-o7ynqc r-6416eg r-1ny4l3l"></div><svg viewBox="0 0 33 32" aria-hidden="true" class="r-4qtqp9 r-yyyyoo r-dnmrzs r-bnwqim r-lrvibr r-m6rgpd r-1xvli5t r-1hdv0qi"><g><path d="M12.745 20.54l10.97-8.19c.539-.4 1.307-.244 1.564.38 1.349 3.288.746 7.241-1.938 9.955-2.683 2.714-6.417 3.31-9.83 1.954l-3.728 1.745c5.347 3.697 11.84 2.782 15.898-1.324 3.219-3.255 4.216-7.692 3.284-11.693l.008.009c-1.351-5.878.332-8.227 3.782-13.031L33 0l-4.54 4.59v-.014L12.743 20.544m-2.263 1.987c-3.837-3.707-3.175-9.446.1-12.755 2.42-2.449 6.388-3.448 9.852-1.979l3.72-1.737c-.67-.49-1.53-1.017-2.515-1.387-4.455-1.854-9.789-.931-13.41 2.728-3.483 3.523-4.579 8.94-2.697 13.561 1.405 3.454-.899 5.898-3.22 8.364C1.49 30.2.666 31.074 0 32l10.478-9.466"></path></g></svg></div></div></button></div><div class="css-175oi2r r-1awozwy r-6koalj r-18u37iz"><div class="css-175oi2r"><div class="css-175oi2r r-18u37iz r-1h0z5md"><button aria-expanded="false" aria-haspopup="menu" aria-label="More" role="button" class="css-175oi2r r-1777fci r-bt1l66 r-bztko3 r-lrvibr r-1loqt21 r-1ny4l3l" data-testid="caret" type="button"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-1awozwy r-6koalj r-1h0z5md r-o7ynqc r-clp7b1 r-3s2u2q" style="color: rgb(113, 118, 123);"><div class="css-175oi2r r-xoduu5"><div class="css-175oi2r r-xoduu5 r-1p0dtai r-1d2f490 r-u8s1d r-zchlnj r-ipm5af r-1niwhzg r-sdzlij r-xf4iuw r-o7ynqc r-6416eg r-1ny4l3l"></div><svg viewBox="0 0 24 24" aria-hidden="true" class="r-4qtqp9 r-yyyyoo r-dnmrzs r-bnwqim r-lrvibr r-m6rgpd r-1xvli5t r-1hdv0qi"><g><path d="M3 12c0-1.1.9-2 2-2s2 .9 2 2-.9 2-2 2-2-.9-2-2zm9 2c1.1 0 2-.9 2-2s-.9-2-2-2-2 .9-2 2 .9 2 2 2zm7 0c1.1 0 2-.9 2-2s-.9-2-2-2-2 .9-2 2 .9 2 2 2z"></path></g></svg></div></div></button></div></div></div></div></div></div><div class="css-175oi2r r-18u37iz r-1wtj0ep r-zl2h9q"></div></div>${replyingHtml}${textHtml}${quoteHtml}<div class="css-175oi2r"><div class="css-175oi2r"><div aria-label="${groupAria}" role="group" class="css-175oi2r r-1kbdv8c r-18u37iz r-1wtj0ep r-1ye8kvj r-1s2bzr4"><div class="css-175oi2r r-18u37iz r-1h0z5md r-13awgt0"><button aria-label="${c.reply} Replies. Reply" role="button" class="css-175oi2r r-1777fci r-bt1l66 r-bztko3 r-lrvibr r-1loqt21 r-1ny4l3l" data-testid="reply" type="button"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-1awozwy r-6koalj r-1h0z5md r-o7ynqc r-clp7b1 r-3s2u2q" style="color: rgb(113, 118, 123);"><div class="css-175oi2r r-xoduu5"><div class="css-175oi2r r-xoduu5 r-1p0dtai r-1d2f490 r-u8s1d r-zchlnj r-ipm5af r-1niwhzg r-sdzlij r-xf4iuw r-o7ynqc r-6416eg r-1ny4l3l"></div><svg viewBox="0 0 24 24" aria-hidden="true" class="r-4qtqp9 r-yyyyoo r-dnmrzs r-bnwqim r-lrvibr r-m6rgpd r-1xvli5t r-1hdv0qi"><g><path d="M1.751 10c0-4.42 3.584-8 8.005-8h4.366c4.49 0 8.129 3.64 8.129 8.13 0 2.96-1.607 5.68-4.196 7.11l-8.054 4.46v-3.69h-.067c-4.49.1-8.183-3.51-8.183-8.01zm8.005-6c-3.317 0-6.005 2.69-6.005 6 0 3.37 2.77 6.08 6.138 6.01l.351-.01h1.761v2.3l5.087-2.81c1.951-1.08 3.163-3.13 3.163-5.36 0-3.39-2.744-6.13-6.129-6.13H9.756z"></path></g></svg></div><div class="css-175oi2r r-xoduu5 r-1udh08x"><span data-testid="app-text-transition-container" style="transition-property: transform; transition-duration: 0.3s; transform: translate3d(0px, 0px, 0px);"><span class="css-1jxf684 r-1ttztb7 r-qvutc0 r-poiln3 r-n6v787 r-1cwl3u0 r-1k6nrdp r-n7gxbd"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">${f.reply}</span></span></span></div></div></button></div><div class="css-175oi2r r-18u37iz r-1h0z5md r-13awgt0"><button aria-expanded="false" aria-haspopup="menu" aria-label="${c.retweet} reposts. Repost" role="button" class="css-175oi2r r-1777fci r-bt1l66 r-bztko3 r-lrvibr r-1loqt21 r-1ny4l3l" data-testid="retweet" type="button"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-1awozwy r-6koalj r-1h0z5md r-o7ynqc r-clp7b1 r-3s2u2q" style="color: rgb(113, 118, 123);"><div class="css-175oi2r r-xoduu5"><div class="css-175oi2r r-xoduu5 r-1p0dtai r-1d2f490 r-u8s1d r-zchlnj r-ipm5af r-1niwhzg r-sdzlij r-xf4iuw r-o7ynqc r-6416eg r-1ny4l3l"></div><svg viewBox="0 0 24 24" aria-hidden="true" class="r-4qtqp9 r-yyyyoo r-dnmrzs r-bnwqim r-lrvibr r-m6rgpd r-1xvli5t r-1hdv0qi"><g><path d="M4.5 3.88l4.432 4.14-1.364 1.46L5.5 7.55V16c0 1.1.896 2 2 2H13v2H7.5c-2.209 0-4-1.79-4-4V7.55L1.432 9.48.068 8.02 4.5 3.88zM16.5 6H11V4h5.5c2.209 0 4 1.79 4 4v8.45l2.068-1.93 1.364 1.46-4.432 4.14-4.432-4.14 1.364-1.46 2.068 1.93V8c0-1.1-.896-2-2-2z"></path></g></svg></div><div class="css-175oi2r r-xoduu5 r-1udh08x"><span data-testid="app-text-transition-container" style="transition-property: transform; transition-duration: 0.3s; transform: translate3d(0px, 0px, 0px);"><span class="css-1jxf684 r-1ttztb7 r-qvutc0 r-poiln3 r-n6v787 r-1cwl3u0 r-1k6nrdp r-n7gxbd"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">${f.retweet}</span></span></span></div></div></button></div><div class="css-175oi2r r-18u37iz r-1h0z5md r-13awgt0"><button aria-label="${c.like} Likes. Like" role="button" class="css-175oi2r r-1777fci r-bt1l66 r-bztko3 r-lrvibr r-1loqt21 r-1ny4l3l" data-testid="like" type="button"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-1awozwy r-6koalj r-1h0z5md r-o7ynqc r-clp7b1 r-3s2u2q" style="color: rgb(113, 118, 123);"><div class="css-175oi2r r-xoduu5"><div class="css-175oi2r r-xoduu5 r-1p0dtai r-1d2f490 r-u8s1d r-zchlnj r-ipm5af r-1niwhzg r-sdzlij r-xf4iuw r-o7ynqc r-6416eg r-1ny4l3l"></div><svg viewBox="0 0 24 24" aria-hidden="true" class="r-4qtqp9 r-yyyyoo r-dnmrzs r-bnwqim r-lrvibr r-m6rgpd r-1xvli5t r-1hdv0qi"><g><path d="M16.697 5.5c-1.222-.06-2.679.51-3.89 2.16l-.805 1.09-.806-1.09C9.984 6.01 8.526 5.44 7.304 5.5c-1.243.07-2.349.78-2.91 1.91-.552 1.12-.633 2.78.479 4.82 1.074 1.97 3.257 4.27 7.129 6.61 3.87-2.34 6.052-4.64 7.126-6.61 1.111-2.04 1.03-3.7.477-4.82-.561-1.13-1.666-1.84-2.908-1.91zm4.187 7.69c-1.351 2.48-4.001 5.12-8.379 7.67l-.503.3-.504-.3c-4.379-2.55-7.029-5.19-8.382-7.67-1.36-2.5-1.41-4.86-.514-6.67.887-1.79 2.647-2.91 4.601-3.01 1.651-.09 3.368.56 4.798 2.01 1.429-1.45 3.146-2.1 4.796-2.01 1.954.1 3.714 1.22 4.601 3.01.896 1.81.846 4.17-.514 6.67z"></path></g></svg></div><div class="css-175oi2r r-xoduu5 r-1udh08x"><span data-testid="app-text-transition-container" style="transition-property: transform; transition-duration: 0.3s; transform: translate3d(0px, 0px, 0px);"><span class="css-1jxf684 r-1ttztb7 r-qvutc0 r-poiln3 r-n6v787 r-1cwl3u0 r-1k6nrdp r-n7gxbd"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">${f.like}</span></span></span></div></div></button></div><div class="css-175oi2r r-18u37iz r-1h0z5md r-13awgt0"><a href="/${handle}/status/${id}/analytics" aria-label="${c.views} views. View post analytics" role="link" class="css-175oi2r r-1777fci r-bt1l66 r-bztko3 r-lrvibr r-1ny4l3l r-1loqt21"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-1awozwy r-6koalj r-1h0z5md r-o7ynqc r-clp7b1 r-3s2u2q" style="color: rgb(113, 118, 123);"><div class="css-175oi2r r-xoduu5"><div class="css-175oi2r r-xoduu5 r-1p0dtai r-1d2f490 r-u8s1d r-zchlnj r-ipm5af r-1niwhzg r-sdzlij r-xf4iuw r-o7ynqc r-6416eg r-1ny4l3l"></div><svg viewBox="0 0 24 24" aria-hidden="true" class="r-4qtqp9 r-yyyyoo r-dnmrzs r-bnwqim r-lrvibr r-m6rgpd r-1xvli5t r-1hdv0qi"><g><path d="M8.75 21V3h2v18h-2zM18 21V8.5h2V21h-2zM4 21l.004-10h2L6 21H4zm9.248 0v-7h2v7h-2z"></path></g></svg></div><div class="css-175oi2r r-xoduu5 r-1udh08x"><span data-testid="app-text-transition-container" style="transition-property: transform; transition-duration: 0.3s; transform: translate3d(0px, 0px, 0px);"><span class="css-1jxf684 r-1ttztb7 r-qvutc0 r-poiln3 r-n6v787 r-1cwl3u0 r-1k6nrdp r-n7gxbd"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">${f.views}</span></span></span></div></div></a></div><div class="css-175oi2r r-18u37iz r-1h0z5md r-1wron08"><button aria-label="Bookmark" role="button" class="css-175oi2r r-1777fci r-bt1l66 r-bztko3 r-lrvibr r-1loqt21 r-1ny4l3l" data-testid="bookmark" type="button"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-1awozwy r-6koalj r-1h0z5md r-o7ynqc r-clp7b1 r-3s2u2q" style="color: rgb(113, 118, 123);"><div class="css-175oi2r r-xoduu5"><div class="css-175oi2r r-xoduu5 r-1p0dtai r-1d2f490 r-u8s1d r-zchlnj r-ipm5af r-1niwhzg r-sdzlij r-xf4iuw r-o7ynqc r-6416eg r-1ny4l3l"></div><svg viewBox="0 0 24 24" aria-hidden="true" class="r-4qtqp9 r-yyyyoo r-dnmrzs r-bnwqim r-lrvibr r-m6rgpd r-1xvli5t r-1hdv0qi"><g><path d="M4 4.5C4 3.12 5.119 2 6.5 2h11C18.881 2 20 3.12 20 4.5v18.44l-8-5.71-8 5.71V4.5zM6.5 4c-.276 0-.5.22-.5.5v14.56l6-4.29 6 4.29V4.5c0-.28-.224-.5-.5-.5h-11z"></path></g></svg></div></div></button></div><div class="css-175oi2r" style="justify-content: inherit; display: inline-grid; transform: rotate(0deg) scale(1) translate3d(0px, 0px, 0px);"><div class="css-175oi2r r-18u37iz r-1h0z5md"><button aria-expanded="false" aria-haspopup="menu" aria-label="Share post" role="button" class="css-175oi2r r-1777fci r-bt1l66 r-bztko3 r-lrvibr r-1loqt21 r-1ny4l3l" type="button"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-1awozwy r-6koalj r-1h0z5md r-o7ynqc r-clp7b1 r-3s2u2q" style="color: rgb(113, 118, 123);"><div class="css-175oi2r r-xoduu5"><div class="css-175oi2r r-xoduu5 r-1p0dtai r-1d2f490 r-u8s1d r-zchlnj r-ipm5af r-1niwhzg r-sdzlij r-xf4iuw r-o7ynqc r-6416eg r-1ny4l3l"></div><svg viewBox="0 0 24 24" aria-hidden="true" class="r-4qtqp9 r-yyyyoo r-dnmrzs r-bnwqim r-lrvibr r-m6rgpd r-1xvli5t r-1hdv0qi"><g><path d="M12 2.59l5.7 5.7-1.41 1.42L13 6.41V16h-2V6.41l-3.3 3.3-1.41-1.42L12 2.59zM21 15l-.02 3.51c0 1.38-1.12 2.49-2.5 2.49H5.5C4.11 21 3 19.88 3 18.5V15h2v3.5c0 .28.22.5.5.5h12.98c.28 0 .5-.22.5-.5L19 15h2z"></path></g></svg></div></div></button></div></div></div></div></div></div></div></div></div></article>${adClose}</div></div></div>
`;
}

/** The quoted tweet box inside a cell (arguments already escaped / rendered). */
export function qbQuoteHtml(handle: string, name: string, avatar: string, verified: boolean, datetime: string, timeLabel: string, timeAria: string, lang: string, textSpans: string): string {
  const verifiedHtml = verified ? `<div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-xoduu5 r-18u37iz r-1q142lx" style="color: rgb(231, 233, 234);"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3 r-1awozwy r-xoduu5"><svg viewBox="0 0 22 22" aria-label="Verified account" role="img" class="r-4qtqp9 r-yyyyoo r-1xvli5t r-bnwqim r-lrvibr r-m6rgpd r-1cvl2hr r-f9ja8p r-og9te1 r-3t4u6i" data-testid="icon-verified"><g><path d="M20.396 11c-.018-.646-.215-1.275-.57-1.816-.354-.54-.852-.972-1.438-1.246.223-.607.27-1.264.14-1.897-.131-.634-.437-1.218-.882-1.687-.47-.445-1.053-.75-1.687-.882-.633-.13-1.29-.083-1.897.14-.273-.587-.704-1.086-1.245-1.44S11.647 1.62 11 1.604c-.646.017-1.273.213-1.813.568s-.969.854-1.24 1.44c-.608-.223-1.267-.272-1.902-.14-.635.13-1.22.436-1.69.882-.445.47-.749 1.055-.878 1.688-.13.633-.08 1.29.144 1.896-.587.274-1.087.705-1.443 1.245-.356.54-.555 1.17-.574 1.817.02.647.218 1.276.574 1.817.356.54.856.972 1.443 1.245-.224.606-.274 1.263-.144 1.896.13.634.433 1.218.877 1.688.47.443 1.054.747 1.687.878.633.132 1.29.084 1.897-.136.274.586.705 1.084 1.246 1.439.54.354 1.17.551 1.816.569.647-.016 1.276-.213 1.817-.567s.972-.854 1.245-1.44c.604.239 1.266.296 1.903.164.636-.132 1.22-.447 1.68-.907.46-.46.776-1.044.908-1.681s.075-1.299-.165-1.903c.586-.274 1.084-.705 1.439-1.246.354-.54.551-1.17.569-1.816zM9.662 14.85l-3.429-3.428 1.293-1.302 2.072 2.072 4.4-4.794 1.347 1.246z"></path></g></svg></span></div>` : '';
  return `<div aria-labelledby="id__quoted_tweet" class="css-175oi2r r-9aw3ui r-1s2bzr4"><div class="css-175oi2r"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-4iw3lz r-1xk2f4g r-109y4c4 r-1udh08x r-wwvuq4 r-u8s1d r-92ng3h" style="color: rgb(231, 233, 234);"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">Quote</span></div><div tabindex="0" class="css-175oi2r r-adacv r-1udh08x r-1kqtdi0 r-1867qdf r-rs99b7 r-o7ynqc r-6416eg r-1ny4l3l r-1loqt21" role="link"><div class="css-175oi2r"><div class="css-175oi2r r-eqz5dr r-jusfrs r-1s2bzr4"><div class="css-175oi2r r-1awozwy r-18u37iz r-1wbh5a2"><div class="css-175oi2r r-1wbh5a2 r-1udh08x"><div class="css-175oi2r r-1awozwy r-18u37iz r-dnmrzs"><div class="css-175oi2r r-1gs4q39" data-testid="Tweet-User-Avatar"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs"><div class="css-175oi2r r-1adg3ll r-bztko3" data-testid="UserAvatar-Container-${handle}" style="width: 24px; height: 24px;"><div class="r-1adg3ll r-13qz1uu" style="padding-bottom: 100%;"></div><div class="r-1p0dtai r-1pi2tsx r-1d2f490 r-u8s1d r-ipm5af r-13qz1uu"><div class="css-175oi2r r-1adg3ll r-1pi2tsx r-13qz1uu r-45ll9u r-u8s1d r-1v2oles r-176fswd r-bztko3"><div class="r-1adg3ll r-13qz1uu" style="padding-bottom: 100%;"></div><div class="r-1p0dtai r-1pi2tsx r-1d2f490 r-u8s1d r-ipm5af r-13qz1uu"><div class="css-175oi2r r-sdzlij r-1udh08x r-5f1w11 r-u8s1d r-8jfcpp" style="width: calc(100% + 4px); height: calc(100% + 4px);"><div aria-hidden="true" role="presentation" tabindex="-1" class="css-175oi2r r-1pi2tsx r-13qz1uu r-1ny4l3l" style="background-color: rgba(0, 0, 0, 0);"><div class="css-175oi2r r-sdzlij r-1udh08x r-633pao r-45ll9u r-u8s1d r-1v2oles r-176fswd" style="background-color: rgb(0, 0, 0); width: calc(100% - 4px); height: calc(100% - 4px);"><div class="css-175oi2r r-1adg3ll r-1udh08x"><div class="r-1adg3ll r-13qz1uu" style="padding-bottom: 100%;"></div><div class="r-1p0dtai r-1pi2tsx r-1d2f490 r-u8s1d r-ipm5af r-13qz1uu"><div class="css-175oi2r r-1mlwlqe r-1udh08x r-417010 r-aqfbo4 r-agouwx r-1p0dtai r-1d2f490 r-u8s1d r-zchlnj r-ipm5af"><div class="css-175oi2r r-1niwhzg r-vvn4in r-u6sd8q r-1p0dtai r-1pi2tsx r-1d2f490 r-u8s1d r-zchlnj r-ipm5af r-13qz1uu r-1wyyakw r-4gszlv" style="background-image: url(&quot;${avatar}&quot;);"></div><img alt="" draggable="true" src="${avatar}" class="css-9pa8cd"></div></div></div></div></div></div></div></div></div></div></div><div class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l r-1awozwy r-18u37iz" data-testid="User-Name"><div class="css-175oi2r r-1awozwy r-18u37iz r-1wbh5a2 r-dnmrzs"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l"><div class="css-175oi2r r-1awozwy r-18u37iz r-1wbh5a2 r-dnmrzs"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-b88u0q r-1awozwy r-6koalj r-1udh08x r-3s2u2q" style="color: rgb(231, 233, 234);"><span class="css-1jxf684 r-dnmrzs r-1udh08x r-1udbk01 r-3s2u2q r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">${name}</span></span></div>${verifiedHtml}</div></div></div></div><div class="css-175oi2r r-18u37iz r-1wbh5a2 r-1ez5h0i"><div class="css-175oi2r r-1d09ksm r-18u37iz r-1wbh5a2"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs"><div tabindex="-1" class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l"><div dir="ltr" class="css-146c3p1 r-dnmrzs r-1udh08x r-1udbk01 r-3s2u2q r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-18u37iz r-1wvb978" style="color: rgb(113, 118, 123);"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">@${handle}</span></div></div></div><div dir="ltr" aria-hidden="true" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-1q142lx r-n7gxbd" style="color: rgb(113, 118, 123);"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">·</span></div><div class="css-175oi2r r-18u37iz r-1q142lx"><div class="css-175oi2r r-1d09ksm r-18u37iz r-1wbh5a2"><div dir="ltr" aria-label="${timeAria}" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-xoduu5 r-1q142lx r-1w6e6rj r-9aw3ui r-3s2u2q" style="color: rgb(113, 118, 123);"><time datetime="${datetime}">${timeLabel}</time></div></div></div></div></div></div></div></div></div></div></div><div class="css-175oi2r r-6gpygo r-jusfrs"><div dir="auto" lang="${lang}" class="css-146c3p1 r-8akbws r-krxsd3 r-dnmrzs r-1udh08x r-1udbk01 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-bnwqim r-14gqq1x" data-testid="tweetText" style="-webkit-line-clamp: 5; color: rgb(231, 233, 234);">${textSpans}</div></div></div></div></div></div>`;
}

/** Source of the functions above, for the page script. */
export const PAGE_RENDER_FUNCTIONS: ReadonlyArray<(...args: never[]) => unknown> = [
  qbEscapeHtml,
  qbUnescapeX,
  qbHash,
  qbShortLink,
  qbDisplayUrl,
  qbTokenize,
  qbPiecesFromEntities,
  qbIsoFromXDate,
  qbCellFromTweet,
  qbCellFromPost,
  qbFormatCount,
  qbTimeLabel,
  qbTextHtml,
  qbCellHtml,
  qbQuoteHtml,
];
