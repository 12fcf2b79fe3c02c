// Correctness bar 3: on random graphs every measure agrees with NetworkX (Debian's
// python3-networkx) to 1e-9, PageRank to 1e-6. Skips when Python's networkx is missing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import {
  allShortestPaths, articulationPoints, betweennessCentrality, bridges, closenessCentrality, communities, components,
  coreNumber, degreeCentrality, density, egoNetwork, eigenvectorCentrality, harmonicCentrality, modularity,
  networkStats, nodeIndependentPaths, pagerank,
} from '../../src/graph/index.js';
import { baGraph, randomGraph, type RandomGraph } from './helpers.js';

const PYTHON = '/usr/bin/python3';
const REFERENCE = fileURLToPath(new URL('./nx_reference.py', import.meta.url));
const probe = spawnSync(PYTHON, ['-c', 'import networkx'], { encoding: 'utf8' });
const skip = probe.status === 0 ? false : 'python3-networkx is not installed (apt-get install python3-networkx)';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function reference(g: RandomGraph, pairs: Array<[number, number]>, partition: number[]): any {
  const r = spawnSync(PYTHON, [REFERENCE], { input: JSON.stringify({ n: g.n, edges: g.edges, pairs, partition }), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`networkx reference failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function close(got: ArrayLike<number>, want: number[], tol: number, what: string): void {
  assert.equal(got.length, want.length, `${what}: length`);
  for (let i = 0; i < want.length; i++) {
    assert.ok(Math.abs(got[i] - want[i]) <= tol, `${what}[${i}]: ${got[i]} vs networkx ${want[i]}`);
  }
}

const GRAPHS: Array<[string, () => RandomGraph]> = [
  ['G(70, 0.05), disconnected', () => randomGraph(70, 0.05, 11)],
  ['G(90, 0.06), weighted', () => randomGraph(90, 0.06, 12, true)],
  ['G(120, 0.04)', () => randomGraph(120, 0.04, 13)],
  ['Barabasi-Albert (200, 2)', () => baGraph(200, 2, 14)],
  ['G(40, 0.3), dense', () => randomGraph(40, 0.3, 15, true)],
  ['Barabasi-Albert (800, 3), pull levels in the forward BFS', () => baGraph(800, 3, 16)],
];

for (const [name, make] of GRAPHS) {
  test(`agrees with networkx on ${name}`, { skip }, async () => {
    const g = make();
    const csr = g.csr;
    const pairs: Array<[number, number]> = [[0, g.n - 1], [1, Math.floor(g.n / 2)], [2, 3], [5, g.n - 7]];
    const comm = communities(csr, { seed: 3 });
    const partition = csr.keys.map((k) => comm.membership[k]);
    const nx = reference(g, pairs, partition);
    const tol = 1e-9;
    close(degreeCentrality(csr).values, nx.degree, tol, 'degree');
    close(degreeCentrality(csr, { weighted: true, normalized: false }).values, nx.strength, tol, 'strength');
    close((await betweennessCentrality(csr)).values, nx.betweenness, tol, 'betweenness');
    close((await betweennessCentrality(csr, { normalized: false })).values, nx.betweenness_raw, tol, 'raw betweenness');
    close((await closenessCentrality(csr)).values, nx.closeness, tol, 'closeness');
    close((await harmonicCentrality(csr, { normalized: false })).values, nx.harmonic, tol, 'harmonic');
    close(eigenvectorCentrality(csr, { tol: 1e-15 }).values, nx.eigenvector, tol, 'eigenvector');
    close(pagerank(csr).values, nx.pagerank, 1e-6, 'pagerank');
    close(pagerank(csr, { weighted: false }).values, nx.pagerank_unweighted, 1e-6, 'unweighted pagerank');
    const core = coreNumber(csr);
    close(csr.keys.map((k) => core[k]), nx.core, 0, 'core number');
    assert.deepEqual(articulationPoints(csr).map((r) => Number(r.id)).sort((a, b) => a - b), nx.articulation, 'articulation points');
    assert.deepEqual(bridges(csr).map(([a, b]) => [Number(a.id), Number(b.id)].sort((x, y) => x - y))
      .sort((p, q) => p[0] - q[0] || p[1] - q[1]), nx.bridges, 'bridges');
    assert.deepEqual(components(csr).map((c) => c.length).sort((a, b) => a - b), nx.components, 'components');
    assert.ok(Math.abs(density(csr) - nx.density) <= tol, 'density');
    assert.ok(Math.abs(modularity(csr, comm.membership) - nx.modularity) <= tol, `modularity ${modularity(csr, comm.membership)} vs ${nx.modularity}`);
    assert.ok(Math.abs(comm.modularity - nx.modularity) <= 1e-9, `louvain's own modularity ${comm.modularity} vs ${nx.modularity}`);
    assert.ok(comm.modularity >= nx.louvain - 0.01, `Louvain Q ${comm.modularity} vs networkx's Louvain ${nx.louvain}`);
    if (nx.diameter !== undefined) {
      const st = await networkStats(csr);
      assert.equal(st.diameter, nx.diameter, 'diameter');
      assert.ok(Math.abs(st.averagePathLength - nx.average_path_length) <= tol, 'average path length');
    }
    pairs.forEach(([s, t], i) => {
      const want = nx.paths[i];
      const got = allShortestPaths(csr, String(s), String(t), 10000);
      assert.deepEqual(got.paths.map((p) => p.map(Number)).sort(cmpPath), want.paths, `shortest paths ${s}-${t}`);
      assert.equal(nodeIndependentPaths(csr, String(s), String(t)), want.independent, `independent paths ${s}-${t}`);
      assert.deepEqual(egoNetwork(csr, String(s), 2).nodes().map(Number).sort((a, b) => a - b), want.ego2, `ego network of ${s}`);
    });
  });
}

function cmpPath(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
