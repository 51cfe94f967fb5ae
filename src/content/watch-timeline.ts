// Watches X's single-page app for tweets being rendered or re-rendered.
//
// X appends whole cell subtrees as you scroll, and recycles cells (a cell may later hold another
// tweet). The observer callback runs before the next paint; it does only cheap, scoped work:
// collect the articles touched by this batch of mutations and hand them over synchronously,
// so the caller can collapse a known seller's tweet before it is ever painted.
import { findTweetArticles } from './read-tweet';
import { tweetArticle } from './selectors';

export function watchTimeline(
  root: Node,
  onArticles: (articles: HTMLElement[]) => void,
  signal: AbortSignal,
): void {
  const observer = new MutationObserver((records) => {
    const touched = new Set<HTMLElement>();
    // Records of one batch mostly share a target (the list X appends cells to): each is looked up once.
    const targets = new Set<Node>();
    for (const record of records) {
      // A change inside an article we know (X reusing it for another tweet, or filling it in).
      const target = record.target as Element;
      if (!targets.has(target)) {
        targets.add(target);
        const inside = target.nodeType === 1 ? target.closest?.<HTMLElement>(tweetArticle) : null;
        if (inside) touched.add(outermost(inside));
      }
      for (const node of record.addedNodes) {
        // findTweetArticles: the node itself if it is an article, else one query of its subtree.
        if (node.nodeType === 1) for (const a of findTweetArticles(node as Element)) touched.add(a);
      }
    }
    if (touched.size) onArticles([...touched]);
  });
  observer.observe(root, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

/** A quoted tweet sits inside its quoting tweet's article; we act on the outer one. */
function outermost(article: HTMLElement): HTMLElement {
  let a = article;
  for (let up = a.parentElement?.closest<HTMLElement>(tweetArticle); up; up = up.parentElement?.closest<HTMLElement>(tweetArticle)) {
    a = up;
  }
  return a;
}
