import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_MODEL_DIR, PerceptronNer, loadNerModel, spansFromTags } from '../../src/extract/ner/index.js';

const modelFile = join(DEFAULT_MODEL_DIR, 'model.bin');
const missing = existsSync(modelFile) ? false : `NER model ${modelFile} is missing (run npm run train:ner)`;

test('spansFromTags turns IOB2 labels into token spans', () => {
  assert.deepEqual(spansFromTags(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-ORG']), [
    { start: 0, end: 2, type: 'PER' },
    { start: 3, end: 4, type: 'LOC' },
    { start: 4, end: 5, type: 'LOC' },
    { start: 5, end: 6, type: 'ORG' },
  ]);
});

test('the shipped model tags people, organisations and places', { skip: missing }, () => {
  const model = loadNerModel();
  assert.equal(loadNerModel(), model, 'the loaded model is cached');
  const tokens = 'Angela Merkel met officials of the United Nations in Geneva on Tuesday .'.split(' ');
  const tags = model.tag(tokens);
  assert.equal(tags.length, tokens.length);
  const spans = spansFromTags(tags).map((s) => `${s.type}:${tokens.slice(s.start, s.end).join(' ')}`);
  assert.deepEqual(spans, ['PER:Angela Merkel', 'ORG:United Nations', 'LOC:Geneva']);
});

test('document context is accepted and labels stay in the IOB2 set', { skip: missing }, () => {
  const model = loadNerModel();
  const doc = [
    'The mayor of Lyon , Marie Duval , opened the new bridge .'.split(' '),
    'Duval said the Lyon council paid for it .'.split(' '),
  ];
  const allowed = new Set(['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC']);
  for (const s of doc) {
    const tags = model.tag(s, { documentTokens: doc });
    assert.equal(tags.length, s.length);
    for (const t of tags) assert.ok(allowed.has(t), t);
  }
  const first = spansFromTags(model.tag(doc[0]!, { documentTokens: doc }));
  assert.ok(first.some((s) => s.type === 'PER' && doc[0]!.slice(s.start, s.end).join(' ') === 'Marie Duval'));
  assert.deepEqual(model.tag([]), []);
});

test('fast inference adds up to the same model as the training features', { skip: missing }, () => {
  const model = loadNerModel() as PerceptronNer;
  const doc = [
    'FOOTBALL - KESTREL ROVERS BEAT HALLAM CITY 2-1 .'.split(' '),
    'Kestrel Rovers beat Hallam City 2-1 on Saturday at the Marlow Road ground in Ashbury , Yorkshire .'.split(' '),
    'Striker Tomas Okafor , 24 , scored twice for Rovers before the break .'.split(' '),
    'The Northern Premier League said on Monday that Okafor would join the England under-21 squad .'.split(' '),
    '" We are delighted , " said Rovers manager Gwen Ashdown-Pike .'.split(' '),
    [],
    'Okafor'.split(' '),
  ];
  doc.push(doc[2]!); // the same sentence array twice
  assert.deepEqual(model.tagDocument(doc), model.tagDocumentReference(doc));
  for (const s of doc) assert.deepEqual(model.tag(s), model.tagDocumentReference([s])[0]);
  // a sentence that is not one of the document's arrays is tagged in its context
  const other = 'Ashdown-Pike thanked Okafor .'.split(' ');
  assert.equal(model.tag(other, { documentTokens: doc }).length, other.length);
  assert.deepEqual(model.tag(doc[1]!, { documentTokens: doc }), model.tagDocument(doc)[1]);
});

test('tags stay the same after the word caches start over', { skip: missing }, () => {
  const model = loadNerModel() as PerceptronNer;
  const doc = [
    'Marta Kowalczyk flew from Gdansk to Lisbon to meet the Ferrovia Atlantica board .'.split(' '),
    'Kowalczyk said Ferrovia Atlantica would open an office in Porto .'.split(' '),
  ];
  const before = model.tagDocument(doc);
  // more word types than the caches keep
  const many: string[][] = [];
  for (let i = 0; i < 40000; i += 20) many.push(Array.from({ length: 20 }, (_, j) => `Zq${i + j}x`));
  model.tagDocument(many);
  assert.deepEqual(model.tagDocument(doc), before);
  assert.deepEqual(before, model.tagDocumentReference(doc));
});
