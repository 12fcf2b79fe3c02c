#!/usr/bin/env node
// npm run demo: ingest the example reports into ./skein-demo.db (made afresh), then show the
// most central entities and one path with the sentence behind each hop.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const db = 'skein-demo.db';
for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });

function skein(title, ...args) {
  process.stdout.write(`\n$ skein ${args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}   # ${title}\n`);
  const run = spawnSync(process.execPath, ['bin/skein.js', ...args, '--db', db], { stdio: 'inherit' });
  if (run.status !== 0) {
    process.stderr.write(`demo: "skein ${args[0]}" exited with ${run.status}\n`);
    process.exit(run.status ?? 1);
  }
}

skein('read the example reports (txt, md, html, pdf)', 'ingest', 'examples');
skein('who is most central', 'rank', '--by', 'betweenness', '--top', '10');
skein('how is the Westminster attacker tied to Islamic State, and according to which sentences', 'path', 'Khalid Masood', 'Islamic State');
process.stdout.write(`\nExplore further, e.g.: node bin/skein.js show "Anjem Choudary" --db ${db}\n`);
