// npm run eval -- FILE.jsonl [--sensitivity strict|balanced|loose]
//
// Runs the classifier over labelled posts as the extension does and prints, per source and
// overall, post-level precision / recall / F1 for `seller` with the Brier score, author-level
// figures (authors with ≥ 3 posts), and the same figures for two baselines ("has a link", a
// keyword list). The last line is one JSON object with the headline figures.
import { readFileSync } from 'node:fs';
import type { Sensitivity } from '../src/shared/types';
import { parseLabeledPosts } from '../tools/eval/labeled-posts';
import { evaluate, type Prf } from '../tools/eval/evaluate';

function usage(msg: string): never {
  console.error(`${msg}\nusage: npm run eval -- FILE.jsonl [--sensitivity strict|balanced|loose]`);
  process.exit(2);
}

const args = process.argv.slice(2);
let file: string | undefined;
let sensitivity: Sensitivity = 'balanced';
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--sensitivity' || a === '-s') {
    const v = args[++i];
    if (v !== 'strict' && v !== 'balanced' && v !== 'loose') usage(`unknown sensitivity: ${v}`);
    sensitivity = v;
  } else if (a.startsWith('--sensitivity=')) {
    const v = a.slice('--sensitivity='.length);
    if (v !== 'strict' && v !== 'balanced' && v !== 'loose') usage(`unknown sensitivity: ${v}`);
    sensitivity = v;
  } else if (!a.startsWith('-')) file = a;
  else usage(`unknown option: ${a}`);
}
if (!file) usage('no input file');

const posts = parseLabeledPosts(readFileSync(file, 'utf8'));
const r = evaluate(posts, sensitivity);

const f = (x: number) => x.toFixed(3);
const line = (name: string, m: Prf, extra = '') =>
  `  ${name.padEnd(22)} n=${String(m.n).padStart(5)}  P=${f(m.precision)}  R=${f(m.recall)}  F1=${f(m.f1)}  (tp ${m.tp}, fp ${m.fp}, fn ${m.fn})${extra}`;

console.log(`${file}: ${posts.length} posts, sensitivity ${sensitivity}`);
for (const [src, s] of Object.entries(r.sources)) {
  console.log(`${src}`);
  console.log(line('posts', s.posts, `  Brier=${s.posts.brier.toFixed(4)}`));
  console.log(line('authors (≥3 posts)', s.authors, `  verdicts ${JSON.stringify(s.authors.verdicts)}`));
}
console.log('overall');
console.log(line('posts', r.posts, `  Brier=${r.posts.brier.toFixed(4)}`));
console.log(line('authors (≥3 posts)', r.authors, `  verdicts ${JSON.stringify(r.authors.verdicts)}`));
console.log('baselines (same data)');
console.log(line('has a link: posts', r.baselines.hasLink.posts));
console.log(line('has a link: authors', r.baselines.hasLink.authors));
console.log(line('keywords: posts', r.baselines.keywords.posts));
console.log(line('keywords: authors', r.baselines.keywords.authors));

const round = (x: number) => Math.round(x * 10000) / 10000;
const brief = (m: Prf) => ({ n: m.n, precision: round(m.precision), recall: round(m.recall), f1: round(m.f1) });
console.log(
  JSON.stringify({
    file,
    sensitivity,
    posts: { ...brief(r.posts), brier: round(r.posts.brier) },
    authors: { ...brief(r.authors), verdicts: r.authors.verdicts },
    sources: Object.fromEntries(
      Object.entries(r.sources).map(([k, s]) => [k, { posts: { ...brief(s.posts), brier: round(s.posts.brier) }, authors: brief(s.authors) }]),
    ),
    baselines: {
      hasLink: { posts: brief(r.baselines.hasLink.posts), authors: brief(r.baselines.hasLink.authors) },
      keywords: { posts: brief(r.baselines.keywords.posts), authors: brief(r.baselines.keywords.authors) },
    },
  }),
);
