// The options page's controller: asks the background for OptionsData and turns the view's
// actions into protocol messages. `send` and `saveFile` are parameters so tests can drive it
// without a browser; main.tsx passes browser.runtime.sendMessage and a Blob download.
//
//   mount ──► get-options-data ──► OptionsView
//                                     │ action
//   set-settings / set-override / export-data / import-settings / forget-all ──► get-options-data again
//
// An imported file is untrusted: it is size-capped, parsed and validated here, and the
// background validates what arrives again. A bad file changes nothing.
import { dayKey } from '../shared/dates';
import { request, type Send } from '../shared/request';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { MAX_IMPORT_BYTES, validateImportText } from '../shared/import-file';
import { EXPORT_FORMAT, type ExportFile, type OptionsData } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { OptionsView, type OptionsActions, type OptionsNotes } from './view';

export type { Send } from '../shared/request';
export type SaveFile = (name: string, text: string) => void;

export const REPLY_TIMEOUT_MS = 10_000;
export const POLL_MS = 5000;

export const NO_ANSWER = "Quiet Bazaar's background did not answer. Reload this page; if it keeps happening, reload the extension.";
export const NOT_SAVED = 'Quiet Bazaar could not save that change. Try again, or reload this page.';


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

/** "quiet-bazaar-export-2026-03-14.json", in the user's local date. */
export function exportFileName(now = new Date()): string {
  return `quiet-bazaar-export-${dayKey(now)}.json`;
}

/** Saves text as a file through a Blob and an <a download>: no downloads permission, no network. */
export function saveWithBlob(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export interface OptionsAppProps {
  send: Send;
  saveFile?: SaveFile;
  pollMs?: number;
}

export function OptionsApp({ send, saveFile = saveWithBlob, pollMs = POLL_MS }: OptionsAppProps) {
  const [data, setData] = useState<OptionsData | null>(null);
  const [notes, setNotes] = useState<OptionsNotes>({});
  const mounted = useRef(true);
  // Bumped by every action, so a poll that started before it cannot undo the optimistic update.
  const generation = useRef(0);

  const note = useCallback((patch: OptionsNotes) => {
    if (mounted.current) setNotes((n) => ({ ...n, ...patch }));
  }, []);

  const refresh = useCallback(async () => {
    const gen = generation.current;
    try {
      const reply = await request(send, 'get-options-data', {}, REPLY_TIMEOUT_MS);
      if (!isOptionsData(reply)) throw new Error('bad reply');
      if (mounted.current && gen === generation.current) {
        setData(reply);
        note({ load: undefined });
      }
    } catch {
      if (mounted.current && gen === generation.current) note({ load: { kind: 'error', text: NO_ANSWER } });
    }
  }, [send, note]);

  useEffect(() => {
    mounted.current = true;
    void refresh();
    const id = setInterval(() => void refresh(), pollMs);
    return () => {
      mounted.current = false;
      clearInterval(id);
    };
  }, [refresh, pollMs]);

  const actions = useMemo<OptionsActions>(() => {
    const change = async (optimistic: (s: Settings) => Settings, message: () => Promise<unknown>) => {
      generation.current++;
      setData((d) => (d ? { ...d, settings: optimistic(d.settings) } : d));
      try {
        await message();
        note({ save: undefined });
      } catch {
        note({ save: { kind: 'error', text: NOT_SAVED } });
      }
      generation.current++;
      await refresh();
    };
    const without = (list: string[], h: string) => list.filter((x) => x !== h);
    return {
      setSettings: (patch) => void change((s) => ({ ...s, ...patch }), () => request(send, 'set-settings', patch, REPLY_TIMEOUT_MS)),
      addHandle: (list, handle) =>
        void change(
          (s) => ({
            ...s,
            allowList: list === 'allow' ? [...without(s.allowList, handle), handle] : without(s.allowList, handle),
            blockList: list === 'block' ? [...without(s.blockList, handle), handle] : without(s.blockList, handle),
          }),
          () => request(send, 'set-override', { handle, override: list === 'allow' ? 'show' : 'hide' }, REPLY_TIMEOUT_MS),
        ),
      removeHandle: (list, handle) =>
        void change(
          (s) => (list === 'allow' ? { ...s, allowList: without(s.allowList, handle) } : { ...s, blockList: without(s.blockList, handle) }),
          () => request(send, 'set-override', { handle, override: null }, REPLY_TIMEOUT_MS),
        ),
      exportData: () =>
        void (async () => {
          try {
            const file: ExportFile = await request(send, 'export-data', {}, REPLY_TIMEOUT_MS);
            if (!file || file.format !== EXPORT_FORMAT || !Array.isArray(file.authors)) throw new Error('bad reply');
            const name = exportFileName();
            saveFile(name, JSON.stringify(file, null, 2) + '\n');
            note({
              export: {
                kind: 'ok',
                text: `Saved ${name}: ${plural(file.authors.length, 'account', 'accounts')}, ${plural(file.days.length, 'day', 'days')} of stats.`,
              },
            });
          } catch {
            note({ export: { kind: 'error', text: 'The export failed: the background did not answer. Try again.' } });
          }
        })(),
      importFile: (file) =>
        void (async () => {
          if (file.size > MAX_IMPORT_BYTES) {
            note({ import: { kind: 'error', text: `Nothing was imported: the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.` } });
            return;
          }
          let text: string;
          try {
            text = await file.text();
          } catch {
            note({ import: { kind: 'error', text: 'Nothing was imported: the file could not be read.' } });
            return;
          }
          const checked = validateImportText(text);
          if (!checked.ok) {
            note({ import: { kind: 'error', text: checked.error } });
            return;
          }
          generation.current++;
          try {
            const result = await request(send, 'import-settings', checked.parsed, REPLY_TIMEOUT_MS);
            if (!result || typeof result !== 'object' || typeof result.ok !== 'boolean') throw new Error('bad reply');
            if (!result.ok) {
              note({ import: { kind: 'error', text: String(result.error) } });
            } else {
              note({
                import: {
                  kind: 'ok',
                  text:
                    `Imported settings: ${result.allowed} always-show, ${result.blocked} always-hide ${result.allowed + result.blocked === 1 ? 'account' : 'accounts'}. ` +
                    'Verdicts and stats in the file were not imported.',
                },
              });
            }
          } catch {
            note({ import: { kind: 'error', text: 'Nothing was imported: the background did not answer. Try again.' } });
          }
          generation.current++;
          await refresh();
        })(),
      forgetAll: () =>
        void (async () => {
          generation.current++;
          try {
            await request(send, 'forget-all', {}, REPLY_TIMEOUT_MS);
            note({
              forget: { kind: 'ok', text: 'Deleted every stored tweet, verdict and stat. Your settings and lists were kept.' },
            });
          } catch {
            note({ forget: { kind: 'error', text: 'Forgetting may not have finished: the background did not answer. Try again.' } });
          }
          generation.current++;
          await refresh();
        })(),
    };
  }, [send, saveFile, refresh, note]);

  return <OptionsView data={data} notes={notes} actions={actions} />;
}
