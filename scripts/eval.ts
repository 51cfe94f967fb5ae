// npm run eval -- FILE.jsonl [--sensitivity strict|balanced|loose] [--mistakes N] [--no-folds]
//
// Runs the classifier over labelled posts as the extension does (tools/eval/evaluate.ts) and
// prints, for all three sensitivities: post-level precision / recall / F1 for `seller` (overall
// and per source), author-level figures (authors with ≥ 3 posts), and two baselines ("has a
// link", a keyword list), each
//   - with the shipped weights (in-sample: the development set is what they were fitted on), and
//   - held out by author folds (unless --no-folds): every post judged by weights fitted without
//     its author (tools/fit/pipeline.ts refits the whole model five times; a few seconds).
// --mistakes N prints the N most confident false positives and the N most confident misses of
// the shipped model at the chosen sensitivity (default balanced), with pSelling and reasons.
// The last line is one JSON object with the figures.
import { readFileSync } from 'node:fs';
import { RULE_INDEX, RULES } from '../src/classifier/rules';
import type { PostJudgement } from '../src/classifier/post';
import { postThreshold } from '../src/classifier/post';
import type { Sensitivity } from '../src/shared/types';
import { evaluate, type EvalReport, type Prf } from '../tools/eval/evaluate';
import { parseLabeledPosts } from '../tools/eval/labeled-posts';
import { buildDataset } from '../tools/fit/dataset';
import { fitAll, heldOutJudge } from '../tools/fit/pipeline';

const SENSITIVITIES: readonly Sensitivity[] = ['strict', 'balanced', 'loose'];

function usage(msg: string): never {
  console.error(`${msg}\nusage: npm run eval -- FILE.jsonl [--sensitivity strict|balanced|loose] [--mistakes N] [--no-folds]`);
  process.exit(2);
}

const args = process.argv.slice(2);
let file: string | undefined;
let sensitivity: Sensitivity = 'balanced';
let mistakes = 0;
let folds = true;
const isSens = (v: string | undefined): v is Sensitivity => v === 'strict' || v === 'balanced' || v === 'loose';
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--sensitivity' || a === '-s' || a.startsWith('--sensitivity=')) {
    const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
    if (!isSens(v)) usage(`unknown sensitivity: ${v}`);
    sensitivity = v;
  } else if (a === '--mistakes' || a.startsWith('--mistakes=')) {
    const v = Number(a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i]);
    if (!Number.isInteger(v) || v < 0) usage('--mistakes needs a whole number');
    mistakes = v;
  } else if (a === '--no-folds') folds = false;
  else if (!a.startsWith('-')) file = a;
  else usage(`unknown option: ${a}`);
}
if (!file) usage('no input file');

const posts = parseLabeledPosts(readFileSync(file, 'utf8'));
const f = (x: number) => x.toFixed(3);
const line = (name: string, m: Prf, extra = '') =>
  `  ${name.padEnd(24)} n=${String(m.n).padStart(5)}  P=${f(m.precision)}  R=${f(m.recall)}  F1=${f(m.f1)}  (tp ${m.tp}, fp ${m.fp}, fn ${m.fn})${extra}`;

function print(title: string, r: EvalReport): void {
  console.log(`${title}, ${r.sensitivity}`);
  console.log(line('posts', r.posts, `  Brier=${r.posts.brier.toFixed(4)}`));
  console.log(line('authors (≥3 posts)', r.authors, `  verdicts ${JSON.stringify(r.authors.verdicts)}`));
  for (const [src, s] of Object.entries(r.sources)) {
    console.log(line(`${src}: posts`, s.posts));
    console.log(line(`${src}: authors`, s.authors));
  }
}

// The shipped model, all three sensitivities; the chosen one also collects mistakes.
interface Judged { i: number; p: number; post: PostJudgement }
const judged: Judged[] = [];
const shipped = Object.fromEntries(SENSITIVITIES.map((s) => [s, evaluate(posts, s, undefined, undefined,
  s === sensitivity && mistakes > 0 ? (i, p, post) => judged.push({ i, p, post }) : undefined)])) as Record<Sensitivity, EvalReport>;
console.log(`${file}: ${posts.length} posts`);
for (const s of SENSITIVITIES) print('shipped weights (in-sample)', shipped[s]);

let held: Record<Sensitivity, EvalReport> | undefined;
if (folds) {
  const ds = buildDataset(posts);
  const fit = fitAll(ds);
  const judge = heldOutJudge(ds, fit);
  held = Object.fromEntries(SENSITIVITIES.map((s) => [s, evaluate(posts, s, undefined, judge)])) as Record<Sensitivity, EvalReport>;
  for (const s of SENSITIVITIES) print('held out (5 author folds, refitted)', held[s]);
}

const b = shipped.balanced.baselines;
console.log('baselines (same posts)');
console.log(line('has a link: posts', b.hasLink.posts));
console.log(line('has a link: authors', b.hasLink.authors));
console.log(line('keywords: posts', b.keywords.posts));
console.log(line('keywords: authors', b.keywords.authors));

if (mistakes > 0) {
  const t = postThreshold(sensitivity);
  const says = (name: string) => RULES[RULE_INDEX[name] ?? -1]?.says ?? name;
  const reasons = (post: PostJudgement) =>
    post.evidence.slice(0, 5).map((e) => `${says(e.name)}${e.detail ? ` (${e.detail})` : ''} ${e.weight > 0 ? '+' : ''}${e.weight}`).join('; ') || 'no evidence';
  const show = (title: string, rows: Judged[]) => {
    console.log(`${title} (${sensitivity}, threshold ${t})`);
    for (const { i, p, post } of rows) {
      const x = posts[i]!;
      console.log(`  pSelling=${f(p)}  @${x.author ?? '-'} [${x.source}] ${JSON.stringify(x.text.replace(/\s+/g, ' ').slice(0, 140))}`);
      console.log(`      why: ${reasons(post)}`);
    }
  };
  const fps = judged.filter((j) => j.p >= t && posts[j.i]!.label !== 'seller').sort((a, c) => c.p - a.p).slice(0, mistakes);
  const misses = judged.filter((j) => j.p < t && posts[j.i]!.label === 'seller').sort((a, c) => a.p - c.p).slice(0, mistakes);
  show(`${fps.length} most confident false positives`, fps);
  show(`${misses.length} most confident misses`, misses);
}

const round = (x: number) => Math.round(x * 10000) / 10000;
const brief = (m: Prf) => ({ n: m.n, precision: round(m.precision), recall: round(m.recall), f1: round(m.f1) });
const summary = (r: EvalReport) => ({
  posts: { ...brief(r.posts), brier: round(r.posts.brier) },
  authors: { ...brief(r.authors), verdicts: r.authors.verdicts },
  sources: Object.fromEntries(Object.entries(r.sources).map(([k, s]) => [k, { posts: brief(s.posts), authors: brief(s.authors) }])),
});
console.log(
  JSON.stringify({
    file,
    sensitivity,
    ...summary(shipped[sensitivity]),
    shipped: Object.fromEntries(SENSITIVITIES.map((s) => [s, summary(shipped[s])])),
    ...(held ? { heldOut: Object.fromEntries(SENSITIVITIES.map((s) => [s, summary(held![s])])) } : {}),
    baselines: {
      hasLink: { posts: brief(b.hasLink.posts), authors: brief(b.hasLink.authors) },
      keywords: { posts: brief(b.keywords.posts), authors: brief(b.keywords.authors) },
    },
  }),
);
