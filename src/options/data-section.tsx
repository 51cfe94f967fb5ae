// "Your data": what is stored, export, import settings, and forget everything (with a
// confirmation step, the only state kept here).
import { useState } from 'preact/hooks';
import type { OptionsData } from '../shared/messages';
import { t, tn } from '../ui/i18n';
import { useKeepFocus } from '../ui/keep-focus';
import { NoteLine, type OptionsActions, type OptionsNotes } from './view';

export function DataSection({ data, notes, actions }: { data: OptionsData; notes: OptionsNotes; actions: OptionsActions }) {
  const { seen, authors, days } = data.stored;
  const [confirming, setConfirming] = useState(false);
  // The question replaces its button: the focus goes to "Cancel" (never to "Delete"), and back.
  const forget = useKeepFocus(confirming, confirming ? '.confirm-cancel' : 'button');
  return (
    <section class="section" id="data" aria-labelledby="data-heading">
      <h2 id="data-heading">{t('data_heading')}</h2>
      <p class="stored" id="stored-counts">
        {t('data_stored', [tn('tweets_seen', seen), tn('accounts_judged', authors), tn('days_of_stats', days)])}
      </p>

      <div class="data-action">
        <h3>{t('export_heading')}</h3>
        <p class="hint">{t('export_hint')}</p>
        <button type="button" class="button" onClick={() => actions.exportData()}>
          {t('export_button')}
        </button>
        {notes.export ? <NoteLine note={notes.export} /> : null}
      </div>

      <div class="data-action">
        <h3>{t('import_heading')}</h3>
        <p class="hint" id="import-hint">
          {t('import_hint')}
        </p>
        <input
          id="import-file"
          class="visually-hidden"
          type="file"
          accept="application/json,.json"
          aria-describedby="import-hint"
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (file) actions.importFile(file);
            input.value = ''; // the same file can be picked again after fixing it
          }}
        />
        <label class="button file-button" for="import-file">
          {t('import_button')}
        </label>
        {notes.import ? <NoteLine note={notes.import} id="import-result" /> : null}
      </div>

      <div class="data-action" ref={forget.box}>
        <h3>{t('forget_heading')}</h3>
        <p class="hint">{t('forget_hint')}</p>
        {confirming ? (
          <div class="confirm" role="group" aria-label={t('forget_confirm_label')}>
            <p class="confirm-question">{t('forget_confirm')}</p>
            <button
              type="button"
              class="button button-danger"
              onClick={forget.act(() => {
                setConfirming(false);
                actions.forgetAll();
              })}
            >
              {t('forget_delete')}
            </button>
            <button type="button" class="button confirm-cancel" onClick={forget.act(() => setConfirming(false))}>
              {t('cancel')}
            </button>
          </div>
        ) : (
          <button type="button" class="button button-danger" onClick={forget.act(() => setConfirming(true))}>
            {t('forget_button')}
          </button>
        )}
        {notes.forget ? <NoteLine note={notes.forget} /> : null}
      </div>
    </section>
  );
}
