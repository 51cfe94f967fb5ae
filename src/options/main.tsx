// Entry bundled as options.js: the only options file that touches browser APIs.
import browser from 'webextension-polyfill';
import { render } from 'preact';
import type { Envelope } from '../shared/messages';
import { OptionsApp } from './app';
import { FollowingAudit } from './following-audit';

const root = document.getElementById('app');
if (root) {
  const send = (message: Envelope) => browser.runtime.sendMessage(message);
  render(
    <>
      <OptionsApp send={send} />
      {/* Following audit (issue 9). */}
      <div class="options options-audit">
        <FollowingAudit send={send} />
      </div>
    </>,
    root,
  );
}
