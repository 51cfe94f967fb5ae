// The pages' side of the background's LiveUpdates (src/background/live-updates.ts): a runtime
// port on which "something changed" arrives. A sleeping MV3 worker drops the port; we connect
// again (which wakes it) and ask for fresh data, since a change may have been missed meanwhile.
import browser from 'webextension-polyfill';
import { LIVE_PORT } from '../shared/messages';
import type { Subscribe } from './live-data';

const RECONNECT_MS = 1000;

export const connectLive: Subscribe = (onChange) => {
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  const connect = () => {
    if (closed) return;
    try {
      port = browser.runtime.connect({ name: LIVE_PORT });
    } catch {
      timer = setTimeout(connect, RECONNECT_MS);
      return;
    }
    port.onMessage.addListener(() => onChange());
    port.onDisconnect.addListener(() => {
      port = undefined;
      if (closed) return;
      timer = setTimeout(() => {
        connect();
        onChange();
      }, RECONNECT_MS);
    });
  };
  connect();
  return () => {
    closed = true;
    clearTimeout(timer);
    port?.disconnect();
  };
};
