// Entry bundled as options.js: the only options file that touches browser APIs.
import browser from 'webextension-polyfill';
import { render } from 'preact';
import { ensureMessages, locale, t } from '../shared/i18n';
import type { Envelope } from '../shared/messages';
import { connectLive } from '../ui/connect-live';
import { OptionsApp } from './app';
import { FollowingAudit } from './following-audit';

async function start(root: HTMLElement): Promise<void> {
  await ensureMessages();
  document.documentElement.lang = locale();
  document.title = t('options_title');
  const send = (message: Envelope) => browser.runtime.sendMessage(message);
  // Following audit (issue 9): its own section, after the lists.
  render(<OptionsApp send={send} subscribe={connectLive} extra={<FollowingAudit send={send} subscribe={connectLive} />} />, root);
  // Opened at a section (the popup's "see all" opens #sellers): scroll there once it has rendered.
  const section = location.hash.slice(1);
  if (/^[a-z-]{1,20}$/.test(section)) {
    const jump = () => document.getElementById(section)?.scrollIntoView();
    new MutationObserver((_, observer) => {
      if (document.getElementById(section)) {
        jump();
        observer.disconnect();
      }
    }).observe(root, { childList: true, subtree: true });
  }
}

const root = document.getElementById('app');
if (root) void start(root);
