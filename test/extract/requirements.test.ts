// The pattern pre-test: what requirements() reads off a pattern must be necessary for a match,
// or a relation would be lost without any test noticing its rule was never run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PATTERNS, requirements } from '../../src/extract/relations.js';

const shown = (src: string) => requirements(src).map((n) => (typeof n === 'string' ? n : `/${n.source}/`));

test('literal runs and lexicon groups that a pattern cannot skip are required', () => {
  assert.deepEqual(shown("(⟦P#\\d+⟧) , whose (?:[a-z]+ )?(?:brother|sister) of (⟦P#\\d+⟧)"),
    ['⟦P#', ' , whose ', '/brother|sister/', ' of ', '⟦P#']);
});

test('optional parts, classes and lookarounds are not required', () => {
  assert.deepEqual(shown('(?:the )?(?:a|an )?x(?=,|who)[a-z]+ (?!met )(?:led|run) by'), ['/led|run/', ' by']);
  // A quantified character ends the run ("s?" may be absent; "e+" is there at least once).
  assert.deepEqual(shown('members? of'), ['member', ' of']);
  assert.deepEqual(shown('agree+d it'), ['agree', 'd it']);
  assert.deepEqual(shown('(?:brothers ){0,2}and (?:sisters ){1,3}too'), ['and ', 'sisters ', 'too']);
});

test('an alternative is cut at its first special character', () => {
  assert.deepEqual(shown('(?:added to (?:the )?list|banned|listed on)'), ['/added to |banned|listed on/']);
  // An alternative with no literal start makes the group useless as a pre-test.
  assert.deepEqual(shown('(?:(?:placed|put) under surveillance|watched) closely'), [' closely']);
});

test('a pattern with a top-level alternative requires nothing', () => {
  assert.deepEqual(shown('leader of|head of'), []);
});

test('the requirements accept every sentence the pattern matches', () => {
  // Shaped sentences the patterns are written for, one per family; each must match its
  // pattern with the pre-test applied and without it.
  const cases: [string, string][] = [
    ['member-of-role', '⟦P#0⟧ , a senior member of ⟦O#1⟧ , was arrested'],
    ['family-possessive', "⟦P#0⟧ 's brother , ⟦P#1⟧ , was investigated"],
    ['leader-of-under', '⟦O#0⟧ , under the leadership of ⟦P#1⟧ , grew'],
    ['located-x-based', '⟦L#0⟧ - based group ⟦O#1⟧'],
    ['perpetrator-kill-subject', '⟦P#0⟧ carried out ⟦V#1⟧'],
  ];
  for (const [id, text] of cases) {
    const p = PATTERNS.find((x) => x.id === id);
    assert.ok(p, id);
    p.rx.lastIndex = 0;
    assert.ok(p.rx.test(text), `${id} matches "${text}"`);
    for (const n of p.needs) assert.ok(typeof n === 'string' ? text.includes(n) : n.test(text), `${id}: requirement ${n} holds`);
  }
  assert.ok(PATTERNS.every((p) => p.needs.length > 0), 'every pattern has a pre-test');
});
