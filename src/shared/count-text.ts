// A whole number written out, for text the background worker builds again and again: an
// author's reasons ("130 of 200 posts …") after every batch, a tab's storage key.
//
// Not String(n) or `${n}`: V8 remembers the small integers it has turned into text in a table
// that starts at 1 KB and, at the first miss whose slot is taken (two numbers alike in their
// last bits: 5 and 133, a tab id and a day of the month), grows to 64 KB for the rest of the
// worker's life. Authors seen 128 times or more made that happen in the worker sooner or later:
// 2% of its heap, and whether a session paid it depended on which counts it met
// (scripts/probe-worker.ts, 10,000 cells: the table at 64 KB in the worker's heap snapshot).
// toFixed(0) writes the same digits without going through that table.
export function countText(n: number): string {
  return n.toFixed(0);
}
