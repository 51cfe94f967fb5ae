// Always show / hide for one account, or the user's current choice with Undo. The popup's
// top sellers and the options page's full list use the same buttons with the same names.
import type { Override } from '../shared/messages';
import { t } from './i18n';
import { useKeepFocus } from './keep-focus';

export function OverrideControls({
  handle,
  label,
  override,
  actions,
}: {
  handle: string;
  label: string;
  override: Override;
  actions: { setOverride(handle: string, o: Override): void };
}) {
  // The choice replaces the buttons: the focus moves to "Undo", and back (keep-focus.ts).
  const { box, act } = useKeepFocus(override);
  if (override === 'show' || override === 'hide') {
    return (
      <div class="account-actions" ref={box}>
        <span class="override-state">{override === 'show' ? t('override_state_show') : t('override_state_hide')}</span>
        <button
          type="button"
          class="button"
          aria-label={override === 'show' ? t('override_undo_show_label', [label]) : t('override_undo_hide_label', [label])}
          onClick={act(() => actions.setOverride(handle, null))}
        >
          {t('undo')}
        </button>
      </div>
    );
  }
  return (
    <div class="account-actions" ref={box}>
      <button type="button" class="button" aria-label={t('override_show_label', [label])} onClick={act(() => actions.setOverride(handle, 'show'))}>
        {t('override_show')}
      </button>
      <button type="button" class="button" aria-label={t('override_hide_label', [label])} onClick={act(() => actions.setOverride(handle, 'hide'))}>
        {t('override_hide')}
      </button>
    </div>
  );
}

