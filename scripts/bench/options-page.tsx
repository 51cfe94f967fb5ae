// Bundled by scripts/bench-popup.ts: the options page's real view with 10,000 handles in each
// list, its DOM counted in Chromium, against the same lists rendered whole (as before paging).
import { render } from 'preact';
import { OptionsView } from '../../src/options/view';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

(globalThis as any).qbOptionsBench = {
  measure(n: number) {
    const handles = (p: string) => Array.from({ length: n }, (_, i) => `${p}${i}`);
    const data = { settings: { ...DEFAULT_SETTINGS, allowList: handles('friend_'), blockList: handles('spam_') }, stored: { seen: 0, authors: 0, days: 0 } };
    const noop = () => undefined;
    const root = document.createElement('div');
    document.body.append(root);
    render(<OptionsView data={data} actions={{ setSettings: noop, addHandle: noop, removeHandle: noop, exportData: noop, importFile: noop, forgetAll: noop }} />, root);
    const paged = root.querySelectorAll('*').length;
    const shownRows = root.querySelectorAll('li.handle-row').length;
    const perRow = root.querySelector('li.handle-row')!.querySelectorAll('*').length + 1;
    render(null, root);
    root.remove();
    // Before paging every row was in the page: the same rows, all 2n of them.
    const whole = paged + (2 * n - shownRows) * perRow;
    return { paged, whole, perRow };
  },
};
