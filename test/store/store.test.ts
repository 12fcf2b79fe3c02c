import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { openStore } from '../../src/store/index.js';
import { resolveExtraction } from '../../src/resolve/index.js';
import type { Extraction } from '../../src/extract/types.js';
import type { IngestedDocument } from '../../src/ingest/types.js';

function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'skein-store-')), 'test.db');
}

function doc(text: string, title = 'A report'): IngestedDocument {
  return {
    sha256: createHash('sha256').update(text).digest('hex'), title, published: '2020-01-02',
    origin: `/reports/${title}.txt`, mediaType: 'text/plain', text, byteLength: Buffer.byteLength(text),
  };
}

// A hand-built extraction of a two-sentence text: exactly what the store must keep.
const TEXT = 'Jane Roe leads the Harbour Group. Roe was sanctioned by the Finance Ministry.';
function extraction(): Extraction {
  const s0 = { index: 0, start: 0, end: 33, text: TEXT.slice(0, 33) };
  const s1 = { index: 1, start: 34, end: TEXT.length, text: TEXT.slice(34) };
  const m = (start: number, text: string, sentence: number) => ({ start, end: start + text.length, text, sentence, rule: 'test' });
  return {
    extractor: { name: 'hand', version: '1' },
    sentences: [s0, s1],
    entities: [
      { id: 'e1', type: 'Person', name: 'Jane Roe', aliases: ['Roe'], mentions: [m(0, 'Jane Roe', 0), m(34, 'Roe', 1)], confidence: 0.9 },
      { id: 'e2', type: 'Organization', name: 'Harbour Group', aliases: [], mentions: [m(19, 'Harbour Group', 0)], confidence: 0.9 },
      { id: 'e3', type: 'Organization', name: 'Finance Ministry', aliases: [], mentions: [m(60, 'Finance Ministry', 1)], confidence: 0.9 },
    ],
    relations: [
      { type: 'leader_of', source: 'e1', target: 'e2', modality: 'asserted', evidence: { sentence: 0, start: 0, end: 33, text: s0.text }, rule: 'test', confidence: 0.8 },
      { type: 'designated_by', source: 'e1', target: 'e3', modality: 'reported', attributedTo: 'e3', evidence: { sentence: 1, start: 34, end: TEXT.length, text: s1.text }, rule: 'test', confidence: 0.8 },
    ],
  };
}

test('a document is stored with its entities, names and statements, and the evidence sentence is the text slice', async () => {
  const store = openStore(tempDb());
  const x = extraction();
  const result = await store.addDocument(doc(TEXT), x, resolveExtraction(x));
  assert.equal(result.status, 'ingested');
  assert.equal(result.entities, 3);
  const [roe] = await store.findEntities('Jane Roe');
  assert.ok(roe);
  assert.deepEqual(roe.names.sort(), ['Jane Roe', 'Roe']);
  const statements = await store.statementsAbout(roe.id);
  const designated = statements.find((s) => s.predicate === 'designated_by')!;
  assert.equal(designated.evidence.sentence, 'Roe was sanctioned by the Finance Ministry.');
  assert.equal(designated.evidence.documentDate, '2020-01-02');
  assert.equal(designated.attributedTo, 'Finance Ministry', 'the attributed party by name, not the extraction-local id');
  assert.equal(designated.status, 'proposed');
  assert.equal(designated.sourceGrade, null);
  const claims = await store.relationClaims();
  assert.deepEqual(claims.map((c) => c.type).sort(), ['designated_by', 'leader_of']);
  await store.close();
});

test('ingesting the same bytes again changes nothing', async () => {
  const path = tempDb();
  const store = openStore(path);
  const x = extraction();
  await store.addDocument(doc(TEXT), x, resolveExtraction(x));
  const again = await store.addDocument(doc(TEXT), x, resolveExtraction(x));
  assert.equal(again.status, 'unchanged');
  assert.equal((await store.documents()).length, 1);
  assert.equal((await store.relationClaims()).length, 2);
  await store.close();
  const raw = new Database(path, { readonly: true });
  assert.equal((raw.prepare('SELECT COUNT(*) AS n FROM statements').get() as { n: number }).n, 2 + 4);
  raw.close();
});

test('an error mid-document leaves nothing of that document behind', async () => {
  const path = tempDb();
  const store = openStore(path);
  const bad = extraction();
  // The second relation points at an entity the extraction does not have: the write fails
  // after the document, entities, mentions and the first statements were inserted.
  bad.relations.push({ ...bad.relations[0]!, target: 'e99' });
  await assert.rejects(store.addDocument(doc(TEXT), bad, resolveExtraction(bad)), /unknown entity "e99"/);
  assert.equal((await store.documents()).length, 0);
  assert.equal((await store.entities()).length, 0);
  assert.deepEqual(await store.searchDocuments('Harbour'), []);
  await store.close();
  const raw = new Database(path, { readonly: true });
  for (const table of ['documents', 'entities', 'entity_keys', 'entity_names', 'statements', 'mentions', 'documents_fts', 'entities_fts']) {
    assert.equal((raw.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n, 0, table);
  }
  raw.close();
});

test('the same name and type in two documents is one entity, with the sources of both', async () => {
  const store = openStore(tempDb());
  const a = extraction();
  await store.addDocument(doc(TEXT, 'first'), a, resolveExtraction(a));
  const text2 = `${TEXT} `; // other bytes, same statements
  const b = extraction();
  await store.addDocument(doc(text2, 'second'), b, resolveExtraction(b));
  const people = await store.entities({ type: 'Person' });
  assert.equal(people.length, 1);
  assert.equal(people[0]!.documentCount, 2);
  const claims = await store.relationClaims();
  assert.equal(new Set(claims.map((c) => c.documentId)).size, 2);
  await store.close();
});

test('full-text search takes any user input and finds documents and entity names', async () => {
  const store = openStore(tempDb());
  const x = extraction();
  await store.addDocument(doc(TEXT), x, resolveExtraction(x));
  assert.equal((await store.searchDocuments('sanctioned')).length, 1);
  assert.deepEqual(await store.searchDocuments('"unbalanced AND ( NEAR'), []);
  assert.deepEqual((await store.entities({ search: 'harb' })).map((e) => e.name), ['Harbour Group']);
  assert.deepEqual((await store.findEntities('roe')).map((e) => e.name), ['Jane Roe']);
  await store.close();
});

test('migrations run once, and a database from a newer version is refused with a clear error', async () => {
  const path = tempDb();
  await openStore(path).close();
  await openStore(path).close();
  const raw = new Database(path);
  assert.equal((raw.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n, 3);
  raw.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 'x')").run();
  raw.close();
  assert.throws(() => openStore(path), /newer skein \(schema version 99/);
});

test('migration 3 fills entity_names from the name statements of an older database', async () => {
  const path = tempDb();
  const store = openStore(path);
  const x = extraction();
  await store.addDocument(doc(TEXT), x, resolveExtraction(x));
  await store.close();
  // Put the database back to schema version 2, as an earlier skein left it.
  const raw = new Database(path);
  raw.exec("DROP TABLE entity_names; DELETE FROM schema_migrations WHERE version = 3;");
  raw.close();
  const reopened = openStore(path);
  const [roe] = await reopened.findEntities('Roe');
  assert.deepEqual(roe!.names.sort(), ['Jane Roe', 'Roe']);
  await reopened.close();
});

test('in a bulk ingest a failing document is rolled back alone, and the others are committed', async () => {
  const path = tempDb();
  const store = openStore(path);
  const good = extraction();
  const bad = extraction();
  bad.relations.push({ ...bad.relations[0]!, target: 'e99' });
  await assert.rejects(store.bulk(async () => {
    await store.addDocument(doc(TEXT, 'one'), good, resolveExtraction(good));
    await assert.rejects(store.addDocument(doc(`${TEXT} (2)`, 'two'), bad, resolveExtraction(bad)), /unknown entity "e99"/);
    await store.addDocument(doc(`${TEXT} (3)`, 'three'), good, resolveExtraction(good));
    throw new Error('the run itself stops here');
  }), /the run itself stops here/);
  await store.close();
  // A fresh connection sees exactly the two whole documents: committed, nothing of the failed one.
  const raw = new Database(path, { readonly: true });
  const titles = (raw.prepare('SELECT title FROM documents ORDER BY id').all() as { title: string }[]).map((r) => r.title);
  assert.deepEqual(titles, ['one', 'three']);
  assert.equal((raw.prepare('SELECT COUNT(*) AS n FROM statements').get() as { n: number }).n, 2 * 6);
  raw.close();
});
