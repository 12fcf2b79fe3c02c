// The Re-DocRED scoring helpers (scripts/redocred.ts) and `npm run eval:relations` on a small
// DocRED-shaped document we wrote ourselves (no Re-DocRED text here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  EXTRA_MAPPINGS, MAIN_MAPPINGS, detokenize, goldVertices, scoreDocument,
} from '../../scripts/redocred.js';
import type { DocredDocument } from '../../scripts/redocred.js';
import type { Extraction, ExtractedEntity, ExtractedRelation } from '../../src/extract/types.js';
import type { EntityType, RelationType } from '../../src/schema/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const doc: DocredDocument = {
  title: 'Harbour Rowing Club',
  sents: [
    ['Marta', 'Quill', '(', 'born', '1950', ')', 'co', '-', 'founded', 'the', 'Harbour', 'Rowing', 'Club', 'in', 'Port', 'Ellis', '.'],
    ['Her', 'brother', ',', 'Tomas', 'Quill', ',', 'chairs', 'the', 'club', "'s", 'board', '.'],
    ['She', 'said', ':', '"', 'we', 'row', '.', '"'],
  ],
  vertexSet: [
    [{ name: 'Marta Quill', sent_id: 0, pos: [0, 2], type: 'PER' }],
    [{ name: 'Harbour Rowing Club', sent_id: 0, pos: [10, 13], type: 'ORG' }, { name: 'club', sent_id: 1, pos: [8, 9], type: 'ORG' }],
    [{ name: 'Port Ellis', sent_id: 0, pos: [14, 16], type: 'LOC' }],
    [{ name: 'Tomas Quill', sent_id: 1, pos: [3, 5], type: 'PER' }],
    [{ name: '1950', sent_id: 0, pos: [4, 5], type: 'TIME' }],
  ],
  labels: [
    { h: 1, t: 0, r: 'P112', evidence: [0] }, // the club was founded by Marta
    { h: 0, t: 3, r: 'P3373', evidence: [1] },
    { h: 3, t: 0, r: 'P3373', evidence: [1] }, // the same pair again: counted once
    { h: 1, t: 3, r: 'P488', evidence: [1] }, // the club's chair is Tomas
    { h: 1, t: 2, r: 'P159', evidence: [0] },
    { h: 0, t: 4, r: 'P569', evidence: [0] }, // not mapped
  ],
};

const TEXT = 'Marta Quill (born 1950) co-founded the Harbour Rowing Club in Port Ellis. '
  + "Her brother, Tomas Quill, chairs the club's board. "
  + 'She said: "we row."';

function at(text: string, s: string, from = 0) {
  const start = text.indexOf(s, from);
  assert.ok(start >= 0, `"${s}" not in text`);
  return { start, end: start + s.length };
}

function entity(id: string, type: EntityType, name: string, spans: { start: number; end: number }[]): ExtractedEntity {
  return {
    id, type, name, aliases: [], confidence: 1,
    mentions: spans.map((s) => ({ ...s, text: TEXT.slice(s.start, s.end), sentence: 0, rule: 'test' })),
  };
}
function relation(type: RelationType, source: string, target: string): ExtractedRelation {
  return {
    type, source, target, modality: 'asserted', rule: 'test', confidence: 1,
    evidence: { start: 0, end: 10, sentence: 0, text: TEXT.slice(0, 10) },
  };
}
function extraction(relations: ExtractedRelation[]): Extraction {
  return {
    extractor: { name: 'test', version: '0' },
    sentences: [],
    entities: [
      entity('e1', 'Person', 'Marta Quill', [at(TEXT, 'Marta Quill')]),
      // Overlap is enough: our span is shorter than the gold one.
      entity('e2', 'Organization', 'Rowing Club', [at(TEXT, 'Rowing Club')]),
      entity('e3', 'Location', 'Port Ellis', [at(TEXT, 'Port Ellis')]),
      // No mention spans: found by its name alone.
      entity('e4', 'Person', 'Tomas Quill', []),
      entity('e5', 'Person', 'Ann Other', [at(TEXT, 'She')]),
    ],
    relations,
  };
}

test('detokenize: punctuation, brackets, hyphens, clitics and quotes; token offsets point at the tokens', () => {
  const d = detokenize(doc.sents);
  assert.equal(d.text, TEXT);
  doc.sents.forEach((sent, s) => sent.forEach((tok, i) => {
    assert.equal(d.text.slice(d.tokenStart[s][i], d.tokenEnd[s][i]), tok, `sentence ${s} token ${i}`);
  }));
  const gold = goldVertices(doc, d);
  assert.deepEqual(gold[1].spans.map((s) => d.text.slice(s.start, s.end)), ['Harbour Rowing Club', 'club']);
  assert.deepEqual([...gold[3].names], ['tomas quill']);
  // Blank tokens add no text and get an empty span.
  const blank = detokenize([['Nexus', '\u00a0', 'Q', '.']]);
  assert.equal(blank.text, 'Nexus Q.');
  assert.equal(blank.tokenStart[0][1], blank.tokenEnd[0][1]);
});

test('scoreDocument: right predictions count, a reversed directed one does not, family either way', () => {
  const score = scoreDocument(doc, extraction([
    relation('founder_of', 'e1', 'e2'), // right: gold (club, founder) is founder_of(founder, club)
    relation('leader_of', 'e2', 'e4'), // reversed: gold (club, chair) is leader_of(chair, club)
    relation('family_of', 'e4', 'e1'), // right, symmetric
    relation('family_of', 'e1', 'e4'), // the same pair again: the gold label is already found
    relation('located_in', 'e2', 'e3'), // right: headquarters
    relation('member_of', 'e5', 'e2'), // e5 is no Re-DocRED entity: not scored
  ]), MAIN_MAPPINGS);
  const id = (k: string) => score.byId.get(k)!;
  assert.deepEqual(id('P112'), { gold: 1, pred: 1, tp: 1, found: 1 });
  assert.deepEqual(id('P488'), { gold: 1, pred: 1, tp: 0, found: 0 });
  assert.deepEqual(id('P3373'), { gold: 1, pred: 2, tp: 1, found: 1 });
  assert.deepEqual(id('P159'), { gold: 1, pred: 1, tp: 1, found: 1 });
  assert.deepEqual(id('P463'), { gold: 0, pred: 0, tp: 0, found: 0 });
  const type = (k: string) => score.byType.get(k)!;
  assert.deepEqual(type('founder_of'), { gold: 1, pred: 1, tp: 1, found: 1 });
  assert.deepEqual(type('leader_of'), { gold: 1, pred: 1, tp: 0, found: 0 });
  assert.equal(type('family_of').pred, 2);
  assert.equal(type('family_of').tp, 1);
  assert.deepEqual(type('member_of'), { gold: 0, pred: 0, tp: 0, found: 0 });
  assert.equal(score.unscored.get('member_of'), 1);
  // The reversed leader_of is a miss between entities Re-DocRED does relate.
  assert.equal(score.misses.get('leader_of\tP488'), 1);

  const reversed = scoreDocument(doc, extraction([relation('founder_of', 'e2', 'e1'), relation('leader_of', 'e4', 'e2')]), MAIN_MAPPINGS);
  assert.equal(reversed.byId.get('P112')!.found, 0);
  assert.equal(reversed.byType.get('founder_of')!.tp, 0);
  assert.equal(reversed.byId.get('P488')!.found, 1);
});

test('one prediction finds at most one gold label per Wikidata id', () => {
  // Two vertices our one entity overlaps, each with a P463 label to the same organization.
  const twin: DocredDocument = {
    ...doc,
    vertexSet: [...doc.vertexSet, [{ name: 'Quill', sent_id: 0, pos: [1, 2], type: 'PER' }]],
    labels: [{ h: 0, t: 1, r: 'P463' }, { h: 5, t: 1, r: 'P463' }, { h: 0, t: 1, r: 'P102' }],
  };
  const score = scoreDocument(twin, extraction([relation('member_of', 'e1', 'e2')]), [...MAIN_MAPPINGS, ...EXTRA_MAPPINGS]);
  assert.deepEqual(score.byId.get('P463'), { gold: 2, pred: 1, tp: 1, found: 1 });
  assert.equal(score.byId.get('P102')!.found, 1);
  assert.equal(score.byType.get('member_of')!.tp, 1);
});

test('npm run eval:relations: scores a file end to end, and exits 2 when the data is missing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'skein-redocred-'));
  const file = join(dir, 'dev.json');
  writeFileSync(file, JSON.stringify([doc, doc]));
  const script = join(root, 'scripts/eval-relations.ts');
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, '--file', file, '--json', '--limit', '1'], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout);
  assert.equal(out.documents, 1);
  assert.equal(out.tokens, doc.sents.flat().length);
  assert.deepEqual(out.byWikidata.map((r: { id: string }) => r.id), MAIN_MAPPINGS.map((m) => m.id));
  assert.equal(out.byWikidata.find((r: { id: string }) => r.id === 'P3373').gold, 1);

  const table = spawnSync(process.execPath, ['--import', 'tsx', script, '--file', file], { cwd: root, encoding: 'utf8' });
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /P112 founded by/);
  assert.match(table.stdout, /2 documents/);

  const missing = spawnSync(process.execPath, ['--import', 'tsx', script], {
    cwd: root, encoding: 'utf8', env: { ...process.env, SKEIN_SHARED: join(dir, 'nowhere') },
  });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /Re-DocRED dev .* missing/);
  assert.match(missing.stderr, /SKEIN_SHARED/);

  const bad = spawnSync(process.execPath, ['--import', 'tsx', script, '--limit', 'x'], { cwd: root, encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--limit/);
});
