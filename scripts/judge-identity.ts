// npx tsx scripts/judge-identity.ts --write FILE | --check FILE
//
// A guard for speed work on the classifier: what judgePost says of every snapshot case
// (test/unit/classifier/judge-snapshot.ts: the development set, the test tables, profiles, ads)
// and of every post of test/fixtures/eval/*.jsonl, with pSelling exact to the last bit (the
// committed snapshot rounds it to 1e-9) and the evidence in order. Write it from the code before
// the change, check the code after: any difference is listed.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { judgePost } from '../src/classifier';
import { snapshotCases } from '../test/unit/classifier/judge-snapshot';
import { parseLabeledPosts, toTweetFacts } from '../tools/eval/labeled-posts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const [mode, file] = process.argv.slice(2);
if ((mode !== '--write' && mode !== '--check') || !file) {
  console.error('usage: judge-identity.ts --write FILE | --check FILE');
  process.exit(2);
}

const cases = snapshotCases();
const evalDir = `${ROOT}test/fixtures/eval/`;
for (const name of readdirSync(evalDir).filter((n) => n.endsWith('.jsonl')).sort()) {
  parseLabeledPosts(readFileSync(evalDir + name, 'utf8')).forEach((p, i) => cases.push([`eval:${name}:${i}`, toTweetFacts(p), undefined]));
}
// Twice over, in a different order the second time: module caches must not change an answer.
const lines: string[] = [];
for (const [id, f, profile] of [...cases, ...[...cases].reverse()]) {
  const j = judgePost(f, profile);
  lines.push(JSON.stringify([id, j.pSelling, j.selling, j.evidence]));
}
if (mode === '--write') {
  writeFileSync(file, lines.join('\n') + '\n');
  console.log(`wrote ${lines.length} judgements to ${file}`);
} else {
  const want = readFileSync(file, 'utf8').trimEnd().split('\n');
  const differ: string[] = [];
  if (want.length !== lines.length) differ.push(`count ${want.length} → ${lines.length}`);
  for (let i = 0; i < Math.min(want.length, lines.length); i++) {
    if (want[i] !== lines[i]) differ.push(`was ${want[i]}\n  now ${lines[i]}`);
  }
  if (differ.length) {
    console.log(`${differ.length} differ:\n${differ.slice(0, 20).join('\n')}`);
    process.exit(1);
  }
  console.log(`identical: ${lines.length} judgements`);
}
