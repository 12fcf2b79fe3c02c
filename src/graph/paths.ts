// Paths between two entities: all shortest paths (up to a limit), each hop with the statements
// behind its tie, and the number of node-independent paths (Menger: unit-capacity max flow).
import { indexOf, toCSR } from './csr.js';
import { bfsDistances } from './kernels.js';
import type { Network } from './types.js';
import { isCSR } from './types.js';

export interface PathHop {
  from: string;
  to: string;
  fromLabel: string;
  toLabel: string;
  weight: number;
  /** Statements behind the tie (store projections), for showing the evidence. */
  statementIds: number[];
  relationTypes: string[];
}

export interface ShortestPaths {
  source: string;
  target: string;
  /** Hops on each shortest path; null when the two are not connected. */
  length: number | null;
  /** Each path as its node keys, source first. */
  paths: string[][];
  /** The same paths as hops with evidence. */
  hops: PathHop[][];
  /** More shortest paths exist than `limit`. */
  truncated: boolean;
}

/** All shortest paths from source to target, up to `limit` (default 20), in a stable order. */
export function allShortestPaths(g: Network, source: string, target: string, limit = 20): ShortestPaths {
  const csr = toCSR(g);
  const s = indexOf(csr, source), t = indexOf(csr, target);
  const dist = bfsDistances(csr, s);
  const result: ShortestPaths = { source, target, length: dist[t] >= 0 ? dist[t] : null, paths: [], hops: [], truncated: false };
  if (dist[t] < 0) return result;
  // walk back from t along neighbours one step closer to s
  const stack: number[] = [t];
  const walk = (v: number): boolean => {
    if (v === s) {
      if (result.paths.length >= limit) { result.truncated = true; return false; }
      result.paths.push(stack.slice().reverse().map((i) => csr.keys[i]));
      return true;
    }
    for (let e = csr.offsets[v]; e < csr.offsets[v + 1]; e++) {
      const u = csr.targets[e];
      if (dist[u] === dist[v] - 1) {
        stack.push(u);
        const go = walk(u);
        stack.pop();
        if (!go) return false;
      }
    }
    return true;
  };
  walk(t);
  result.hops = result.paths.map((p) => p.slice(1).map((to, i) => hop(g, p[i], to)));
  return result;
}

function hop(g: Network, from: string, to: string): PathHop {
  if (isCSR(g)) {
    const a = indexOf(g, from), b = indexOf(g, to);
    let weight = 1;
    for (let e = g.offsets[a]; e < g.offsets[a + 1]; e++) if (g.targets[e] === b && g.weights) weight = g.weights[e];
    return { from, to, fromLabel: g.labels[a], toLabel: g.labels[b], weight, statementIds: [], relationTypes: [] };
  }
  const attr = g.getEdgeAttributes(g.edge(from, to)!);
  return {
    from, to, fromLabel: g.getNodeAttribute(from, 'label') ?? from, toLabel: g.getNodeAttribute(to, 'label') ?? to,
    weight: attr.weight ?? 1, statementIds: attr.statementIds ?? [], relationTypes: attr.relationTypes ?? [],
  };
}

/**
 * Number of node-independent paths between two nodes (local node connectivity, as NetworkX's
 * node_connectivity(G, s, t): a direct tie counts as one path). Nodes are split in/out with
 * capacity 1 and augmenting paths found by BFS.
 */
export function nodeIndependentPaths(g: Network, source: string, target: string): number {
  const csr = toCSR(g);
  const s = indexOf(csr, source), t = indexOf(csr, target);
  if (s === t) throw new Error('source and target are the same node');
  const n = csr.n;
  // arcs: for each node v: in(2v) -> out(2v+1) cap 1; for each directed edge u->v: out(u) -> in(v) cap 1
  const arcCount = 2 * (n + csr.targets.length);
  const head = new Int32Array(arcCount), cap = new Int8Array(arcCount), nextArc = new Int32Array(arcCount);
  const first = new Int32Array(2 * n).fill(-1);
  let a = 0;
  const add = (x: number, y: number) => {
    head[a] = y; cap[a] = 1; nextArc[a] = first[x]; first[x] = a++;
    head[a] = x; cap[a] = 0; nextArc[a] = first[y]; first[y] = a++;
  };
  for (let v = 0; v < n; v++) add(2 * v, 2 * v + 1);
  for (let v = 0; v < n; v++) for (let e = csr.offsets[v]; e < csr.offsets[v + 1]; e++) add(2 * v + 1, 2 * csr.targets[e]);
  const from = 2 * s + 1, to = 2 * t;
  const prevArc = new Int32Array(2 * n);
  const queue = new Int32Array(2 * n);
  let flow = 0;
  for (;;) {
    prevArc.fill(-1);
    let qh = 0, qt = 0;
    queue[qt++] = from; prevArc[from] = -2;
    while (qh < qt && prevArc[to] === -1) {
      const x = queue[qh++];
      for (let e = first[x]; e >= 0; e = nextArc[e]) {
        const y = head[e];
        if (cap[e] > 0 && prevArc[y] === -1) { prevArc[y] = e; queue[qt++] = y; }
      }
    }
    if (prevArc[to] === -1) return flow;
    for (let y = to; y !== from;) { const e = prevArc[y]; cap[e]--; cap[e ^ 1]++; y = head[e ^ 1]; }
    flow++;
  }
}
