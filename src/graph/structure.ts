// Cohesion and structure: components, k-cores, articulation points, bridges, Louvain
// communities with modularity, ego networks, density, diameter, average path length.
import graphology from 'graphology';
import { csrFromEdges, inducedCSR, indexOf, toCSR } from './csr.js';
import { bfsDistances, componentLabels, coreNumbers, cutStructure } from './kernels.js';
import { louvainCSR } from './louvain.js';
import { mulberry32 } from '../util/random.js';
import { bfsSumsParallel, type ParallelOptions } from './parallel.js';
import { bfsSums } from './kernels.js';
import type { CSR, Network, SkeinGraph } from './types.js';
import { isCSR } from './types.js';

const { UndirectedGraph } = graphology;

export interface NodeRef { id: string; label: string }

function ref(csr: CSR, i: number): NodeRef { return { id: csr.keys[i], label: csr.labels[i] }; }

/** Connected components, largest first, each as its nodes. */
export function components(g: Network): NodeRef[][] {
  const csr = toCSR(g);
  const { comp, count } = componentLabels(csr);
  const out: NodeRef[][] = Array.from({ length: count }, () => []);
  for (let v = 0; v < csr.n; v++) out[comp[v]].push(ref(csr, v));
  return out.sort((a, b) => b.length - a.length);
}

/** Core number of every node (largest k such that the node is in the k-core), as NetworkX's core_number. */
export function coreNumber(g: Network): Record<string, number> {
  const csr = toCSR(g);
  const core = coreNumbers(csr);
  const out: Record<string, number> = {};
  for (let v = 0; v < csr.n; v++) out[csr.keys[v]] = core[v];
  return out;
}

/** The nodes of the k-core (maximal subgraph where every node has degree >= k); default k = the largest core. */
export function kCore(g: Network, k?: number): { k: number; nodes: NodeRef[] } {
  const csr = toCSR(g);
  const core = coreNumbers(csr);
  const kk = k ?? core.reduce((a, b) => Math.max(a, b), 0);
  const nodes: NodeRef[] = [];
  for (let v = 0; v < csr.n; v++) if (core[v] >= kk) nodes.push(ref(csr, v));
  return { k: kk, nodes };
}

export function articulationPoints(g: Network): NodeRef[] {
  const csr = toCSR(g);
  const { articulation } = cutStructure(csr);
  const out: NodeRef[] = [];
  for (let v = 0; v < csr.n; v++) if (articulation[v]) out.push(ref(csr, v));
  return out;
}

export function bridges(g: Network): Array<[NodeRef, NodeRef]> {
  const csr = toCSR(g);
  return cutStructure(csr).bridges.map(([a, b]) => [ref(csr, a), ref(csr, b)] as [NodeRef, NodeRef]);
}

/** Graph density 2m / (n(n-1)). */
export function density(g: Network): number {
  const csr = toCSR(g);
  return csr.n > 1 ? (2 * csr.m) / (csr.n * (csr.n - 1)) : 0;
}

/**
 * Modularity of a partition (Newman 2006, resolution gamma; weighted by tie strength unless
 * weighted: false). Computed over CSR so it works on the large file-loaded graphs too.
 */
export function modularity(g: Network, partition: Record<string, number> | Int32Array, opts: { resolution?: number; weighted?: boolean } = {}): number {
  const csr = toCSR(g);
  const gamma = opts.resolution ?? 1;
  const w = opts.weighted === false ? null : csr.weights;
  const comm = partition instanceof Int32Array ? partition : Int32Array.from(csr.keys, (k) => {
    const c = partition[k];
    if (c === undefined) throw new Error(`node "${k}" has no community`);
    return c;
  });
  let maxC = 0;
  for (let v = 0; v < csr.n; v++) if (comm[v] > maxC) maxC = comm[v];
  const inside = new Float64Array(maxC + 1), tot = new Float64Array(maxC + 1);
  let twoM = 0;
  for (let v = 0; v < csr.n; v++) {
    for (let e = csr.offsets[v]; e < csr.offsets[v + 1]; e++) {
      const x = w ? w[e] : 1;
      twoM += x; tot[comm[v]] += x;
      if (comm[csr.targets[e]] === comm[v]) inside[comm[v]] += x;
    }
  }
  if (twoM === 0) return 0;
  let q = 0;
  for (let c = 0; c <= maxC; c++) q += inside[c] / twoM - gamma * (tot[c] / twoM) ** 2;
  return q;
}

/** A graphology graph for a CSR (for library algorithms that need one). */
export function toGraphology(g: Network): SkeinGraph {
  if (!isCSR(g)) return g;
  const out: SkeinGraph = new UndirectedGraph();
  for (let v = 0; v < g.n; v++) out.addNode(g.keys[v], { label: g.labels[v] });
  for (let v = 0; v < g.n; v++) {
    for (let e = g.offsets[v]; e < g.offsets[v + 1]; e++) {
      const u = g.targets[e];
      if (u > v) out.addEdge(g.keys[v], g.keys[u], { weight: g.weights ? g.weights[e] : 1 });
    }
  }
  return out;
}

export interface Communities {
  /** Community index per node key (0 = largest community). */
  membership: Record<string, number>;
  /** Communities, largest first. */
  communities: NodeRef[][];
  modularity: number;
}

/**
 * Louvain communities with modularity (louvain.ts: typed arrays, because
 * graphology-communities-louvain fell short of igraph's modularity). Seeded, so runs repeat;
 * `runs` > 1 keeps the best of several.
 */
export function communities(g: Network, opts: { resolution?: number; weighted?: boolean; seed?: number; runs?: number } = {}): Communities {
  const csr = toCSR(g);
  const res = louvainCSR(csr, { rand: mulberry32(opts.seed ?? 1), runs: opts.runs, resolution: opts.resolution, weighted: opts.weighted });
  const groups: number[][] = Array.from({ length: res.count }, () => []);
  for (let v = 0; v < csr.n; v++) groups[res.membership[v]].push(v);
  groups.sort((a, b) => b.length - a.length || a[0] - b[0]);
  const membership: Record<string, number> = {};
  const list = groups.filter((grp) => grp.length > 0).map((grp, i) => grp.map((v) => { membership[csr.keys[v]] = i; return ref(csr, v); }));
  return { membership, communities: list, modularity: res.modularity };
}

/** The ego network of a node: everyone within `radius` steps, and the ties among them. */
export function egoNetwork(g: Network, node: string, radius = 1): SkeinGraph {
  const csr = toCSR(g);
  const dist = bfsDistances(csr, indexOf(csr, node));
  const keep = new Uint8Array(csr.n);
  for (let v = 0; v < csr.n; v++) if (dist[v] >= 0 && dist[v] <= radius) keep[v] = 1;
  if (!isCSR(g)) {
    const out: SkeinGraph = new UndirectedGraph();
    g.forEachNode((k, a) => { if (keep[indexOf(csr, k)]) out.addNode(k, { ...a }); });
    g.forEachEdge((e, a, s, t) => { if (out.hasNode(s) && out.hasNode(t)) out.addEdgeWithKey(e, s, t, { ...a }); });
    return out;
  }
  return toGraphology(inducedCSR(csr, keep));
}

export interface NetworkStats {
  nodes: number;
  edges: number;
  density: number;
  components: number;
  largestComponent: number;
  isolates: number;
  meanDegree: number;
  /** Longest shortest path (within components). */
  diameter: number;
  /** Mean shortest-path length over connected pairs (NetworkX's on a connected graph). */
  averagePathLength: number;
  /** Diameter and path length come from a sample of BFS sources (large graphs). */
  pathSample: number | null;
}

/** Summary statistics; path figures are exact up to `exactLimit` edge visits (n x m), sampled beyond. */
export async function networkStats(g: Network, opts: ParallelOptions & { exactLimit?: number; samples?: number; seed?: number } = {}): Promise<NetworkStats> {
  const csr = toCSR(g);
  const { n, m } = csr;
  const { count, sizes } = componentLabels(csr);
  let isolates = 0;
  for (let v = 0; v < n; v++) if (csr.offsets[v + 1] === csr.offsets[v]) isolates++;
  let sumDist: Float64Array, reached: Float64Array, ecc: Float64Array, sources: ArrayLike<number>;
  let pathSample: number | null = null;
  if (n * (n + m) <= (opts.exactLimit ?? 2e10)) {
    ({ sumDist, reached, ecc } = await bfsSumsParallel(csr, opts));
    sources = Int32Array.from({ length: n }, (_, i) => i);
  } else {
    const k = Math.min(n, opts.samples ?? 200);
    const r = mulberry32(opts.seed ?? 1);
    const set = new Set<number>();
    while (set.size < k) set.add(Math.floor(r() * n));
    sources = Int32Array.from(set);
    sumDist = new Float64Array(n); reached = new Float64Array(n); ecc = new Float64Array(n);
    bfsSums(csr.offsets, csr.targets, n, sources, sumDist, reached, new Float64Array(n), ecc);
    pathSample = k;
  }
  let total = 0, pairs = 0, diameter = 0;
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i];
    total += sumDist[s]; pairs += reached[s] - 1;
    if (ecc[s] > diameter) diameter = ecc[s];
  }
  return {
    nodes: n, edges: m, density: density(csr), components: count,
    largestComponent: sizes.reduce((a, b) => Math.max(a, b), 0), isolates,
    meanDegree: n ? (2 * m) / n : 0, diameter, averagePathLength: pairs ? total / pairs : 0, pathSample,
  };
}

export { csrFromEdges };
