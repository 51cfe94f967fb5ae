// npx tsx scripts/snapshot-judge.ts
//
// Writes test/fixtures/eval/judge-post-snapshot.json: what judgePost says (pSelling to 1e-9,
// selling, evidence names, weights and details) of every post of the development set, the
// classifier test tables and some profile / ad / posting-app cases (test/unit/classifier/judge-snapshot.ts).
// test/unit/classifier/judge-snapshot.test.ts checks that judgePost still gives exactly these,
// which guards speed work on the classifier. Regenerate only when a change of output is intended
// (new features, refitted weights), and review the diff.
import { writeFileSync } from 'node:fs';
import { SNAPSHOT_PATH, snapshotRows } from '../test/unit/classifier/judge-snapshot';

const rows = snapshotRows();
writeFileSync(SNAPSHOT_PATH, `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
console.log(`wrote ${rows.length} rows to ${SNAPSHOT_PATH}`);
