// The options page, rendered into happy-dom: the view from mock data with fake actions, and the
// controller with a fake background (import errors, export download, forget then refresh).
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope, OptionsData } from '../../src/shared/messages';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { invalidHandle, OptionsView, type OptionsActions, type OptionsNotes } from '../../src/options/view';
import { OptionsApp, isOptionsData, type Send } from '../../src/options/app';
import { getMockOptionsData } from '../../src/options/mock-data';
import { withContainer } from '../helpers/render-container';

let container: HTMLElement;

const settle = async (rounds = 8) => {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
};

function fakeActions() {
  return {
    setSettings: vi.fn<OptionsActions['setSettings']>(),
    addHandle: vi.fn<OptionsActions['addHandle']>(),
    removeHandle: vi.fn<OptionsActions['removeHandle']>(),
    exportData: vi.fn<OptionsActions['exportData']>(),
    importFile: vi.fn<OptionsActions['importFile']>(),
    forgetAll: vi.fn<OptionsActions['forgetAll']>(),
  };
}

function show(data: OptionsData | null = getMockOptionsData(), notes: OptionsNotes = {}) {
  const actions = fakeActions();
  render(<OptionsView data={data} notes={notes} actions={actions} />, container);
  return actions;
}

const text = () => (container.textContent ?? '').replace(/\s+/g, ' ');
const section = (list: 'allow' | 'block') => container.querySelector<HTMLElement>(`[data-list="${list}"]`)!;
const buttonNamed = (name: string | RegExp) =>
  [...container.querySelectorAll('button')].find((b) => {
    const label = b.getAttribute('aria-label') ?? b.textContent ?? '';
    return typeof name === 'string' ? label.trim() === name : name.test(label);
  });

async function typeAndAdd(list: 'allow' | 'block', value: string) {
  const input = section(list).querySelector<HTMLInputElement>('input[type="text"]')!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await settle(1);
  section(list).querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  await settle(1);
  return input;
}

withContainer((el) => (container = el));

describe('options view', () => {
  it('shows the settings the popup has, with their current values', () => {
    const data = getMockOptionsData();
    data.settings = { ...data.settings, quietMode: false, sensitivity: 'loose', hideMixed: true, hideAds: false, exemptFollowed: false };
    show(data);
    const box = (id: string) => container.querySelector<HTMLInputElement>(`#${id}`)!;
    expect(box('quiet-mode').checked).toBe(false);
    expect(box('quiet-mode').getAttribute('role')).toBe('switch');
    expect(container.querySelector<HTMLSelectElement>('#sensitivity')!.value).toBe('loose');
    expect(box('hide-mixed').checked).toBe(true);
    expect(box('hide-ads').checked).toBe(false);
    expect(box('exempt-followed').checked).toBe(false);
  });

  it('a setting changed asks for exactly that change', () => {
    const actions = show();
    container.querySelector<HTMLInputElement>('#quiet-mode')!.click();
    expect(actions.setSettings).toHaveBeenLastCalledWith({ quietMode: false });
    container.querySelector<HTMLInputElement>('#hide-mixed')!.click();
    expect(actions.setSettings).toHaveBeenLastCalledWith({ hideMixed: true });
    const select = container.querySelector<HTMLSelectElement>('#sensitivity')!;
    select.value = 'strict';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(actions.setSettings).toHaveBeenLastCalledWith({ sensitivity: 'strict' });
  });

  it('lists the always-show and always-hide accounts, each with a remove button', () => {
    show();
    const handles = (list: 'allow' | 'block') => [...section(list).querySelectorAll('.handle')].map((h) => h.textContent);
    expect(handles('allow')).toEqual(['@gordonramsay', '@xdevelopers']);
    expect(handles('block')).toEqual(['@dealsdaily_hq']);
    expect(buttonNamed('Remove @gordonramsay from always show')).toBeTruthy();
    expect(buttonNamed('Remove @dealsdaily_hq from always hide')).toBeTruthy();
  });

  it('says so when a list is empty', () => {
    show({ ...getMockOptionsData(), settings: { ...DEFAULT_SETTINGS } });
    expect(section('allow').textContent).toContain('No account yet');
    expect(section('block').textContent).toContain('No account yet');
    expect(section('allow').querySelector('ul')).toBeNull();
  });

  it('remove asks to take that handle off that list', () => {
    const actions = show();
    buttonNamed('Remove @xdevelopers from always show')!.click();
    expect(actions.removeHandle).toHaveBeenCalledExactlyOnceWith('allow', 'xdevelopers');
    buttonNamed('Remove @dealsdaily_hq from always hide')!.click();
    expect(actions.removeHandle).toHaveBeenLastCalledWith('block', 'dealsdaily_hq');
  });

  it('adds a valid handle, with or without "@", lowercased, and clears the field', async () => {
    const actions = show();
    const input = await typeAndAdd('block', '  @Shop_Bot42 ');
    expect(actions.addHandle).toHaveBeenCalledExactlyOnceWith('block', 'shop_bot42');
    expect(input.value).toBe('');
    await typeAndAdd('allow', 'Friend');
    expect(actions.addHandle).toHaveBeenLastCalledWith('allow', 'friend');
    expect(section('allow').querySelector('[role="alert"]')).toBeNull();
  });

  it.each([['a b'], ['@'], [''], ['<img src=x onerror=alert(1)>'], ['sixteen_chars_xx'], ['@@double'], ['émile']])(
    'refuses %j with an inline error and no action',
    async (bad) => {
      const actions = show();
      const input = await typeAndAdd('allow', bad);
      expect(actions.addHandle).not.toHaveBeenCalled();
      const error = section('allow').querySelector('[role="alert"]')!;
      expect(error.textContent).toBe(invalidHandle());
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(input.getAttribute('aria-describedby')).toBe(error.id);
      // Typing again clears the error.
      input.value = 'ok';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await settle(1);
      expect(section('allow').querySelector('[role="alert"]')).toBeNull();
    },
  );

  it('says when a handle is already on the list', async () => {
    const actions = show();
    await typeAndAdd('allow', '@GordonRamsay');
    expect(actions.addHandle).not.toHaveBeenCalled();
    expect(section('allow').querySelector('[role="alert"]')!.textContent).toBe('@gordonramsay is already on this list.');
  });

  it('"Forget everything" asks first; Cancel keeps everything; Delete forgets', async () => {
    const actions = show();
    buttonNamed('Forget everything…')!.click();
    await settle(1);
    expect(actions.forgetAll).not.toHaveBeenCalled();
    expect(text()).toContain('Are you sure?');
    buttonNamed('Cancel')!.click();
    await settle(1);
    expect(text()).not.toContain('Are you sure?');
    expect(actions.forgetAll).not.toHaveBeenCalled();

    buttonNamed('Forget everything…')!.click();
    await settle(1);
    buttonNamed('Delete')!.click();
    await settle(1);
    expect(actions.forgetAll).toHaveBeenCalledOnce();
    expect(text()).not.toContain('Are you sure?');
  });

  it('shows what is stored, and the export, import and forget results next to them', () => {
    show(getMockOptionsData(), {
      export: { kind: 'ok', text: 'Saved the file.' },
      import: { kind: 'error', text: 'Nothing was imported: the file is not valid JSON.' },
    });
    expect(container.querySelector('#stored-counts')!.textContent).toBe(
      'Stored on this computer: 412 tweets seen, 57 accounts judged, 9 days of stats.',
    );
    const result = container.querySelector('#import-result')!;
    expect(result.getAttribute('role')).toBe('alert');
    expect(result.textContent).toBe('Nothing was imported: the file is not valid JSON.');
    expect(text()).toContain('Saved the file.');
    expect(text()).toContain('Verdicts, evidence and stats in the file are not imported.');
  });

  it('export and import controls call their actions', () => {
    const actions = show();
    buttonNamed('Export to a file')!.click();
    expect(actions.exportData).toHaveBeenCalledOnce();
    const input = container.querySelector<HTMLInputElement>('#import-file')!;
    expect(container.querySelector(`label[for="import-file"]`)!.textContent).toContain('Choose a file to import');
    const file = new File(['{}'], 'x.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    expect(actions.importFile).toHaveBeenCalledExactlyOnceWith(file);
  });

  it('renders handles and messages as text, never as markup', () => {
    const data = getMockOptionsData();
    // Not a valid handle: storage normalises these away, but the view must not trust that.
    data.settings = { ...data.settings, allowList: ['<img src=x onerror=alert(1)>'] };
    show(data, { import: { kind: 'error', text: '<b>bold</b>' } });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(text()).toContain('@<img src=x onerror=alert(1)>');
  });

  it('says it is loading, or that the background did not answer', () => {
    show(null);
    expect(text()).toContain('Loading…');
    show(null, { load: { kind: 'error', text: 'No answer.' } });
    expect(text()).not.toContain('Loading…');
    expect(container.querySelector('[role="alert"]')!.textContent).toBe('No answer.');
  });
});

/** A background answering from memory, like the real handler map. */
function fakeBackground() {
  let data = getMockOptionsData();
  const send = vi.fn<Send>(async (m: Envelope) => {
    switch (m.type) {
      case 'get-options-data':
        return structuredClone(data);
      case 'set-settings':
        data = { ...data, settings: { ...data.settings, ...(m.payload as object) } };
        return data.settings;
      case 'set-override': {
        const { handle, override } = m.payload as { handle: string; override: 'show' | 'hide' | null };
        const allow = data.settings.allowList.filter((h) => h !== handle);
        const block = data.settings.blockList.filter((h) => h !== handle);
        if (override === 'show') allow.push(handle);
        if (override === 'hide') block.push(handle);
        data = { ...data, settings: { ...data.settings, allowList: allow, blockList: block } };
        return data.settings;
      }
      case 'export-data':
        return { format: 'quiet-bazaar-export', version: 1, exportedAt: '2026-01-01T00:00:00.000Z', settings: data.settings, days: [{ day: '2026-01-01', seen: 3, selling: 1, hidden: 1 }], authors: [{ handle: 'a', verdict: 'seller', reasons: ['r'], posts: 3, sellingPosts: 3 }] };
      case 'import-settings':
        return { ok: true, settings: data.settings, allowed: 3, blocked: 2 };
      case 'forget-all':
        data = { ...data, stored: { seen: 0, authors: 0, days: 0 } };
        return { ok: true };
      case 'get-sellers':
        return { total: 0, offset: 0, items: [] };
      case 'get-history':
        return { weeks: [{ start: '2026-01-05', seen: 3, selling: 1, hidden: 1 }], days: [] };
      default:
        throw new Error(`unexpected ${m.type}`);
    }
  });
  return { send };
}

async function pickFile(content: string, size?: number) {
  const input = container.querySelector<HTMLInputElement>('#import-file')!;
  const file = new File([content], 'export.json', { type: 'application/json' });
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settle();
}

const importResult = () => container.querySelector('#import-result')?.textContent ?? null;

describe('options controller', () => {
  it('loads the data and refuses a reply of the wrong shape', async () => {
    expect(isOptionsData(getMockOptionsData())).toBe(true);
    expect(isOptionsData({ settings: DEFAULT_SETTINGS })).toBe(false);
    expect(isOptionsData({ settings: { ...DEFAULT_SETTINGS, allowList: [1] }, stored: { seen: 0, authors: 0, days: 0 } })).toBe(false);
    const { send } = fakeBackground();
    render(<OptionsApp send={send} />, container);
    await settle();
    expect(container.querySelector('#stored-counts')!.textContent).toContain('412 tweets seen');
  });

  it.each([
    ['not JSON', '{"format": ', /not valid JSON/],
    ['another format', JSON.stringify({ format: 'other', version: 1, settings: {} }), /not a Quiet Bazaar export/],
    ['a newer version', JSON.stringify({ format: 'quiet-bazaar-export', version: 9, settings: {} }), /version 9/],
    ['a hostile handle', JSON.stringify({ format: 'quiet-bazaar-export', version: 1, settings: { allowList: ['<script>'] } }), /not an X handle/],
  ])('a file that is %s shows the error and sends nothing', async (_name, content, message) => {
    const { send } = fakeBackground();
    render(<OptionsApp send={send} />, container);
    await settle();
    await pickFile(content);
    expect(importResult()).toMatch(message);
    expect(importResult()).toMatch(/^Nothing was imported/);
    expect(send.mock.calls.map(([m]) => m.type)).not.toContain('import-settings');
  });

  it('a file over 5 MB is refused before it is read', async () => {
    const { send } = fakeBackground();
    render(<OptionsApp send={send} />, container);
    await settle();
    await pickFile('{}', 6 * 1024 * 1024);
    expect(importResult()).toBe('Nothing was imported: the file is larger than 5 MB.');
  });

  it("a good file is sent to the background, which has the last word", async () => {
    const { send } = fakeBackground();
    render(<OptionsApp send={send} />, container);
    await settle();
    const file = { format: 'quiet-bazaar-export', version: 1, settings: { allowList: ['a', 'b', 'c'], blockList: ['d', 'e'] } };
    await pickFile(JSON.stringify(file));
    expect(send.mock.calls.find(([m]) => m.type === 'import-settings')![0].payload).toEqual(file);
    expect(importResult()).toBe(
      'Imported settings: 3 always-show, 2 always-hide accounts. Verdicts and stats in the file were not imported.',
    );
    // The background refusing it is shown as it says.
    send.mockImplementationOnce(async () => ({ ok: false, error: 'Nothing was imported: nope.' }));
    await pickFile(JSON.stringify(file));
    expect(importResult()).toBe('Nothing was imported: nope.');
  });

  it('export saves the JSON the background built as a file', async () => {
    const { send } = fakeBackground();
    const saveFile = vi.fn();
    render(<OptionsApp send={send} saveFile={saveFile} />, container);
    await settle();
    buttonNamed('Export to a file')!.click();
    await settle();
    const [name, body] = saveFile.mock.calls[0]!;
    expect(name).toMatch(/^quiet-bazaar-export-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(body)).toMatchObject({ format: 'quiet-bazaar-export', version: 1, authors: [{ handle: 'a' }] });
    expect(text()).toContain('1 account, 1 day of stats');
  });

  it('forget, once confirmed, is sent and the page then shows nothing stored', async () => {
    const { send } = fakeBackground();
    render(<OptionsApp send={send} />, container);
    await settle();
    buttonNamed('Forget everything…')!.click();
    await settle(1);
    expect(send.mock.calls.map(([m]) => m.type)).not.toContain('forget-all');
    buttonNamed('Delete')!.click();
    await settle();
    expect(send.mock.calls.map(([m]) => m.type)).toContain('forget-all');
    expect(container.querySelector('#stored-counts')!.textContent).toContain('0 tweets seen, 0 accounts judged, 0 days of stats');
    expect(text()).toContain('Your settings and lists were kept.');
  });

  it('adding a handle moves it off the other list', async () => {
    const { send } = fakeBackground();
    render(<OptionsApp send={send} />, container);
    await settle();
    await typeAndAdd('allow', '@DealsDaily_HQ');
    await settle();
    expect(send.mock.calls.find(([m]) => m.type === 'set-override')![0].payload).toEqual({ handle: 'dealsdaily_hq', override: 'show' });
    expect(section('block').textContent).toContain('No account yet');
    expect(section('allow').textContent).toContain('@dealsdaily_hq');
  });
});

describe('the way there from the popup', () => {
  it('"Settings and data…" in the popup footer opens the options page', async () => {
    const { PopupView } = await import('../../src/popup/view');
    const { getMockData } = await import('../../src/popup/mock-data');
    const openOptions = vi.fn();
    const noop = () => undefined;
    const actions = { setQuietMode: noop, setSensitivity: noop, setHideMixed: noop, setHideAds: noop, setExemptFollowed: noop, setOverride: noop };
    render(<PopupView data={getMockData()} actions={{ ...actions, openOptions }} />, container);
    buttonNamed('Settings and data…')!.click();
    expect(openOptions).toHaveBeenCalledOnce();
    // Without a way to open it (tests, mock data), there is no dead link.
    render(<PopupView data={getMockData()} actions={actions} />, container);
    expect(buttonNamed('Settings and data…')).toBeUndefined();
  });
});
