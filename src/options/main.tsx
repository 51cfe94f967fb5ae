// Entry bundled as options.js: the only options file that touches browser APIs.
import browser from 'webextension-polyfill';
import { render } from 'preact';
import type { Envelope } from '../shared/messages';
import { OptionsApp } from './app';

const root = document.getElementById('app');
if (root) {
  const send = (message: Envelope) => browser.runtime.sendMessage(message);
  render(<OptionsApp send={send} />, root);
}
