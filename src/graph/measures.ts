// Node centralities with NetworkX/UCINET normalisation (raw on request). Shortest-path
// measures count hops: tie weights (numbers of sources) are strengths, not lengths.
import { toCSR } from './csr.js';
import { degrees, eigenvectorKernel, pagerankKernel } from './kernels.js';
import { bfsSumsParallel, brandesParallel, type ParallelOptions } from './parallel.js';
import type { CSR, Network } from './types.js';
import { mulberry32 } from '../util/random.js';

export const MEASURES = ['degree', 'betweenness', 'closeness', 'harmonic', 'eigenvector', 'pagerank'] as const;
export type Measure = (typeof MEASURES)[number];

export function isMeasure(s: string): s is Measure {
  return (MEASURES as readonly string[]).includes(s);
}

export interface CentralityOptions extends ParallelOptions {
  /** NetworkX/UCINET normalisation (default true). Raw: degree count, pair-count betweenness, 1/farness closeness, sum of 1/d. */
  normalized?: boolean;
  /** Use tie weights: strength for degree, weighted PageRank (default) and eigenvector. */
  weighted?: boolean;
  /** Betweenness from this many random sources (Brandes & Pich 2007) instead of all. */
  samples?: number;
  /** Seed for the source sample (default 1). */
  seed?: number;
  /** Failure probability of the sampled betweenness error bound (default 0.05). */
  delta?: number;
  /** PageRank damping (default 0.85). */
  alpha?: number;
  /** Convergence tolerance for PageRank / eigenvector (NetworkX's L1 < n * tol rule). */
  tol?: number;
}

export interface Scores {
  measure: Measure;
  normalized: boolean;
  /** Node keys, labels and values, aligned by index (graph order). */
  keys: string[];
  labels: string[];
  values: Float64Array;
  /** Sampled betweenness only: with probability 1 - delta every value is within epsilon of the exact one. */
  errorBound?: { epsilon: number; delta: number; samples: number };
}

function scores(csr: CSR, measure: Measure, normalized: boolean, values: Float64Array): Scores {
  return { measure, normalized, keys: csr.keys, labels: csr.labels, values };
}

export function degreeCentrality(g: Network, opts: CentralityOptions = {}): Scores {
  const csr = toCSR(g);
  const normalized = opts.normalized ?? true;
  const d = degrees(csr, opts.weighted ?? false);
  if (normalized) { const s = csr.n > 1 ? 1 / (csr.n - 1) : 0; for (let i = 0; i < d.length; i++) d[i] *= s; }
  return scores(csr, 'degree', normalized, d);
}


/**
 * Betweenness: exact Brandes over all sources, or with `samples` = k < n, the unbiased
 * k-source estimate scaled by n/k (as NetworkX's `k=`), with a Hoeffding bound: each sampled
 * source adds a term in [0, n/(n-1)] on the normalised scale, so with probability 1 - delta
 * every node's estimate is within (n/(n-1)) * sqrt(ln(2n/delta) / 2k) of the exact value
 * (union bound over the n nodes; sampling without replacement only tightens it).
 */
export async function betweennessCentrality(g: Network, opts: CentralityOptions = {}): Promise<Scores> {
  const csr = toCSR(g);
  const n = csr.n;
  const normalized = opts.normalized ?? true;
  let sources: Int32Array;
  const k = opts.samples;
  const sampled = k !== undefined && k < n;
  if (sampled) {
    if (!(k >= 1)) throw new Error(`betweenness samples must be at least 1 (got ${k})`);
    const perm = new Int32Array(n);
    for (let i = 0; i < n; i++) perm[i] = i;
    const r = mulberry32(opts.seed ?? 1);
    for (let i = 0; i < k; i++) { const j = i + Math.floor(r() * (n - i)); const t = perm[i]; perm[i] = perm[j]; perm[j] = t; }
    sources = perm.slice(0, k);
  } else {
    sources = new Int32Array(n);
    for (let i = 0; i < n; i++) sources[i] = i;
  }
  const acc = await brandesParallel(csr, sources, opts);
  let scale = normalized ? (n > 2 ? 1 / ((n - 1) * (n - 2)) : 0) : 0.5;
  if (sampled) scale *= n / k!;
  for (let i = 0; i < n; i++) acc[i] *= scale;
  const out = scores(csr, 'betweenness', normalized, acc);
  if (sampled) {
    const delta = opts.delta ?? 0.05;
    let epsilon = (n / (n - 1)) * Math.sqrt(Math.log((2 * n) / delta) / (2 * k!));
    if (!normalized) epsilon *= ((n - 1) * (n - 2)) / 2;
    out.errorBound = { epsilon, delta, samples: k! };
  }
  return out;
}

/**
 * Closeness and harmonic closeness from one all-sources BFS. Closeness normalised as
 * NetworkX (Wasserman-Faust for disconnected graphs): (r-1)/farness * (r-1)/(n-1), r = nodes
 * reached; on a connected graph that is UCINET's (n-1)/farness. Raw: 1/farness.
 * Harmonic: sum of 1/d, normalised by n-1.
 */
export async function closenessCentralities(g: Network, opts: CentralityOptions = {}): Promise<{ closeness: Scores; harmonic: Scores }> {
  const csr = toCSR(g);
  const n = csr.n;
  const normalized = opts.normalized ?? true;
  const { sumDist, reached, harmonic } = await bfsSumsParallel(csr, opts);
  const c = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const r = reached[v] - 1;
    if (sumDist[v] > 0) c[v] = normalized ? (r / sumDist[v]) * (n > 1 ? r / (n - 1) : 0) : 1 / sumDist[v];
  }
  if (normalized && n > 1) for (let v = 0; v < n; v++) harmonic[v] /= n - 1;
  return { closeness: scores(csr, 'closeness', normalized, c), harmonic: scores(csr, 'harmonic', normalized, harmonic) };
}

export async function closenessCentrality(g: Network, opts: CentralityOptions = {}): Promise<Scores> {
  return (await closenessCentralities(g, opts)).closeness;
}

export async function harmonicCentrality(g: Network, opts: CentralityOptions = {}): Promise<Scores> {
  return (await closenessCentralities(g, opts)).harmonic;
}

/** Eigenvector centrality (NetworkX: power iteration on A + I, unit Euclidean norm). */
export function eigenvectorCentrality(g: Network, opts: CentralityOptions = {}): Scores {
  const csr = toCSR(g);
  return scores(csr, 'eigenvector', true, eigenvectorKernel(csr, opts.tol ?? 1e-12, 10000, opts.weighted ?? false));
}

/** PageRank (NetworkX semantics; weighted by tie strength unless weighted: false). Sums to 1. */
export function pagerank(g: Network, opts: CentralityOptions = {}): Scores {
  const csr = toCSR(g);
  return scores(csr, 'pagerank', true, pagerankKernel(csr, opts.alpha ?? 0.85, opts.tol ?? 1e-10, 1000, opts.weighted ?? true));
}

/** Any measure by name. */
export async function centrality(g: Network, measure: Measure, opts: CentralityOptions = {}): Promise<Scores> {
  switch (measure) {
    case 'degree': return degreeCentrality(g, opts);
    case 'betweenness': return betweennessCentrality(g, opts);
    case 'closeness': return closenessCentrality(g, opts);
    case 'harmonic': return harmonicCentrality(g, opts);
    case 'eigenvector': return eigenvectorCentrality(g, opts);
    case 'pagerank': return pagerank(g, opts);
  }
}

export interface RankedNode { rank: number; id: string; label: string; score: number }

/** Nodes sorted by score, best first (ties share the smallest rank, ordered by label). */
export function ranking(s: Scores, limit = Infinity): RankedNode[] {
  const idx = Array.from(s.values.keys()).sort((a, b) => s.values[b] - s.values[a] || s.labels[a].localeCompare(s.labels[b]));
  const out: RankedNode[] = [];
  for (let i = 0; i < idx.length && i < limit; i++) {
    const v = idx[i];
    const rank = i > 0 && s.values[idx[i - 1]] === s.values[v] ? out[i - 1].rank : i + 1;
    out.push({ rank, id: s.keys[v], label: s.labels[v], score: s.values[v] });
  }
  return out;
}

/** Scores as a plain object keyed by node key. */
export function scoreRecord(s: Scores): Record<string, number> {
  const out: Record<string, number> = {};
  s.keys.forEach((k, i) => { out[k] = s.values[i]; });
  return out;
}

/** All six measures for every node (one BFS pass for closeness and harmonic). */
export async function allCentralities(g: Network, opts: CentralityOptions = {}): Promise<Record<Measure, Scores>> {
  const { closeness, harmonic } = await closenessCentralities(g, opts);
  return {
    degree: degreeCentrality(g, opts), betweenness: await betweennessCentrality(g, opts), closeness, harmonic,
    eigenvector: eigenvectorCentrality(g, opts), pagerank: pagerank(g, opts),
  };
}
