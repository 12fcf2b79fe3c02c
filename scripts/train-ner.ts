// Trains skein's named-entity model from ../shared/data/ner (CoNLL-2003 train+valid, GMB for
// the auxiliary tagger, unlabeled text for word clusters) and writes models/ner/model.bin.
// Deterministic: the same data gives the same weights. About 2-3 minutes on 2 cores.
// Usage: npm run train:ner [-- options]
//   --tune          train on CoNLL train only and report valid F1 per epoch (writes only with --write)
//   --out DIR       write DIR/model.bin instead of models/ner/model.bin
//   --epochs N      epochs of the main and document passes (8); --aux-epochs N for GMB (5)
//   --buckets B     2^B feature hash buckets (20); --folds K jackknife folds (5); --seed S
//   --no-gmb, --one-stage, --no-clusters, --no-gaz   ablations
// Set SKEIN_SHARED to use a shared/ folder other than ../shared.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NTAGS } from '../src/extract/ner/features.js';
import { bilouToIob, serializeModel, type StageKind } from '../src/extract/ner/model.js';
import { prepare, trainOn, type Trainer, type Prepared } from '../src/extract/ner/trainer.js';
import { readConll, readGmb, newScores, scoreSentence, prf, totals, type NerDocument } from '../src/extract/ner/conll.js';
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
const epochs = Number(opt('epochs', '8'));
const bucketsLog2 = Number(opt('buckets', '20'));
const tune = flag('tune');
const outDir = resolve(opt('out', join(root, 'models/ner')));
const seed = Number(opt('seed', '1'));

const t0 = Date.now();
const el = () => ((Date.now() - t0) / 1000).toFixed(1) + 's';

const train = readConll(join(nerDir, 'conll2003/train.txt'));
const valid = readConll(join(nerDir, 'conll2003/valid.txt'));
console.log(`read CoNLL-2003: ${train.length} train docs, ${valid.length} valid docs (${el()})`);

const res = await buildResources({
  shared,
  root,
  clusters: !flag('no-clusters'),
  gazetteers: !flag('no-gaz'),
  log: (m) => console.log(`  ${m} (${el()})`),
});

const trainDocs: NerDocument[] = tune ? train : [...train, ...valid];
const twoStage = !flag('one-stage');
const epochs1 = Number(opt('epochs1', String(epochs)));
const folds = Number(opt('folds', '5'));
const auxEpochs = Number(opt('aux-epochs', '5'));
const P0 = prepare(trainDocs, res, bucketsLog2);
const V0 = prepare(valid, res, bucketsLog2);
const nsent = P0.starts.length - 1;
console.log(`features: ${P0.gold.length} training tokens in ${nsent} sentences (${el()})`);

function decodeAll(p: Prepared, t: Trainer, w: Float32Array, tr: Float64Array): Int32Array[] {
  const out: Int32Array[] = [];
  for (let s = 0; s < p.labels.length; s++) out.push(Int32Array.from(t.decode(p, s, w, tr).subarray(0, p.starts[s + 1]! - p.starts[s]!)));
  return out;
}

function f1(p: Prepared, tags: Int32Array[]): number {
  const sc = newScores();
  for (let s = 0; s < p.labels.length; s++)
    scoreSentence(sc, spansFromTags(p.labels[s]!), spansFromTags(bilouToIob(tags[s]!, tags[s]!.length)));
  return prf(totals(sc)).f;
}

const all = Int32Array.from({ length: nsent }, (_, i) => i);
const report = (stage: string, ep: number, v: () => Prepared) => (e: number, errs: number, t: Trainer) => {
  let line = `${stage} epoch ${e}/${ep}: ${errs} token errors`;
  if (tune || e === ep) {
    const avg = t.averaged();
    const f = f1(v(), decodeAll(v(), t, avg.w, avg.tr));
    line += `, valid F1 ${f.toFixed(2)}${tune ? '' : ' (valid is in the training data)'}`;
  }
  console.log(`${line} (${el()})`);
};
const stages: { w: Float32Array; tr: Float32Array; kind: StageKind }[] = [];

// auxiliary tagger trained on GMB (other label conventions); its tags become features
let auxTrain: Int32Array[] | undefined;
let auxValid: Int32Array[] | undefined;
const gmbPath = join(nerDir, 'gmb/ner_dataset.csv');
if (!flag('no-gmb') && existsSync(gmbPath)) {
  const gmb = readGmb(gmbPath, { per: 'PER', org: 'ORG', geo: 'LOC', gpe: 'MISC', art: 'MISC', eve: 'MISC', nat: 'MISC' });
  const G = prepare(gmb, res, bucketsLog2);
  const ng = G.starts.length - 1;
  console.log(`GMB: ${G.gold.length} tokens in ${ng} sentences (${el()})`);
  const ta = trainOn(G, Int32Array.from({ length: ng }, (_, i) => i), auxEpochs, bucketsLog2, seed + 50, (e, errs) =>
    console.log(`aux (GMB) epoch ${e}/${auxEpochs}: ${errs} token errors (${el()})`),
  );
  const avg = ta.averaged();
  stages.push({ w: avg.w, tr: Float32Array.from(avg.tr), kind: 'aux' });
  auxTrain = decodeAll(P0, ta, avg.w, avg.tr);
  auxValid = decodeAll(V0, ta, avg.w, avg.tr);
  console.log(`aux tagger F1 on CoNLL valid (label conventions differ) ${f1(V0, auxValid).toFixed(2)}`);
}
const P = auxTrain ? prepare(trainDocs, res, bucketsLog2, { aux: auxTrain }) : P0;
const V = auxValid ? prepare(valid, res, bucketsLog2, { aux: auxValid }) : V0;

// stage 1 (main) on all training data
const t1 = trainOn(P, all, epochs1, bucketsLog2, seed, report('main', epochs1, () => V));
const s1 = t1.averaged();
stages.push({ w: s1.w, tr: Float32Array.from(s1.tr), kind: 'main' });

if (twoStage) {
  // jackknifed stage-1 predictions on the training data, so stage 2 learns from realistic input
  const s1train: Int32Array[] = new Array(nsent);
  const ndocs = P.docSent.length - 1;
  for (let k = 0; k < folds; k++) {
    const inFold = (d: number) => d % folds === k;
    const trainS: number[] = [];
    const testS: number[] = [];
    for (let d = 0; d < ndocs; d++)
      for (let s = P.docSent[d]!; s < P.docSent[d + 1]!; s++) (inFold(d) ? testS : trainS).push(s);
    const tk = trainOn(P, Int32Array.from(trainS), epochs1, bucketsLog2, seed + k + 1);
    const avg = tk.averaged();
    for (const s of testS) s1train[s] = Int32Array.from(tk.decode(P, s, avg.w, avg.tr).subarray(0, P.starts[s + 1]! - P.starts[s]!));
    console.log(`main fold ${k + 1}/${folds} done (${el()})`);
  }
  console.log(`jackknifed main-pass F1 on training data ${f1(P, s1train).toFixed(2)}`);
  const s1valid = decodeAll(V, t1, s1.w, s1.tr);
  const P2 = prepare(trainDocs, res, bucketsLog2, { aux: auxTrain, stage1: s1train });
  const V2 = prepare(valid, res, bucketsLog2, { aux: auxValid, stage1: s1valid });
  const t2 = trainOn(P2, all, epochs, bucketsLog2, seed + 100, report('document pass', epochs, () => V2));
  const s2 = t2.averaged();
  stages.push({ w: s2.w, tr: Float32Array.from(s2.tr), kind: 'doc' });
}

if (!tune || flag('write')) {
  const buf = serializeModel(stages, bucketsLog2, res, {
    trainedOn: tune ? 'conll2003 train' : 'conll2003 train+valid',
    epochs,
    epochs1,
    auxEpochs,
    folds,
    ntags: NTAGS,
    date: new Date().toISOString(),
  });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'model.bin'), buf);
  console.log(`wrote ${join(outDir, 'model.bin')} (${(buf.length / 1e6).toFixed(1)} MB) (${el()})`);
}
