// The usual start of a Chromium spec: its tests run in order on one browser with the built
// extension, the demo timeline open and loaded to its end; the browser closes after the last.
import { test, type Page } from '@playwright/test';
import { launchChromium, loadWholeTimeline, openTimeline, type Harness } from '../../scripts/chromium-session';

export function withDemoTimeline(set: (h: Harness, timeline: Page) => void): void {
  let h: Harness | undefined;
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async () => {
    h = await launchChromium();
    const timeline = await openTimeline(h);
    await loadWholeTimeline(timeline);
    set(h, timeline);
  });
  test.afterAll(async () => {
    await h?.close();
  });
}
