// The demo X page's own script: a tiny stand-in for X's web app (not the extension).
//
//   load ─▶ fetch(HomeTimeline) ─▶ render first page ─▶ scroll near bottom ─▶ XHR(HomeTimeline, cursor)
//                                        │                                        │
//                                        └──────── append whole cellInnerDiv subtrees ┘
//                                                   positioned with translateY, re-laid out on resize
//
// Layout never interleaves reads and writes: cell heights come from the ResizeObserver's entries
// (measured by the browser after its own layout), positions are kept in arrays, and only then
// are transforms written. A cell above the viewport that changes height moves the scroll position
// by the same amount, so what the reader looks at stays put (X's list does the same).
//
// `stream()` is for the page benchmark (scripts/bench-page.ts): cells arrive a few at a time, as
// X renders them while the reader scrolls, optionally keeping only the newest N (X's list is
// virtualised: cells far above are removed).
//
// Like render.ts, `qbDemoApp` is shipped to the page as source text, so it must be self-contained:
// the renderers come in as a parameter (not imports: test runners and bundlers rewrite imported
// names inside function bodies, which would break the shipped source).
import type { CellModel, PostInput } from './render';

/** The render.ts functions the app needs. */
export interface DemoRenderers {
  cellFromTweet(result: Record<string, unknown>, isAd: boolean): CellModel | null;
  cellFromPost(p: PostInput, fallbackId: string, createdAt: string): CellModel;
  cellHtml(m: CellModel, y: number, nowIso: string): string;
}

export interface DemoAppConfig {
  /** GraphQL query hash of HomeTimeline (made up). */
  hash: string;
  /** Fixed "now" for time labels. */
  now: string;
  /** Estimated cell height before layout (px). */
  estimate: number;
  /** Real saved cells to show verbatim, by tweet id. */
  verbatim: Record<string, string>;
  /** HomeTimeline `features` parameter (X sends it with every request). */
  features: Record<string, boolean>;
}

export interface StreamOptions {
  /** Cells to render in all. */
  total: number;
  /** Cells per tick (X renders a few at a time). Default 5. */
  perTick?: number;
  /** Milliseconds between ticks. Default 50. */
  everyMs?: number;
  /** Keep only the newest `keep` cells in the document (a virtualised list). Default: keep all. */
  keep?: number;
  /** Scroll so the newest cell is at the bottom of the viewport, as a reader following the stream. Default true. */
  follow?: boolean;
  /** Called for each cell right after it is appended (same task). */
  onMount?: (cell: HTMLElement, info: { id: string; handle: string; isAd: boolean; index: number }) => void;
  /** Called with the number of cells rendered so far, after each tick. */
  onTick?: (rendered: number) => void;
}

/** What the page exposes as `window.qbDemo`. */
export interface QbDemo {
  /** Fetches the next page and renders it; resolves with the number of cells added (0 when done). */
  loadMore(): Promise<number>;
  /** Renders one cell synchronously at the end of the timeline. */
  appendPost(p: PostInput): HTMLElement;
  /** Cells rendered so far (including cells a virtualised stream removed again). */
  rendered(): number;
  /** All pages loaded. */
  done(): boolean;
  /** Resolves when the first page is rendered, with its cell count. */
  ready(): Promise<number>;
  /** Renders the timeline's next cells a few at a time; resolves with the number rendered when `total` is reached or the timeline ends. */
  stream(opts: StreamOptions): Promise<number>;
}

export function qbDemoApp(cfg: DemoAppConfig, r: DemoRenderers): void {
  type O = Record<string, unknown>;
  type Pending = { id: string; handle: string; isAd: boolean; html: (y: number) => string };
  const list = document.querySelector('[aria-label="Timeline: Your Home Timeline"] > div') as HTMLElement | null;
  if (!list) return;
  /** Cells in the document, in timeline order, with their positions and last known heights. */
  const cells: HTMLElement[] = [];
  const tops: number[] = [];
  const heights: number[] = [];
  /** Mount order of each cell, and of cells[0]: index in `cells` = seq - firstSeq. */
  const seqOf = new WeakMap<HTMLElement, number>();
  let firstSeq = 0;
  let mounted = 0;
  /** Bottom of the last cell (px). */
  let end = 0;
  let cursor: string | null = null;
  let finished = false;
  let pending: Promise<number> | null = null;
  let appended = 0;
  /** While streaming, parsed cells wait here instead of being mounted at once. */
  let queue: Pending[] | null = null;

  const url = (after: string | null): string => {
    const variables: O = { count: 20, includePromotedContent: true, latestControlAvailable: true, requestContext: 'launch', withCommunity: true };
    if (after) variables['cursor'] = after;
    return '/i/api/graphql/' + cfg.hash + '/HomeTimeline?variables=' + encodeURIComponent(JSON.stringify(variables)) + '&features=' + encodeURIComponent(JSON.stringify(cfg.features));
  };

  // Writes only: positions from index `from` on, from the heights already known.
  const place = (from: number): void => {
    let y = from > 0 ? tops[from - 1]! + heights[from - 1]! : (tops[0] ?? 0);
    for (let i = from; i < cells.length; i++) {
      if (tops[i] !== y) {
        tops[i] = y;
        cells[i]!.style.transform = 'translateY(' + y + 'px)';
      }
      y += heights[i]!;
    }
    if (cells.length) end = y;
    list.style.minHeight = end + 'px';
  };

  // Heights measured by the browser (read phase), then positions written (write phase), then
  // the scroll position moved by what changed above the viewport.
  const onResize = (entries: ResizeObserverEntry[]): void => {
    const viewTop = window.scrollY;
    let from = Infinity;
    let above = 0;
    for (const e of entries) {
      const cell = e.target as HTMLElement;
      const seq = seqOf.get(cell);
      if (seq === undefined || !cell.isConnected) continue;
      const i = seq - firstSeq;
      const box = e.borderBoxSize?.[0];
      const h = box ? box.blockSize : e.contentRect.height;
      if (i < 0 || i >= cells.length || heights[i] === h) continue;
      if (tops[i]! + heights[i]! <= viewTop) above += h - heights[i]!;
      heights[i] = h;
      from = Math.min(from, i);
    }
    if (from === Infinity) return;
    place(from);
    if (above !== 0) window.scrollTo(0, viewTop + above);
  };
  const resizes = typeof ResizeObserver === 'function' ? new ResizeObserver(onResize) : null;

  const mount = (html: string): HTMLElement => {
    const tpl = document.createElement('template');
    tpl.innerHTML = html.trim();
    const cell = tpl.content.firstElementChild as HTMLElement;
    cell.style.transform = 'translateY(' + end + 'px)';
    cell.style.position = 'absolute';
    cell.style.width = '100%';
    seqOf.set(cell, mounted++);
    cells.push(cell);
    tops.push(end);
    heights.push(cfg.estimate);
    end += cfg.estimate;
    list.appendChild(cell);
    resizes?.observe(cell);
    list.style.minHeight = end + 'px';
    return cell;
  };

  /** Drop the oldest cells beyond `keep` (positions of the others do not change). */
  const trim = (keep: number): void => {
    while (cells.length > keep) {
      const cell = cells.shift()!;
      tops.shift();
      heights.shift();
      firstSeq++;
      resizes?.unobserve(cell);
      cell.remove();
    }
  };

  const parseResponse = (json: unknown): Pending[] => {
    const out: Pending[] = [];
    let sawBottom = false;
    const home = (((json as O)['data'] as O | undefined)?.['home'] as O | undefined)?.['home_timeline_urt'] as O | undefined;
    const instructions = Array.isArray(home?.['instructions']) ? (home['instructions'] as O[]) : [];
    for (const ins of instructions) {
      if (ins['type'] === 'TimelineTerminateTimeline' && ins['direction'] === 'Bottom') finished = true;
      const entries = Array.isArray(ins['entries']) ? (ins['entries'] as O[]) : [];
      for (const entry of entries) {
        const content = (entry['content'] ?? {}) as O;
        if (content['cursorType'] === 'Bottom') {
          cursor = String(content['value']);
          sawBottom = true;
          continue;
        }
        const ics: O[] = content['itemContent'] ? [content['itemContent'] as O] : (Array.isArray(content['items']) ? (content['items'] as O[]) : []).map((i) => ((i['item'] ?? {}) as O)['itemContent'] as O).filter(Boolean);
        for (const ic of ics) {
          const result = ((ic['tweet_results'] ?? {}) as O)['result'] as O | undefined;
          if (!result) continue;
          const tweet = result['__typename'] === 'TweetWithVisibilityResults' ? ((result['tweet'] ?? {}) as O) : result;
          const id = String(tweet['rest_id'] ?? '');
          const isAd = !!ic['promotedMetadata'];
          const verbatim = cfg.verbatim[id];
          if (verbatim) {
            out.push({ id, handle: '', isAd, html: () => verbatim });
            continue;
          }
          const model = r.cellFromTweet(result, isAd);
          if (!model) continue;
          out.push({ id, handle: model.user.handle, isAd, html: (y) => r.cellHtml(model, y, cfg.now) });
        }
      }
    }
    if (!sawBottom) finished = true;
    return out;
  };

  const renderResponse = (json: unknown): number => {
    const parsed = parseResponse(json);
    if (queue) queue.push(...parsed);
    else for (const p of parsed) mount(p.html(end));
    return parsed.length;
  };

  const first: Promise<number> = fetch(url(null), { credentials: 'include' })
    .then((res) => res.json())
    .then((json: unknown) => renderResponse(json))
    .catch(() => 0);
  pending = first;
  void first.then(() => {
    pending = null;
    maybeLoad();
  });

  const loadMore = (): Promise<number> => {
    if (pending) return pending.then(() => loadMore());
    if (finished || cursor === null) return Promise.resolve(0);
    const after: string = cursor;
    pending = new Promise<number>((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open('GET', url(after));
      xhr.withCredentials = true;
      xhr.onload = () => {
        let added = 0;
        try {
          added = renderResponse(JSON.parse(xhr.responseText) as unknown);
        } catch {
          finished = true;
        }
        resolve(added);
      };
      xhr.onerror = () => resolve(0);
      xhr.send();
    }).then((added) => {
      pending = null;
      return added;
    });
    return pending;
  };

  // Infinite scroll: X asks for the next page well before the user reaches the end.
  const maybeLoad = (): void => {
    if (pending || finished || queue) return;
    const doc = document.documentElement;
    if (window.scrollY + window.innerHeight >= doc.scrollHeight - 400) {
      void loadMore().then((added) => {
        if (added > 0) setTimeout(maybeLoad, 50);
      });
    }
  };
  window.addEventListener('scroll', maybeLoad, { passive: true });

  const stream = (opts: StreamOptions): Promise<number> => {
    const perTick = opts.perTick ?? 5;
    const everyMs = opts.everyMs ?? 50;
    const follow = opts.follow !== false;
    let done = 0;
    queue = [];
    return new Promise<number>((resolve) => {
      let followQueued = false;
      const tick = (): void => {
        if (queue!.length < 40 && !pending && !finished) void loadMore();
        const batch = queue!.splice(0, Math.min(perTick, opts.total - done));
        for (const p of batch) {
          const cell = mount(p.html(end));
          opts.onMount?.(cell, { id: p.id, handle: p.handle, isAd: p.isAd, index: done });
          done++;
        }
        if (opts.keep !== undefined) trim(opts.keep);
        if (follow && batch.length && !followQueued) {
          followQueued = true;
          requestAnimationFrame(() => {
            followQueued = false;
            window.scrollTo(0, Math.max(0, end - window.innerHeight));
          });
        }
        opts.onTick?.(done);
        const over = done >= opts.total || (finished && !pending && queue!.length === 0);
        if (over) {
          queue = null;
          resolve(done);
        } else setTimeout(tick, everyMs);
      };
      tick();
    });
  };

  // Our emoji and avatar images come from X's CDN, which the demo does not serve. Show emoji with
  // the system font instead (an SVG data URL of the alt text); the markup stays X's, alt included.
  document.addEventListener(
    'error',
    (e) => {
      const img = e.target as HTMLImageElement | null;
      if (!img || img.tagName !== 'IMG' || !/\/emoji\//.test(img.src)) return;
      const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36"><text x="18" y="30" font-size="30" text-anchor="middle">' + (img.alt || '').replace(/[<&]/g, '') + '</text></svg>';
      img.src = 'data:image/svg+xml,' + encodeURIComponent(svg);
    },
    true,
  );

  const api: QbDemo = {
    loadMore,
    appendPost(p: PostInput): HTMLElement {
      appended++;
      const fallbackId = '1999000000000' + String(appended).padStart(6, '0');
      return mount(r.cellHtml(r.cellFromPost(p, fallbackId, cfg.now), end, cfg.now));
    },
    rendered: () => mounted,
    done: () => finished && !pending,
    ready: () => first,
    stream,
  };
  (window as unknown as { qbDemo: QbDemo }).qbDemo = api;
}
