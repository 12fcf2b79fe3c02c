// Splits the sources of an all-sources kernel (Brandes, BFS sums) over worker threads; the
// CSR arrays sit on SharedArrayBuffers, so workers read them without a copy. Small graphs run
// inline: starting a worker costs more than the work.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { bfsSums, brandesAccumulate } from './kernels.js';
import type { CSR } from './types.js';

export interface ParallelOptions {
  /** Worker threads to use; default: all cores. 1 runs inline. */
  threads?: number;
}

/** Below this many edge visits (sources x edges) the kernels run inline. */
const INLINE_WORK = 20_000_000;

// The worker body is built from the kernels' own source text (Function.prototype.toString
// gives the JavaScript that runs here, whether loaded through tsx or compiled), so workers need
// no loader and no separate file: a .ts worker file fails under `node --import tsx`, whose
// hooks do not reach worker threads on Node 20. The kernels are self-contained functions.
const WORKER_SOURCE = `
const { parentPort, workerData: job } = require('node:worker_threads');
const brandesAccumulate = ${brandesAccumulate.toString()};
const bfsSums = ${bfsSums.toString()};
if (job.kind === 'brandes') {
  const out = new Float64Array(job.n);
  brandesAccumulate(job.offsets, job.targets, job.n, job.sources, out);
  parentPort.postMessage({ out }, [out.buffer]);
} else {
  const sumDist = new Float64Array(job.n), reached = new Float64Array(job.n);
  const harmonic = new Float64Array(job.n), ecc = new Float64Array(job.n);
  bfsSums(job.offsets, job.targets, job.n, job.sources, sumDist, reached, harmonic, ecc);
  parentPort.postMessage({ sumDist, reached, harmonic, ecc }, [sumDist.buffer, reached.buffer, harmonic.buffer, ecc.buffer]);
}
`;

function threadsFor(csr: CSR, sources: number, opts: ParallelOptions): number {
  const want = opts.threads ?? availableParallelism();
  if (want <= 1 || sources * (csr.m + csr.n) < INLINE_WORK || sources < 2) return 1;
  return Math.min(want, sources);
}

function split(sources: Int32Array, parts: number): Int32Array[] {
  // interleaved, so that each share gets a mix of cheap and dear sources
  const out: Int32Array[] = [];
  for (let p = 0; p < parts; p++) {
    const len = Math.ceil((sources.length - p) / parts);
    const a = new Int32Array(len);
    for (let i = 0, j = p; j < sources.length; i++, j += parts) a[i] = sources[j];
    out.push(a);
  }
  return out;
}

function runWorker<T>(data: object): Promise<T> {
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: data });
    let done = false;
    w.once('message', (msg: T) => { done = true; resolve(msg); void w.terminate(); });
    w.once('error', (err) => { done = true; reject(err); });
    w.once('exit', (code) => { if (!done) reject(new Error(`graph worker exited with code ${code}`)); });
  });
}

/** Sum of Brandes dependencies over the sources (each unordered pair counted twice when all sources are used). */
export async function brandesParallel(csr: CSR, sources: Int32Array, opts: ParallelOptions = {}): Promise<Float64Array> {
  const t = threadsFor(csr, sources.length, opts);
  const out = new Float64Array(csr.n);
  if (t === 1) { brandesAccumulate(csr.offsets, csr.targets, csr.n, sources, out); return out; }
  const parts = await Promise.all(split(sources, t).map((s) =>
    runWorker<{ out: Float64Array }>({ kind: 'brandes', offsets: csr.offsets, targets: csr.targets, n: csr.n, sources: s })));
  for (const p of parts) for (let i = 0; i < csr.n; i++) out[i] += p.out[i];
  return out;
}

export interface BfsSums { sumDist: Float64Array; reached: Float64Array; harmonic: Float64Array; ecc: Float64Array }

/** Per-source BFS sums (distance sum, reached count, harmonic sum, eccentricity) for every node. */
export async function bfsSumsParallel(csr: CSR, opts: ParallelOptions = {}): Promise<BfsSums> {
  const n = csr.n;
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const res: BfsSums = { sumDist: new Float64Array(n), reached: new Float64Array(n), harmonic: new Float64Array(n), ecc: new Float64Array(n) };
  const t = threadsFor(csr, n, opts);
  if (t === 1) { bfsSums(csr.offsets, csr.targets, n, all, res.sumDist, res.reached, res.harmonic, res.ecc); return res; }
  const shares = split(all, t);
  const parts = await Promise.all(shares.map((s) =>
    runWorker<BfsSums>({ kind: 'bfs', offsets: csr.offsets, targets: csr.targets, n, sources: s })));
  parts.forEach((p, i) => {
    for (const s of shares[i]) {
      res.sumDist[s] = p.sumDist[s]; res.reached[s] = p.reached[s]; res.harmonic[s] = p.harmonic[s]; res.ecc[s] = p.ecc[s];
    }
  });
  return res;
}
