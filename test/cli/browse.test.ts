import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { ROOT, skein, tempDir } from './helpers.js';

const db = join(tempDir(), 'browse.db');
before(() => {
  const r = skein(['ingest', join(ROOT, 'examples'), '--db', db]);
  assert.equal(r.status, 0, r.stderr);
});

test('entities lists people, filtered by type and searched by name', () => {
  const people = JSON.parse(skein(['entities', '--type', 'person', '--db', db, '--json']).stdout);
  assert.ok(people.length >= 5);
  assert.ok(people.every((e: { type: string }) => e.type === 'Person'));
  const found = JSON.parse(skein(['entities', '--search', 'choud', '--db', db, '--json']).stdout);
  assert.ok(found.some((e: { name: string }) => e.name === 'Anjem Choudary'));
  const bad = skein(['entities', '--type', 'Planet', '--db', db]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /--type must be one of Person, Organization, Location, Event/);
});

test('show prints every statement with its evidence sentence, document and modality', () => {
  const r = skein(['show', 'Anjem Choudary', '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Anjem Choudary\s+\[Person, id \d+\]/);
  assert.match(r.stdout, /“[^”]*Choudary[^”]*”/); // a quoted evidence sentence
  const json = JSON.parse(skein(['show', 'Anjem Choudary', '--db', db, '--json']).stdout);
  const relations = json.statements.filter((s: { kind: string }) => s.kind === 'relation');
  assert.ok(relations.length >= 2);
  // Statements from several documents: the entity was resolved across them.
  assert.ok(new Set(json.statements.map((s: { evidence: { documentId: number } }) => s.evidence.documentId)).size >= 2);
  for (const s of relations) {
    const doc = JSON.parse(skein(['documents', '--db', db, '--json']).stdout).find((d: { id: number }) => d.id === s.evidence.documentId);
    assert.ok(doc, 'evidence names a stored document');
    assert.ok(s.evidence.sentence.length > 10);
    assert.ok(['asserted', 'hedged', 'reported', 'negated'].includes(s.modality));
  }
  const none = skein(['show', 'Nobody Atall', '--db', db]);
  assert.equal(none.status, 1);
  assert.match(none.stderr, /no entity matches "Nobody Atall"/);
});

test('documents lists every example with its title and date; search finds text', () => {
  const docs = JSON.parse(skein(['documents', '--db', db, '--json']).stdout);
  assert.equal(docs.length, 5);
  const html = docs.find((d: { mediaType: string }) => d.mediaType === 'text/html');
  assert.equal(html.title, 'Profile: Al-Muhajiroun');
  assert.equal(html.published, '2017-04-10');
  const hits = JSON.parse(skein(['documents', '--search', 'Woolwich', '--db', db, '--json']).stdout);
  assert.equal(hits.length, 1);
});

test('export writes JSON, CSV, GraphML and GEXF with type, relation, modality and sources', () => {
  const dir = tempDir();
  const json = JSON.parse(skein(['export', '--format', 'json', '--db', db]).stdout);
  assert.ok(json.nodes.length > 10 && json.edges.length > 5);
  const nodeIds = new Set(json.nodes.map((n: { id: number }) => n.id));
  for (const e of json.edges) {
    assert.ok(nodeIds.has(e.source) && nodeIds.has(e.target));
    assert.ok(e.sources >= 1 && e.statements.length >= e.sources);
  }
  const csv = skein(['export', '--format', 'csv', '--db', db]).stdout.trim().split('\n');
  assert.equal(csv[0], 'source_id,source,source_type,target_id,target,target_type,relation,modality,symmetric,sources,statements');
  assert.equal(csv.length - 1, json.edges.length);

  for (const format of ['graphml', 'gexf']) {
    const out = join(dir, `net.${format}`);
    const r = skein(['export', '--format', format, '--out', out, '--db', db]);
    assert.equal(r.status, 0, r.stderr);
    const xml = new DOMParser().parseFromString(readFileSync(out, 'utf8'), 'text/xml');
    assert.equal(xml.querySelectorAll('node').length, json.nodes.length, format);
    assert.equal(xml.querySelectorAll('edge').length, json.edges.length, format);
    const text = readFileSync(out, 'utf8');
    for (const attr of ['type', 'relation', 'modality', 'sources']) assert.match(text, new RegExp(`"${attr}"`), `${format} has ${attr}`);
  }
  const bad = skein(['export', '--format', 'pdf', '--db', db]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /--format must be one of json, csv, graphml, gexf/);
});

test('extract --json prints the evaluation JSON with evidence on every relation, no database needed', () => {
  const file = join(ROOT, 'examples/rigby-murder.txt');
  const r = skein(['extract', file, '--json']);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  const text = readFileSync(file, 'utf8');
  const ids = new Set(out.entities.map((e: { id: string }) => e.id));
  assert.ok(out.entities.some((e: { type: string; name: string }) => e.type === 'Person' && e.name === 'Michael Adebolajo'));
  assert.ok(out.relations.length > 0);
  for (const rel of out.relations) {
    assert.ok(ids.has(rel.source) && ids.has(rel.target));
    assert.ok(rel.evidence.length >= 1);
    for (const ev of rel.evidence) {
      assert.equal(ev.document, 'rigby-murder');
      assert.ok(text.includes(ev.text) || text.replace(/\r\n/g, '\n').includes(ev.text));
    }
  }
  // --patterns-only leaves out the pair classifier's ties and keeps every pattern's.
  const plain = skein(['extract', file, '--json', '--patterns-only']);
  assert.equal(plain.status, 0, plain.stderr);
  const rules = JSON.parse(plain.stdout).relations as { rule: string }[];
  assert.ok(rules.length > 0 && rules.every((rel) => !rel.rule.startsWith('model:')));
  assert.ok(out.relations.some((rel: { rule: string }) => rel.rule.startsWith('model:pairs')), 'the classifier adds ties to this example');
});
