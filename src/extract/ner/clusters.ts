// Distributional word clusters computed offline from unlabeled text (training time only):
// left/right neighbour counts -> PPMI -> random projection -> spherical k-means at three
// granularities (the finest clustered directly, coarser ones by clustering its centroids).
// Only the word hashes and cluster ids are shipped.
import { wordKey } from './features.js';
import { mulberry32 as rng } from '../../util/random.js';


function normWord(w: string): string {
  const l = w.toLowerCase();
  return /[0-9]/.test(l) ? l.replace(/[0-9]/g, '0') : l;
}

/** Spherical k-means of rows of X (n x D, unit rows), weights wt; returns assignment and centroids. */
function kmeans(
  X: Float32Array,
  n: number,
  D: number,
  K: number,
  iters: number,
  seed: number,
  log: (m: string) => void,
): { assign: Int32Array; cent: Float32Array } {
  const r = rng(seed);
  const cent = new Float32Array(K * D);
  // initialise with distinct rows, preferring the first (most frequent) rows
  const used = new Set<number>();
  for (let k = 0; k < K; k++) {
    let i = Math.floor(Math.pow(r(), 1.5) * n);
    while (used.has(i)) i = (i + 1) % n;
    used.add(i);
    cent.set(X.subarray(i * D, i * D + D), k * D);
  }
  const assign = new Int32Array(n);
  for (let it = 0; it < iters; it++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const xo = i * D;
      let best = -Infinity;
      let arg = 0;
      for (let k = 0; k < K; k++) {
        const co = k * D;
        let s = 0;
        for (let d = 0; d < D; d++) s += X[xo + d]! * cent[co + d]!;
        if (s > best) {
          best = s;
          arg = k;
        }
      }
      if (assign[i] !== arg || it === 0) changed++;
      assign[i] = arg;
    }
    cent.fill(0);
    const cnt = new Int32Array(K);
    for (let i = 0; i < n; i++) {
      const k = assign[i]!;
      cnt[k]!++;
      const xo = i * D;
      const co = k * D;
      for (let d = 0; d < D; d++) cent[co + d]! += X[xo + d]!;
    }
    for (let k = 0; k < K; k++) {
      const co = k * D;
      if (cnt[k] === 0) {
        const i = Math.floor(r() * n);
        cent.set(X.subarray(i * D, i * D + D), co);
        continue;
      }
      let nn = 0;
      for (let d = 0; d < D; d++) nn += cent[co + d]! * cent[co + d]!;
      nn = Math.sqrt(nn) || 1;
      for (let d = 0; d < D; d++) cent[co + d]! /= nn;
    }
    log(`k-means K=${K} iteration ${it + 1}/${iters}: ${changed} changed`);
    if (changed < n * 0.002) break;
  }
  return { assign, cent };
}

export function buildClusters(
  text: string[][],
  log: (m: string) => void,
  opts: { minCount?: number; maxWords?: number; contexts?: number; dims?: number; ks?: number[] } = {},
): { clusters: Map<number, number[]>; levels: number } {
  const minCount = opts.minCount ?? 3;
  const maxWords = opts.maxWords ?? 30000;
  const C = opts.contexts ?? 2000;
  const D = opts.dims ?? 96;
  const ks = opts.ks ?? [48, 200, 800];

  const freq = new Map<string, number>();
  const sents = text.map((s) => s.map(normWord));
  for (const s of sents) for (const w of s) freq.set(w, (freq.get(w) ?? 0) + 1);
  const byFreq = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocab = byFreq.filter(([, c]) => c >= minCount).slice(0, maxWords);
  const vid = new Map<string, number>();
  vocab.forEach(([w], i) => vid.set(w, i));
  const cid = new Map<string, number>();
  byFreq.slice(0, C).forEach(([w], i) => cid.set(w, i));
  const V = vocab.length;
  const NC = 4 * C; // L1, R1, L2, R2
  const BOS = '<s>';
  const co = new Map<number, number>();
  const ctxTot = new Float64Array(NC);
  const wTot = new Float64Array(V);
  let N = 0;
  for (const s of sents) {
    for (let i = 0; i < s.length; i++) {
      const v = vid.get(s[i]!);
      if (v === undefined) continue;
      const ctx = [
        i > 0 ? cid.get(s[i - 1]!) : cid.get(BOS),
        i + 1 < s.length ? cid.get(s[i + 1]!) : undefined,
        i > 1 ? cid.get(s[i - 2]!) : undefined,
        i + 2 < s.length ? cid.get(s[i + 2]!) : undefined,
      ];
      for (let p = 0; p < 4; p++) {
        const c = ctx[p];
        if (c === undefined) continue;
        const cc = p * C + c;
        const wgt = p < 2 ? 1 : 0.5;
        const key = v * NC + cc;
        co.set(key, (co.get(key) ?? 0) + wgt);
        ctxTot[cc]! += wgt;
        wTot[v]! += wgt;
        N += wgt;
      }
    }
  }
  log(`clusters: ${V} words, ${co.size} co-occurrences`);
  // random projection of PPMI rows
  const r = rng(7);
  const R = new Float32Array(NC * D);
  for (let i = 0; i < R.length; i++) {
    // approx gaussian
    R[i] = r() + r() + r() - 1.5;
  }
  const X = new Float32Array(V * D);
  for (const [key, c] of co) {
    const v = Math.floor(key / NC);
    const cc = key - v * NC;
    const pmi = Math.log((c * N) / (wTot[v]! * Math.pow(ctxTot[cc]!, 0.75) * Math.pow(N, 0.25)));
    if (pmi <= 0) continue;
    const xo = v * D;
    const ro = cc * D;
    for (let d = 0; d < D; d++) X[xo + d]! += pmi * R[ro + d]!;
  }
  for (let v = 0; v < V; v++) {
    const xo = v * D;
    let nn = 0;
    for (let d = 0; d < D; d++) nn += X[xo + d]! * X[xo + d]!;
    nn = Math.sqrt(nn) || 1;
    for (let d = 0; d < D; d++) X[xo + d]! /= nn;
  }
  const fine = ks[ks.length - 1]!;
  const km = kmeans(X, V, D, fine, 12, 11, log);
  const levelsOf: Int32Array[] = [km.assign];
  // coarser levels: cluster the fine centroids
  for (let li = ks.length - 2; li >= 0; li--) {
    const sub = kmeans(km.cent, fine, D, ks[li]!, 20, 13 + li, () => {});
    levelsOf.unshift(Int32Array.from(km.assign, (a) => sub.assign[a]!));
  }
  const clusters = new Map<number, number[]>();
  for (let v = 0; v < V; v++) clusters.set(wordKey(vocab[v]![0]), levelsOf.map((a) => a[v]!));
  log(`clusters: ${ks.join('/')} clusters over ${V} words`);
  return { clusters, levels: ks.length };
}
