// Scores the extractor against the gold documents: ../shared/eval/gold-dev (the seed), our own
// fixtures under test/fixtures/extract, and test/fixtures/extract-second: ten reports written and
// annotated by a second annotator to the same guidelines, more densely than ours. Both fixture
// sets are development data (rules were improved on them) and training data of the pair
// classifier (npm run train:relations), so their scores are optimistic; the seed is not trained
// on. test/fixtures/extract-heldout is neither developed nor trained on: its score is the honest
// one for documents like these. Scored with ../shared/eval/score.mjs.
//   npm run eval:extract [-- --quiet]
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { extract, toEvaluationJson } from '../src/extract/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '../shared');
let scorer = join(shared, 'eval/score.mjs');
if (!existsSync(scorer)) {
  console.error(`eval:extract needs ../shared (the scorer ${scorer} is missing): it is for developers and CI only.`);
  process.exit(1);
}
// The scorer runs only when started by its real path (it compares import.meta.url with argv[1]).
scorer = realpathSync(scorer);
const quiet = process.argv.includes('--quiet');

function runSet(label: string, goldDir: string): void {
  const pred = mkdtempSync(join(tmpdir(), 'skein-eval-'));
  const files = readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort();
  let words = 0;
  let ms = 0;
  for (const f of files) {
    const goldPath = join(goldDir, f);
    const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { document: string; text: string; published?: string };
    const textPath = resolve(dirname(goldPath), gold.text);
    if (!existsSync(textPath)) throw new Error(`${goldPath}: field "text" points to ${textPath}, which does not exist`);
    const text = readFileSync(textPath, 'utf8');
    const t0 = performance.now();
    const extraction = extract(text, { documentDate: gold.published ?? null });
    ms += performance.now() - t0;
    words += text.split(/\s+/).filter(Boolean).length;
    writeFileSync(join(pred, f), JSON.stringify(toEvaluationJson([{ name: gold.document, text, extraction }]), null, 2));
  }
  console.log(`== ${label} (${files.length} documents, ${words} words, ${ms.toFixed(0)} ms; predictions in ${pred})`);
  const args = [scorer, '--gold', goldDir, '--pred', pred];
  if (!quiet) args.push('--verbose');
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  if (r.status !== 0) process.exitCode = r.status ?? 1;
}

runSet('seed (gold-dev)', join(shared, 'eval/gold-dev'));
const fixtures = join(root, 'test/fixtures/extract');
if (existsSync(fixtures) && readdirSync(fixtures).some((f) => f.endsWith('.json'))) runSet('own fixtures (development and training set)', fixtures);
const second = join(root, 'test/fixtures/extract-second');
if (existsSync(second) && readdirSync(second).some((f) => f.endsWith('.json'))) runSet('second annotator (development and training set)', second);
const heldout = join(root, 'test/fixtures/extract-heldout');
if (existsSync(heldout) && readdirSync(heldout).some((f) => f.endsWith('.json'))) runSet('held out (never developed or trained on)', heldout);
