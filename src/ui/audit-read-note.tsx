// "Your Following list was last read …: R of M accounts." and, until all were read, how to read
// the rest. Shared by the popup's summary and the options page's full audit.
import type { FollowingAudit } from '../shared/messages';
import { formatCount, locale, t } from './i18n';

export function formatWhen(ms: number): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
}

export function AuditReadNote({ audit }: { audit: FollowingAudit }) {
  if (audit.lastReadAt === null) return null;
  const when = formatWhen(audit.lastReadAt);
  const all = audit.total !== null && audit.read >= audit.total;
  return (
    <p class="hint audit-read-note">
      {audit.total === null
        ? t('audit_read_note_unknown_total', [when, formatCount(audit.read)])
        : t('audit_read_note', [when, formatCount(audit.read), formatCount(audit.total)])}
      {all ? null : ` ${t('audit_read_more')}`}
    </p>
  );
}
