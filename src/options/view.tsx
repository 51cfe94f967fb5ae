// The options page, as a function of {data, notes, actions}: no browser API, no clock.
// app.tsx fetches the data and turns actions into messages; tests render this directly.
// The only state kept here is the state of a form being filled in: the text of an "add" field
// with its inline error, and whether "Forget everything" is waiting for its confirmation.
//
//   quiet mode     the popup's settings: quiet mode, sensitivity, mixed, ads, followed
//   always show    allow list, remove buttons, "add @handle"
//   always hide    block list, the same
//   your data      what is stored; export; import settings; forget everything (confirm step)
//
// Handles come from storage and from imported files: they only go through JSX text and
// attributes, never as markup.
import { Check, SensitivityField } from '../ui/fields';
import { t } from '../ui/i18n';
import { useState } from 'preact/hooks';
import { authorKey, parseHandle } from '../shared/handles';
import type { OptionsData } from '../shared/messages';
import type { Settings } from '../shared/settings';

export type ListName = 'allow' | 'block';

export interface OptionsActions {
  setSettings(patch: Partial<Settings>): void;
  /** `handle` is valid, lowercase and without "@". Adding to one list takes it off the other. */
  addHandle(list: ListName, handle: string): void;
  removeHandle(list: ListName, handle: string): void;
  exportData(): void;
  importFile(file: File): void;
  forgetAll(): void;
}

export interface Note {
  kind: 'ok' | 'error';
  text: string;
}

/** Messages to show next to the part of the page they are about. */
export interface OptionsNotes {
  /** The background did not answer (page-wide). */
  load?: Note;
  /** A settings or list change was not saved. */
  save?: Note;
  export?: Note;
  import?: Note;
  forget?: Note;
}

export interface OptionsViewProps {
  data: OptionsData | null;
  notes?: OptionsNotes;
  actions: OptionsActions;
}

export const INVALID_HANDLE =
  'That is not an X handle: use 1 to 15 letters, digits or underscores, with or without the "@".';

const LISTS: Record<ListName, { title: string; key: 'allowList' | 'blockList'; hint: string; empty: string }> = {
  allow: {
    title: 'Always show',
    key: 'allowList',
    hint: 'These accounts are never quieted, whatever they post.',
    empty: 'No account yet. "Always show @handle" on a quieted tweet adds it here.',
  },
  block: {
    title: 'Always hide',
    key: 'blockList',
    hint: 'These accounts are always quieted, whatever their verdict.',
    empty: 'No account yet.',
  },
};

export function OptionsView({ data, notes = {}, actions }: OptionsViewProps) {
  return (
    <main class="options" aria-busy={!data && !notes.load ? 'true' : undefined}>
      <header class="page-header">
        <h1>Quiet Bazaar: settings and data</h1>
        <p class="lede">Everything here stays on this computer.</p>
      </header>
      {notes.load ? <NoteLine note={notes.load} /> : null}
      {notes.save ? <NoteLine note={notes.save} /> : null}
      {data ? (
        <>
          <SettingsSection settings={data.settings} actions={actions} />
          <HandleListSection list="allow" settings={data.settings} actions={actions} />
          <HandleListSection list="block" settings={data.settings} actions={actions} />
          <DataSection data={data} notes={notes} actions={actions} />
        </>
      ) : notes.load ? null : (
        <p class="loading">Loading…</p>
      )}
    </main>
  );
}

function NoteLine({ note, id }: { note: Note; id?: string }) {
  return (
    <p id={id} class={`note note-${note.kind}`} role={note.kind === 'error' ? 'alert' : 'status'}>
      {note.text}
    </p>
  );
}

function SettingsSection({ settings: s, actions }: { settings: Settings; actions: OptionsActions }) {
  return (
    <section class="section" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Quiet mode</h2>
      <Check
        id="quiet-mode"
        role="switch"
        label="Quiet mode: collapse tweets of accounts that mostly sell"
        checked={s.quietMode}
        onChange={(on) => actions.setSettings({ quietMode: on })}
      />
      <SensitivityField value={s.sensitivity} onChange={(sensitivity) => actions.setSettings({ sensitivity })} />
      <Check id="hide-mixed" label="Hide mixed accounts too" checked={s.hideMixed} onChange={(on) => actions.setSettings({ hideMixed: on })} />
      <Check id="hide-ads" label="Hide promoted posts (ads)" checked={s.hideAds} onChange={(on) => actions.setSettings({ hideAds: on })} />
      <Check
        id="exempt-followed"
        label="Never quiet accounts I follow"
        checked={s.exemptFollowed}
        onChange={(on) => actions.setSettings({ exemptFollowed: on })}
      />
      {/* Following audit (issue 9): the exemption's hint points to the audit; verdict badges. */}
      <p class="hint">{t('setting_exempt_followed_hint')}</p>
      <Check id="show-verdicts" label={t('setting_show_verdicts')} checked={s.showVerdicts} onChange={(on) => actions.setSettings({ showVerdicts: on })} />
      <p class="hint">{t('setting_show_verdicts_hint')}</p>
    </section>
  );
}

function HandleListSection({ list, settings, actions }: { list: ListName; settings: Settings; actions: OptionsActions }) {
  const meta = LISTS[list];
  const handles = settings[meta.key];
  const other = settings[list === 'allow' ? 'blockList' : 'allowList'];
  const headingId = `${list}-heading`;
  return (
    <section class="section" aria-labelledby={headingId} data-list={list}>
      <h2 id={headingId}>{meta.title}</h2>
      <p class="hint">{meta.hint}</p>
      {handles.length === 0 ? (
        <p class="empty">{meta.empty}</p>
      ) : (
        <ul class="handles" aria-labelledby={headingId}>
          {handles.map((h) => (
            <li key={h} class="handle-row">
              <span class="handle">@{h}</span>
              <button
                type="button"
                class="button button-small"
                aria-label={`Remove @${h} from ${meta.title.toLowerCase()}`}
                onClick={() => actions.removeHandle(list, h)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <AddHandleForm list={list} title={meta.title} current={handles} other={other} onAdd={(h) => actions.addHandle(list, h)} />
    </section>
  );
}

function AddHandleForm(props: { list: ListName; title: string; current: string[]; other: string[]; onAdd: (h: string) => void }) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const inputId = `add-${props.list}`;
  const errorId = `${inputId}-error`;
  const submit = (e: Event) => {
    e.preventDefault();
    const text = draft.trim();
    const parsed = parseHandle(text);
    if (parsed === undefined) {
      setError(INVALID_HANDLE);
      return;
    }
    const handle = authorKey(parsed);
    if (props.current.includes(handle)) {
      setError(`@${handle} is already on this list.`);
      return;
    }
    setError(undefined);
    setDraft('');
    props.onAdd(handle);
  };
  return (
    <form class="add-handle" onSubmit={submit} noValidate>
      <label for={inputId}>Add @handle to {props.title.toLowerCase()}</label>
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
          Add
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

function DataSection({ data, notes, actions }: { data: OptionsData; notes: OptionsNotes; actions: OptionsActions }) {
  const { seen, authors, days } = data.stored;
  const [confirming, setConfirming] = useState(false);
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
  return (
    <section class="section" aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      <p class="stored" id="stored-counts">
        Stored on this computer: {plural(seen, 'tweet seen', 'tweets seen')}, {plural(authors, 'account judged', 'accounts judged')},{' '}
        {plural(days, 'day of stats', 'days of stats')}.
      </p>

      <div class="data-action">
        <h3>Export</h3>
        <p class="hint">A JSON file with your settings, each account's verdict and reasons, and daily stats.</p>
        <button type="button" class="button" onClick={() => actions.exportData()}>
          Export to a file
        </button>
        {notes.export ? <NoteLine note={notes.export} /> : null}
      </div>

      <div class="data-action">
        <h3>Import settings</h3>
        <p class="hint" id="import-hint">
          Restores settings and the always-show and always-hide lists from an export file. Verdicts, evidence and stats
          in the file are not imported.
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
          Choose a file to import…
        </label>
        {notes.import ? <NoteLine note={notes.import} id="import-result" /> : null}
      </div>

      <div class="data-action">
        <h3>Forget everything</h3>
        <p class="hint">
          Deletes every stored tweet, verdict, reason and daily stat. Your settings and lists stay. Accounts are judged
          afresh from the next tweets you see.
        </p>
        {confirming ? (
          <div class="confirm" role="group" aria-label="Confirm forgetting everything">
            <p class="confirm-question">Are you sure? This cannot be undone.</p>
            <button
              type="button"
              class="button button-danger"
              onClick={() => {
                setConfirming(false);
                actions.forgetAll();
              }}
            >
              Delete
            </button>
            <button type="button" class="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" class="button button-danger" onClick={() => setConfirming(true)}>
            Forget everything…
          </button>
        )}
        {notes.forget ? <NoteLine note={notes.forget} /> : null}
      </div>
    </section>
  );
}
