// A long list made short: a search field, one page of rows, and Previous / Next. The DOM holds
// one page whatever the list's length (10,000 handles → 50 rows), and the search field comes
// before the rows in the tab order. Used by the options page's lists; the following audit can
// use it too.
//
//   <PagedList id="allow" label="…" items={handles} matches={(h, q) => h.includes(q)} render={(h) => <li>…</li>} />
//
// For lists the background pages itself (the sellers), `PagerControls` and `SearchField` are
// exported on their own.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { formatCount, t, tn } from './i18n';
import { useKeepFocus } from './keep-focus';

export const PAGE_SIZE = 50;

export interface PagedListProps<T> {
  /** Prefix of element ids (search field, status line). */
  id: string;
  /** What the search field searches, e.g. "Search always show". */
  searchLabel: string;
  items: readonly T[];
  matches: (item: T, query: string) => boolean;
  render: (item: T) => ComponentChildren;
  itemKey: (item: T) => string;
  /** The list's accessible name (the section heading's id). */
  labelledBy: string;
  pageSize?: number;
}

export function PagedList<T>(props: PagedListProps<T>) {
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const size = props.pageSize ?? PAGE_SIZE;
  const q = query.trim().replace(/^@/, '').toLowerCase();
  const matching = q ? props.items.filter((item) => props.matches(item, q)) : props.items;
  const pages = Math.max(1, Math.ceil(matching.length / size));
  const current = Math.min(page, pages - 1);
  const shown = matching.slice(current * size, current * size + size);
  const showSearch = props.items.length > size || query !== '';
  return (
    <div class="paged-list">
      {showSearch ? (
        <SearchField
          id={`${props.id}-search`}
          label={props.searchLabel}
          value={query}
          onInput={(v) => {
            setQuery(v);
            setPage(0);
          }}
        />
      ) : null}
      {q && matching.length === 0 ? <p class="empty">{t('list_no_match', [query.trim()])}</p> : null}
      {shown.length ? (
        <ul class="handles" aria-labelledby={props.labelledBy}>
          {shown.map((item) => (
            <li key={props.itemKey(item)} class="handle-row">
              {props.render(item)}
            </li>
          ))}
        </ul>
      ) : null}
      {matching.length > size ? (
        <PagerControls id={props.id} offset={current * size} pageSize={size} total={matching.length} onPage={(o) => setPage(Math.floor(o / size))} />
      ) : null}
    </div>
  );
}

export function SearchField(props: { id: string; label: string; value: string; onInput: (value: string) => void }) {
  return (
    <div class="field search-field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="search"
        value={props.value}
        autocomplete="off"
        spellcheck={false}
        maxLength={64}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}

/** "21–40 of 230" with Previous / Next; the status line is announced when the page changes. */
export function PagerControls(props: { id: string; offset: number; pageSize: number; total: number; onPage: (offset: number) => void }) {
  const { offset, pageSize, total } = props;
  const first = Math.min(total, offset + 1);
  const last = Math.min(total, offset + pageSize);
  // Next on the last page (Previous on the first) turns disabled under the keyboard: the focus goes to the other.
  const { box, act } = useKeepFocus<HTMLElement>(offset, 'button:not([disabled])');
  return (
    <nav class="pager" aria-label={t('pager_label')} ref={box}>
      <button type="button" class="button button-small" disabled={offset === 0} onClick={act(() => props.onPage(Math.max(0, offset - pageSize)))}>
        {t('pager_previous')}
      </button>
      <span class="pager-status" id={`${props.id}-pager-status`} role="status">
        {t('pager_status', [formatCount(first), formatCount(last), formatCount(total)])}
      </span>
      <button type="button" class="button button-small" disabled={last >= total} onClick={act(() => props.onPage(offset + pageSize))}>
        {t('pager_next')}
      </button>
    </nav>
  );
}

/** "230 accounts" (for list headings' counts). */
export function accountCount(n: number): string {
  return tn('accounts_count', n);
}
