// "Accounts that sell": every seller and mixed account, one page at a time from the background
// (get-sellers), searchable by handle or name, each with its reasons and always show / hide.
// The popup's "see all N" opens the options page here (#sellers).
import { useCallback, useState } from 'preact/hooks';
import type { Override, PopupAuthor, SellerPage } from '../shared/messages';
import { request, type Send } from '../shared/request';
import { atHandle, formatCount } from '../ui/format';
import { t, tn } from '../ui/i18n';
import { useLiveData, type Subscribe } from '../ui/live-data';
import { OverrideControls } from '../ui/override-controls';
import { PAGE_SIZE, PagerControls, SearchField } from '../ui/paged-list';
import { REPLY_TIMEOUT_MS } from './data-actions';
import { AccountName, VerdictBadge } from '../ui/account-name';

function isSellerPage(v: unknown): v is SellerPage {
  const p = v as SellerPage;
  return !!p && typeof p.total === 'number' && typeof p.offset === 'number' && Array.isArray(p.items) && p.items.every((a) => typeof a?.handle === 'string' && typeof a.key === 'string' && Array.isArray(a.reasons));
}

export function SellersPanel(props: {
  send: Send;
  subscribe?: Subscribe | undefined;
  setOverride(handle: string, o: 'show' | 'hide'): void;
  clearOverride(handle: string): void;
}) {
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const load = useCallback(async () => {
    const reply = await request(props.send, 'get-sellers', { query, offset, limit: PAGE_SIZE }, REPLY_TIMEOUT_MS);
    if (!isSellerPage(reply)) throw new Error('bad reply');
    return reply;
  }, [props.send, query, offset]);
  const live = useLiveData<SellerPage>(load, props.subscribe);
  const setOverride = (handle: string, o: Override) => {
    // Optimistic: the row shows the choice at once; the page reloads when the background says so.
    live.patch((p) => ({ ...p, items: p.items.map((a) => (a.key === handle ? { ...a, override: o } : a)) }));
    if (o) props.setOverride(handle, o);
    else props.clearOverride(handle);
  };
  return (
    <SellersView
      page={live.data}
      failed={live.failed}
      query={query}
      onQuery={(q) => {
        setQuery(q);
        setOffset(0);
      }}
      onPage={setOffset}
      setOverride={setOverride}
    />
  );
}

export function SellersView(props: {
  page: SellerPage | null;
  failed: boolean;
  query: string;
  onQuery(q: string): void;
  onPage(offset: number): void;
  setOverride(handle: string, o: Override): void;
}) {
  const { page } = props;
  return (
    <>
      <p class="hint">{t('sellers_hint')}</p>
      {/* Nothing to search before any account sells (a query that matched nothing keeps its field). */}
      {page && page.total === 0 && !props.query.trim() ? null : (
        <SearchField id="sellers-search" label={t('sellers_search')} value={props.query} onInput={props.onQuery} />
      )}
      {props.failed ? <p class="note note-error" role="alert">{t('options_no_answer')}</p> : null}
      {!page ? (
        props.failed ? null : <p class="loading">{t('loading')}</p>
      ) : page.total === 0 ? (
        <p class="empty">{props.query.trim() ? t('list_no_match', [props.query.trim()]) : t('sellers_empty')}</p>
      ) : (
        <>
          <p class="list-count">{tn('accounts_count', page.total)}</p>
          <ul class="sellers" aria-labelledby="sellers-heading">
            {page.items.map((a) => (
              <SellerRow key={a.key} author={a} setOverride={props.setOverride} />
            ))}
          </ul>
          {page.total > PAGE_SIZE ? <PagerControls id="sellers" offset={page.offset} pageSize={PAGE_SIZE} total={page.total} onPage={props.onPage} /> : null}
        </>
      )}
    </>
  );
}

function SellerRow({ author: a, setOverride }: { author: PopupAuthor; setOverride(handle: string, o: Override): void }) {
  const handle = atHandle(a.handle);
  return (
    <li class="seller" data-verdict={a.verdict}>
      <div class="seller-head">
        <AccountName handle={a.handle} name={a.name} />
        <VerdictBadge verdict={a.verdict} />
        <span class="seller-share">{tn('account_share', a.posts, [formatCount(a.sellingPosts)])}</span>
      </div>
      {a.reasons.length ? <p class="seller-reasons">{a.reasons.join(' · ')}</p> : null}
      <OverrideControls handle={a.key} label={handle} override={a.override} actions={{ setOverride }} />
    </li>
  );
}
