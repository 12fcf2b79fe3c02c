// Evaluates skein's NER model and the compromise library on the CoNLL-2003 English test set
// and CoNLL++ test: entity-level exact-match precision/recall/F1 per type (conlleval
// convention) and single-core inference speed. Usage: npm run eval:ner [-- --model DIR] [--no-compromise]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadNerModel, spansFromTags, type NerModel, type NerSpan, PerceptronNer } from '../src/extract/ner/index.js';
import { readConll, newScores, scoreSentence, prf, totals, type NerDocument, type Scores } from '../src/extract/ner/conll.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(process.env.SKEIN_SHARED ?? join(root, '../shared'));
const nerDir = join(shared, 'data/ner');
const sets: [string, string][] = [
  ['CoNLL-2003 test', join(nerDir, 'conll2003/test.txt')],
  ['CoNLL++ test', join(nerDir, 'conllpp/conllpp_test.txt')],
];
for (const [, p] of sets)
  if (!existsSync(p)) {
    console.error(`eval:ner needs ${p} (../shared is for developers and CI only); not found, nothing evaluated.`);
    process.exit(2);
  }

const args = process.argv.slice(2);
const mi = args.indexOf('--model');
const modelPath = mi >= 0 ? args[mi + 1] : undefined;
const withCompromise = !args.includes('--no-compromise');

type Tagger = (doc: NerDocument) => NerSpan[][];

function report(name: string, sc: Scores, ntok: number, seconds: number, cpuSeconds: number, reps: number): void {
  const row = (label: string, c: { tp: number; fp: number; fn: number }) => {
    const r = prf(c);
    return `  ${label.padEnd(8)} P ${r.p.toFixed(2).padStart(6)}  R ${r.r.toFixed(2).padStart(6)}  F1 ${r.f.toFixed(2).padStart(6)}  (gold ${c.tp + c.fn}, predicted ${c.tp + c.fp})`;
  };
  console.log(name);
  for (const ty of ['PER', 'ORG', 'LOC', 'MISC']) console.log(row(ty, sc.perType[ty] ?? { tp: 0, fp: 0, fn: 0 }));
  console.log(row('overall', totals(sc)));
  const three = { tp: 0, fp: 0, fn: 0 };
  for (const ty of ['PER', 'ORG', 'LOC']) {
    const c = sc.perType[ty];
    if (c) {
      three.tp += c.tp;
      three.fp += c.fp;
      three.fn += c.fn;
    }
  }
  console.log(row('PER+ORG+LOC', three).replace('  PER+ORG+LOC', '  PER/ORG/LOC only:'));
  console.log(
    `  speed    ${Math.round(ntok / seconds).toLocaleString('en-US')} tokens/s single-core (${ntok} tokens in ${seconds.toFixed(3)} s wall, best of ${reps}; ${Math.round(ntok / cpuSeconds).toLocaleString('en-US')} tokens per CPU-second)`,
  );
}

/**
 * `fresh` makes a tagger with empty caches: its one pass is timed too (word-type caches filled
 * as it goes, as on text never seen before; the best-of-N passes see every word type again).
 */
function evaluate(name: string, docs: NerDocument[], tagger: Tagger, reps: number, fresh?: () => Tagger): void {
  const sc = newScores();
  let ntok = 0;
  for (const d of docs) for (const s of d.sentences) ntok += s.words.length;
  // warm-up pass also produces the predictions we score
  const preds = docs.map((d) => tagger(d));
  docs.forEach((d, di) =>
    d.sentences.forEach((s, si) => scoreSentence(sc, spansFromTags(s.labels), preds[di]![si]!)),
  );
  // Node runs this on one thread; time the best of `reps` passes (the machine may be shared)
  let best = Infinity;
  let bestCpu = Infinity;
  for (let r = 0; r < reps; r++) {
    const c = process.cpuUsage();
    const t = performance.now();
    for (const d of docs) tagger(d);
    best = Math.min(best, (performance.now() - t) / 1000);
    const du = process.cpuUsage(c);
    bestCpu = Math.min(bestCpu, (du.user + du.system) / 1e6);
  }
  report(name, sc, ntok, best, bestCpu, reps);
  if (fresh) {
    const cold = fresh();
    const c = process.cpuUsage();
    const t = performance.now();
    for (const d of docs) cold(d);
    const s = (performance.now() - t) / 1000;
    const du = process.cpuUsage(c);
    console.log(
      `  cold     ${Math.round(ntok / s).toLocaleString('en-US')} tokens/s single-core with empty word caches (one pass, a freshly loaded model; ${Math.round(ntok / ((du.user + du.system) / 1e6)).toLocaleString('en-US')} tokens per CPU-second)`,
    );
  }
}

// ------------------------------------------------------------------ skein
const t0 = performance.now();
const model = loadNerModel(modelPath);
const loadMs = performance.now() - t0;
const file = modelPath ? (modelPath.endsWith('.bin') ? modelPath : join(modelPath, 'model.bin')) : join(root, 'models/ner/model.bin');
const { statSync } = await import('node:fs');
console.log(
  `skein NER model: ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB), loaded in ${loadMs.toFixed(0)} ms`,
);
const taggerOf =
  (m: NerModel): Tagger =>
  (d) => {
    const docTokens = d.sentences.map((s) => s.words);
    return docTokens.map((s) => spansFromTags(m.tag(s, { documentTokens: docTokens })));
  };
const ours = taggerOf(model);
const freshOurs = () => taggerOf(new PerceptronNer(readFileSync(file)));

const data = sets.map(([name, p]) => [name, readConll(p)] as const);
for (const [name, docs] of data) evaluate(`skein perceptron, ${name}`, docs, ours, 7, freshOurs);

// ------------------------------------------------------------------ compromise
if (withCompromise) {
  let nlp: ((text: string) => any) | null = null;
  try {
    nlp = (await import('compromise')).default as unknown as (text: string) => any;
  } catch {
    console.log('compromise is not installed (npm install): skipped');
  }
  if (nlp) {
    const f = nlp;
    const tagSentence = (words: string[]): NerSpan[] => {
      const starts: number[] = [];
      let text = '';
      for (const w of words) {
        if (text) text += ' ';
        starts.push(text.length);
        text += w;
      }
      const tokAt = (ch: number) => {
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (starts[mid]! <= ch) lo = mid;
          else hi = mid - 1;
        }
        return lo;
      };
      const doc = f(text);
      const spans: NerSpan[] = [];
      const seen = new Set<string>();
      for (const [type, view] of [
        ['PER', doc.people()],
        ['ORG', doc.organizations()],
        ['LOC', doc.places()],
      ] as const) {
        for (const m of view.json({ offset: true }) as { offset: { start: number; length: number }; text: string }[]) {
          const raw = text.slice(m.offset.start, m.offset.start + m.offset.length);
          const lead = raw.length - raw.trimStart().length;
          const trimmed = raw.trim();
          if (!trimmed) continue;
          let a = tokAt(m.offset.start + lead);
          let b = tokAt(m.offset.start + lead + trimmed.length - 1) + 1;
          // compromise attaches punctuation ("Geneva .") to the term: drop punctuation-only tokens
          while (a < b && !/[\p{L}\p{N}]/u.test(words[a]!)) a++;
          while (b > a && !/[\p{L}\p{N}]/u.test(words[b - 1]!)) b--;
          if (a >= b) continue;
          const key = `${a}:${b}`;
          if (seen.has(key)) continue;
          seen.add(key);
          spans.push({ start: a, end: b, type });
        }
      }
      return spans;
    };
    const theirs: Tagger = (d) => d.sentences.map((s) => tagSentence(s.words));
    for (const [name, docs] of data) evaluate(`compromise (people/organizations/places -> PER/ORG/LOC; no MISC), ${name}`, docs, theirs, 2);
  }
}
