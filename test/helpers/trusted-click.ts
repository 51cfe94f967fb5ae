// A click as a real user's would arrive: `isTrusted` true. happy-dom has no `isTrusted` at all,
// so the test sets it on the event; in a browser the property is unforgeable and only real input
// (Playwright's clicks in the e2e tests) carries it.
export function trustedClick(el: Element): void {
  const event = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  el.dispatchEvent(event);
}
