// The dry run ("Review this page"): what quiet mode would hide on the tab open now, before it
// hides anything — each account, its tweets on the page, verdict and reasons, with always hide /
// always show. Works with quiet mode off. The tab's counts come from its content script
// (asked by the background when the review opens: 'page-authors-now'); the decisions are quiet mode's own rule.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Override, ReviewData } from '../shared/messages';
import { request, type Send } from '../shared/request';
import { t, tn, formatCount } from '../ui/i18n';
import { AccountName, VerdictBadge } from '../ui/account-name';
import { useKeepFocus } from '../ui/keep-focus';

const TIMEOUT_MS = 5000;

export function isReviewData(v: unknown): v is ReviewData {
  if (!v || typeof v !== 'object') return false;
  const r = v as Partial<ReviewData>;
  return (
    typeof r.known === 'boolean' &&
    typeof r.quietMode === 'boolean' &&
    Array.isArray(r.rows) &&
    r.rows.every((x) => !!x && typeof x.handle === 'string' && typeof x.wouldHide === 'number' && Array.isArray(x.reasons))
  );
}

export function ReviewView({ data, onOverride }: { data: ReviewData; onOverride(handle: string, o: Override): void }) {
  // A choice reloads the review: "Always hide" turns into "Undo" and "Always show" takes the row
  // away. The focus goes to that row's first button, or to the row now in its place.
  const pressed = useRef({ key: '', index: 0 });
  const { box, act } = useKeepFocus(data, (review) => {
    const rows = [...review.querySelectorAll<HTMLElement>('li.account')];
    const row = rows.find((r) => r.dataset.handle === pressed.current.key) ?? rows[Math.min(pressed.current.index, rows.length - 1)];
    return row?.querySelector<HTMLElement>('button') ?? review.closest('details')?.querySelector('summary');
  });
  const choose = (key: string, index: number, handle: string, o: Override) =>
    act(() => {
      pressed.current = { key, index };
      onOverride(handle, o);
    });
  return (
    <div class="review" id="review" ref={box}>
      <p class="hint">{t('review_hint')}</p>
      {!data.quietMode ? <p class="hint">{t('review_quiet_off')}</p> : null}
      {!data.known ? (
        <p class="empty">{t('review_not_x')}</p>
      ) : data.rows.length === 0 ? (
        <p class="empty">{t('review_empty')}</p>
      ) : (
        <ul class="accounts review-list">
          {data.rows.map((r, i) => (
            <li class="account" key={r.key} data-handle={r.key}>
              <div class="account-head">
                <span class="account-id">
                  <AccountName handle={r.handle} name={r.name} />
                </span>
                <VerdictBadge verdict={r.verdict} />
              </div>
              <p class="account-share">{tn('review_tweets', r.tweets, [formatCount(r.wouldHide)])}</p>
              <ul class="reasons">
                {r.reasons.slice(0, 3).map((reason, i) => (
                  <li key={i}>{reason}</li>
                ))}
              </ul>
              <div class="account-actions">
                {r.override === 'hide' ? (
                  <>
                    <span class="override-state">{t('audit_state_hide')}</span>
                    <button type="button" class="button" aria-label={t('audit_action_label', [t('audit_undo'), r.handle])} onClick={choose(r.key, i, r.handle, null)}>
                      {t('audit_undo')}
                    </button>
                  </>
                ) : (
                  <button type="button" class="button" aria-label={t('audit_action_label', [t('audit_always_hide'), r.handle])} onClick={choose(r.key, i, r.handle, 'hide')}>
                    {t('audit_always_hide')}
                  </button>
                )}
                <button type="button" class="button" aria-label={t('audit_action_label', [t('audit_always_show'), r.handle])} onClick={choose(r.key, i, r.handle, 'show')}>
                  {t('audit_always_show')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A disclosure in the popup: the review loads when opened, and again after each choice. */
export function Review({ send, tabId }: { send: Send; tabId?: number }) {
  const [open, setOpen] = useState(false);
  const [data, setData] = useState<ReviewData | null>(null);
  const load = useCallback(async () => {
    try {
      const r = await request(send, 'get-review', tabId === undefined ? {} : { tabId }, TIMEOUT_MS);
      if (isReviewData(r)) setData(r);
    } catch {
      // Keep what is shown; the next open tries again.
    }
  }, [send, tabId]);
  useEffect(() => {
    if (open) void load();
  }, [open, load]);
  const onOverride = (handle: string, override: Override) => {
    void request(send, 'set-override', { handle, override }, TIMEOUT_MS)
      .catch(() => undefined)
      .then(load);
  };
  return (
    <section class="section review-section" aria-labelledby="review-heading">
      <details open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>
          <h2 id="review-heading" class="inline-heading">
            {t('review_heading')}
          </h2>
        </summary>
        {open && data ? <ReviewView data={data} onOverride={onOverride} /> : null}
      </details>
    </section>
  );
}
