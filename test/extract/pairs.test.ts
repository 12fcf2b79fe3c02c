// The pair classifier: training learns, the model file round-trips and fails clearly when
// malformed, class directions follow the schema, and the extractor uses it only for pairs the
// patterns left untied.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import {
  classAllowed, classifyPair, loadPairModel, serializePairModel, trainPairModel, DEFAULT_PAIR_MODEL, type PairExample,
} from '../../src/extract/pairs.js';
import { extract } from '../../src/extract/index.js';
import type { PairRecord } from '../../src/extract/types.js';

function examples(): PairExample[] {
  const out: PairExample[] = [];
  for (let i = 0; i < 40; i++) {
    out.push({ features: ['t:PO', 'b:PO:fighter', `noise:${i % 7}`], first: 'Person', second: 'Organization', labels: ['member_of>'] });
    out.push({ features: ['t:PO', 'b:PO:criticised', `noise:${i % 5}`], first: 'Person', second: 'Organization', labels: ['none'] });
    // The gold may accept several types: either is right.
    out.push({ features: ['t:OP', 'b:OP:commander'], first: 'Organization', second: 'Person', labels: ['leader_of<', 'member_of<'] });
  }
  return out;
}

test('pairs: the perceptron learns to tell a tie from none, in the right direction', () => {
  const model = { ...trainPairModel(examples(), 5), threshold: 1 };
  assert.equal(classifyPair(model, ['t:PO', 'b:PO:fighter'], 'Person', 'Organization')?.cls, 'member_of>');
  assert.equal(classifyPair(model, ['t:PO', 'b:PO:criticised'], 'Person', 'Organization'), null);
  assert.ok(['leader_of<', 'member_of<'].includes(classifyPair(model, ['t:OP', 'b:OP:commander'], 'Organization', 'Person')?.cls ?? ''));
  // Features it never saw: nothing to say.
  assert.equal(classifyPair(model, ['t:PO', 'b:PO:unseen'], 'Person', 'Organization'), null);
});

test('pairs: classes follow the schema\'s endpoint types and directions', () => {
  assert.ok(classAllowed('member_of>', 'Person', 'Organization'));
  assert.ok(!classAllowed('member_of>', 'Organization', 'Person'));
  assert.ok(classAllowed('member_of<', 'Organization', 'Person'));
  assert.ok(classAllowed('associated_with=', 'Location', 'Event'));
  assert.ok(!classAllowed('family_of=', 'Person', 'Organization'));
});

test('pairs: a model file round-trips; a malformed one is an error naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'skein-pairs-'));
  const model = { ...trainPairModel(examples(), 5), threshold: 0.5 };
  const file = join(dir, 'pairs.json');
  writeFileSync(file, serializePairModel(model));
  const back = loadPairModel(file)!;
  assert.equal(back.threshold, 0.5);
  for (const f of [['t:PO', 'b:PO:fighter'], ['t:OP', 'b:OP:commander']])
    assert.equal(classifyPair(back, f, f[0] === 't:PO' ? 'Person' : 'Organization', f[0] === 't:PO' ? 'Organization' : 'Person')?.cls,
      classifyPair(model, f, f[0] === 't:PO' ? 'Person' : 'Organization', f[0] === 't:PO' ? 'Organization' : 'Person')?.cls);
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ format: 'something-else' }));
  assert.throws(() => loadPairModel(bad), (err: Error) => err.message.includes(bad) && err.message.includes('train:relations'));
  writeFileSync(bad, JSON.stringify({ format: 'skein-pairs', version: 1, classes: ['none', 'married_to='], threshold: 0, weights: {} }));
  assert.throws(() => loadPairModel(bad), /unknown class "married_to="/);
  assert.equal(loadPairModel(join(dir, 'missing.json')), null);
});

test('pairs: the shipped model loads; the extractor hands untied pairs to it and marks what it adds', () => {
  const shipped = loadPairModel(DEFAULT_PAIR_MODEL);
  assert.ok(shipped, `no model at ${DEFAULT_PAIR_MODEL} (run npm run train:relations)`);
  assert.ok(shipped.weights.size > 1000);
  const text = 'Karim Haddad, a member of the Eastern Brigade, spoke on Monday. The Eastern Brigade issued a statement about Tripoli.';
  let records: PairRecord[] = [];
  const off = extract(text, { pairModel: null, onPairs: (r) => { records = r; } });
  assert.ok(off.relations.every((r) => !r.rule.startsWith('model:')));
  // The member_of pair is tied by a pattern, so it is never handed to the classifier.
  assert.ok(!records.some((r) => r.first.names.includes('Karim Haddad') && r.second.names.includes('Eastern Brigade')));
  assert.ok(records.every((r) => r.features.length > 3 && r.features[0].startsWith('t:')));
  // With a model that ties every Organization-Location pair it sees, the untied pair gets a tie.
  const eager = { ...trainPairModel([{ features: ['t:OL'], first: 'Organization', second: 'Location', labels: ['located_in>'] }], 1), threshold: -1 };
  const on = extract(text, { pairModel: eager });
  const added = on.relations.filter((r) => r.rule.startsWith('model:pairs'));
  assert.ok(added.some((r) => r.type === 'located_in'), JSON.stringify(on.relations.map((r) => `${r.type} ${r.rule}`)));
  // The rule names the features that argued for the tie.
  assert.match(added[0].rule, /^model:pairs \(t:OL \+\d/);
  assert.equal(added[0].confidence, 0.45);
});

test('pairs: proposals never contradict the roles the patterns read', () => {
  // A model that calls every person-event pair a perpetration, every pair of people associates,
  // and every person a member of every group.
  const eager = {
    ...trainPairModel([
      { features: ['t:PV'], first: 'Person', second: 'Event', labels: ['perpetrator_of>'] },
      { features: ['t:VP'], first: 'Event', second: 'Person', labels: ['perpetrator_of<'] },
      { features: ['t:PP'], first: 'Person', second: 'Person', labels: ['associated_with='] },
      { features: ['t:PO'], first: 'Person', second: 'Organization', labels: ['member_of>'] },
    ], 1),
    threshold: -1,
  };
  const text = 'Karl Brandt stabbed Lee Rowe to death in the Leeds attack in 2013. '
    + 'Lee Rowe had visited Dana Whitcombe, who was named in an inquiry into the Bristol bombing in 2012. '
    + 'Lee Rowe and Dana Whitcombe once wrote about the Eastern Brigade.';
  const x = extract(text, { pairModel: eager, documentDate: '2014-01-01' });
  const id = (n: string) => x.entities.find((e) => e.name === n)?.id;
  const name = (i: string) => x.entities.find((e) => e.id === i)?.name;
  const model = x.relations.filter((r) => r.rule.startsWith('model:')).map((r) => `${r.type}(${name(r.source)}, ${name(r.target)})`);
  assert.ok(id('Lee Rowe') && id('Karl Brandt'), JSON.stringify(x.entities.map((e) => e.name)));
  // The victim of the Leeds attack is made no perpetrator of the Bristol bombing, and killer and killed are no associates.
  assert.ok(!model.some((m) => m.startsWith('perpetrator_of(Lee Rowe')), model.join('; '));
  assert.ok(!model.includes('associated_with(Karl Brandt, Lee Rowe)') && !model.includes('associated_with(Lee Rowe, Karl Brandt)'), model.join('; '));
  // Nor is the victim made a member of a group.
  assert.ok(!model.some((m) => m.startsWith('member_of(Lee Rowe')), model.join('; '));
  // Someone the patterns gave no role can still be proposed.
  assert.ok(model.some((m) => m.startsWith('perpetrator_of(Dana Whitcombe')), model.join('; '));
  assert.ok(model.some((m) => m.startsWith('member_of(Dana Whitcombe')), model.join('; '));
});
