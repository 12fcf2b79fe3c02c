// Projection from stored claims, paths with evidence, key players, robustness to weak ties,
// sampled betweenness and its error bound, and the worker-thread kernels.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import type { RelationClaim } from '../../src/store/types.js';
import {
  allShortestPaths, betweennessCentrality, closenessCentralities, distanceFragmentation, entityReport, fragmentation, kendallTauB,
  keyPlayersFragment, keyPlayersReach, loadNetworkFile, networkStats, projectClaims, projectRepository, rankRobustness, ranking, spearman,
  toCSR, withoutWeakTies,
} from '../../src/graph/index.js';
import { baGraph, FIXTURES, randomGraph } from './helpers.js';
import { communities, csrFromEdges, egoNetwork, modularity } from '../../src/graph/index.js';

const entities = [
  { id: 1, type: 'Person', name: 'Ana' }, { id: 2, type: 'Person', name: 'Ben' }, { id: 3, type: 'Person', name: 'Cem' },
  { id: 4, type: 'Organization', name: 'Front' }, { id: 5, type: 'Location', name: 'Port City' }, { id: 6, type: 'Person', name: 'Dee' },
];
let sid = 100;
function claim(sourceId: number, targetId: number, type: RelationClaim['type'], documentId: number, modality: RelationClaim['modality'] = 'asserted', documentDate: string | null = '2020-01-01'): RelationClaim {
  return { statementId: sid++, type, sourceId, targetId, modality, documentId, documentDate, confidence: 0.9, status: 'proposed' };
}
const claims: RelationClaim[] = [
  claim(1, 4, 'member_of', 10), claim(1, 4, 'member_of', 11), claim(1, 4, 'leader_of', 11), // Ana-Front: 2 sources
  claim(2, 4, 'member_of', 10, 'reported'),                                                   // Ben-Front: reported only
  claim(1, 2, 'associated_with', 12, 'hedged', '2021-06-01'), claim(2, 1, 'associated_with', 13, 'asserted', '2022-03-01'),
  claim(3, 5, 'located_in', 10),
  claim(3, 1, 'family_of', 14, 'negated'),
  claim(6, 6, 'associated_with', 10),                                                         // self-tie: dropped
  { ...claim(6, 2, 'associated_with', 15), status: 'rejected' },
];

test('projection: filters, weights = independent sources, statements kept per tie', () => {
  const g = projectClaims(claims, entities);
  assert.deepEqual(g.nodes().sort(), ['1', '2', '3', '4', '5']);
  const af = g.getEdgeAttributes(g.edge('1', '4')!);
  assert.equal(af.weight, 2);
  assert.deepEqual(af.documentIds, [10, 11]);
  assert.deepEqual(af.relationTypes, ['leader_of', 'member_of']);
  assert.equal(af.statementIds!.length, 3);
  assert.equal(g.getNodeAttribute('4', 'label'), 'Front');
  assert.equal(g.getNodeAttribute('4', 'type'), 'Organization');
  assert.ok(!g.hasEdge('1', '3'), 'negated ties are left out by default');
  assert.ok(!g.hasEdge('6', '2'), 'rejected statements are left out');
  const ab = g.getEdgeAttributes(g.edge('1', '2')!);
  assert.deepEqual(ab.modalities, ['asserted', 'hedged']);
  assert.equal(ab.weight, 2);

  const strict = projectClaims(claims, entities, { modalities: ['asserted'], minSources: 2 });
  assert.deepEqual(strict.edges().map((e) => strict.extremities(e).sort().join('-')), ['1-4']);
  const people = projectClaims(claims, entities, { entityTypes: ['Person'] });
  assert.deepEqual(people.nodes().sort(), ['1', '2']);
  const dated = projectClaims(claims, entities, { from: '2021-01-01', to: '2021-12-31' });
  assert.deepEqual(dated.edges().map((e) => dated.getEdgeAttribute(e, 'statementIds')), [[claims[4].statementId]]);
  // A weak tie (the co-occurrence fallback's 0.4) drops out above its confidence.
  const weak = [...claims, { ...claim(3, 6, 'associated_with', 16), confidence: 0.4 }];
  assert.ok(projectClaims(weak, entities).hasEdge('3', '6'));
  assert.ok(!projectClaims(weak, entities, { minConfidence: 0.5 }).hasEdge('3', '6'));
  assert.ok(projectClaims(weak, entities, { minConfidence: 0.5 }).hasEdge('1', '4'));
  const rel = projectClaims(claims, entities, { relationTypes: ['located_in'], weighted: false, isolates: true });
  assert.equal(rel.size, 1);
  assert.equal(rel.order, 6, 'isolates kept on request');
  const withNeg = projectClaims(claims, entities, { modalities: ['asserted', 'negated'] });
  assert.ok(withNeg.hasEdge('1', '3'));
});

test('projectRepository reads claims and entities through the repository interface', async () => {
  const repo = {
    relationClaims: async () => claims,
    entities: async () => entities.map((e) => ({ ...e, type: e.type as 'Person', names: [e.name], statementCount: 1, documentCount: 1 })),
  };
  const g = await projectRepository(repo, { modalities: ['asserted'] });
  assert.deepEqual(g.nodes().sort(), ['1', '2', '3', '4', '5']);
  assert.equal(g.size, 3);
});

test('Louvain finds planted communities; ego networks keep the evidence', () => {
  // four 8-cliques in a ring, one tie between neighbouring cliques
  const src: number[] = [], dst: number[] = [];
  for (let c = 0; c < 4; c++) {
    for (let i = 0; i < 8; i++) for (let j = i + 1; j < 8; j++) { src.push(c * 8 + i); dst.push(c * 8 + j); }
    src.push(c * 8); dst.push(((c + 1) % 4) * 8 + 1);
  }
  const ring = csrFromEdges(32, src, dst, null);
  const found = communities(ring, { seed: 5 });
  assert.equal(found.communities.length, 4);
  for (const grp of found.communities) {
    assert.equal(grp.length, 8);
    assert.equal(new Set(grp.map((r) => Math.floor(Number(r.id) / 8))).size, 1, 'each community is one clique');
  }
  const q = 4 * (28 / 116 - (58 / 232) ** 2);
  assert.ok(Math.abs(found.modularity - q) < 1e-12, `Q ${found.modularity} vs ${q}`);
  assert.ok(Math.abs(modularity(ring, found.membership) - q) < 1e-12);

  const g = projectClaims(claims, entities);
  const ego = egoNetwork(g, '1', 1);
  assert.deepEqual(ego.nodes().sort(), ['1', '2', '4']);
  assert.deepEqual(ego.getEdgeAttribute(ego.edge('1', '4')!, 'documentIds'), [10, 11]);
  assert.equal(ego.getNodeAttribute('4', 'label'), 'Front');
});

test('shortest paths carry the statements behind each hop', () => {
  const g = projectClaims(claims, entities);
  const p = allShortestPaths(g, '5', '4');
  assert.equal(p.length, null, 'Port City is not connected to Front');
  const q = allShortestPaths(g, '2', '4');
  assert.equal(q.length, 1);
  const r = allShortestPaths(projectClaims(claims, entities, { modalities: ['asserted'] }), '2', '4');
  assert.deepEqual(r.paths, [['2', '1', '4']]);
  assert.deepEqual(r.hops[0].map((h) => [h.fromLabel, h.toLabel, h.statementIds.length]), [['Ben', 'Ana', 1], ['Ana', 'Front', 3]]);
  const limited = allShortestPaths(randomGraph(60, 0.2, 4).csr, '0', '59', 2);
  assert.ok(limited.paths.length <= 2);
});

test('key players: fragmentation (KPP-Neg) and reach (KPP-Pos)', () => {
  // two stars (hubs A, B with five leaves each) joined through C
  const lines = ['source,target', 'A,C', 'C,B'];
  for (let i = 1; i <= 5; i++) lines.push(`A,a${i}`, `B,b${i}`);
  const g = loadNetworkFile(writeTmp('stars.csv', lines.join('\n')));
  const one = keyPlayersFragment(g, 1);
  assert.equal(one.players.length, 1);
  assert.ok(['A', 'B'].includes(one.players[0].id));
  assert.ok(Math.abs(one.score - (1 - 42 / 132)) < 1e-12, `F = ${one.score}`);
  const two = keyPlayersFragment(g, 2);
  assert.deepEqual(two.players.map((p) => p.id).sort(), ['A', 'B']);
  assert.equal(two.score, 1);
  assert.equal(two.baseline, 0);

  // Koschade: k = 2 greedy + swap finds the best pair (checked against every pair)
  const k = loadNetworkFile(`${FIXTURES}koschade/edges.csv`, { nodes: `${FIXTURES}koschade/nodes.csv`, binary: true });
  const csr = toCSR(k);
  let best = 0;
  for (let i = 0; i < csr.n; i++) for (let j = i + 1; j < csr.n; j++) {
    const rm = new Uint8Array(csr.n); rm[i] = 1; rm[j] = 1;
    best = Math.max(best, fragmentation(csr, rm));
  }
  assert.ok(Math.abs(keyPlayersFragment(k, 2).score - best) < 1e-12);
  // DF on the two stars: removing A and B leaves only isolates and C
  const dfTwo = keyPlayersFragment(g, 2, { measure: 'DF' });
  assert.deepEqual(dfTwo.players.map((p) => p.id).sort(), ['A', 'B']);
  assert.equal(dfTwo.score, 1);
  assert.equal(dfTwo.kind, 'distance-fragmentation');
  // DF of the whole two-star graph (13 nodes) from its pairwise distances
  const starCsr = toCSR(g);
  let harm = 0;
  for (let i = 0; i < starCsr.n; i++) for (let j = 0; j < starCsr.n; j++) {
    if (i === j) continue;
    const d = allShortestPaths(g, starCsr.keys[i], starCsr.keys[j], 1).length!;
    harm += 1 / d;
  }
  assert.equal(starCsr.n, 13);
  assert.ok(Math.abs(distanceFragmentation(starCsr) - (1 - harm / (13 * 12))) < 1e-12);
  const reach1 = keyPlayersReach(k, 1, 1);
  assert.equal(reach1.players[0].label, 'SAMUDRA');
  assert.equal(reach1.score, 15 / 16);
  assert.equal(keyPlayersReach(k, 1, 2).score, 1);
});

test('robustness: rank correlation with and without weak ties, and who moves', async () => {
  const g = projectClaims(claims, entities);
  const strong = withoutWeakTies(g);
  // weak: Ben-Front (reported), and every single-source tie; Ana-Front and Ana-Ben have 2 sources
  assert.deepEqual(strong.edges().map((e) => strong.extremities(e).sort().join('-')).sort(), ['1-2', '1-4']);
  assert.equal(strong.order, g.order, 'every entity is kept');
  const r = await rankRobustness(g, 'degree');
  assert.equal(r.weakTies, 2);
  assert.equal(r.ties, 4);
  assert.ok(r.spearman < 1 && r.spearman > -1);
  assert.ok(r.movers.length > 0);
  const moduleOnly = await rankRobustness(g, 'degree', { minSources: 1 });
  assert.equal(moduleOnly.weakTies, 1, 'with minSources 1 only the reported-only tie is weak');
  // a file: weights are the only tie strengths; with one weight throughout no tie is weak
  const k = loadNetworkFile(`${FIXTURES}koschade/edges.csv`, { nodes: `${FIXTURES}koschade/nodes.csv` });
  const weighted = await rankRobustness(k, 'betweenness');
  assert.equal(weighted.weakTies, k.filterEdges((_e, a) => a.weight < 2).length);
  assert.ok(weighted.weakTies > 0 && weighted.spearman < 1);
  const binary = await rankRobustness(loadNetworkFile(`${FIXTURES}koschade/edges.csv`, { binary: true }), 'betweenness');
  assert.equal(binary.weakTies, 0);
  assert.equal(binary.spearman, 1);
  assert.equal(binary.kendall, 1);
  const rep = await entityReport(g, '1', { by: 'degree', top: 2 });
  assert.equal(rep.label, 'Ana');
  assert.equal(rep.measures.degree.rank, 2, 'Ana, Ben and Front tie on degree 2: mean rank 2');
  assert.equal(rep.pathsToCentral.length, 2);
  assert.equal(rep.withoutWeakTies.id, '1');
});

test('Spearman and Kendall tau-b agree with scipy', { skip: spawnSync('/usr/bin/python3', ['-c', 'import scipy']).status === 0 ? false : 'python3-scipy is not installed' }, () => {
  const x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9];
  const y = [2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4, 5, 9, 0, 4];
  const py = spawnSync('/usr/bin/python3', ['-c', `import json,scipy.stats as s;x=${JSON.stringify(x)};y=${JSON.stringify(y)};print(json.dumps([s.spearmanr(x,y)[0], s.kendalltau(x,y)[0]]))`], { encoding: 'utf8' });
  const [rho, tau] = JSON.parse(py.stdout) as number[];
  assert.ok(Math.abs(spearman(x, y) - rho) < 1e-12, `${spearman(x, y)} vs ${rho}`);
  assert.ok(Math.abs(kendallTauB(x, y) - tau) < 1e-12, `${kendallTauB(x, y)} vs ${tau}`);
  // larger, tie-heavy samples against scipy too (O(n log n) path)
  const r = (seed: number) => { let s = seed; return () => (s = (s * 1103515245 + 12345) % 2147483648) % 7; };
  const ra = r(3), rb = r(5);
  const a = Array.from({ length: 500 }, () => ra()), b = Array.from({ length: 500 }, (_, i) => (rb() + (i % 3)) % 9);
  const py2 = spawnSync('/usr/bin/python3', ['-c', `import json,sys,scipy.stats as s;d=json.load(sys.stdin);print(json.dumps([s.spearmanr(d[0],d[1])[0], s.kendalltau(d[0],d[1])[0]]))`], { input: JSON.stringify([a, b]), encoding: 'utf8' });
  const [rho2, tau2] = JSON.parse(py2.stdout) as number[];
  assert.ok(Math.abs(spearman(a, b) - rho2) < 1e-12, `${spearman(a, b)} vs ${rho2}`);
  assert.ok(Math.abs(kendallTauB(a, b) - tau2) < 1e-12, `${kendallTauB(a, b)} vs ${tau2}`);
});

test('sampled betweenness stays within its error bound; k = n is exact', async () => {
  const g = baGraph(1500, 3, 5).csr;
  const exact = await betweennessCentrality(g);
  const est = await betweennessCentrality(g, { samples: 300, seed: 9 });
  assert.ok(est.errorBound && est.errorBound.samples === 300);
  let worst = 0;
  for (let i = 0; i < g.n; i++) worst = Math.max(worst, Math.abs(est.values[i] - exact.values[i]));
  assert.ok(worst <= est.errorBound.epsilon, `error ${worst} over bound ${est.errorBound.epsilon}`);
  assert.ok(worst > 0, 'a sample is an estimate');
  const top = ranking(exact, 1)[0].id;
  assert.equal(ranking(est, 1)[0].id, top);
  const all = await betweennessCentrality(g, { samples: g.n });
  assert.equal(all.errorBound, undefined);
});

test('worker threads give the same numbers as the inline kernels', async () => {
  const g = baGraph(3000, 3, 6).csr;
  const one = await betweennessCentrality(g, { threads: 1 });
  const two = await betweennessCentrality(g, { threads: 2 });
  const c1 = await closenessCentralities(g, { threads: 1 });
  const c2 = await closenessCentralities(g, { threads: 2 });
  for (let i = 0; i < g.n; i++) {
    assert.ok(Math.abs(one.values[i] - two.values[i]) < 1e-12);
    assert.equal(c1.closeness.values[i], c2.closeness.values[i]);
    assert.equal(c1.harmonic.values[i], c2.harmonic.values[i]);
  }
  const st = await networkStats(g, { exactLimit: 1 });
  assert.equal(st.pathSample, 200, 'large graphs sample their path statistics');
  const exactStats = await networkStats(g);
  assert.ok(Math.abs(st.averagePathLength - exactStats.averagePathLength) < 0.1);
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const tmp = mkdtempSync(join(tmpdir(), 'skein-graph-'));
function writeTmp(name: string, text: string): string {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
}
