// The core issue's bars on the seed article, exactly as a user runs them. Needs ../shared
// (the evaluation set beside the repository), which users do not have: skipped without it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, skein, tempDir } from './helpers.js';

const SHARED = join(ROOT, '..', 'shared');
const SEED = join(SHARED, 'seed/westminster-2017.txt');
const skip = existsSync(SEED) ? false : `../shared is not beside the repository (${SHARED}): seed bars not checked`;

test('skein extract on the seed, scored by the evaluation scorer: entity F1 >= 0.70, relation F1 >= 0.40', { skip }, () => {
  const run = skein(['extract', SEED, '--date', '2017-04-03', '--json']);
  assert.equal(run.status, 0, run.stderr);
  const pred = join(tempDir(), 'pred');
  mkdirSync(pred);
  writeFileSync(join(pred, 'westminster-2017.json'), run.stdout);
  // The scorer runs only when started by its real path (it compares argv[1] with its own URL).
  const score = spawnSync(process.execPath, [realpathSync(join(SHARED, 'eval/score.mjs')), '--gold', join(SHARED, 'eval/gold-dev'), '--pred', pred, '--json'], { encoding: 'utf8' });
  assert.equal(score.status, 0, score.stderr);
  const { summary } = JSON.parse(score.stdout);
  assert.ok(summary.entities.f >= 0.70, `entity F1 ${summary.entities.f}`);
  assert.ok(summary.relations.f >= 0.40, `relation F1 ${summary.relations.f}`);
});

test('after ingesting the seed, path "Khalid Masood" "Islamic State" prints a path with the sentence behind each hop', { skip }, () => {
  const db = join(tempDir(), 'seed.db');
  assert.equal(skein(['ingest', SEED, '--date', '2017-04-03', '--db', db]).status, 0);
  const run = skein(['path', 'Khalid Masood', 'Islamic State', '--db', db]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /shortest path/);
  const json = JSON.parse(skein(['path', 'Khalid Masood', 'Islamic State', '--db', db, '--json']).stdout);
  assert.ok(json.length >= 1);
  for (const hop of json.hops[0]) {
    assert.ok(hop.statements.length >= 1, `hop ${hop.fromLabel} - ${hop.toLabel} has evidence`);
    for (const s of hop.statements) assert.ok(s.evidence.sentence.length > 10 && run.stdout.includes(s.evidence.sentence.replace(/\s+/g, ' ').trim()));
  }
});
