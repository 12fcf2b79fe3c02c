// npm run bench:ingest — words per second of ingest + extraction + storage over a generated
// corpus of at least 10 MB, one core, against a named baseline measured in the same run:
// compromise (the JavaScript NLP library a user would otherwise reach for) finding people,
// places and organisations in the same text, without storing anything.
//   npm run bench:ingest [-- --mb 10]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nlp from 'compromise';
import { openStore } from '../src/store/index.js';
import { ingestInputs } from '../src/pipeline.js';
import { extract } from '../src/extract/index.js';
import { syntheticReports } from './corpus.js';

const mbFlag = process.argv.indexOf('--mb');
const megabytes = mbFlag > 0 ? Number(process.argv[mbFlag + 1]) : 10;
if (!(megabytes > 0)) throw new Error('--mb must be a positive number');

const dir = mkdtempSync(join(tmpdir(), 'skein-bench-'));
const corpusDir = join(dir, 'corpus');
try {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(corpusDir);
  const texts: string[] = [];
  let bytes = 0;
  for (const r of syntheticReports(megabytes * 1024 * 1024)) {
    writeFileSync(join(corpusDir, `${r.name}.txt`), r.text);
    texts.push(r.text);
    bytes += Buffer.byteLength(r.text);
  }
  const words = texts.reduce((n, t) => n + (t.match(/\S+/g)?.length ?? 0), 0);
  console.log(`corpus: ${texts.length} documents, ${(bytes / 1048576).toFixed(1)} MB, ${words} words (generated, seed 7)`);

  // 1. The whole pipeline, as `skein ingest <folder>` runs it.
  const store = openStore(join(dir, 'bench.db'));
  let last = 0;
  const report = await ingestInputs(store, [corpusDir], {}, (p) => {
    if (process.stderr.isTTY && p.done - last >= 200) { last = p.done; process.stderr.write(`\r  ingest ${p.done}/${p.total}`); }
  });
  if (process.stderr.isTTY) process.stderr.write('\r');
  await store.close();
  if (report.failed) throw new Error(`${report.failed} documents failed: ${report.outcomes.find((o) => o.status === 'failed')?.reason}`);
  const pipelineRate = report.words / report.seconds;
  console.log(`skein ingest (read + extract + resolve + store): ${report.seconds.toFixed(1)} s, ${Math.round(pipelineRate).toLocaleString('en')} words/s`);

  // 2. Extraction alone, to show where the time goes.
  let t0 = performance.now();
  let relations = 0;
  for (const t of texts) relations += extract(t, { documentDate: '2024-01-01' }).relations.length;
  const extractSeconds = (performance.now() - t0) / 1000;
  const extractRate = words / extractSeconds;
  console.log(`skein extract alone: ${extractSeconds.toFixed(1)} s, ${Math.round(extractRate).toLocaleString('en')} words/s (${relations} relations)`);

  // 3. Baseline: compromise on a share of the same texts (it is slower; the rate is what counts).
  const share = texts.slice(0, Math.max(1, Math.floor(texts.length / 5)));
  const shareWords = share.reduce((n, t) => n + (t.match(/\S+/g)?.length ?? 0), 0);
  t0 = performance.now();
  let found = 0;
  for (const t of share) {
    const doc = nlp(t);
    found += doc.people().length + doc.places().length + doc.organizations().length;
  }
  const baseSeconds = (performance.now() - t0) / 1000;
  const baseRate = shareWords / baseSeconds;
  console.log(`baseline compromise@${(nlp as unknown as { version: string }).version} people/places/organizations: ${shareWords} words in ${baseSeconds.toFixed(1)} s, ${Math.round(baseRate).toLocaleString('en')} words/s (${found} mentions)`);
  console.log(`ratio: skein ingest ${(pipelineRate / baseRate).toFixed(2)}x compromise; skein extract ${(extractRate / baseRate).toFixed(2)}x compromise`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
