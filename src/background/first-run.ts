// First run: on install (not on update or browser start) open the welcome page once, so a new
// user learns what quiet mode does and that a verdict needs a few posts before anything happens.
import browser, { type Runtime } from 'webextension-polyfill';

export const WELCOME_PAGE = 'welcome.html';

export function onInstalled(details: Runtime.OnInstalledDetailsType): void {
  if (details.reason !== 'install') return;
  void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) }).catch(() => undefined);
}
