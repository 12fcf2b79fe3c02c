import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, skein, tempDir } from './helpers.js';

const KOSCHADE = join(ROOT, 'test/fixtures/networks/koschade');
const file = ['--file', join(KOSCHADE, 'edges.csv'), '--nodes', join(KOSCHADE, 'nodes.csv')];
const db = join(tempDir(), 'network.db');

before(() => {
  assert.equal(skein(['ingest', join(ROOT, 'examples'), '--db', db]).status, 0);
});

test('rank on a network file: Samudra is the most between in the Bali cell', () => {
  const out = JSON.parse(skein(['rank', ...file, '--by', 'betweenness', '--top', '3', '--json']).stdout);
  assert.equal(out.measure, 'betweenness');
  assert.equal(out.ranking[0].label, 'SAMUDRA');
  assert.equal(out.ranking.length, 3);
  const bad = skein(['rank', ...file, '--by', 'fame']);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /--by must be one of degree, betweenness, closeness, harmonic, eigenvector, pagerank/);
});

test('rank, communities, keyplayers, stats and report on the stored network', () => {
  const rank = JSON.parse(skein(['rank', '--by', 'pagerank', '--top', '5', '--db', db, '--json']).stdout);
  assert.equal(rank.ranking.length, 5);
  assert.ok(rank.ranking.every((r: { type: string }) => ['Person', 'Organization', 'Location', 'Event'].includes(r.type)));
  const stats = JSON.parse(skein(['stats', '--db', db, '--json']).stdout);
  assert.ok(stats.nodes > 10 && stats.edges > 10);
  const people = JSON.parse(skein(['stats', '--types', 'person,organization', '--db', db, '--json']).stdout);
  assert.ok(people.nodes < stats.nodes, 'the type filter narrows the network');
  const strong = JSON.parse(skein(['stats', '--min-confidence', '0.5', '--db', db, '--json']).stdout);
  assert.ok(strong.edges <= stats.edges, 'the confidence filter never adds ties');
  const bad = skein(['stats', '--min-confidence', '2', '--db', db]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /--min-confidence: "2" is not a number from 0 to 1/);
  const communities = JSON.parse(skein(['communities', '--db', db, '--json']).stdout);
  assert.ok(communities.communities.length >= 2 && communities.modularity > 0);
  const kp = JSON.parse(skein(['keyplayers', '--k', '2', '--db', db, '--json']).stdout);
  assert.equal(kp.fragment.players.length, 2);
  const report = skein(['report', 'Anjem Choudary', '--db', db]);
  assert.equal(report.status, 0, report.stderr);
  assert.match(report.stdout, /Anjem Choudary: standing among \d+ connected entities/);
  assert.match(report.stdout, /without weak ties/);
});

test('path on the stored network shows each hop with its evidence; unknown names get a clear error', () => {
  const run = skein(['path', 'Anjem Choudary', 'Al-Muhajiroun', '--db', db]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /path 1: Anjem Choudary/);
  assert.match(run.stdout, /“[^”]+”/);
  const none = skein(['path', 'Anjem Choudary', 'Nobody Atall', '--db', db]);
  assert.equal(none.status, 1);
  assert.match(none.stderr, /no entity matches "Nobody Atall"/);
  const filtered = skein(['path', 'Anjem Choudary', 'Al-Muhajiroun', '--modality', 'negated', '--db', db]);
  assert.equal(filtered.status, 1);
  const badFilter = skein(['rank', '--modality', 'rumoured', '--db', db]);
  assert.match(badFilter.stderr, /--modality: "rumoured" is not one of asserted, hedged, reported, negated/);
});
