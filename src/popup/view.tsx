// The popup, as a pure function of {data, error, actions}: no browser API, no clock, no state.
// main.tsx fetches the data and wires the actions; tests and mock-data.ts render it directly.
//
//   header        title + quiet-mode switch + shortcut hint
//   status        reader health of the active tab (warning when X can't be read)
//   noise         today / last 7 days: selling ÷ seen, with the counts behind it
//   weeks         one row per calendar week, newest first
//   accounts      vendor-heavy authors with reasons and always-show / hide buttons
//   settings      sensitivity and "hide mixed accounts too"
//
// Handles, names and reasons come from untrusted pages: they only ever go through JSX text
// and attributes, never as markup.
import { Check, SensitivityField } from '../ui/fields';
import { t } from '../ui/i18n';
import { Fragment } from 'preact';
import type { PopupAuthor, Override, PeriodStats, PopupData } from '../shared/messages';
import type { Sensitivity } from '../shared/types';
import {
  atHandle,
  formatCount,
  formatCounts,
  formatDay,
  formatRatio,
  formatShare,
  profileUrl,
  verdictLabel,
} from './format';

export interface PopupActions {
  setQuietMode(on: boolean): void;
  setSensitivity(s: Sensitivity): void;
  setHideMixed(on: boolean): void;
  setHideAds(on: boolean): void;
  setExemptFollowed(on: boolean): void;
  /** `null` removes the account from both the allow list and the block list. */
  setOverride(handle: string, o: Override): void;
  /** Opens the options page (settings, lists, export, import, forget). */
  openOptions?(): void;
}

export interface PopupViewProps {
  data: PopupData | null;
  /** Set when the background did not answer; shown above stale data, or alone. */
  error?: string;
  actions: PopupActions;
  /** The quiet-mode keyboard shortcut as the browser reports it; '' when the user removed it. */
  shortcut?: string;
}

export const DEFAULT_SHORTCUT = 'Alt+Shift+Q';

/** How many reasons show before the "more" disclosure. */
const REASONS_SHOWN = 2;

export function PopupView({ data, error, actions, shortcut = DEFAULT_SHORTCUT }: PopupViewProps) {
  return (
    <div class="popup" aria-busy={!data && !error ? 'true' : undefined}>
      <Header data={data} actions={actions} shortcut={shortcut} />
      {error ? <ErrorNote error={error} /> : null}
      {data ? (
        <>
          <StatusNote data={data} />
          <NoiseSection data={data} />
          <WeeksSection weeks={data.weeks} />
          <AccountsSection authors={data.authors} actions={actions} />
          <SettingsSection data={data} actions={actions} />
        </>
      ) : error ? null : (
        <p class="loading">Loading…</p>
      )}
      {actions.openOptions ? (
        <footer class="footer">
          <button type="button" class="link-button" onClick={() => actions.openOptions?.()}>
            Settings and data…
          </button>
        </footer>
      ) : null}
    </div>
  );
}

function Header({ data, actions, shortcut }: { data: PopupData | null; actions: PopupActions; shortcut: string }) {
  const keys = shortcut.split('+').filter(Boolean);
  return (
    <header class="header">
      <h1 class="title">Quiet Bazaar</h1>
      <div class="switch-row">
        <label class="switch-label" for="quiet-mode">
          Quiet mode
        </label>
        <input
          id="quiet-mode"
          class="switch"
          type="checkbox"
          role="switch"
          checked={data?.settings.quietMode ?? false}
          disabled={!data}
          aria-describedby="quiet-mode-hint"
          onChange={(e) => actions.setQuietMode(e.currentTarget.checked)}
        />
      </div>
      <p class="hint" id="quiet-mode-hint">
        {data && !data.settings.quietMode ? 'Off: every tweet shows. ' : 'Collapses tweets of accounts that mostly sell. '}
        {keys.length ? (
          <>
            Toggle with{' '}
            {keys.map((k, i) => (
              <Fragment key={i}>
                {i > 0 ? '+' : ''}
                <kbd>{k}</kbd>
              </Fragment>
            ))}
            .
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

function StatusNote({ data }: { data: PopupData }) {
  switch (data.status) {
    case 'dom-unreadable':
      return (
        <div class="note note-warning" role="alert">
          <p>
            <strong>Can't read this page:</strong> X may have changed its layout. Quiet Bazaar is not hiding anything
            here.
          </p>
        </div>
      );
    case 'api-unreadable':
      return (
        <div class="note note-soft">
          <p>
            The richer data in X's responses could not be read, so verdicts rely on what the page shows. They may be
            less sure.
          </p>
        </div>
      );
    case 'not-x':
      return (
        <div class="note note-soft">
          <p>Open x.com to see your timeline's noise.</p>
        </div>
      );
    case 'idle':
      return <p class="status-line">No tweets read on this tab yet.</p>;
    case 'ok': {
      const read = data.health?.articlesRead;
      return (
        <p class="status-line">
          {read ? `Reading this tab: ${formatCount(read)} ${read === 1 ? 'tweet' : 'tweets'} read.` : 'Reading this tab.'}
        </p>
      );
    }
    default:
      return null;
  }
}

function NoiseSection({ data }: { data: PopupData }) {
  return (
    <section class="section" aria-labelledby="noise-heading">
      <h2 id="noise-heading">Noise</h2>
      <div class="noise">
        <NoiseCard id="noise-today" title="Today" stats={data.today} />
        <NoiseCard id="noise-week" title="Last 7 days" stats={data.last7} />
      </div>
    </section>
  );
}

function NoiseCard({
  id,
  title,
  stats,
}: {
  id: string;
  title: string;
  stats: { seen: number; selling: number; hidden: number };
}) {
  return (
    <div class="noise-card" id={id}>
      <h3 class="noise-title">{title}</h3>
      <p class="noise-ratio">
        <span class="ratio">{formatRatio(stats.selling, stats.seen)}</span>
        <span class="noise-unit"> selling</span>
      </p>
      <p class="noise-counts">{formatCounts(stats)}</p>
    </div>
  );
}

function WeeksSection({ weeks }: { weeks: PeriodStats[] }) {
  const thisYear = weeks[0] ? Number(weeks[0].start.slice(0, 4)) : undefined;
  return (
    <section class="section" aria-labelledby="weeks-heading">
      <h2 id="weeks-heading">Week by week</h2>
      {weeks.length === 0 ? (
        <p class="empty">No weeks recorded yet.</p>
      ) : (
        <table class="weeks">
          <thead>
            <tr>
              <th scope="col">Week</th>
              <th scope="col">Selling</th>
              <th scope="col" class="num">
                Seen
              </th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w, i) => {
              const share = w.seen > 0 ? Math.min(1, Math.max(0, w.selling / w.seen)) : 0;
              return (
                <tr key={w.start}>
                  <th scope="row">
                    <time dateTime={w.start}>{i === 0 ? 'This week' : `Week of ${formatDay(w.start, thisYear)}`}</time>
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

function AccountsSection({ authors, actions }: { authors: PopupAuthor[]; actions: PopupActions }) {
  return (
    <section class="section" aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">Vendor-heavy accounts</h2>
      {authors.length === 0 ? (
        <p class="empty">
          No account judged yet. Scroll your timeline on x.com: accounts that mostly sell will show up here, with the
          reasons.
        </p>
      ) : (
        <ul class="accounts">
          {authors.map((a) => (
            <AccountItem key={a.key} author={a} actions={actions} />
          ))}
        </ul>
      )}
    </section>
  );
}

function AccountItem({ author: a, actions }: { author: PopupAuthor; actions: PopupActions }) {
  const handle = atHandle(a.handle);
  const url = profileUrl(a.handle);
  const shown = a.reasons.slice(0, REASONS_SHOWN);
  const more = a.reasons.slice(REASONS_SHOWN);
  return (
    <li class="account" data-verdict={a.verdict}>
      <div class="account-head">
        <span class="account-id">
          {url ? (
            <a class="handle" href={url} target="_blank" rel="noopener noreferrer">
              {handle}
            </a>
          ) : (
            <span class="handle">{handle}</span>
          )}
          {a.name && a.name !== a.handle ? <span class="name">{a.name}</span> : null}
        </span>
        <span class={`badge badge-${a.verdict}`}>{verdictLabel(a.verdict)}</span>
      </div>
      <p
        class="account-share"
        title={`Estimated share of selling posts: ${formatShare(a.sellingShare)}, from the posts seen so far`}
      >
        {formatCount(a.sellingPosts)} of {formatCount(a.posts)} {a.posts === 1 ? 'post' : 'posts'} selling
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
          <summary>
            {more.length} more {more.length === 1 ? 'reason' : 'reasons'}
          </summary>
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

function OverrideControls({
  handle,
  label,
  override,
  actions,
}: {
  handle: string;
  label: string;
  override: Override;
  actions: PopupActions;
}) {
  if (override === 'show' || override === 'hide') {
    return (
      <div class="account-actions">
        <span class="override-state">{override === 'show' ? 'You always show this account' : 'You always hide this account'}</span>
        <button
          type="button"
          class="button"
          aria-label={`Undo ${override === 'show' ? 'always show' : 'hide'} for ${label}`}
          onClick={() => actions.setOverride(handle, null)}
        >
          Undo
        </button>
      </div>
    );
  }
  return (
    <div class="account-actions">
      <button
        type="button"
        class="button"
        aria-label={`Always show ${label}`}
        onClick={() => actions.setOverride(handle, 'show')}
      >
        Always show
      </button>
      <button type="button" class="button" aria-label={`Hide ${label}`} onClick={() => actions.setOverride(handle, 'hide')}>
        Hide
      </button>
    </div>
  );
}

function SettingsSection({ data, actions }: { data: PopupData; actions: PopupActions }) {
  const s = data.settings;
  return (
    <section class="section settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <SensitivityField value={s.sensitivity} onChange={actions.setSensitivity} />
      <Check id="hide-mixed" label="Hide mixed accounts too" checked={s.hideMixed} onChange={actions.setHideMixed} />
      <Check id="hide-ads" label="Hide promoted posts (ads)" checked={s.hideAds} onChange={actions.setHideAds} />
      <Check
        id="exempt-followed"
        label="Never quiet accounts I follow"
        checked={s.exemptFollowed}
        onChange={actions.setExemptFollowed}
      />
      <p class="hint">{t('setting_exempt_followed_hint')}</p>
    </section>
  );
}
