// @vitest-environment node
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { replay, type ReplayLine, type ReplaySummary } from '../../../scripts/replay';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const API = join(ROOT, 'test/fixtures/x-api');
const DOM = join(ROOT, 'test/fixtures/x-dom');

async function run(files: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await replay(files, (l) => out.push(l), (l) => err.push(l));
  const lines = out.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code, err, tweets: lines.slice(0, -1) as unknown as ReplayLine[], summary: lines.at(-1) as unknown as ReplaySummary };
}

describe('npm run replay', () => {
  it('prints one line per tweet and the summary for a GraphQL response', async () => {
    const { code, tweets, summary, err } = await run([join(API, 'manual_tweet_with_video_2.json')]);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(tweets.length).toBe(12);
    expect(summary).toEqual({ tweets: 12, authors: expect.any(Array), ads: ['1667220696295178240'], errors: 0 });
    expect(summary.authors.length).toBe(12);
    const ad = tweets.find((t) => t.isAd)!;
    expect(Object.keys(ad)).toEqual(['id', 'author', 'authorId', 'text', 'urls', 'isReply', 'isRepost', 'isQuote', 'isAd', 'verdict', 'reasons']);
    expect(ad).toMatchObject({ id: '1667220696295178240', author: 'tordosweet_co', authorId: '1647055955388170241' });
    expect(['seller', 'mixed', 'conversationalist', 'unknown']).toContain(ad.verdict);
    expect(ad.reasons.length).toBeGreaterThan(0);
  });

  it('reads saved cells with the DOM reader, quoted originals included', async () => {
    const { code, tweets, summary } = await run([join(DOM, 'x-tweet-quote.html'), join(DOM, 'x-tweet-sample.html')]);
    expect(code).toBe(0);
    expect(tweets.map((t) => t.id)).toEqual(['1983130065320780162', '1983129251856470493', '1981398750557065646']);
    expect(summary).toEqual({ tweets: 3, authors: ['TestQuoter', 'OriginalAuthor', 'TestUser123'], ads: [], errors: 0 });
  });

  it('sums every fixture: distinct tweets, authors (reposters included) and ads', async () => {
    const files = readdirSync(API)
      .filter((f) => f.endsWith('.json'))
      .map((f) => join(API, f));
    const { code, tweets, summary } = await run(files);
    expect(code).toBe(0);
    // Counted independently (Python over the same files): 363 distinct tweet ids, 171 distinct
    // author handles (case-insensitive), one promoted entry.
    expect(summary.tweets).toBe(363);
    expect(new Set(summary.authors.map((a) => a.toLowerCase())).size).toBe(171);
    expect(summary.authors.length).toBe(171);
    expect(summary.ads).toEqual(['1667220696295178240']);
    expect(tweets.length).toBe(363);
  });

  it('reports a file that is not JSON or HTML, reads the others, and exits non-zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qb-replay-'));
    writeFileSync(join(dir, 'truncated.json'), '{"data": {"threaded_conversation');
    writeFileSync(join(dir, 'empty.html'), 'plain words, no markup');
    const { code, err, summary } = await run([
      join(dir, 'truncated.json'),
      join(API, '_issue_42.json'),
      join(dir, 'empty.html'),
      join(dir, 'missing.json'),
    ]);
    expect(code).toBe(1);
    expect(summary).toEqual({ tweets: 2, authors: ['ChinaDaily', '_AVICINTL'], ads: [], errors: 3 });
    expect(err).toHaveLength(3);
    expect(err[0]).toMatch(/truncated\.json: not valid JSON/);
    expect(err[1]).toMatch(/empty\.html: not valid HTML/);
    expect(err[2]).toMatch(/missing\.json: cannot read/);
  });

  it('runs from the command line with an exit code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qb-replay-'));
    writeFileSync(join(dir, 'bad.json'), '[1, 2');
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'scripts/replay.ts'), join(API, '_issue_28_1.json'), join(dir, 'bad.json')],
        { cwd: ROOT },
        (error, stdout, stderr) => resolve({ code: error ? (error as { code?: number }).code ?? 1 : 0, stdout, stderr }),
      );
    });
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines.length).toBe(5);
    expect(JSON.parse(lines.at(-1)!)).toEqual({ tweets: 4, authors: ['SisuMisu3', 'REDROJA4', 'PShermanV'], ads: [], errors: 1 });
    expect(result.stderr).toMatch(/bad\.json: not valid JSON/);
  }, 30_000);
});
