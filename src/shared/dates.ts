// Day and week arithmetic in the user's local time. Every function takes the date as a
// parameter so callers (and tests) pass the clock in.

import { countText } from './count-text';

const pad = (n: number) => countText(n).padStart(2, '0');

/** Local calendar day as "YYYY-MM-DD". */
export function dayKey(date: Date = new Date()): string {
  return `${countText(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Parse "YYYY-MM-DD" to local midnight. */
export function parseDayKey(key: string): Date {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/** The day keys of the `n` days ending with `date` (oldest first). */
export function lastDays(n: number, date: Date = new Date()): string[] {
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    out.push(dayKey(new Date(date.getFullYear(), date.getMonth(), date.getDate() - i)));
  }
  return out;
}

/** Monday of the week holding `date`, as a day key: weeks run Monday to Sunday (ISO). */
export function weekKey(date: Date = new Date()): string {
  const offset = (date.getDay() + 6) % 7; // days since Monday
  return dayKey(new Date(date.getFullYear(), date.getMonth(), date.getDate() - offset));
}
