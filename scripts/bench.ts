// npm run bench: classifier speed on one core.
//   - a baseline in the same run (lowercase + split each text), and the learned text component alone
//   - judgePost throughput over the development set's posts (posts per second, median of 7 runs), and its cost as a ratio to the baseline
//   - judgePost without the learned text component: the hand-written rules pass alone
//   - the whole per-post path of the extension (judgePost + addPost + judgeAuthor)
//   - time to re-judge an author after one new post (addPost + judgeAuthor), and judgeAuthor alone
// The facts are built once up front: the bench measures the classifier, not the JSONL reader.
// Times are CPU time of this process (process.cpuUsage), so other load on the machine counts less.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { addPost, judgeAuthor, judgePost, newAuthorState, pSellingInContext, type AuthorState } from '../src/classifier';
import { setLearnedComponent } from '../src/classifier/features';
import { textScore } from '../src/classifier/text-model';
import { authorOf, parseLabeledPosts, toTweetFacts } from '../tools/eval/labeled-posts';
import type { Verdict } from '../src/shared/types';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const posts = parseLabeledPosts(readFileSync(`${ROOT}test/fixtures/labeled/posts.jsonl`, 'utf8'));
const facts = posts.map(toTweetFacts);
const keys = posts.map(authorOf);
const RUNS = 7;
const REPEAT = 20;

/** Milliseconds of CPU this process spent (user + system): steadier than wall time on a shared machine. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

let sink = 0;

function timeRuns(label: string, body: () => number): number {
  body(); // warm up the JIT
  const rates: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = cpuMs();
    const n = body();
    const ms = cpuMs() - t0;
    rates.push((n / ms) * 1000);
  }
  const m = median(rates);
  console.log(`${label.padEnd(44)} ${Math.round(m).toLocaleString('en-US').padStart(11)} posts/s  (median of ${RUNS}; min ${Math.round(Math.min(...rates)).toLocaleString('en-US')})`);
  return m;
}

// Baseline, measured in the same run: reading each text once (lowercase, split into words), the
// least any classifier of text does. Figures below are also given as ratios to it.
const lowered = facts.map((f) => f.text.toLowerCase());
const baseRate = timeRuns('baseline: lowercase + split into words', () => {
  for (let k = 0; k < REPEAT; k++) for (const f of facts) sink += f.text.toLowerCase().split(/\s+/).length;
  return REPEAT * facts.length;
});

const textRate = timeRuns('learned text component alone (textScore)', () => {
  for (let k = 0; k < REPEAT; k++) for (const t of lowered) sink += textScore(t);
  return REPEAT * lowered.length;
});

const judgeRate = timeRuns('judgePost', () => {
  for (let k = 0; k < REPEAT; k++) for (const f of facts) sink += judgePost(f).pSelling;
  return REPEAT * facts.length;
});

// The hand-written rules alone: judgePost without the learned text component (its score and quote).
setLearnedComponent(false);
const rulesRate = timeRuns('judgePost without the learned component', () => {
  for (let k = 0; k < REPEAT; k++) for (const f of facts) sink += judgePost(f).pSelling;
  return REPEAT * facts.length;
});
setLearnedComponent(true);

const pipelineRate = timeRuns('judgePost + addPost + judgeAuthor', () => {
  const states = new Map<string, AuthorState>();
  const verdicts = new Map<string, Verdict>();
  let now = 1_700_000_000_000;
  for (let k = 0; k < 5; k++) {
    for (let i = 0; i < facts.length; i++) {
      const f = facts[i]!;
      const key = keys[i]!;
      let s = states.get(key);
      if (!s) states.set(key, (s = newAuthorState(key)));
      const post = judgePost(f);
      sink += pSellingInContext(s, f, post, verdicts.get(key));
      addPost(s, f, post, (now += 1000));
      const j = judgeAuthor(s, undefined, { sensitivity: 'balanced', now, previous: verdicts.get(key) });
      verdicts.set(key, j.verdict);
      sink += j.confidence;
    }
  }
  return 5 * facts.length;
});

// Re-judging an author after one new post: a state with 200 posts, then one more post at a time.
function rejudge(): { addAndJudge: number; judgeOnly: number } {
  const s = newAuthorState('bench');
  let now = 1_700_000_000_000;
  const judged = facts.slice(0, 400).map((f) => judgePost(f));
  for (let i = 0; i < 200; i++) addPost(s, facts[i]!, judged[i]!, (now += 60_000));
  const N = 20_000;
  const samples: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = cpuMs();
    for (let i = 0; i < N; i++) {
      const j = 200 + (i % 200);
      addPost(s, facts[j]!, judged[j]!, (now += 60_000));
      sink += judgeAuthor(s, undefined, { sensitivity: 'balanced', now }).sellingShare;
    }
    samples.push(((cpuMs() - t0) * 1000) / N);
  }
  const only: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = cpuMs();
    for (let i = 0; i < N; i++) sink += judgeAuthor(s, undefined, { sensitivity: 'balanced', now }).confidence;
    only.push(((cpuMs() - t0) * 1000) / N);
  }
  return { addAndJudge: median(samples), judgeOnly: median(only) };
}
const rj = rejudge();
console.log(`${'judgePost cost / baseline cost'.padEnd(44)} ${(baseRate / judgeRate).toFixed(2).padStart(11)} ×`);
console.log(`${'  of which the rules alone / baseline cost'.padEnd(44)} ${(baseRate / rulesRate).toFixed(2).padStart(11)} ×`);
console.log(`${'re-judge author after a new post'.padEnd(44)} ${rj.addAndJudge.toFixed(2).padStart(11)} µs  (addPost + judgeAuthor, median of ${RUNS})`);
console.log(`${'judgeAuthor alone'.padEnd(44)} ${rj.judgeOnly.toFixed(2).padStart(11)} µs`);
const stateBytes = JSON.stringify(((): AuthorState => {
  const s = newAuthorState('a_fairly_long_handle');
  facts.slice(0, 1000).forEach((f, i) => addPost(s, f, judgePost(f), 1_700_000_000_000 + i));
  return s;
})()).length;
console.log(`${'author state after 1,000 posts (JSON)'.padEnd(44)} ${String(stateBytes).padStart(11)} bytes`);
if (sink === 42) console.log('');
console.log(
  JSON.stringify({
    classifier: {
      baselinePerSecond: Math.round(baseRate),
      textScorePerSecond: Math.round(textRate),
      judgePostPerSecond: Math.round(judgeRate),
      judgePostCostRatio: Math.round((baseRate / judgeRate) * 100) / 100,
      rulesPerSecond: Math.round(rulesRate),
      rulesCostRatio: Math.round((baseRate / rulesRate) * 100) / 100,
      pipelinePerSecond: Math.round(pipelineRate),
      rejudgeMicros: Math.round(rj.addAndJudge * 100) / 100,
      judgeAuthorMicros: Math.round(rj.judgeOnly * 100) / 100,
      stateBytes,
    },
  }),
);
