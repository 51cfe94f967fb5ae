// npm run fit [-- FILE.jsonl] [--check] [--grid]
//
// Fits the classifier on the development set, reproducibly (tools/fit/pipeline.ts): the learned
// text component (hashed word and character n-grams, logistic regression) and the post model over
// the rules of src/classifier/rules.ts, with author folds; chooses each sensitivity's threshold on
// the held-out predictions; and writes src/classifier/weights.ts and src/classifier/text-weights.ts.
//   --check  prints the figures, writes nothing
//   --grid   cross-validates the text model's λ (author folds) and prints the table
// Nothing here reads the sealed test set.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildDataset } from '../tools/fit/dataset';
import { DEFAULT_SETTINGS, fitAll, prfAt, type Prf } from '../tools/fit/pipeline';
import { renderTextWeights, renderWeights } from '../tools/fit/render';
import { parseLabeledPosts } from '../tools/eval/labeled-posts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? `${ROOT}test/fixtures/labeled/posts.jsonl`;
const ds = buildDataset(parseLabeledPosts(readFileSync(file, 'utf8')));
const fmt = (c: Prf) => `t=${c.t.toFixed(2)}  P=${c.precision.toFixed(3)} R=${c.recall.toFixed(3)} F1=${c.f1.toFixed(3)}`;

if (args.includes('--grid')) {
  for (const textLambda of [1e-4, 3e-4, 1e-3, 3e-3]) {
    for (const lambda of [1, 2, 4]) {
      const r = fitAll(ds, { ...DEFAULT_SETTINGS, textLambda, lambda });
      console.log(`text λ=${textLambda} λ=${lambda}  strict ${fmt(r.thresholds.strict)} | balanced ${fmt(r.thresholds.balanced)} | loose ${fmt(r.thresholds.loose)}`);
    }
  }
  process.exit(0);
}

const t0 = performance.now();
const res = fitAll(ds);
console.log(`posts ${ds.posts.length}, ${Math.round(performance.now() - t0)} ms; settings ${JSON.stringify(res.settings)}`);
console.log('held-out (author folds), post level, pSelling alone:');
for (const k of ['strict', 'balanced', 'loose'] as const) console.log(`  ${k.padEnd(8)} ${fmt(res.thresholds[k])}`);
const textOnly = prfAt(res.oof.map((z) => 1 / (1 + Math.exp(-(z + res.text.bias)))), ds.y, 0.5);
console.log(`  text component alone (held-out, t=0.5): P=${textOnly.precision.toFixed(3)} R=${textOnly.recall.toFixed(3)}`);
if (process.env.CURVE) for (const c of res.curve) console.log(`  curve ${fmt(c)}`);

if (!args.includes('--check')) {
  writeFileSync(`${ROOT}src/classifier/weights.ts`, renderWeights(res, ds.posts.length));
  writeFileSync(`${ROOT}src/classifier/text-weights.ts`, renderTextWeights(res));
  console.log('wrote src/classifier/weights.ts and src/classifier/text-weights.ts');
}
