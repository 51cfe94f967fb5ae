// @vitest-environment node
// judgePost gives exactly the snapshot of scripts/snapshot-judge.ts (see judge-snapshot.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_PATH, snapshotRows, type SnapshotRow } from './judge-snapshot';

describe('judgePost snapshot', () => {
  it('gives the same pSelling and evidence for every post as the snapshot', () => {
    const want = JSON.parse(readFileSync(SNAPSHOT_PATH, 'utf8')) as SnapshotRow[];
    const got = snapshotRows();
    expect(got.length).toBe(want.length);
    const differ: string[] = [];
    got.forEach((g, i) => {
      if (JSON.stringify(g) !== JSON.stringify(want[i])) differ.push(`${JSON.stringify(want[i])}\n  now ${JSON.stringify(g)}`);
    });
    expect(differ.slice(0, 20)).toEqual([]);
  });
});
