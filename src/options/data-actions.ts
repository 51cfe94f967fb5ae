// The options page's "Your data" actions: export to a file, import settings from one, forget
// everything. Each reports its outcome as a note next to its button.
//
// An imported file is untrusted: it is size-capped, parsed and validated here, and the
// background validates what arrives again. A bad file changes nothing.
import { dayKey } from '../shared/dates';
import { request, type Send } from '../shared/request';
import { MAX_IMPORT_BYTES, validateImportText } from '../shared/import-file';
import { EXPORT_FORMAT, type ExportFile } from '../shared/messages';
import { formatCount, t, tn } from '../ui/i18n';
import type { OptionsNotes } from './view';

export type SaveFile = (name: string, text: string) => void;

export const REPLY_TIMEOUT_MS = 10_000;

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

export interface DataActionDeps {
  send: Send;
  saveFile: SaveFile;
  note(patch: OptionsNotes): void;
  /** Runs a change and shows the background's data afterwards (useLiveData's run). */
  run(message: () => Promise<unknown>): Promise<unknown>;
}

export async function exportData({ send, saveFile, note }: DataActionDeps): Promise<void> {
  try {
    const file: ExportFile = await request(send, 'export-data', {}, REPLY_TIMEOUT_MS);
    if (!file || file.format !== EXPORT_FORMAT || !Array.isArray(file.authors)) throw new Error('bad reply');
    const name = exportFileName();
    saveFile(name, JSON.stringify(file, null, 2) + '\n');
    note({ export: { kind: 'ok', text: t('export_saved', [name, tn('accounts_count', file.authors.length), tn('days_of_stats', file.days.length)]) } });
  } catch {
    note({ export: { kind: 'error', text: t('export_failed') } });
  }
}

export async function importFile({ send, note, run }: DataActionDeps, file: File): Promise<void> {
  if (file.size > MAX_IMPORT_BYTES) {
    note({ import: { kind: 'error', text: t('import_too_large', [formatCount(MAX_IMPORT_BYTES / 1024 / 1024)]) } });
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    note({ import: { kind: 'error', text: t('import_unreadable') } });
    return;
  }
  const checked = validateImportText(text);
  if (!checked.ok) {
    note({ import: { kind: 'error', text: checked.error } });
    return;
  }
  await run(async () => {
    try {
      const result = await request(send, 'import-settings', checked.parsed, REPLY_TIMEOUT_MS);
      if (!result || typeof result !== 'object' || typeof result.ok !== 'boolean') throw new Error('bad reply');
      if (!result.ok) note({ import: { kind: 'error', text: String(result.error) } });
      else note({ import: { kind: 'ok', text: t('import_done', [formatCount(result.allowed), tn('always_hide_accounts', result.blocked)]) } });
    } catch {
      note({ import: { kind: 'error', text: t('import_no_answer') } });
    }
  });
}

export async function forgetAll({ send, note, run }: DataActionDeps): Promise<void> {
  await run(async () => {
    try {
      await request(send, 'forget-all', {}, REPLY_TIMEOUT_MS);
      note({ forget: { kind: 'ok', text: t('forget_done') } });
    } catch {
      note({ forget: { kind: 'error', text: t('forget_no_answer') } });
    }
  });
}
