// Every attribute Quiet Bazaar adds to X's DOM carries the `data-qb-` prefix, declared here.
// (X's own selectors live in selectors.ts.)
export const QB_ATTR = {
  /** On a cell: the tweet id read from it. */
  tweet: 'data-qb-tweet',
  /** On a cell: the author key (lowercase handle). */
  author: 'data-qb-author',
  /** On a cell: the handle as shown. */
  handle: 'data-qb-handle',
  /** On a cell: present when X marked the tweet as an ad. */
  ad: 'data-qb-ad',
  /** On a cell: present while quiet mode collapses it (content.css hides its other children). */
  quiet: 'data-qb-quiet',
  /** On our placeholder element. */
  placeholder: 'data-qb-placeholder',
  /** On the bar left after "Show" / "Always show", with "Hide again" / "Undo". */
  undo: 'data-qb-undo',
  /** On a cell on screen that quiet mode will collapse once it is scrolled past; the value is the label content.css shows. */
  pending: 'data-qb-pending',
} as const;

/** The cell's own child carrying `attr` (ours: placeholder, undo bar, badge). A `:scope > [attr]` query would walk the whole cell. */
export function childWith(cell: Element, attr: string): HTMLElement | undefined {
  for (let c = cell.firstElementChild; c; c = c.nextElementSibling) if (c.hasAttribute(attr)) return c as HTMLElement;
  return undefined;
}
