import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { ingestInputs, type IngestRunReport } from '../../pipeline.js';
import { parseDate, parsePositiveInt, useStore, withDb } from '../context.js';
import { printJson, printTable } from '../output.js';

export function register(program: Command): void {
  withDb(program.command('ingest'))
    .description('read files, folders (recursively) and http(s) URLs into the database, extracting entities and relations')
    .argument('<inputs...>', 'files, folders or URLs')
    .option('--date <YYYY-MM-DD>', 'publication date for documents that state none; relative dates in the text resolve against it')
    .option('--allow-private', 'permit URLs on private, loopback and link-local addresses')
    .option('--max-bytes <n>', 'largest input accepted, in bytes', '10485760')
    .option('--json', 'print the report as JSON')
    .action(async (inputs: string[], opts: { db?: string; date?: string; allowPrivate?: boolean; maxBytes: string; json?: boolean }) => {
      const options = {
        defaultDate: opts.date ? parseDate(opts.date) : undefined,
        allowPrivate: Boolean(opts.allowPrivate),
        maxBytes: parsePositiveInt(opts.maxBytes, '--max-bytes'),
      };
      const report = await useStore(opts, async (store) => {
        // A progress bar only for people watching a multi-file run.
        const bar = process.stderr.isTTY && !opts.json
          ? new SingleBar({ format: 'ingest [{bar}] {value}/{total} {current}', stream: process.stderr, hideCursor: true }, Presets.shades_classic)
          : null;
        let started = false;
        const result = await ingestInputs(store, inputs, options, (p) => {
          if (!bar || p.total < 2) return;
          if (!started) { bar.start(p.total, 0, { current: '' }); started = true; }
          bar.update(p.done, { current: p.current.length > 40 ? `…${p.current.slice(-39)}` : p.current });
        });
        if (started) bar?.stop();
        return result;
      }, true);
      if (opts.json) printJson(report);
      else printReport(report);
      if (report.failed > 0) process.exitCode = 2;
    });
}

function printReport(report: IngestRunReport): void {
  printTable(report.outcomes, [
    { header: 'status', value: (o) => o.status },
    { header: 'input', value: (o) => o.input, max: 60 },
    { header: 'detail', value: (o) => o.status === 'failed' ? o.reason ?? '' : o.status === 'ingested'
      ? `${o.title ?? ''} (${o.words} words, ${o.entities} entities, ${o.statements} statements)` : o.title ?? '', max: 100 },
  ]);
  const rate = report.seconds > 0 ? Math.round(report.words / report.seconds) : 0;
  process.stdout.write(`\n${report.ingested} ingested, ${report.unchanged} unchanged, ${report.failed} failed` +
    ` (${report.words} words in ${report.seconds.toFixed(1)} s, ${rate} words/s)\n`);
}
