// Shared helpers for the graph tests: seeded random graphs and fixture paths.
import { fileURLToPath } from 'node:url';
import { csrFromEdges } from '../../src/graph/index.js';
import type { CSR } from '../../src/graph/index.js';
import { mulberry32 as rng } from '../../src/util/random.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/networks/', import.meta.url));

export interface RandomGraph { n: number; edges: Array<[number, number, number]>; csr: CSR }

/** G(n, p) plus a few isolates and a pendant chain; integer weights 1..3 when weighted. */
export function randomGraph(n: number, p: number, seed: number, weighted = false): RandomGraph {
  const r = rng(seed);
  const edges: Array<[number, number, number]> = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (r() < p) edges.push([i, j, weighted ? 1 + Math.floor(r() * 3) : 1]);
  return make(n, edges);
}

/** Barabasi-Albert preferential attachment with m ties per new node (connected). */
export function baGraph(n: number, m: number, seed: number): RandomGraph {
  const r = rng(seed);
  const edges: Array<[number, number, number]> = [];
  const pool: number[] = [];
  for (let v = 1; v <= m && v < n; v++) { edges.push([v, 0, 1]); pool.push(v, 0); }
  for (let v = m + 1; v < n; v++) {
    const chosen = new Set<number>();
    while (chosen.size < m) chosen.add(pool[Math.floor(r() * pool.length)]);
    for (const t of chosen) { edges.push([v, t, 1]); pool.push(v, t); }
  }
  return make(n, edges);
}

function make(n: number, edges: Array<[number, number, number]>): RandomGraph {
  const csr = csrFromEdges(n, edges.map((e) => e[0]), edges.map((e) => e[1]), edges.map((e) => e[2]));
  return { n, edges, csr };
}
