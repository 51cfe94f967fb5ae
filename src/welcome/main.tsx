// Entry bundled as welcome.js: the only welcome-page file that touches browser APIs.
import browser from 'webextension-polyfill';
import { render } from 'preact';
import { ensureMessages, locale, t } from '../shared/i18n';
import { WelcomeView } from './view';

const DEFAULT_SHORTCUT = 'Alt+Shift+Q';

async function start(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  await ensureMessages();
  document.documentElement.lang = locale();
  document.title = t('welcome_title');
  let shortcut = DEFAULT_SHORTCUT;
  try {
    const command = (await browser.commands.getAll()).find((c) => c.name === 'toggle-quiet-mode');
    if (command) shortcut = command.shortcut ?? '';
  } catch {
    // Keep the default: the manifest suggests it.
  }
  render(<WelcomeView shortcut={shortcut} optionsUrl={browser.runtime.getURL('options.html')} />, root);
}

void start();
