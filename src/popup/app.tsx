// The popup's controller: asks the background for PopupData, keeps it live, and turns the
// view's actions into protocol messages. It takes `send` as a parameter so tests can drive it
// without a browser; main.tsx passes browser.runtime.sendMessage.
//
//   mount ──► get-popup-data ──► PopupView
//     │  every POLL_MS ─┘            │ action
//     │                              ▼
//     └── optimistic update ◄── set-settings / set-override ──► get-popup-data again
import { request, type Send } from '../shared/request';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PopupData } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { PopupView, type PopupActions } from './view';

export type { Send } from '../shared/request';

export const POLL_MS = 2000;
/** A sleeping MV3 service worker takes a moment to wake; beyond this we say it did not answer. */
export const REPLY_TIMEOUT_MS = 5000;

export const NO_ANSWER =
  "Quiet Bazaar's background did not answer. Close and reopen this popup; if it keeps happening, reload the extension.";

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
    typeof d.status === 'string'
  );
}


export const STALE = 'The numbers below may be out of date.';
export const NOT_SAVED = 'Quiet Bazaar could not save that change. Try again, or reopen this popup.';

export interface PopupAppProps {
  send: Send;
  tabId?: number;
  shortcut?: string;
  pollMs?: number;
  /** Opens the options page; main.tsx passes browser.runtime.openOptionsPage. */
  openOptions?: () => void;
}

export function PopupApp({ send, tabId, shortcut, pollMs = POLL_MS, openOptions }: PopupAppProps) {
  const [data, setData] = useState<PopupData | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  // Kept apart from `error`: a successful refresh must not hide that a change was not saved.
  const [actionError, setActionError] = useState<string | undefined>(undefined);
  // Bumped by every action, so a poll that started before it cannot undo the optimistic update.
  const generation = useRef(0);
  const polling = useRef(false);
  const mounted = useRef(true);

  const refresh = useCallback(
    async (isPoll = false) => {
      if (isPoll && polling.current) return;
      const gen = generation.current;
      if (isPoll) polling.current = true;
      try {
        const reply = await request(send, 'get-popup-data', tabId === undefined ? {} : { tabId }, REPLY_TIMEOUT_MS);
        if (!isPopupData(reply)) throw new Error('bad reply');
        if (mounted.current && gen === generation.current) {
          setData(reply);
          setError(undefined);
        }
      } catch {
        // Keep the last data on screen (marked stale) rather than blanking the popup.
        if (mounted.current && gen === generation.current) setError(NO_ANSWER);
      } finally {
        if (isPoll) polling.current = false;
      }
    },
    [send, tabId],
  );

  useEffect(() => {
    mounted.current = true;
    void refresh();
    const id = setInterval(() => void refresh(true), pollMs);
    return () => {
      mounted.current = false;
      clearInterval(id);
    };
  }, [refresh, pollMs]);

  const actions = useMemo<PopupActions>(() => {
    const run = async (change: (d: PopupData) => PopupData, message: () => Promise<Settings>) => {
      generation.current++;
      setData((d) => (d ? change(d) : d));
      try {
        const settings = await message();
        if (mounted.current && settings && typeof settings === 'object') {
          setData((d) => (d ? { ...d, settings: { ...d.settings, ...settings } } : d));
        }
        if (mounted.current) setActionError(undefined);
      } catch {
        if (mounted.current) setActionError(NOT_SAVED);
      }
      // Whatever happened, show what the background now holds (this also undoes a failed optimistic update).
      generation.current++;
      await refresh();
    };
    const setSettings = (patch: Partial<Settings>) =>
      run(
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
        void run(
          (d) => ({
            ...d,
            authors: d.authors.map((a) => (a.handle === handle ? { ...a, override } : a)),
          }),
          () => request(send, 'set-override', { handle, override }, REPLY_TIMEOUT_MS),
        ),
      ...(openOptions ? { openOptions } : {}),
    };
  }, [send, refresh, openOptions]);

  return <PopupView data={data} error={error ? (data ? `${error} ${STALE}` : error) : actionError} actions={actions} {...(shortcut === undefined ? {} : { shortcut })} />;
}
