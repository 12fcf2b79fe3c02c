// Key players (Borgatti 2006, "Identifying sets of key players in a social network"):
// KPP-Neg, the k nodes whose removal most fragments the network, and KPP-Pos, the k nodes that
// reach most others within m steps. Both by greedy selection then pairwise swaps (Borgatti's
// optimisation) until no swap improves the score.
import { inducedCSR, toCSR } from './csr.js';
import { bfsSums, componentLabels } from './kernels.js';
import type { CSR, Network } from './types.js';
import type { NodeRef } from './structure.js';

export interface KeyPlayerResult {
  kind: 'fragmentation' | 'distance-fragmentation' | 'reach';
  players: NodeRef[];
  /** Fragmentation after removal (0..1), or share of the other nodes reached (0..1). */
  score: number;
  /** Score of the network before anything is removed (fragmentation) / 0 (reach). */
  baseline: number;
  /** m for reach. */
  steps?: number;
  /** Candidates considered (all nodes unless the graph is large). */
  candidates: number;
}

/**
 * Borgatti's fragmentation F = 1 - sum_k s_k(s_k - 1) / (n(n - 1)) over the components of the
 * graph left after removing `removed` (n = nodes left). 0: all connected; 1: all isolates.
 */
export function fragmentation(csr: CSR, removed?: Uint8Array): number {
  const { sizes } = componentLabels(csr, removed);
  let n = 0, sum = 0;
  for (const s of sizes) { n += s; sum += s * (s - 1); }
  return n > 1 ? 1 - sum / (n * (n - 1)) : 1;
}

/**
 * Borgatti's distance-weighted fragmentation DF = 1 - sum over ordered pairs i != j of 1/d(i,j)
 * divided by n(n - 1), on the graph left after removing `removed` (1/d = 0 when unreachable).
 * Unlike F it also rewards removals that only lengthen paths.
 */
export function distanceFragmentation(csr: CSR, removed?: Uint8Array): number {
  let g = csr;
  if (removed) {
    const keep = new Uint8Array(csr.n);
    for (let v = 0; v < csr.n; v++) keep[v] = removed[v] ? 0 : 1;
    g = inducedCSR(csr, keep);
  }
  const n = g.n;
  if (n < 2) return 1;
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const harmonic = new Float64Array(n);
  bfsSums(g.offsets, g.targets, n, all, new Float64Array(n), new Float64Array(n), harmonic, new Float64Array(n));
  let sum = 0;
  for (let v = 0; v < n; v++) sum += harmonic[v];
  return 1 - sum / (n * (n - 1));
}

/** Share of the nodes outside the set that are within `steps` of it. */
export function reach(csr: CSR, set: Uint8Array, steps: number): number {
  const { n, offsets, targets } = csr;
  const dist = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let qt = 0, k = 0;
  for (let v = 0; v < n; v++) if (set[v]) { dist[v] = 0; queue[qt++] = v; k++; }
  let qh = 0, count = 0;
  while (qh < qt) {
    const v = queue[qh++];
    if (dist[v] >= steps) continue;
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const w = targets[e];
      if (dist[w] < 0) { dist[w] = dist[v] + 1; queue[qt++] = w; count++; }
    }
  }
  return n - k > 0 ? count / (n - k) : 0;
}

function optimise(csr: CSR, k: number, score: (set: Uint8Array) => number, maxCandidates: number): { set: number[]; score: number; candidates: number } {
  const n = csr.n;
  if (!(k >= 1) || k > n) throw new Error(`key player set size must be 1..${n} (got ${k})`);
  // candidates: every node, or the best-connected on large graphs (each score is O(n + m))
  let cand = Array.from({ length: n }, (_, i) => i);
  if (n > maxCandidates) {
    cand.sort((a, b) => (csr.offsets[b + 1] - csr.offsets[b]) - (csr.offsets[a + 1] - csr.offsets[a]) || a - b);
    cand = cand.slice(0, maxCandidates);
  }
  const inSet = new Uint8Array(n);
  const set: number[] = [];
  let best = -Infinity;
  for (let i = 0; i < k; i++) {
    let pick = -1, pickScore = -Infinity;
    for (const v of cand) {
      if (inSet[v]) continue;
      inSet[v] = 1;
      const s = score(inSet);
      inSet[v] = 0;
      if (s > pickScore + 1e-12) { pick = v; pickScore = s; }
    }
    inSet[pick] = 1; set.push(pick); best = pickScore;
  }
  for (let improved = true, pass = 0; improved && pass < 50; pass++) {
    improved = false;
    for (let i = 0; i < set.length; i++) {
      for (const v of cand) {
        if (inSet[v]) continue;
        const u = set[i];
        inSet[u] = 0; inSet[v] = 1;
        const s = score(inSet);
        if (s > best + 1e-12) { best = s; set[i] = v; improved = true; }
        else { inSet[v] = 0; inSet[u] = 1; }
      }
    }
  }
  return { set, score: best, candidates: cand.length };
}

export interface KeyPlayerOptions {
  /** KPP-Neg measure: 'F' (component-based, default) or 'DF' (distance-weighted; O(n m) per try). */
  measure?: 'F' | 'DF';
  /**
   * Largest candidate pool (highest degree first). Default: every node while n x (n + m) stays
   * under 5e7 edge visits per greedy step, else the best-connected that fit (at least 50).
   */
  maxCandidates?: number;
}

function defaultCandidates(csr: CSR): number {
  return Math.max(50, Math.floor(5e7 / (csr.n + csr.m + 1)));
}

/** KPP-Neg: the k nodes whose removal leaves the network most fragmented (F, or DF on request). */
export function keyPlayersFragment(g: Network, k: number, opts: KeyPlayerOptions = {}): KeyPlayerResult {
  const csr = toCSR(g);
  const df = opts.measure === 'DF';
  const score = df ? (set: Uint8Array) => distanceFragmentation(csr, set) : (set: Uint8Array) => fragmentation(csr, set);
  const pool = opts.maxCandidates ?? (df ? Math.max(20, Math.floor(defaultCandidates(csr) / Math.max(1, csr.n / 20))) : defaultCandidates(csr));
  const r = optimise(csr, k, score, pool);
  return {
    kind: df ? 'distance-fragmentation' : 'fragmentation', players: r.set.map((i) => ({ id: csr.keys[i], label: csr.labels[i] })),
    score: r.score, baseline: df ? distanceFragmentation(csr) : fragmentation(csr), candidates: r.candidates,
  };
}

/** KPP-Pos: the k nodes that together reach the most other nodes within `steps` (1 or 2). */
export function keyPlayersReach(g: Network, k: number, steps = 2, opts: KeyPlayerOptions = {}): KeyPlayerResult {
  const csr = toCSR(g);
  if (!(steps >= 1)) throw new Error(`reach steps must be at least 1 (got ${steps})`);
  const r = optimise(csr, k, (set) => reach(csr, set, steps), opts.maxCandidates ?? defaultCandidates(csr));
  return {
    kind: 'reach', players: r.set.map((i) => ({ id: csr.keys[i], label: csr.labels[i] })),
    score: r.score, baseline: 0, steps, candidates: r.candidates,
  };
}
