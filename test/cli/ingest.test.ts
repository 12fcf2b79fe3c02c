import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { ROOT, skein, skeinAsync, tempDir } from './helpers.js';

const EXAMPLES = join(ROOT, 'examples');

function counts(db: string): Record<string, number> {
  const raw = new Database(db, { readonly: true });
  const out: Record<string, number> = {};
  for (const t of ['documents', 'entities', 'statements', 'mentions']) {
    out[t] = (raw.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  raw.close();
  return out;
}

test('ingest the examples folder, then again: the second run changes nothing', () => {
  const db = join(tempDir(), 'demo.db');
  const first = skein(['ingest', EXAMPLES, '--db', db, '--json']);
  assert.equal(first.status, 0, first.stderr);
  const report = JSON.parse(first.stdout);
  const files = readdirSync(EXAMPLES).length;
  assert.equal(report.ingested, files);
  assert.equal(report.failed, 0);
  for (const o of report.outcomes) assert.ok(o.statements > 0, `${o.input} gave no statements`);
  const before = counts(db);
  assert.ok(before.statements > 20);

  const second = skein(['ingest', EXAMPLES, '--db', db]);
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stdout, new RegExp(`0 ingested, ${files} unchanged, 0 failed`));
  assert.deepEqual(counts(db), before);
});

test('a folder with bad files: good ones ingested, each bad one reported with its reason, exit 2, nothing partial, rerun adds nothing', () => {
  const dir = tempDir();
  copyFileSync(join(EXAMPLES, 'rigby-murder.txt'), join(dir, 'good.txt'));
  copyFileSync(join(EXAMPLES, 'choudary-conviction.md'), join(dir, 'good.md'));
  writeFileSync(join(dir, 'corrupt.pdf'), '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ngarbage without xref');
  writeFileSync(join(dir, 'program.bin'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'huge.txt'), 'The committee met again in Leeds to review the case. '.repeat(400_000)); // about 21 MB
  const db = join(tempDir(), 'mixed.db');

  const run = skein(['ingest', dir, '--db', db, '--json']);
  assert.equal(run.status, 2, run.stderr);
  const report = JSON.parse(run.stdout);
  const by = (name: string) => report.outcomes.find((o: { input: string }) => o.input.endsWith(name));
  assert.equal(by('good.txt').status, 'ingested');
  assert.equal(by('good.md').status, 'ingested');
  for (const bad of ['corrupt.pdf', 'program.bin', 'empty.txt', 'huge.txt']) {
    assert.equal(by(bad).status, 'failed', bad);
    assert.ok(by(bad).reason.length > 5, `${bad} has a reason`);
  }
  assert.match(by('empty.txt').reason, /empty/i);
  assert.match(by('huge.txt').reason, /large|limit/i);
  const after = counts(db);
  assert.equal(after.documents, 2);

  const again = skein(['ingest', dir, '--db', db]);
  assert.equal(again.status, 2);
  assert.match(again.stdout, /0 ingested, 2 unchanged, 4 failed/);
  assert.deepEqual(counts(db), after);
});

test('ingest a URL from a local server with --allow-private; refused without it, before connecting', async () => {
  let requests = 0;
  const server = createServer((_req, res) => {
    requests++;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<html><head><title>Local report</title><meta property="article:published_time" content="2019-05-01"></head>'
      + '<body><article><p>Maria Lopez, a spokeswoman for the Harbour Front, was arrested in Valencia.</p>'
      + '<p>The Harbour Front was designated by the Interior Ministry in 2018.</p></article></body></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/report`;
  try {
    const db = join(tempDir(), 'url.db');
    const refused = await skeinAsync(['ingest', url, '--db', db, '--json']);
    assert.equal(refused.status, 2);
    assert.match(JSON.parse(refused.stdout).outcomes[0].reason, /private|loopback/i);
    assert.equal(requests, 0, 'no connection was made');

    const allowed = await skeinAsync(['ingest', url, '--db', db, '--allow-private', '--json']);
    assert.equal(allowed.status, 0, allowed.stderr);
    assert.equal(JSON.parse(allowed.stdout).ingested, 1);
    assert.equal(requests, 1);
    const docs = JSON.parse((await skeinAsync(['documents', '--db', db, '--json'])).stdout);
    assert.equal(docs[0].title, 'Local report');
    assert.equal(docs[0].published, '2019-05-01');
    assert.equal(docs[0].origin, url);
  } finally {
    server.close();
  }
});

test('bad options and missing inputs get clear errors naming them', () => {
  const db = join(tempDir(), 'x.db');
  const noDb = skein(['entities', '--db', db]);
  assert.equal(noDb.status, 1);
  assert.match(noDb.stderr, /no database at .*x\.db/);
  const badDate = skein(['ingest', EXAMPLES, '--db', db, '--date', '2017-13-45']);
  assert.equal(badDate.status, 1);
  assert.match(badDate.stderr, /--date must be a date as YYYY-MM-DD/);
  const missing = skein(['ingest', join(EXAMPLES, 'no-such-file.txt'), '--db', db, '--json']);
  assert.equal(missing.status, 2);
  assert.match(JSON.parse(missing.stdout).outcomes[0].reason, /no-such-file|not found|no such/i);
});
