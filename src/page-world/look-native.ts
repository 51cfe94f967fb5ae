// Our wrappers of the page's functions (fetch, XMLHttpRequest's open and send, JSON.parse) report
// the same `name` and `length` as the originals, so code of the page that looks at them sees what
// it saw before us.

/** Makes `wrapper` report the same `name` and `length` as `original`. */
export function lookNative(wrapper: Function, original: Function): void {
  try {
    Object.defineProperty(wrapper, 'name', { value: original.name, configurable: true });
    Object.defineProperty(wrapper, 'length', { value: original.length, configurable: true });
  } catch {
    // Cosmetic only.
  }
}
