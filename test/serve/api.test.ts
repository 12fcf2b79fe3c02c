// The workbench API on a real store built from an annotated corpus: answers, and bad input
// answered with a 4xx and a JSON error naming the problem (never a 500).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createApp } from '../../src/serve/app.js';
import { openApiDocument } from '../../src/serve/openapi.js';
import { RELATION_TYPES } from '../../src/schema/index.js';
import type { Repository } from '../../src/store/types.js';
import { buildStore } from './corpus.js';

let dir: string;
let store: Repository;
let app: Hono;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'skein-api-'));
  store = await buildStore(join(dir, 'test.db'));
  app = createApp({ store, uploadDir: join(dir, 'uploads'), staticDir: join(dir, 'no-build') }).app;
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(path: string, init?: RequestInit): Promise<{ status: number; body: any }> {
  const res = await app.request(path, init);
  const text = await res.text();
  let body: unknown = text;
  try { body = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, body };
}

async function idOf(name: string): Promise<number> {
  const [hit] = await store.findEntities(name);
  assert.ok(hit, `fixture entity ${name}`);
  return hit.id;
}

describe('workbench API answers', () => {
  test('schema is the schema module, as data', async () => {
    const { status, body } = await get('/api/schema');
    assert.equal(status, 200);
    assert.deepEqual(body.relationTypes.map((r: { name: string }) => r.name), RELATION_TYPES.map((r) => r.name));
    assert.ok(body.measures.includes('betweenness'));
  });

  test('graph: one edge per relation and modality, with sources, statements and measures', async () => {
    const { status, body } = await get('/api/graph');
    assert.equal(status, 200);
    const kessler = await idOf('Anna Kessler'), cell = await idOf('Harbour Cell');
    const memberEdges = body.edges.filter((e: any) => e.source === kessler && e.target === cell && e.relation === 'member_of');
    // asserted in one document, reported in another: two edges
    assert.deepEqual(memberEdges.map((e: any) => e.modality).sort(), ['asserted', 'reported']);
    const node = body.nodes.find((n: any) => n.id === cell);
    assert.equal(node.type, 'Organization');
    assert.ok(node.measures.degree >= 4, 'Harbour Cell ties to at least four others');
    assert.ok(node.measures.betweenness > 0);
  });

  test('graph filters: modality, types, dates, minimum sources', async () => {
    const negated = (await get('/api/graph?modalities=negated')).body;
    assert.equal(negated.edges.length, 1);
    assert.equal(negated.edges[0].relation, 'member_of');
    const people = (await get('/api/graph?types=Person')).body;
    assert.ok(people.nodes.every((n: any) => n.type === 'Person'));
    assert.ok(people.edges.length >= 1, 'the family tie joins two people');
    const y2020 = (await get('/api/graph?from=2020-01-01&to=2020-12-31')).body;
    assert.ok(y2020.edges.length > 0 && y2020.edges.every((e: any) => e.firstDate.startsWith('2020')));
    const two = (await get('/api/graph?minSources=2')).body;
    assert.ok(two.edges.every((e: any) => e.sources >= 2));
  });

  test('entity: statements, related names, documents, measures', async () => {
    const id = await idOf('Anna Kessler');
    const { status, body } = await get(`/api/entities/${id}`);
    assert.equal(status, 200);
    assert.equal(body.entity.name, 'Anna Kessler');
    assert.ok(body.entity.names.includes('Kessler'));
    assert.equal(body.documents.length, 3);
    assert.ok(body.statements.some((s: any) => s.predicate === 'family_of'));
    assert.ok(Object.values(body.related).some((r: any) => r.name === 'Marek Dobos'));
  });

  test('evidence: the sentence with the text around it', async () => {
    const claims = await store.relationClaims();
    const family = claims.find((c) => c.type === 'family_of')!;
    const negated = claims.find((c) => c.modality === 'negated')!;
    const { status, body } = await get(`/api/evidence?statements=${family.statementId},${negated.statementId}`);
    assert.equal(status, 200);
    const item = body.evidence.find((e: any) => e.id === family.statementId);
    assert.equal(item.evidence.sentence, 'Kessler is a cousin of Marek Dobos.');
    assert.equal(item.before, '', 'the sentence opens its paragraph: no context from the one before');
    assert.match(item.after, /^\s*<script>alert\(1\)<\/script>/);
    assert.equal(item.subjectName, 'Anna Kessler');
    assert.equal(item.objectName, 'Marek Dobos');
    const not = body.evidence.find((e: any) => e.id === negated.statementId);
    assert.equal(not.modality, 'negated');
    assert.match(not.before, /officials said\.\s*$/);
    assert.equal(not.after, '', 'the paragraph ends with it');
  });

  test('document: full text and mentions that point into it', async () => {
    const docs = (await get('/api/documents')).body.documents;
    const port = docs.find((d: any) => d.title.startsWith('Port bombing'));
    const { body } = await get(`/api/documents/${port.id}`);
    assert.ok(body.mentions.length > 5);
    for (const m of body.mentions) assert.equal(body.document.text.slice(m.start, m.end), m.text);
    assert.ok(body.entities[body.mentions[0].entityId].name);
    const hits = (await get('/api/documents?search=ferry')).body.hits;
    assert.equal(hits[0].documentId, port.id);
  });

  test('paths: shortest path with evidence for every hop', async () => {
    const from = await idOf('Tomas Verlaine'), to = await idOf('Marek Dobos');
    const { status, body } = await get(`/api/paths?from=${from}&to=${to}`);
    assert.equal(status, 200);
    // Verlaine - Harbour Cell - Kessler - Dobos (the negated membership is no tie)
    assert.equal(body.length, 3);
    const path = body.paths[0];
    assert.deepEqual(path.nodes.map((n: number) => body.entities[n].name), ['Tomas Verlaine', 'Harbour Cell', 'Anna Kessler', 'Marek Dobos']);
    for (const hop of path.hops) {
      assert.ok(hop.statements.length > 0);
      for (const id of hop.statements) assert.ok(body.evidence.some((e: any) => e.id === id), `evidence for statement ${id}`);
    }
    const withNegated = (await get(`/api/paths?from=${from}&to=${to}&modalities=asserted,negated`)).body;
    assert.equal(withNegated.length, 2, 'counting the negated tie, Dobos is two hops away');
  });

  test('timeline and map', async () => {
    const timeline = (await get('/api/timeline')).body;
    assert.deepEqual(timeline.events.map((e: any) => [e.name, e.date, e.kind]), [['Rotterdam ferry bombing', '2018-06-01', 'bombing']]);
    assert.ok(timeline.statements.length >= 10);
    const map = (await get('/api/map')).body;
    const rotterdam = map.places.find((p: any) => p.entityName === 'Rotterdam');
    assert.equal(rotterdam.country, 'NL');
    assert.ok(Math.abs(rotterdam.lat - 51.92) < 0.1 && Math.abs(rotterdam.lon - 4.48) < 0.1);
    assert.equal(map.places.find((p: any) => p.entityName === 'Antwerp').country, 'BE');
    assert.ok(rotterdam.linked.some((l: any) => l.name === 'Rotterdam ferry bombing'));
  });

  test('every route is in the OpenAPI document', async () => {
    const doc = (await get('/api/openapi.json')).body;
    assert.equal(doc.openapi, '3.1.0');
    const documented = new Set(Object.entries(doc.paths as Record<string, object>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} /api${p.replace(/\{(\w+)\}/g, ':$1')}`)));
    const routes = app.routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !r.path.endsWith('*'));
    assert.ok(routes.length >= 14);
    for (const r of routes) assert.ok(documented.has(`${r.method} ${r.path}`), `${r.method} ${r.path} is documented`);
    assert.equal(Object.keys(openApiDocument().paths).length, new Set(routes.map((r) => r.path)).size);
  });

  test('without a built front end the page says so in words', async () => {
    const res = await app.request('/');
    assert.equal(res.status, 503);
    assert.match(await res.text(), /npm run build:web/);
  });
});

describe('bad input gets a 4xx and a JSON error naming the problem', () => {
  const cases: [string, string, number, RegExp, RequestInit?][] = [
    ['unknown endpoint', '/api/nothing', 404, /no API endpoint GET \/api\/nothing/],
    ['wrong method', '/api/graph', 405, /POST is not allowed/, { method: 'POST' }],
    ['entity id not a number', '/api/entities/abc', 400, /entity id must be a whole number/],
    ['entity id negative', '/api/entities/-3', 400, /entity id must be between 1/],
    ['entity id huge', '/api/entities/99999999999999999999', 400, /entity id must be between/],
    ['no such entity', '/api/entities/999999', 404, /no entity with id 999999/],
    ['bad entity type', '/api/entities?type=Wizard', 400, /type must be one of Person/],
    ['limit zero', '/api/entities?limit=0', 400, /limit must be between 1 and 1000/],
    ['limit text', '/api/entities?limit=ten', 400, /limit must be a whole number/],
    ['graph types', '/api/graph?types=Person,Dragon', 400, /types: "Dragon" is not one of/],
    ['graph modalities', '/api/graph?modalities=certain', 400, /modalities: "certain" is not one of/],
    ['graph minSources', '/api/graph?minSources=-1', 400, /minSources must be between 1/],
    ['graph date', '/api/graph?from=2019-13-01', 400, /from must be a date/],
    ['graph date text', '/api/graph?to=yesterday', 400, /to must be a date/],
    ['graph dates reversed', '/api/graph?from=2020&to=2019', 400, /from \(2020\) is after to \(2019\)/],
    ['evidence without target', '/api/evidence', 400, /exactly one of entity .* or statements/],
    ['evidence with both', '/api/evidence?entity=1&statements=1', 400, /exactly one of/],
    ['evidence bad ids', '/api/evidence?statements=1,x', 400, /statements must be a whole number, got "x"/],
    ['evidence missing statement', '/api/evidence?statements=987654', 404, /no statement with id 987654/],
    ['document id', '/api/documents/1.5', 400, /document id must be a whole number/],
    ['no such document', '/api/documents/4242', 404, /no document with id 4242/],
    ['search too long', `/api/documents?search=${'a'.repeat(300)}`, 400, /search is longer than 200/],
    ['paths without ends', '/api/paths', 400, /from is required/],
    ['paths same ends', '/api/paths?from=1&to=1', 400, /from and to are the same entity/],
    ['paths unknown end', '/api/paths?from=1&to=888888', 404, /to: no entity with id 888888/],
    ['paths limit', '/api/paths?from=1&to=2&limit=500', 400, /limit must be between 1 and 50/],
    ['upload without name', '/api/ingest/file', 400, /name is required/, { method: 'POST', body: 'x' }],
    ['upload empty', '/api/ingest/file?name=a.txt', 400, /the file "a.txt" is empty/, { method: 'POST', body: '' }],
    ['upload bad date', '/api/ingest/file?name=a.txt&date=2019-02-30', 400, /date must be a calendar date/, { method: 'POST', body: 'Some text.' }],
    ['upload name that is no name', '/api/ingest/file?name=..%2F..%2F', 400, /has no usable file name/, { method: 'POST', body: 'Some text.' }],
    ['url not JSON', '/api/ingest/url', 415, /send JSON/, { method: 'POST', body: 'url=http://x' }],
    ['url broken JSON', '/api/ingest/url', 400, /not valid JSON/, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"url":' }],
    ['url JSON array', '/api/ingest/url', 400, /must be a JSON object/, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1]' }],
    ['url missing', '/api/ingest/url', 400, /url is required/, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }],
    ['url invalid', '/api/ingest/url', 400, /url is not a valid address/, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"url":"not a url"}' }],
    ['url scheme', '/api/ingest/url', 400, /url must be http or https, got file:/, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"url":"file:///etc/passwd"}' }],
    ['url date type', '/api/ingest/url', 400, /date must be a string/, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"url":"https://example.org/","date":5}' }],
  ];
  for (const [what, path, status, error, init] of cases) {
    test(what, async () => {
      const res = await get(path, init);
      assert.equal(res.status, status, `${path}: ${JSON.stringify(res.body)}`);
      assert.equal(typeof res.body, 'object', 'a JSON body');
      assert.match(res.body.error, error);
    });
  }

  test('an upload over the size limit is refused with 413', async () => {
    const small = createApp({ store, uploadDir: join(dir, 'uploads-small'), staticDir: dir, maxUploadBytes: 100 }).app;
    const res = await small.request('/api/ingest/file?name=big.txt', { method: 'POST', body: 'x'.repeat(1000) });
    assert.equal(res.status, 413);
    assert.match((await res.json() as { error: string }).error, /larger than 100 bytes/);
  });

  test('a file ingest cannot read fails with 422 and the reason', async () => {
    const res = await get('/api/ingest/file?name=data.xyz', { method: 'POST', body: 'not a document' });
    assert.equal(res.status, 422);
    assert.equal(res.body.outcome.status, 'failed');
    assert.ok(res.body.error.length > 5);
  });

  test('a URL to a private address is refused, not fetched', async () => {
    const res = await get('/api/ingest/url', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"url":"http://127.0.0.1:9/x.html"}' });
    assert.equal(res.status, 422);
    assert.match(res.body.error, /private|loopback|local|not allowed|refus/i);
  });
});

describe('only the workbench itself may use the API', () => {
  test('a write from another site\'s page is refused', async () => {
    const res = await get('/api/ingest/file?name=planted.txt', { method: 'POST', body: 'Planted text.', headers: { origin: 'https://evil.example' } });
    assert.equal(res.status, 403);
    assert.match(res.body.error, /requests from https:\/\/evil.example may not change this workbench/);
    const same = await get('/api/ingest/file?name=a.xyz', { method: 'POST', body: 'x', headers: { origin: 'http://localhost' } });
    assert.notEqual(same.status, 403, 'the workbench\'s own page may');
  });

  test('a request for another host name (DNS rebinding) is refused', async () => {
    const local = createApp({ store, uploadDir: join(dir, 'uploads-local'), staticDir: dir, allowedHosts: ['localhost', '127.0.0.1'] }).app;
    const bad = await local.request('http://rebound.example:4747/api/health');
    assert.equal(bad.status, 421);
    assert.match((await bad.json() as { error: string }).error, /not to host "rebound.example"/);
    const good = await local.request('http://127.0.0.1:4747/api/health');
    assert.equal(good.status, 200);
  });
});

describe('ingest through the API', () => {
  test('an uploaded text file is ingested, then unchanged the second time', async () => {
    const text = 'Lena Horvath is a member of the Quay Brigade, police in Ghent said on Monday.';
    const first = await get('/api/ingest/file?name=quay.txt&date=2021-05-04', { method: 'POST', body: text });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.outcome.status, 'ingested');
    assert.equal(first.body.outcome.input, 'quay.txt');
    const doc = (await get(`/api/documents/${first.body.outcome.documentId}`)).body.document;
    assert.equal(doc.published, '2021-05-04');
    assert.equal(doc.text.trim(), text);
    const again = await get('/api/ingest/file?name=quay.txt', { method: 'POST', body: text });
    assert.equal(again.body.outcome.status, 'unchanged');
    const stats = (await get('/api/stats')).body;
    assert.equal(stats.documents, 4);
  });
});
