// The welcome page says, in plain words, what quiet mode does, that a verdict needs a few posts,
// the sensitivity levels, that nothing leaves the machine, and the shortcut.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WelcomeView } from '../../src/welcome/view';
import { withContainer } from '../helpers/render-container';

let container: HTMLElement;
withContainer((el) => (container = el));
const text = () => (container.textContent ?? '').replace(/\s+/g, ' ');

describe('welcome page', () => {
  it('covers quiet mode, the posts a verdict needs, sensitivity, privacy and the shortcut', () => {
    render(<WelcomeView shortcut="Alt+Shift+Q" optionsUrl="chrome-extension://x/options.html" />, container);
    const headings = [...container.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings).toEqual(['What quiet mode does', 'A verdict needs a few posts', 'Sensitivity', 'Nothing leaves this computer', 'Shortcut and toolbar button']);
    expect(text()).toContain('at least 3 posts of an account');
    expect(text()).toContain('"mixed"');
    expect([...container.querySelectorAll('dt')].map((d) => d.textContent)).toEqual(['Strict', 'Balanced', 'Loose']);
    expect([...container.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(['Alt', 'Shift', 'Q']);
    expect(container.querySelector('a[href="https://x.com/home"]')!.textContent).toBe('Open x.com');
    expect(container.querySelector('h1')!.textContent).toBe('Welcome to Quiet Bazaar');
  });

  it('says where to set a shortcut when the user removed it', () => {
    render(<WelcomeView shortcut="" />, container);
    expect(container.querySelector('kbd')).toBeNull();
    expect(text()).toContain("extension shortcuts");
  });
});
