// The placeholder's shadow root is closed (a page script must not reach its buttons), so neither
// page scripts nor Playwright's locators see inside it. The DevTools protocol does: it reads the
// text and finds the buttons, and the test presses them with the real mouse, as a user would
// (a trusted click, which is the only kind the placeholder obeys).
import type { Locator, Page } from '@playwright/test';

/** A DOM node as CDP's DOM.getDocument returns it (pierce: true reaches closed shadow roots). */
export interface CdpNode {
  nodeId: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** Every node below `n`, shadow roots included. */
export function* walk(n: CdpNode): Generator<CdpNode> {
  yield n;
  for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) yield* walk(c);
}

const textOf = (n: CdpNode): string =>
  [...walk(n)].filter((x) => x.nodeName === '#text').map((x) => x.nodeValue ?? '').join('');

export interface ClosedPlaceholder {
  text: string;
  buttons: string[];
  /** Moves the real mouse onto the button whose text matches, and clicks. */
  click(name: RegExp): Promise<void>;
}

export async function openClosedPlaceholder(page: Page, host: Locator): Promise<ClosedPlaceholder> {
  const mark = `t${Date.now()}${Math.random().toString(36).slice(2)}`;
  await host.scrollIntoViewIfNeeded();
  await host.evaluate((el, m) => el.setAttribute('data-test-mark', m), mark);
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const node = [...walk(root)].find((n) => {
    const a = n.attributes ?? [];
    const i = a.indexOf('data-test-mark');
    return i >= 0 && a[i + 1] === mark;
  });
  const shadow = node?.shadowRoots?.[0];
  if (!node || !shadow) throw new Error('placeholder host or its shadow root not found');
  const buttons = [...walk(shadow)].filter((n) => n.nodeName === 'BUTTON');
  return {
    text: textOf(shadow),
    buttons: buttons.map(textOf),
    async click(name) {
      const b = buttons.find((x) => name.test(textOf(x)));
      if (!b) throw new Error(`no button ${name} in the placeholder`);
      const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: b.nodeId })) as { model: { content: number[] } };
      const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
      await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
    },
  };
}
