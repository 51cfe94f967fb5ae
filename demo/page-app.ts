// The demo X page's own script: a tiny stand-in for X's web app (not the extension).
//
//   load ─▶ fetch(HomeTimeline) ─▶ render first page ─▶ scroll near bottom ─▶ XHR(HomeTimeline, cursor)
//                                        │                                        │
//                                        └──────── append whole cellInnerDiv subtrees ┘
//                                                   positioned with translateY, re-laid out on resize
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

/** What the page exposes as `window.qbDemo`. */
export interface QbDemo {
  /** Fetches the next page and renders it; resolves with the number of cells added (0 when done). */
  loadMore(): Promise<number>;
  /** Renders one cell synchronously at the end of the timeline. */
  appendPost(p: PostInput): HTMLElement;
  /** Cells rendered so far. */
  rendered(): number;
  /** All pages loaded. */
  done(): boolean;
  /** Resolves when the first page is rendered, with its cell count. */
  ready(): Promise<number>;
}

export function qbDemoApp(cfg: DemoAppConfig, r: DemoRenderers): void {
  type O = Record<string, unknown>;
  const list = document.querySelector('[aria-label="Timeline: Your Home Timeline"] > div') as HTMLElement | null;
  if (!list) return;
  const cells: HTMLElement[] = [];
  let cursor: string | null = null;
  let finished = false;
  let pending: Promise<number> | null = null;
  let appended = 0;
  let layoutQueued = false;

  const url = (after: string | null): string => {
    const variables: O = { count: 20, includePromotedContent: true, latestControlAvailable: true, requestContext: 'launch', withCommunity: true };
    if (after) variables['cursor'] = after;
    return '/i/api/graphql/' + cfg.hash + '/HomeTimeline?variables=' + encodeURIComponent(JSON.stringify(variables)) + '&features=' + encodeURIComponent(JSON.stringify(cfg.features));
  };

  // Virtualised-list stand-in: every cell absolutely positioned below the previous one.
  const layout = (): void => {
    layoutQueued = false;
    let y = 0;
    for (const cell of cells) {
      const want = 'translateY(' + y + 'px)';
      if (cell.style.transform !== want) cell.style.transform = want;
      y += cell.offsetHeight || cfg.estimate;
    }
    list.style.minHeight = y + 'px';
  };
  const queueLayout = (): void => {
    if (layoutQueued) return;
    layoutQueued = true;
    requestAnimationFrame(layout);
  };
  const resizes = typeof ResizeObserver === 'function' ? new ResizeObserver(queueLayout) : null;

  const nextY = (): number => {
    const last = cells[cells.length - 1];
    if (!last) return 0;
    const m = /translateY\((-?[\d.]+)px\)/.exec(last.style.transform);
    return (m ? Number(m[1]) : 0) + (last.offsetHeight || cfg.estimate);
  };

  const mount = (html: string): HTMLElement => {
    const tpl = document.createElement('template');
    tpl.innerHTML = html.trim();
    const cell = tpl.content.firstElementChild as HTMLElement;
    cell.style.transform = 'translateY(' + nextY() + 'px)';
    cell.style.position = 'absolute';
    cell.style.width = '100%';
    list.appendChild(cell);
    cells.push(cell);
    resizes?.observe(cell);
    list.style.minHeight = nextY() + 'px';
    return cell;
  };

  const renderResponse = (json: unknown): number => {
    let added = 0;
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
          const verbatim = cfg.verbatim[id];
          if (verbatim) {
            mount(verbatim);
          } else {
            const model = r.cellFromTweet(result, !!ic['promotedMetadata']);
            if (!model) continue;
            mount(r.cellHtml(model, nextY(), cfg.now));
          }
          added++;
        }
      }
    }
    if (!sawBottom) finished = true;
    return added;
  };

  const first: Promise<number> = fetch(url(null), { credentials: 'include' })
    .then((r) => r.json())
    .then((json: unknown) => renderResponse(json))
    .catch(() => 0);
  pending = first;
  void first.then(() => {
    pending = null;
    queueLayout();
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
      queueLayout();
      return added;
    });
    return pending;
  };

  // Infinite scroll: X asks for the next page well before the user reaches the end.
  const maybeLoad = (): void => {
    if (pending || finished) return;
    const doc = document.documentElement;
    if (window.scrollY + window.innerHeight >= doc.scrollHeight - 400) {
      void loadMore().then((added) => {
        if (added > 0) setTimeout(maybeLoad, 50);
      });
    }
  };
  window.addEventListener('scroll', maybeLoad, { passive: true });

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
      return mount(r.cellHtml(r.cellFromPost(p, fallbackId, cfg.now), nextY(), cfg.now));
    },
    rendered: () => cells.length,
    done: () => finished && !pending,
    ready: () => first,
  };
  (window as unknown as { qbDemo: QbDemo }).qbDemo = api;
}
