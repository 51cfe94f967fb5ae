// One fresh element per test for Preact views to render into, unmounted and removed after it.
import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

/** Registers the hooks; `set` receives each test's element (assign it to the file's `container`). */
export function withContainer(set: (el: HTMLElement) => void): void {
  let el: HTMLElement;
  beforeEach(() => {
    el = document.createElement('div');
    document.body.append(el);
    set(el);
  });
  afterEach(() => {
    render(null, el);
    el.remove();
  });
}
