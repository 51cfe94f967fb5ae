// The options page's controller: loads OptionsData (settings and what is stored), loads it again
// when the background says something changed (src/ui/live-data.ts, shared with the popup), and
// turns the view's actions into protocol messages. The sellers list and the history load their
// own data the same way (sellers.tsx, history.tsx). `send`, `subscribe` and `saveFile` are
// parameters so tests drive it without a browser; main.tsx passes the real ones.
//
//   mount ──► get-options-data ──► OptionsView ◄── SellersPanel, HistoryPanel (mounted in it)
//     ▲  changed (port) ─┘              │ action
//     └── set-settings / set-override / export / import / forget ──► get-options-data again
import type { ComponentChildren } from 'preact';
import { useCallback, useMemo, useState } from 'preact/hooks';
import { request, type Send } from '../shared/request';
import type { OptionsData } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { t } from '../ui/i18n';
import { useLiveData, type Subscribe } from '../ui/live-data';
import { REPLY_TIMEOUT_MS, exportData, forgetAll, importFile, saveWithBlob, type DataActionDeps, type SaveFile } from './data-actions';
import { HistoryPanel } from './history';
import { SellersPanel } from './sellers';
import { OptionsView, type ListName, type OptionsActions, type OptionsNotes } from './view';

export type { Send } from '../shared/request';
export type { SaveFile } from './data-actions';
export { exportFileName, saveWithBlob } from './data-actions';

/** Read when shown, not when the module loads: a page may install its messages after its modules load (i18n.ts ensureMessages). */
export const noAnswer = (): string => t('options_no_answer');
export const notSaved = (): string => t('options_not_saved');

/** The reply comes from another context: check its shape before the view trusts it. */
export function isOptionsData(value: unknown): value is OptionsData {
  if (!value || typeof value !== 'object') return false;
  const d = value as Partial<OptionsData>;
  const s = d.settings;
  const stored = d.stored as Record<string, unknown> | undefined;
  return (
    !!s &&
    typeof s === 'object' &&
    typeof s.quietMode === 'boolean' &&
    Array.isArray(s.allowList) &&
    Array.isArray(s.blockList) &&
    [...s.allowList, ...s.blockList].every((h) => typeof h === 'string') &&
    !!stored &&
    ['seen', 'authors', 'days'].every((k) => typeof stored[k] === 'number')
  );
}

/** Moves `handle` onto `list` (or off both with null), as the background's applyOverride does. */
function withOverride(s: Settings, handle: string, list: ListName | null): Settings {
  const allow = s.allowList.filter((h) => h !== handle);
  const block = s.blockList.filter((h) => h !== handle);
  if (list === 'allow') allow.push(handle);
  if (list === 'block') block.push(handle);
  return { ...s, allowList: allow, blockList: block };
}

export interface OptionsAppProps {
  send: Send;
  subscribe?: Subscribe;
  saveFile?: SaveFile;
  /** More sections (each loading its own data), placed after the lists: e.g. the following audit. */
  extra?: ComponentChildren;
}

export function OptionsApp({ send, subscribe, saveFile = saveWithBlob, extra }: OptionsAppProps) {
  const load = useCallback(async () => {
    const reply = await request(send, 'get-options-data', {}, REPLY_TIMEOUT_MS);
    if (!isOptionsData(reply)) throw new Error('bad reply');
    return reply;
  }, [send]);
  const live = useLiveData<OptionsData>(load, subscribe);
  const [notes, setNotes] = useState<OptionsNotes>({});
  const note = useCallback((patch: OptionsNotes) => setNotes((n) => ({ ...n, ...patch })), []);

  const actions = useMemo<OptionsActions>(() => {
    const change = async (optimistic: (s: Settings) => Settings, message: () => Promise<unknown>) => {
      const result = await live.run((d) => ({ ...d, settings: optimistic(d.settings) }), message);
      note({ save: result.ok ? undefined : { kind: 'error', text: notSaved() } });
    };
    const override = (handle: string, list: ListName | null) =>
      void change(
        (s) => withOverride(s, handle, list),
        () => request(send, 'set-override', { handle, override: list === 'allow' ? 'show' : list === 'block' ? 'hide' : null }, REPLY_TIMEOUT_MS),
      );
    const deps: DataActionDeps = { send, saveFile, note, run: (message) => live.run(null, message) };
    return {
      setSettings: (patch) => void change((s) => ({ ...s, ...patch }), () => request(send, 'set-settings', patch, REPLY_TIMEOUT_MS)),
      addHandle: (list, handle) => override(handle, list),
      removeHandle: (_list, handle) => override(handle, null),
      exportData: () => void exportData(deps),
      importFile: (file) => void importFile(deps, file),
      forgetAll: () => void forgetAll(deps),
    };
  }, [send, saveFile, live.run, note]);

  const shownNotes = live.failed ? { ...notes, load: { kind: 'error' as const, text: noAnswer() } } : notes;
  return (
    <OptionsView
      data={live.data}
      notes={shownNotes}
      actions={actions}
      panels={{
        sellers: <SellersPanel send={send} subscribe={subscribe} setOverride={(h, o) => actions.addHandle(o === 'show' ? 'allow' : 'block', h)} clearOverride={(h) => actions.removeHandle('allow', h)} />,
        history: <HistoryPanel send={send} subscribe={subscribe} />,
        extra,
      }}
    />
  );
}
