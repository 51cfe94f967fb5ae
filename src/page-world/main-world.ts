// Entry of page-reader.js: a content script in the page's own world ("world": "MAIN",
// run_at document_start), so it wraps fetch and XMLHttpRequest before X's scripts run.
// It has no extension APIs; it only posts JSON strings that content/page-bridge.ts validates.
import { installPageReader } from './page-reader';

try {
  installPageReader(window);
} catch {
  // If we cannot install, the page works as if we were not here.
}
