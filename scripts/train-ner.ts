// Trains skein's named-entity model from ../shared/data/ner (CoNLL-2003) and writes
// models/ner/model.bin. Usage: npm run train:ner [-- --epochs N] [--tune] [--out DIR]
//   --tune   train on train only and report valid F1 per epoch (no model written unless --out)
//   default: train on train+valid for the chosen number of epochs and write the model.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NTAGS } from '../src/extract/ner/features.js';
import { bilouToIob, serializeModel } from '../src/extract/ner/model.js';
import { prepare, Trainer, mulberry32, type Prepared } from '../src/extract/ner/trainer.js';
import { readConll, newScores, scoreSentence, prf, totals, type NerDocument } from '../src/extract/ner/conll.js';
import { spansFromTags } from '../src/extract/ner/index.js';
import { buildResources } from '../src/extract/ner/resources.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(process.env.SKEIN_SHARED ?? join(root, '../shared'));
const nerDir = join(shared, 'data/ner');
if (!existsSync(join(nerDir, 'conll2003/train.txt'))) {
  console.error(
    `train:ner needs the CoNLL-2003 data at ${join(nerDir, 'conll2003')} (../shared is for developers and CI only); not found, nothing trained.`,
  );
  process.exit(2);
}

const args = process.argv.slice(2);
const opt = (name: string, def: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : def;
};
const flag = (name: string) => args.includes(`--${name}`);
const epochs = Number(opt('epochs', '12'));
const bucketsLog2 = Number(opt('buckets', '20'));
const tune = flag('tune');
const outDir = resolve(opt('out', join(root, 'models/ner')));
const seed = Number(opt('seed', '1'));

const t0 = Date.now();
const el = () => ((Date.now() - t0) / 1000).toFixed(1) + 's';

const train = readConll(join(nerDir, 'conll2003/train.txt'));
const valid = readConll(join(nerDir, 'conll2003/valid.txt'));
console.log(`read CoNLL-2003: ${train.length} train docs, ${valid.length} valid docs (${el()})`);

const res = buildResources({
  shared,
  root,
  clusters: !flag('no-clusters'),
  gazetteers: !flag('no-gaz'),
  log: (m) => console.log(`  ${m} (${el()})`),
});

const trainDocs: NerDocument[] = tune ? train : [...train, ...valid];
const P = prepare(trainDocs, res, bucketsLog2);
const V = prepare(valid, res, bucketsLog2);
console.log(`features: ${P.gold.length} training tokens (${el()})`);

const trainer = new Trainer(bucketsLog2);
const nsent = P.starts.length - 1;
const order = Int32Array.from({ length: nsent }, (_, i) => i);
const rnd = mulberry32(seed);

function evaluate(p: Prepared, w: Float32Array, tr: Float64Array): number {
  const sc = newScores();
  for (let s = 0; s < p.labels.length; s++) {
    const n = p.starts[s + 1]! - p.starts[s]!;
    const pred = trainer.decode(p, s, w, tr);
    scoreSentence(sc, spansFromTags(p.labels[s]!), spansFromTags(bilouToIob(pred, n)));
  }
  return prf(totals(sc)).f;
}

let best = { f: -1, epoch: 0 };
for (let e = 1; e <= epochs; e++) {
  for (let i = nsent - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const errs = trainer.epoch(P, order);
  let line = `epoch ${e}/${epochs}: ${errs} token errors`;
  if (tune || e === epochs) {
    const avg = trainer.averaged();
    const f = evaluate(V, avg.w, avg.tr);
    if (f > best.f) best = { f, epoch: e };
    line += `, valid F1 ${f.toFixed(2)}${tune ? '' : ' (valid is in the training data)'}`;
  }
  console.log(`${line} (${el()})`);
}
if (tune) console.log(`best valid F1 ${best.f.toFixed(2)} at epoch ${best.epoch}`);

if (!tune || flag('write')) {
  const avg = trainer.averaged();
  const buf = serializeModel(avg.w, Float32Array.from(avg.tr), bucketsLog2, res, {
    trainedOn: tune ? 'conll2003 train' : 'conll2003 train+valid',
    epochs,
    ntags: NTAGS,
    date: new Date().toISOString(),
  });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'model.bin'), buf);
  console.log(`wrote ${join(outDir, 'model.bin')} (${(buf.length / 1e6).toFixed(1)} MB) (${el()})`);
}
