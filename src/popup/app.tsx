// The popup's controller: asks the background for PopupData, loads it again when the
// background says something changed (src/ui/live-data.ts, shared with the options page), and
// turns the view's actions into protocol messages. `send` and `subscribe` are parameters so
// tests drive it without a browser; main.tsx passes runtime.sendMessage and a runtime port.
//
//   mount ──► get-popup-data ──► PopupView
//     ▲  changed (port) ─┘            │ action
//     │                               ▼
//     └── optimistic update ◄── set-settings / set-override ──► get-popup-data again
import { request, type Send } from '../shared/request';
import type { ComponentChildren } from 'preact';
import { useCallback, useMemo, useState } from 'preact/hooks';
import type { PopupData } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { t } from '../ui/i18n';
import { useLiveData, type Subscribe } from '../ui/live-data';
import { PopupView, type PopupActions } from './view';

export type { Send } from '../shared/request';
export type { Subscribe } from '../ui/live-data';

/** A sleeping MV3 service worker takes a moment to wake; beyond this we say it did not answer. */
export const REPLY_TIMEOUT_MS = 5000;

/** Read when shown, not when the module loads: a page may install its messages after its modules load (i18n.ts ensureMessages). */
export const noAnswer = (): string => t('popup_no_answer');

/** `?tab=<id>` overrides the active tab (tests open popup.html as a page, which is then the active tab). */
export function tabIdFromSearch(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  if (!raw || !/^\d{1,12}$/.test(raw)) return undefined;
  return Number(raw);
}

/** The reply comes from another context: check its shape before the view trusts it. */
export function isPopupData(value: unknown): value is PopupData {
  if (!value || typeof value !== 'object') return false;
  const d = value as Partial<PopupData>;
  const isStats = (s: unknown) =>
    !!s &&
    typeof s === 'object' &&
    ['seen', 'selling', 'hidden'].every((k) => typeof (s as Record<string, unknown>)[k] === 'number');
  return (
    !!d.settings &&
    typeof d.settings === 'object' &&
    typeof d.settings.quietMode === 'boolean' &&
    isStats(d.today) &&
    isStats(d.last7) &&
    Array.isArray(d.weeks) &&
    d.weeks.every(isStats) &&
    Array.isArray(d.authors) &&
    d.authors.every(
      (a) => !!a && typeof a.handle === 'string' && typeof a.key === 'string' && Array.isArray(a.reasons),
    ) &&
    typeof d.vendorCount === 'number' &&
    typeof d.status === 'string'
  );
}

export const stale = (): string => t('popup_stale');
export const notSaved = (): string => t('popup_not_saved');

export interface PopupAppProps {
  send: Send;
  /** Tells the popup the background's data changed; without it the popup loads once. */
  subscribe?: Subscribe;
  tabId?: number;
  shortcut?: string;
  /** Opens the options page, at a section ("sellers") or at the top. */
  openOptions?: (section?: string) => void;
  /** More sections (each loading its own data), shown once the popup's own data is there. */
  extra?: ComponentChildren;
}

export function PopupApp({ send, subscribe, tabId, shortcut, openOptions, extra }: PopupAppProps) {
  const load = useCallback(async () => {
    const reply = await request(send, 'get-popup-data', tabId === undefined ? {} : { tabId }, REPLY_TIMEOUT_MS);
    if (!isPopupData(reply)) throw new Error('bad reply');
    return reply;
  }, [send, tabId]);
  const live = useLiveData<PopupData>(load, subscribe);
  // Kept apart from the load error: a successful refresh must not hide that a change was not saved.
  const [actionError, setActionError] = useState<string | undefined>(undefined);

  const actions = useMemo<PopupActions>(() => {
    const change = async (optimistic: (d: PopupData) => PopupData, message: () => Promise<Settings>) => {
      const result = await live.run(optimistic, message);
      setActionError(result.ok ? undefined : notSaved());
    };
    const setSettings = (patch: Partial<Settings>) =>
      change(
        (d) => ({ ...d, settings: { ...d.settings, ...patch } }),
        () => request(send, 'set-settings', patch, REPLY_TIMEOUT_MS),
      );
    return {
      setQuietMode: (on) => void setSettings({ quietMode: on }),
      setSensitivity: (s) => void setSettings({ sensitivity: s }),
      setHideMixed: (on) => void setSettings({ hideMixed: on }),
      setHideAds: (on) => void setSettings({ hideAds: on }),
      setExemptFollowed: (on) => void setSettings({ exemptFollowed: on }),
      setOverride: (handle, override) =>
        void change(
          (d) => ({ ...d, authors: d.authors.map((a) => (a.handle === handle ? { ...a, override } : a)) }),
          () => request(send, 'set-override', { handle, override }, REPLY_TIMEOUT_MS),
        ),
      ...(openOptions ? { openOptions } : {}),
    };
  }, [send, live.run, openOptions, setActionError]);

  const { data, failed } = live;
  const error = failed ? (data ? `${noAnswer()} ${stale()}` : noAnswer()) : actionError;
  return <PopupView data={data} error={error} actions={actions} extra={extra} {...(shortcut === undefined ? {} : { shortcut })} />;
}
