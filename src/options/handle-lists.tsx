// The always-show and always-hide lists: searchable and paged (a list of 10,000 handles puts
// 50 rows in the page), each row with Remove, and a field to add "@handle".
import { useRef, useState } from 'preact/hooks';
import { authorKey, parseHandle } from '../shared/handles';
import type { OptionsData } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { t, tn, type MessageKey } from '../ui/i18n';
import { useKeepFocus } from '../ui/keep-focus';
import { PagedList } from '../ui/paged-list';
import type { ListName, OptionsActions } from './view';

/** Read when shown, not when the module loads: a page may install its messages after its modules load (i18n.ts ensureMessages). */
export const invalidHandle = (): string => t('handle_invalid');

const LISTS: Record<ListName, { title: MessageKey; lower: MessageKey; key: 'allowList' | 'blockList'; hint: MessageKey; empty: MessageKey; search: MessageKey }> = {
  allow: { title: 'list_allow_title', lower: 'list_allow_lower', key: 'allowList', hint: 'list_allow_hint', empty: 'list_allow_empty', search: 'list_allow_search' },
  block: { title: 'list_block_title', lower: 'list_block_lower', key: 'blockList', hint: 'list_block_hint', empty: 'list_block_empty', search: 'list_block_search' },
};

export function HandleListSection({ list, settings, actions, sync }: { list: ListName; settings: Settings; actions: OptionsActions; sync?: OptionsData['sync'] }) {
  const meta = LISTS[list];
  const handles = settings[meta.key];
  const other = settings[list === 'allow' ? 'blockList' : 'allowList'];
  const headingId = `${list}-heading`;
  // Remove takes its row away: the focus goes to the row now in its place (or the one before,
  // or the add field when the list is empty), not back to the top of the page.
  const removedAt = useRef(0);
  const { box, act } = useKeepFocus<HTMLElement>(handles, (section) => {
    const removes = section.querySelectorAll<HTMLElement>('.handle-row button');
    return removes[Math.min(removedAt.current, removes.length - 1)] ?? section.querySelector<HTMLElement>('input');
  });
  const remove = (h: string) =>
    act(() => {
      const rows = [...(box.current?.querySelectorAll('.handle-row') ?? [])];
      removedAt.current = Math.max(0, rows.findIndex((r) => r.contains(document.activeElement)));
      actions.removeHandle(list, h);
    });
  return (
    <section class="section" id={list} aria-labelledby={headingId} data-list={list} ref={box}>
      <h2 id={headingId}>{t(meta.title)}</h2>
      <p class="hint">{t(meta.hint)}</p>
      {sync === 'lists-local' ? <p class="note note-soft sync-note">{t('sync_lists_local')}</p> : null}
      <AddHandleForm list={list} lower={t(meta.lower)} current={handles} other={other} onAdd={(h) => actions.addHandle(list, h)} />
      {handles.length === 0 ? (
        <p class="empty">{t(meta.empty)}</p>
      ) : (
        <>
          <p class="list-count">{tn('accounts_count', handles.length)}</p>
          <PagedList
            id={list}
            searchLabel={t(meta.search)}
            labelledBy={headingId}
            items={handles}
            itemKey={(h) => h}
            matches={(h, q) => h.includes(q)}
            render={(h) => (
              <>
                <span class="handle">@{h}</span>
                <button type="button" class="button button-small" aria-label={t('list_remove_label', [`@${h}`, t(meta.lower)])} onClick={remove(h)}>
                  {t('list_remove')}
                </button>
              </>
            )}
          />
        </>
      )}
    </section>
  );
}

function AddHandleForm(props: { list: ListName; lower: string; current: string[]; other: string[]; onAdd: (h: string) => void }) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const inputId = `add-${props.list}`;
  const errorId = `${inputId}-error`;
  const submit = (e: Event) => {
    e.preventDefault();
    const parsed = parseHandle(draft.trim());
    if (parsed === undefined) {
      setError(invalidHandle());
      return;
    }
    const handle = authorKey(parsed);
    if (props.current.includes(handle)) {
      setError(t('handle_already_listed', [`@${handle}`]));
      return;
    }
    setError(undefined);
    setDraft('');
    props.onAdd(handle);
  };
  return (
    <form class="add-handle" onSubmit={submit} noValidate>
      <label for={inputId}>{t('list_add_label', [props.lower])}</label>
      <div class="add-row">
        <input
          id={inputId}
          type="text"
          value={draft}
          placeholder="@handle"
          autocomplete="off"
          spellcheck={false}
          maxLength={64}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? errorId : undefined}
          onInput={(e) => {
            setDraft(e.currentTarget.value);
            if (error) setError(undefined);
          }}
        />
        <button type="submit" class="button">
          {t('list_add')}
        </button>
      </div>
      {error ? (
        <p id={errorId} class="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
