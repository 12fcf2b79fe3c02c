// Correctness bars 1 and 2: published figures for two covert networks, recomputed from their
// edge lists.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { allCentralities, allShortestPaths, loadNetworkFile, ranking, resolveNode, type Scores } from '../../src/graph/index.js';
import { FIXTURES } from './helpers.js';

function byLabel(s: Scores): Map<string, number> {
  return new Map(s.labels.map((l, i) => [l, s.values[i]]));
}

test('Koschade (2006) Table 4: standardised degree, betweenness, closeness of all 17 JI Bali members', async () => {
  const dir = `${FIXTURES}koschade/`;
  const g = loadNetworkFile(`${dir}edges.csv`, { nodes: `${dir}nodes.csv`, binary: true });
  assert.equal(g.order, 17);
  assert.equal(g.size, 63);
  const m = await allCentralities(g);
  const rows = readFileSync(`${dir}published_table4.csv`, 'utf8').trim().split('\n').slice(1);
  assert.equal(rows.length, 17);
  const got = { degree: byLabel(m.degree), betweenness: byLabel(m.betweenness), closeness: byLabel(m.closeness) };
  for (const row of rows) {
    const [name, degree, betweenness, closeness] = row.split(',');
    const pub = { degree: Number(degree), betweenness: Number(betweenness), closeness: Number(closeness) };
    for (const k of ['degree', 'betweenness', 'closeness'] as const) {
      const v = got[k].get(name);
      assert.ok(v !== undefined, `${name} missing`);
      assert.equal((100 * v).toFixed(3), pub[k].toFixed(3), `${name} ${k}: ${100 * v} vs published ${pub[k]}`);
    }
  }
  assert.equal(ranking(m.betweenness, 1)[0].label, 'SAMUDRA');
});

test('Krebs 9/11 network (62 nodes, 152 ties): Atta degree 0.361, betweenness 0.587, closeness 0.581', async () => {
  const dir = `${FIXTURES}krebs911/`;
  const g = loadNetworkFile(`${dir}edges.csv`, { nodes: `${dir}nodes.csv` });
  assert.equal(g.order, 62);
  assert.equal(g.size, 152);
  const m = await allCentralities(g);
  const atta = (s: Scores) => byLabel(s).get('Mohamed Atta')!;
  assert.equal(atta(m.degree).toFixed(3), '0.361');
  assert.equal(atta(m.betweenness).toFixed(3), '0.587');
  assert.equal(atta(m.closeness).toFixed(3), '0.581');
  for (const k of ['degree', 'betweenness', 'closeness'] as const) assert.equal(ranking(m[k], 1)[0].label, 'Mohamed Atta');
});

test('nodes are found by id or name; a path between two hijackers by name', () => {
  const dir = `${FIXTURES}krebs911/`;
  const g = loadNetworkFile(`${dir}edges.csv`, { nodes: `${dir}nodes.csv` });
  const atta = resolveNode(g, 'mohamed atta');
  assert.equal(g.getNodeAttribute(atta, 'label'), 'Mohamed Atta');
  assert.equal(resolveNode(g, atta), atta);
  assert.throws(() => resolveNode(g, 'Nobody Here'), /no node "Nobody Here"/);
  assert.throws(() => resolveNode(g, 'al'), /"al" matches \d+ nodes/);
  const p = allShortestPaths(g, atta, resolveNode(g, 'Hani Hanjour'));
  assert.ok(p.length !== null && p.length >= 1);
  assert.equal(p.paths[0][0], atta);
});
