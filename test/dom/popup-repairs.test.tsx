// The popup tells "some stored data was damaged and repaired or dropped" apart from "the
// background did not answer" (issue 8, failure 1: both used to read as the latter).
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getMockData } from '../../src/popup/mock-data';
import { noAnswer } from '../../src/popup/app';
import { PopupView, type PopupActions } from '../../src/popup/view';
import { withContainer } from '../helpers/render-container';

let container: HTMLElement;
withContainer((el) => (container = el));

const actions = new Proxy({}, { get: () => vi.fn() }) as PopupActions;
const text = () => (container.textContent ?? '').replace(/\s+/g, ' ');

describe('popup: damaged stored data', () => {
  it('says how many rows were repaired or dropped, and that the background answered', () => {
    render(<PopupView data={{ ...getMockData(), integrity: { repaired: 2, dropped: 1 } }} actions={actions} />, container);
    expect(text()).toContain('Some stored data was damaged and was repaired or dropped (3 rows)');
    expect(text()).not.toContain(noAnswer());
    expect(container.querySelector<HTMLInputElement>('#quiet-mode')!.checked).toBe(true); // the switch is drawn as it is, not off
  });

  it('says nothing of repairs when there were none, and "did not answer" only when it did not', () => {
    render(<PopupView data={getMockData()} actions={actions} />, container);
    expect(text()).not.toContain('damaged');
    render(<PopupView data={null} error={noAnswer()} actions={actions} />, container);
    expect(text()).toContain(noAnswer());
    expect(text()).not.toContain('damaged');
  });
});
