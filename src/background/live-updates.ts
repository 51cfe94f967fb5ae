// Push, not poll: open extension pages (popup, options) connect a port named LIVE_PORT, and the
// background tells them "something changed" after it wrote, at most every THROTTLE_MS. They then
// ask for their data again; nothing is fetched while nothing changes.
//
//   recorder / settings / forget ──changed()──► (throttle) ──► port.postMessage({ changed: n })
import type { Runtime } from 'webextension-polyfill';
import { LIVE_PORT } from '../shared/messages';

export const THROTTLE_MS = 400;

export class LiveUpdates {
  private readonly ports = new Set<Runtime.Port>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private n = 0;

  constructor(private readonly isOwnPage: (port: Runtime.Port) => boolean) {}

  /** Registered with runtime.onConnect. */
  readonly onConnect = (port: Runtime.Port): void => {
    if (port.name !== LIVE_PORT || !this.isOwnPage(port)) return;
    this.ports.add(port);
    port.onDisconnect.addListener(() => this.ports.delete(port));
  };

  /** Something the pages show may have changed: tell them once the burst settles. */
  changed(): void {
    this.n++;
    if (this.timer || this.ports.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      for (const port of this.ports) {
        try {
          port.postMessage({ changed: this.n });
        } catch {
          this.ports.delete(port); // the page closed between the check and the post
        }
      }
    }, THROTTLE_MS);
  }

  get listeners(): number {
    return this.ports.size;
  }
}
