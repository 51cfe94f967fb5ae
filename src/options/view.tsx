// The options page, as a function of {data, notes, actions}: no browser API, no clock.
// app.tsx fetches the data and turns actions into messages; tests render this directly.
// Settings come first, so the keyboard reaches them before any long list.
//
//   #settings      quiet mode, sensitivity, mixed, ads, followed
//   #history       every week kept and this week's 7 days (panels.history)
//   #sellers       every account that sells, searchable, paged (panels.sellers)
//   #allow #block  always show / always hide: searchable, paged, "add @handle"
//   panels.extra   more sections mounted by other features (e.g. the following audit)
//   #data          what is stored; export; import settings; forget everything
//
// Handles come from storage and from imported files: they only go through JSX text and
// attributes, never as markup.
import type { ComponentChildren } from 'preact';
import type { OptionsData } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { Check, SettingsFields } from '../ui/fields';
import { t } from '../ui/i18n';
import { DataSection } from './data-section';
import { HandleListSection } from './handle-lists';

export type ListName = 'allow' | 'block';
export { invalidHandle } from './handle-lists';

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
  load?: Note | undefined;
  /** A settings or list change was not saved. */
  save?: Note | undefined;
  export?: Note | undefined;
  import?: Note | undefined;
  forget?: Note | undefined;
}

/** Sections that load their own data, mounted in their place on the page. */
export interface OptionsPanels {
  sellers?: ComponentChildren;
  history?: ComponentChildren;
  /** Further sections (each a <section class="section">), placed after the lists. */
  extra?: ComponentChildren;
}

export interface OptionsViewProps {
  data: OptionsData | null;
  notes?: OptionsNotes;
  actions: OptionsActions;
  panels?: OptionsPanels;
}

export function OptionsView({ data, notes = {}, actions, panels = {} }: OptionsViewProps) {
  return (
    <main class="options" aria-busy={!data && !notes.load ? 'true' : undefined}>
      <header class="page-header">
        <h1>{t('options_title')}</h1>
        <p class="lede">{data?.sync === 'synced' || data?.sync === 'lists-local' ? t('options_lede_sync') : t('options_lede')}</p>
      </header>
      {notes.load ? <NoteLine note={notes.load} /> : null}
      {notes.save ? <NoteLine note={notes.save} /> : null}
      {data ? (
        <>
          <SettingsSection settings={data.settings} actions={actions} />
          {panels.history ? <Panel id="history" heading={t('history_heading')}>{panels.history}</Panel> : null}
          {panels.sellers ? <Panel id="sellers" heading={t('sellers_heading')}>{panels.sellers}</Panel> : null}
          <HandleListSection list="allow" settings={data.settings} actions={actions} sync={data.sync} />
          <HandleListSection list="block" settings={data.settings} actions={actions} sync={data.sync} />
          {panels.extra ?? null}
          <DataSection data={data} notes={notes} actions={actions} />
        </>
      ) : notes.load ? null : (
        <p class="loading">{t('loading')}</p>
      )}
    </main>
  );
}

export function NoteLine({ note, id }: { note: Note; id?: string }) {
  return (
    <p id={id} class={`note note-${note.kind}`} role={note.kind === 'error' ? 'alert' : 'status'}>
      {note.text}
    </p>
  );
}

function SettingsSection({ settings: s, actions }: { settings: Settings; actions: OptionsActions }) {
  return (
    <section class="section" id="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('quiet_mode')}</h2>
      <Check id="quiet-mode" role="switch" label={t('options_quiet_mode_label')} checked={s.quietMode} onChange={(on) => actions.setSettings({ quietMode: on })} />
      <SettingsFields settings={s} onChange={actions.setSettings} />
      {/* Following audit (issue 9): verdict badges on the timeline. */}
      <Check
        id="show-verdicts"
        label={t('setting_show_verdicts')}
        hint={t('setting_show_verdicts_hint')}
        checked={s.showVerdicts}
        onChange={(on) => actions.setSettings({ showVerdicts: on })}
      />
    </section>
  );
}

/** A titled section of the page, reachable as #id (the popup's "see all" links land on them). */
function Panel({ id, heading, children }: { id: string; heading: string; children: ComponentChildren }) {
  return (
    <section class="section" id={id} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {children}
    </section>
  );
}
