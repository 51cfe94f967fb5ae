// The popup's part of the following audit: "N of the M accounts you follow mostly sell", the
// share, the top few, "see all" (the options page), and when the list was last read.
// Fetches its own data ('get-following-audit'), so the rest of the popup does not wait for it, and
// again when the background pushes a change.
import { useCallback } from 'preact/hooks';
import type { FollowingAudit } from '../shared/messages';
import { request, type Send } from '../shared/request';
import { formatCount, t, tn } from '../ui/i18n';
import { VerdictBadge } from '../ui/account-name';
import { AccountLink, AuditReadNote, auditNoneSell, auditShare, isFollowingAudit, sellingLine } from '../ui/following-audit';
import { useLiveData, type Subscribe } from '../ui/live-data';

/** Accounts shown in the popup before "see all". */
export const TOP_SHOWN = 3;
const TIMEOUT_MS = 5000;

export function FollowingSummaryView({ audit, onSeeAll }: { audit: FollowingAudit; onSeeAll?: () => void }) {
  if (!audit.viewer || audit.read === 0) {
    return (
      <section class="section following-summary" aria-labelledby="following-heading">
        <h2 id="following-heading">{t('audit_heading')}</h2>
        <p class="empty">{t('audit_empty')}</p>
      </section>
    );
  }
  const m = audit.total ?? audit.read;
  const top = audit.rows.filter((r) => r.verdict === 'seller' && !r.notSeller).slice(0, TOP_SHOWN);
  return (
    <section class="section following-summary" aria-labelledby="following-heading">
      <h2 id="following-heading">{t('audit_heading')}</h2>
      <p class="audit-summary" id="audit-summary">
        <strong>{tn('audit_summary', audit.sellers, [formatCount(m)])}</strong>
      </p>
      <p class="hint">{auditShare(audit)}</p>
      {top.length ? (
        <ul class="audit-top">
          {top.map((r) => (
            <li key={r.key}>
              <AccountLink handle={r.handle} /> <VerdictBadge verdict={r.verdict} />{' '}
              <span class="hint">{sellingLine(r, false)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{auditNoneSell(audit)}</p>
      )}
      <AuditReadNote audit={audit} />
      {onSeeAll ? (
        <button type="button" class="link-button" onClick={onSeeAll}>
          {t('audit_see_all')}
        </button>
      ) : null}
    </section>
  );
}

export function FollowingSummary({ send, subscribe, onSeeAll }: { send: Send; subscribe?: Subscribe; onSeeAll?: () => void }) {
  // Loaded again when the background says something changed (push, not poll).
  const load = useCallback(async (): Promise<FollowingAudit> => {
    const a = await request(send, 'get-following-audit', { limit: 50 }, TIMEOUT_MS);
    if (!isFollowingAudit(a)) throw new Error('get-following-audit: unexpected reply');
    return a;
  }, [send]);
  const { data: audit } = useLiveData(load, subscribe);
  return audit ? <FollowingSummaryView audit={audit} {...(onSeeAll ? { onSeeAll } : {})} /> : null;
}
