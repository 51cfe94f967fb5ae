// The following audit in full, on the options page (#following): every account of the user's
// Following list that was read, sorted by how much each one sells — verdict, selling share,
// reasons, two sample posts when seen, a link to the profile (unfollowing happens on X), and
// always show / always hide / "not a seller" per account. Fetches its own data.
//
// Handles, names, bios, reasons and samples come from X's pages: JSX text and attributes only.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AuditRow, FollowingAudit } from '../shared/messages';
import { request, type Send } from '../shared/request';
import { VerdictBadge } from '../ui/account-name';
import { AccountLink, AuditReadNote, auditShare, isFollowingAudit, sellingLine } from '../ui/following-audit';
import { formatCount, t, tn } from '../ui/i18n';
import { useKeepFocus } from '../ui/keep-focus';
import { useLiveData, type Subscribe } from '../ui/live-data';

export const PAGE_SIZE = 50;
const TIMEOUT_MS = 10_000;

export interface AuditActions {
  override(handle: string, o: 'show' | 'hide' | null): void;
  notSeller(handle: string, on: boolean): void;
}

function RowActions({ row, actions }: { row: AuditRow; actions: AuditActions }) {
  const label = (action: string) => t('audit_action_label', [action, row.handle]);
  // The choice replaces the buttons: the focus moves to "Undo", and back (keep-focus.ts).
  const { box, act } = useKeepFocus(`${row.override}|${row.notSeller}`);
  if (row.notSeller) {
    return (
      <div class="account-actions" ref={box}>
        <span class="override-state">{t('audit_state_not_seller')}</span>
        <button type="button" class="button" aria-label={label(t('audit_undo'))} onClick={act(() => actions.notSeller(row.handle, false))}>
          {t('audit_undo')}
        </button>
      </div>
    );
  }
  if (row.override) {
    return (
      <div class="account-actions" ref={box}>
        <span class="override-state">{row.override === 'show' ? t('audit_state_show') : t('audit_state_hide')}</span>
        <button type="button" class="button" aria-label={label(t('audit_undo'))} onClick={act(() => actions.override(row.handle, null))}>
          {t('audit_undo')}
        </button>
      </div>
    );
  }
  return (
    <div class="account-actions" ref={box}>
      <button type="button" class="button" aria-label={label(t('audit_always_show'))} onClick={act(() => actions.override(row.handle, 'show'))}>
        {t('audit_always_show')}
      </button>
      <button type="button" class="button" aria-label={label(t('audit_always_hide'))} onClick={act(() => actions.override(row.handle, 'hide'))}>
        {t('audit_always_hide')}
      </button>
      {row.verdict === 'seller' || row.verdict === 'mixed' ? (
        <button type="button" class="button" aria-label={label(t('audit_not_seller'))} onClick={act(() => actions.notSeller(row.handle, true))}>
          {t('audit_not_seller')}
        </button>
      ) : null}
    </div>
  );
}

export function AuditRowView({ row, actions }: { row: AuditRow; actions: AuditActions }) {
  return (
    <li class="account audit-row" data-verdict={row.verdict} data-basis={row.basis} data-handle={row.key}>
      <div class="account-head">
        <span class="account-id">
          <AccountLink handle={row.handle} />
          {row.name && row.name !== row.handle ? <span class="name">{row.name}</span> : null}
        </span>
        <VerdictBadge verdict={row.verdict} />
      </div>
      <p class="account-share">
        {sellingLine(row, true)}
      </p>
      {row.reasons.length ? (
        <ul class="reasons">
          {row.reasons.slice(0, 4).map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      ) : null}
      {row.samples.length ? (
        <div class="samples">
          <p class="hint">{t('audit_samples')}</p>
          {row.samples.slice(0, 2).map((s, i) => (
            <blockquote key={i} class="sample">
              {s}
            </blockquote>
          ))}
        </div>
      ) : null}
      <RowActions row={row} actions={actions} />
    </li>
  );
}

export function FollowingAuditView({ audit, actions }: { audit: FollowingAudit; actions: AuditActions }) {
  const [shown, setShown] = useState(PAGE_SIZE);
  // "Show more" adds its rows above itself (and goes once all are shown): the focus moves to the
  // first account it added, so the next Tab does not skip them.
  const list = useRef<HTMLUListElement>(null);
  /** How many rows were shown when "Show more" was pressed, until its rows are there. */
  const shownBefore = useRef<number | null>(null);
  useEffect(() => {
    const before = shownBefore.current;
    if (before === null || before === shown) return;
    shownBefore.current = null;
    list.current?.querySelectorAll('.audit-row')[before]?.querySelector<HTMLElement>('a, button')?.focus();
  }, [shown]);
  if (!audit.viewer || audit.read === 0) {
    return <p class="empty">{t('audit_empty')}</p>;
  }
  const m = audit.total ?? audit.read;
  const rows = audit.rows.slice(0, shown);
  const rest = audit.rows.length - rows.length;
  return (
    <>
      <p class="audit-summary">
        <strong>{tn('audit_summary', audit.sellers, [formatCount(m)])}</strong>{' '}
        <span class="hint">({auditShare(audit)})</span>
      </p>
      <AuditReadNote audit={audit} />
      <p class="hint">{t('audit_lede')}</p>
      <ul class="accounts audit-list" ref={list}>
        {rows.map((r) => (
          <AuditRowView key={r.key} row={r} actions={actions} />
        ))}
      </ul>
      {rest > 0 ? (
        <button
          type="button"
          class="button"
          onClick={() => {
            shownBefore.current = shown;
            setShown((n) => n + PAGE_SIZE);
          }}
        >
          {t('audit_show_more', [formatCount(Math.min(rest, PAGE_SIZE))])}
        </button>
      ) : null}
    </>
  );
}

export function FollowingAudit({ send, subscribe }: { send: Send; subscribe?: Subscribe }) {
  // Loaded again when the background says something changed (push, not poll).
  const load = useCallback(async (): Promise<FollowingAudit> => {
    const a = await request(send, 'get-following-audit', {}, TIMEOUT_MS);
    if (!isFollowingAudit(a)) throw new Error('get-following-audit: unexpected reply');
    return a;
  }, [send]);
  const { data: audit, refresh } = useLiveData(load, subscribe);
  // Opened from the popup's "see all" (options.html#following): bring the audit into view once loaded.
  const scrolled = useRef(false);
  useEffect(() => {
    if (!audit || scrolled.current || typeof location === 'undefined' || location.hash !== '#following') return;
    scrolled.current = true;
    document.getElementById('following')?.scrollIntoView();
  }, [audit]);
  const actions: AuditActions = {
    override: (handle, o) => void request(send, 'set-override', { handle, override: o }, TIMEOUT_MS).catch(() => undefined).then(refresh),
    notSeller: (handle, on) => void request(send, 'set-not-seller', { handle, notSeller: on }, TIMEOUT_MS).catch(() => undefined).then(refresh),
  };
  return (
    <section class="section following-audit" id="following" aria-labelledby="following-audit-heading">
      <h2 id="following-audit-heading">{t('audit_heading')}</h2>
      {audit ? <FollowingAuditView audit={audit} actions={actions} /> : null}
    </section>
  );
}
