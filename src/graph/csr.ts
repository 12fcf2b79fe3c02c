// Building the compact CSR view. From a graphology graph it is cached per graph and dropped
// when the graph changes; large edge-list files are read straight into it (io/edgelist.ts),
// because a graphology graph of 1M nodes / 5M edges needs ~2.3 GB, over the 1.5 GB bar.
import type { CSR, Network, SkeinGraph } from './types.js';
import { isCSR } from './types.js';

function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Math.max(1, length) * 4)).subarray(0, length);
}
function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(Math.max(1, length) * 8)).subarray(0, length);
}

/**
 * CSR from undirected edge arrays over nodes 0..n-1. Self-loops are dropped and parallel
 * edges merged, weights summed (as the file readers do). Neighbour lists come out sorted by index.
 */
export function csrFromEdges(
  n: number, src: Int32Array | number[], dst: Int32Array | number[],
  weight: Float64Array | number[] | null, keys?: string[], labels?: string[],
): CSR {
  const E = src.length;
  if (weight) {
    let allOne = true;
    for (let i = 0; i < E; i++) if (weight[i] !== 1) { allOne = false; break; }
    if (allOne) weight = null;
  }
  const deg = new Int32Array(n + 1);
  for (let i = 0; i < E; i++) {
    const a = src[i], b = dst[i];
    if (a === b) continue;
    deg[a]++; deg[b]++;
  }
  // counting sort into a temporary CSR with duplicates
  const off = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) off[i + 1] = off[i] + deg[i];
  const pos = off.slice(0, n);
  const tmpT = new Int32Array(off[n]);
  const tmpW = weight ? new Float64Array(off[n]) : null;
  for (let i = 0; i < E; i++) {
    const a = src[i], b = dst[i];
    if (a === b) continue;
    const pa = pos[a]++, pb = pos[b]++;
    tmpT[pa] = b; tmpT[pb] = a;
    if (tmpW) { tmpW[pa] = weight![i]; tmpW[pb] = weight![i]; }
  }
  // sort each row and merge duplicates
  const offsets = sharedInt32(n + 1);
  let total = 0;
  const mark = new Int32Array(n).fill(-1);
  const slot = new Int32Array(n);
  const outT = new Int32Array(off[n]);
  // repeated ties add their weights (a repeat of an unweighted tie makes it weigh 2)
  let outW = tmpW ? new Float64Array(off[n]) : null;
  for (let v = 0; v < n; v++) {
    const start = total;
    for (let e = off[v]; e < off[v + 1]; e++) {
      const w = tmpT[e];
      if (mark[w] === v) {
        if (!outW) outW = new Float64Array(off[n]).fill(1);
        outW[slot[w]] += tmpW ? tmpW[e] : 1;
        continue;
      }
      mark[w] = v; slot[w] = total;
      outT[total] = w; if (outW) outW[total] = tmpW ? tmpW[e] : 1;
      total++;
    }
    sortRow(outT, outW, start, total);
    offsets[v + 1] = total;
  }
  const targets = sharedInt32(total);
  targets.set(outT.subarray(0, total));
  let weights: Float64Array | null = null;
  if (outW) {
    let allOne = true;
    for (let i = 0; i < total; i++) if (outW[i] !== 1) { allOne = false; break; }
    if (!allOne) { weights = sharedFloat64(total); weights.set(outW.subarray(0, total)); }
  }
  const k = keys ?? Array.from({ length: n }, (_, i) => String(i));
  return { n, m: total / 2, offsets, targets, weights, keys: k, labels: labels ?? k };
}

function sortRow(t: Int32Array, w: Float64Array | null, lo: number, hi: number): void {
  if (hi - lo < 2) return;
  if (!w) { t.subarray(lo, hi).sort(); return; }
  if (hi - lo <= 32) {
    for (let i = lo + 1; i < hi; i++) {
      const x = t[i], y = w[i];
      let j = i - 1;
      while (j >= lo && t[j] > x) { t[j + 1] = t[j]; w[j + 1] = w[j]; j--; }
      t[j + 1] = x; w[j + 1] = y;
    }
    return;
  }
  const idx = Array.from({ length: hi - lo }, (_, i) => i + lo).sort((a, b) => t[a] - t[b]);
  const tt = idx.map((i) => t[i]), ww = idx.map((i) => w[i]);
  for (let i = 0; i < tt.length; i++) { t[lo + i] = tt[i]; w[lo + i] = ww[i]; }
}

const cache = new WeakMap<SkeinGraph, CSR>();
const watched = new WeakSet<SkeinGraph>();

/** The CSR view of a graph (cached until the graph changes). Node order is graphology's. */
export function toCSR(g: Network): CSR {
  if (isCSR(g)) return g;
  const hit = cache.get(g);
  if (hit) return hit;
  if (!watched.has(g)) {
    watched.add(g);
    const drop = () => cache.delete(g);
    for (const ev of ['nodeAdded', 'edgeAdded', 'nodeDropped', 'edgeDropped', 'cleared', 'edgesCleared',
      'edgeAttributesUpdated', 'nodeAttributesUpdated', 'eachEdgeAttributesUpdated', 'eachNodeAttributesUpdated'] as const) {
      g.on(ev, drop);
    }
  }
  const keys = g.nodes();
  const index = new Map<string, number>();
  keys.forEach((k, i) => index.set(k, i));
  const labels = keys.map((k) => g.getNodeAttribute(k, 'label') ?? k);
  const src: number[] = [], dst: number[] = [], w: number[] = [];
  g.forEachEdge((_e, attr, s, t) => {
    src.push(index.get(s)!); dst.push(index.get(t)!); w.push(typeof attr.weight === 'number' ? attr.weight : 1);
  });
  const csr = csrFromEdges(keys.length, src, dst, w, keys, labels);
  cache.set(g, csr);
  return csr;
}

export function indexOf(csr: CSR, key: string): number {
  let map = keyIndex.get(csr);
  if (!map) { map = new Map(csr.keys.map((k, i) => [k, i])); keyIndex.set(csr, map); }
  const i = map.get(key);
  if (i === undefined) throw new Error(`no node "${key}" in the network`);
  return i;
}
const keyIndex = new WeakMap<CSR, Map<string, number>>();

/** The subgraph induced by the nodes whose mask is 1 (indices renumbered, keys kept). */
export function inducedCSR(csr: CSR, keep: Uint8Array): CSR {
  const map = new Int32Array(csr.n).fill(-1);
  const keys: string[] = [], labels: string[] = [];
  for (let v = 0; v < csr.n; v++) if (keep[v]) { map[v] = keys.length; keys.push(csr.keys[v]); labels.push(csr.labels[v]); }
  const src: number[] = [], dst: number[] = [], w: number[] = [];
  for (let v = 0; v < csr.n; v++) {
    if (!keep[v]) continue;
    for (let e = csr.offsets[v]; e < csr.offsets[v + 1]; e++) {
      const u = csr.targets[e];
      if (u > v && keep[u]) { src.push(map[v]); dst.push(map[u]); w.push(csr.weights ? csr.weights[e] : 1); }
    }
  }
  return csrFromEdges(keys.length, src, dst, csr.weights ? w : null, keys, labels);
}

/**
 * The node key for what a user typed: an exact key, else an exact label (case and accents
 * ignored), else the one label containing it. Errors name the candidates when it is ambiguous.
 */
export function resolveNode(g: Network, query: string): string {
  const csr = toCSR(g);
  const map = keyIndex.get(csr) ?? new Map(csr.keys.map((k, i) => [k, i]));
  keyIndex.set(csr, map);
  if (map.has(query)) return query;
  const norm = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
  const q = norm(query);
  const exact = csr.labels.flatMap((l, i) => (norm(l) === q ? [i] : []));
  if (exact.length === 1) return csr.keys[exact[0]];
  const found = exact.length ? exact : csr.labels.flatMap((l, i) => (norm(l).includes(q) ? [i] : []));
  if (found.length === 1) return csr.keys[found[0]];
  if (!found.length) throw new Error(`no node "${query}" in the network`);
  const list = found.slice(0, 8).map((i) => `${csr.labels[i]} (${csr.keys[i]})`).join(', ');
  throw new Error(`"${query}" matches ${found.length} nodes: ${list}${found.length > 8 ? ', ...' : ''}`);
}
