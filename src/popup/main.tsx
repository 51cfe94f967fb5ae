// Entry bundled as popup.js: the only popup file that touches browser APIs.
// It finds the tab the popup speaks about and hands `send` and a change feed to PopupApp.
import browser from 'webextension-polyfill';
import { render } from 'preact';
import { ensureMessages, locale } from '../shared/i18n';
import type { Envelope } from '../shared/messages';
import { connectLive } from '../ui/connect-live';
import { PopupApp, tabIdFromSearch } from './app';
import { FollowingSummary } from './following-summary';
import { Review } from './review';

/** Named in manifest.json's "commands". */
const TOGGLE_COMMAND = 'toggle-quiet-mode';

async function activeTabId(): Promise<number | undefined> {
  const fromQuery = tabIdFromSearch(location.search);
  if (fromQuery !== undefined) return fromQuery;
  try {
    // No "tabs" permission: we get the id, not the url, which is all the background needs.
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  } catch {
    return undefined;
  }
}

/** The shortcut as the user set it (they can change or remove it in the browser's settings). */
async function toggleShortcut(): Promise<string | undefined> {
  try {
    const commands = await browser.commands.getAll();
    const command = commands.find((c) => c.name === TOGGLE_COMMAND);
    return command ? (command.shortcut ?? '') : undefined;
  } catch {
    return undefined;
  }
}

/** The options page, scrolled to a section: a new tab (tabs.create needs no permission). */
function openOptions(section?: string): void {
  const opened = section
    ? browser.tabs.create({ url: browser.runtime.getURL(`options.html#${encodeURIComponent(section)}`) })
    : browser.runtime.openOptionsPage();
  void opened.then(() => window.close(), () => undefined);
}

async function start(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  await ensureMessages();
  document.documentElement.lang = locale();
  const [tabId, shortcut] = await Promise.all([activeTabId(), toggleShortcut()]);
  const send = (message: Envelope) => browser.runtime.sendMessage(message);
  // Following audit (issue 9): the summary opens the full audit on the options page.
  const extra = (
    <>
      <FollowingSummary send={send} subscribe={connectLive} onSeeAll={() => openOptions('following')} />
      <Review send={send} {...(tabId === undefined ? {} : { tabId })} />
    </>
  );
  render(<PopupApp send={send} subscribe={connectLive} tabId={tabId} shortcut={shortcut} openOptions={openOptions} extra={extra} />, root);
}

void start();
