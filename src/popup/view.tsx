// The popup, as a pure function of {data, error, actions}: no browser API, no clock, no state.
// app.tsx fetches the data and wires the actions; tests and mock-data.ts render it directly.
// Every word comes from _locales through t() (src/ui/i18n.ts).
//
//   header        title + quiet-mode switch (busy while loading, never a false "off") + shortcut
//   status        reader health of the active tab (warning when X can't be read)
//   noise         today / last 7 days: selling ÷ seen, with the counts behind it
//   accounts      the week's top accounts that mostly sell, "see all N" → options page
//   settings      sensitivity, mixed, ads, followed
//   extra         sections of other features (following audit summary, review)
//   weeks         the last 8 calendar weeks, newest first, as a table (bars are decoration)
//
// Handles, names and reasons come from untrusted pages: they only ever go through JSX text
// and attributes, never as markup.
import { SettingsFields } from '../ui/fields';
import { OverrideControls } from '../ui/override-controls';
import type { ComponentChildren } from 'preact';
import type { PopupAuthor, Override, PeriodStats, PopupData } from '../shared/messages';
import type { Sensitivity } from '../shared/types';
import { t, tn } from '../ui/i18n';
import { atHandle, formatCount, formatCounts, formatDay, formatRatio, formatShare } from '../ui/format';
import { AccountName, VerdictBadge } from '../ui/account-name';
import { Keys } from '../ui/keys';

export interface PopupActions {
  setQuietMode(on: boolean): void;
  setSensitivity(s: Sensitivity): void;
  setHideMixed(on: boolean): void;
  setHideAds(on: boolean): void;
  setExemptFollowed(on: boolean): void;
  /** `null` removes the account from both the allow list and the block list. */
  setOverride(handle: string, o: Override): void;
  /** Opens the options page (settings, lists, history, export, import, forget), at `section` if given. */
  openOptions?(section?: string): void;
}

export interface PopupViewProps {
  data: PopupData | null;
  /** Set when the background did not answer; shown above stale data, or alone. */
  error?: string;
  actions: PopupActions;
  /** The quiet-mode keyboard shortcut as the browser reports it; '' when the user removed it. */
  shortcut?: string;
  /** More sections mounted by other features (the following audit, the review), after the settings. */
  extra?: ComponentChildren | undefined;
}

export const DEFAULT_SHORTCUT = 'Alt+Shift+Q';

/** How many reasons show before the "more" disclosure. */
const REASONS_SHOWN = 2;

export function PopupView({ data, error, actions, shortcut = DEFAULT_SHORTCUT, extra }: PopupViewProps) {
  return (
    <main class="popup" aria-busy={!data && !error ? 'true' : undefined}>
      <Header data={data} actions={actions} shortcut={shortcut} />
      {error ? <ErrorNote error={error} /> : null}
      {data ? (
        <>
          <StatusNote data={data} />
          <RepairNote data={data} />
          <NoiseSection data={data} />
          <AccountsSection data={data} actions={actions} />
          <SettingsSection data={data} actions={actions} />
          {extra ?? null}
          <WeeksSection weeks={data.weeks} />
        </>
      ) : error ? null : (
        <p class="loading">{t('loading')}</p>
      )}
      {actions.openOptions ? (
        <footer class="footer">
          <button type="button" class="link-button" onClick={() => actions.openOptions?.()}>
            {t('popup_open_options')}
          </button>
        </footer>
      ) : null}
    </main>
  );
}

function Header({ data, actions, shortcut }: { data: PopupData | null; actions: PopupActions; shortcut: string }) {
  const keys = shortcut.split('+').filter(Boolean);
  const busy = !data;
  return (
    <header class="header">
      <h1 class="title">{t('ext_name')}</h1>
      <div class="switch-row">
        <label class="switch-label" for="quiet-mode">
          {t('quiet_mode')}
        </label>
        {/* While loading the switch is neither on nor off: indeterminate and busy, not a false "off". */}
        <input
          id="quiet-mode"
          class={busy ? 'switch switch-busy' : 'switch'}
          type="checkbox"
          role="switch"
          checked={data?.settings.quietMode ?? false}
          indeterminate={busy}
          disabled={busy}
          aria-busy={busy ? 'true' : undefined}
          aria-describedby="quiet-mode-hint"
          onChange={(e) => actions.setQuietMode(e.currentTarget.checked)}
        />
      </div>
      <p class="hint" id="quiet-mode-hint">
        {busy ? `${t('quiet_mode_loading')} ` : data.settings.quietMode ? `${t('quiet_mode_on_hint')} ` : `${t('quiet_mode_off_hint')} `}
        {keys.length ? (
          <>
            {t('shortcut_toggle_with')} <Keys keys={keys} />
          </>
        ) : null}
      </p>
    </header>
  );
}

function ErrorNote({ error }: { error: string }) {
  return (
    <div class="note note-error" role="alert">
      <p>{error}</p>
    </div>
  );
}

/** Stored rows found damaged (issue 8): said apart from "the background did not answer". */
function RepairNote({ data }: { data: PopupData }) {
  const n = (data.integrity?.repaired ?? 0) + (data.integrity?.dropped ?? 0);
  if (!(n > 0)) return null;
  return (
    <div class="note note-soft" role="status">
      <p>{tn('stored_data_repaired', n)}</p>
    </div>
  );
}

function StatusNote({ data }: { data: PopupData }) {
  switch (data.status) {
    case 'dom-unreadable':
      return (
        <div class="note note-warning" role="alert">
          <p>
            <strong>{t('status_dom_unreadable_title')}</strong> {t('status_dom_unreadable')}
          </p>
        </div>
      );
    case 'api-unreadable':
      return (
        <div class="note note-soft">
          <p>{t('status_api_unreadable')}</p>
        </div>
      );
    case 'not-x':
      return (
        <div class="note note-soft">
          <p>{t('status_not_x')}</p>
        </div>
      );
    case 'idle':
      return <p class="status-line">{t('status_idle')}</p>;
    case 'ok': {
      const read = data.health?.articlesRead;
      return <p class="status-line">{read ? tn('status_reading', read) : t('status_reading_none')}</p>;
    }
    default:
      return null;
  }
}

function NoiseSection({ data }: { data: PopupData }) {
  return (
    <section class="section" aria-labelledby="noise-heading">
      <h2 id="noise-heading">{t('noise_heading')}</h2>
      <div class="noise">
        <NoiseCard id="noise-today" title={t('noise_today')} stats={data.today} />
        <NoiseCard id="noise-week" title={t('noise_last7')} stats={data.last7} />
      </div>
      {data.today.seen === 0 && data.last7.seen === 0 ? <p class="empty">{t('noise_empty')}</p> : null}
    </section>
  );
}

function NoiseCard({ id, title, stats }: { id: string; title: string; stats: { seen: number; selling: number; hidden: number } }) {
  return (
    <div class="noise-card" id={id}>
      <h3 class="noise-title">{title}</h3>
      <p class="noise-ratio">
        <span class="ratio">{formatRatio(stats.selling, stats.seen)}</span>
        <span class="noise-unit"> {t('noise_selling_unit')}</span>
      </p>
      <p class="noise-counts">{formatCounts(stats)}</p>
    </div>
  );
}

function WeeksSection({ weeks }: { weeks: PeriodStats[] }) {
  const thisYear = weeks[0] ? Number(weeks[0].start.slice(0, 4)) : undefined;
  return (
    <section class="section" aria-labelledby="weeks-heading">
      <h2 id="weeks-heading">{t('weeks_heading')}</h2>
      {weeks.length === 0 ? (
        <p class="empty">{t('weeks_empty')}</p>
      ) : (
        <table class="weeks">
          <thead>
            <tr>
              <th scope="col">{t('weeks_col_week')}</th>
              <th scope="col">{t('weeks_col_selling')}</th>
              <th scope="col" class="num">
                {t('weeks_col_seen')}
              </th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w, i) => {
              const share = w.seen > 0 ? Math.min(1, Math.max(0, w.selling / w.seen)) : 0;
              return (
                <tr key={w.start}>
                  <th scope="row">
                    <time dateTime={w.start}>{i === 0 ? t('weeks_this_week') : t('weeks_week_of', [formatDay(w.start, thisYear)])}</time>
                  </th>
                  <td>
                    <span class="bar" aria-hidden="true">
                      <span class="bar-fill" style={{ width: `${Math.round(share * 100)}%` }} />
                    </span>
                    <span class="ratio">{formatRatio(w.selling, w.seen)}</span>
                  </td>
                  <td class="num">{formatCount(w.seen)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function AccountsSection({ data, actions }: { data: PopupData; actions: PopupActions }) {
  const { authors, vendorCount } = data;
  return (
    <section class="section" aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">{t('accounts_heading')}</h2>
      {authors.length === 0 ? (
        <p class="empty">{vendorCount > 0 ? t('accounts_none_this_week') : t('accounts_empty')}</p>
      ) : (
        <>
          <p class="hint accounts-legend">{t('accounts_legend')}</p>
          <ul class="accounts">
            {authors.map((a) => (
              <AccountItem key={a.key} author={a} actions={actions} />
            ))}
          </ul>
        </>
      )}
      {vendorCount > 0 && actions.openOptions ? (
        <button type="button" class="button see-all" onClick={() => actions.openOptions?.('sellers')}>
          {tn('accounts_see_all', vendorCount)}
        </button>
      ) : null}
    </section>
  );
}

function AccountItem({ author: a, actions }: { author: PopupAuthor; actions: PopupActions }) {
  const handle = atHandle(a.handle);
  const shown = a.reasons.slice(0, REASONS_SHOWN);
  const more = a.reasons.slice(REASONS_SHOWN);
  return (
    <li class="account" data-verdict={a.verdict}>
      <div class="account-head">
        <span class="account-id">
          <AccountName handle={a.handle} name={a.name} />
        </span>
        <VerdictBadge verdict={a.verdict} />
      </div>
      <p class="account-share" title={t('account_share_title', [formatShare(a.sellingShare)])}>
        {tn('account_share', a.posts, [formatCount(a.sellingPosts)])}
      </p>
      {shown.length ? (
        <ul class="reasons">
          {shown.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      ) : null}
      {more.length ? (
        <details class="more-reasons">
          <summary>{tn('more_reasons', more.length)}</summary>
          <ul class="reasons">
            {more.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <OverrideControls handle={a.handle} label={handle} override={a.override} actions={actions} />
    </li>
  );
}

function SettingsSection({ data, actions }: { data: PopupData; actions: PopupActions }) {
  return (
    <section class="section settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settings_heading')}</h2>
      <SettingsFields
        settings={data.settings}
        onChange={(p) => {
          if (p.sensitivity) actions.setSensitivity(p.sensitivity);
          if (p.hideMixed !== undefined) actions.setHideMixed(p.hideMixed);
          if (p.hideAds !== undefined) actions.setHideAds(p.hideAds);
          if (p.exemptFollowed !== undefined) actions.setExemptFollowed(p.exemptFollowed);
        }}
      />
    </section>
  );
}
