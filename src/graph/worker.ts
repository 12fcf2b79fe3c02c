// Worker thread body for parallel.ts: runs one CSR kernel over its share of the sources.
import { parentPort, workerData } from 'node:worker_threads';
import { bfsSums, brandesAccumulate } from './kernels.js';

interface Job { kind: 'brandes' | 'bfs'; offsets: Int32Array; targets: Int32Array; n: number; sources: Int32Array }

const job = workerData as Job;
if (job.kind === 'brandes') {
  const out = new Float64Array(job.n);
  brandesAccumulate(job.offsets, job.targets, job.n, job.sources, out);
  parentPort!.postMessage({ out }, [out.buffer]);
} else {
  const sumDist = new Float64Array(job.n), reached = new Float64Array(job.n);
  const harmonic = new Float64Array(job.n), ecc = new Float64Array(job.n);
  bfsSums(job.offsets, job.targets, job.n, job.sources, sumDist, reached, harmonic, ecc);
  parentPort!.postMessage({ sumDist, reached, harmonic, ecc }, [sumDist.buffer, reached.buffer, harmonic.buffer, ecc.buffer]);
}
