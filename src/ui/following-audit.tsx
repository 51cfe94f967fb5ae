// Following audit parts shared by the popup's summary and the options page's full audit: the
// reply check, the account link, what an account's line says of its selling, and "Your
// Following list was last read …: R of M accounts." with, until all were read, how to read the rest.
import type { AuditRow, FollowingAudit } from '../shared/messages';
import { parseHandle } from '../shared/handles';
import { formatCount, formatPercent, locale, t } from './i18n';

/** The reply comes from another context: check its shape before trusting it. */
export function isFollowingAudit(v: unknown): v is FollowingAudit {
  if (!v || typeof v !== 'object') return false;
  const a = v as Partial<FollowingAudit>;
  return (
    typeof a.read === 'number' &&
    typeof a.sellers === 'number' &&
    (a.total === null || typeof a.total === 'number') &&
    Array.isArray(a.rows) &&
    a.rows.every((r) => !!r && typeof r.handle === 'string' && typeof r.verdict === 'string' && Array.isArray(r.reasons))
  );
}

/** "@handle" linking to https://x.com/<handle> (where the user can unfollow); plain text for an odd handle. */
export function AccountLink({ handle }: { handle: string }) {
  const h = parseHandle(handle);
  if (!h) return <span class="handle">{handle}</span>;
  return (
    <a class="handle" href={`https://x.com/${h}`} target="_blank" rel="noopener noreferrer" title={t('audit_open_profile', [h])}>
      @{h}
    </a>
  );
}

export function formatWhen(ms: number): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
}

/** The whole Following list was read: figures are of all the accounts followed, not "so far". */
export function readWholeList(audit: FollowingAudit): boolean {
  return audit.total !== null && audit.read >= audit.total;
}

/** "27% of the 78 accounts read so far", or "of all 78 accounts you follow" once the whole list was read. */
export function auditShare(audit: FollowingAudit): string {
  const subs = [formatPercent(audit.read ? audit.sellers / audit.read : 0), formatCount(audit.read)];
  return readWholeList(audit) ? t('audit_share_all', subs) : t('audit_share', subs);
}

/**
 * Below this many posts seen, an account's line says what was seen ("4 of 4 posts seen were
 * selling") and no estimate: the estimate leans toward the usual share until enough is seen, so
 * "about 73% of their posts sell" stood beside "4 of 4 posts seen were selling" and read as a
 * contradiction.
 */
export const ESTIMATE_FROM_POSTS = 10;

/**
 * What an account's line says of its selling, by what it was judged on. `full` (the options
 * page): the estimate and the posts seen; otherwise (the popup) one of them.
 */
export function sellingLine(row: Pick<AuditRow, 'basis' | 'sellingShare' | 'posts' | 'sellingPosts'>, full: boolean): string {
  if (row.basis === 'profile') return t('audit_basis_profile');
  if (row.basis !== 'posts' && row.basis !== 'voice') return t('audit_basis_none');
  const seen = t('audit_row_posts', [formatCount(row.sellingPosts), formatCount(row.posts)]);
  const judged = row.basis === 'voice' ? t('audit_basis_voice') : row.posts >= ESTIMATE_FROM_POSTS ? t('audit_row_share', [formatPercent(row.sellingShare)]) : undefined;
  if (!judged) return seen;
  return full ? `${judged} · ${seen}` : judged;
}

/** No account read mostly sells: of those read so far, or of all followed. */
export function auditNoneSell(audit: FollowingAudit): string {
  return readWholeList(audit) ? t('audit_none_sell_all') : t('audit_none_sell');
}

export function AuditReadNote({ audit }: { audit: FollowingAudit }) {
  if (audit.lastReadAt === null) return null;
  const when = formatWhen(audit.lastReadAt);
  const all = readWholeList(audit);
  return (
    <p class="hint audit-read-note">
      {audit.total === null
        ? t('audit_read_note_unknown_total', [when, formatCount(audit.read)])
        : t('audit_read_note', [when, formatCount(audit.read), formatCount(audit.total)])}
      {all ? null : ` ${t('audit_read_more')}`}
    </p>
  );
}
