// Vitest setup: outside an extension there is no browser.i18n, so UI code reads the English
// messages straight from public/_locales/en (with the browser's placeholder rules).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { installMessages, type MessageTable } from '../../src/shared/i18n';

const file = join(process.cwd(), 'public', '_locales', 'en', 'messages.json');
installMessages(JSON.parse(readFileSync(file, 'utf8')) as MessageTable, 'en-US');
