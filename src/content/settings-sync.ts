// Settings and "forget everything" reach the content script as storage changes. Both are the
// user's doing, so quiet mode applies them at once, on screen too.
import browser, { type Storage } from 'webextension-polyfill';
import { EPOCH_KEY, REJUDGED_KEY, type VerdictLite } from '../shared/messages';
import { SETTINGS_KEY, normaliseSettings, type Settings } from '../shared/settings';
import { authorKey } from '../shared/handles';
import type { QuietMode } from './quiet-mode';

type Quiet = Pick<QuietMode, 'forgetExcept' | 'applyAll' | 'addVerdicts' | 'getSettings' | 'setSettings'>;

/**
 * Listens to storage changes until `signal` aborts. `getVerdicts` asks the background for the
 * current quiet candidates; `onSettings` is told of each new settings (after quiet mode applied them).
 */
export function syncSettings(
  quiet: Quiet,
  getVerdicts: () => Promise<VerdictLite[]>,
  signal: AbortSignal,
  root: ParentNode = document,
  onSettings: (s: Settings) => void = () => undefined,
): void {
  if (signal.aborted) return;
  const refetch = (forgetOthers: boolean) =>
    void getVerdicts()
      .then((verdicts) => {
        // Authors no longer listed are no longer sellers or mixed (at this sensitivity).
        if (forgetOthers) quiet.forgetExcept(new Set(verdicts.map((v) => authorKey(v.handle))));
        quiet.addVerdicts(verdicts);
        quiet.applyAll(root);
      })
      .catch(() => undefined);
  const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area !== 'local') return;
    if (changes[EPOCH_KEY]) {
      // "Forget everything": drop every verdict held here, then take what the background still has.
      quiet.forgetExcept(new Set());
      quiet.applyAll(root);
      refetch(false);
    }
    // A new sensitivity is saved first and re-judged after: the verdicts change when this is set.
    if (changes[REJUDGED_KEY]) refetch(true);
    if (!changes[SETTINGS_KEY]) return;
    const next = normaliseSettings(changes[SETTINGS_KEY].newValue);
    const before = quiet.getSettings();
    quiet.setSettings(next);
    quiet.applyAll(root);
    onSettings(next);
    if (next.sensitivity !== before.sensitivity) refetch(true);
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });
}
