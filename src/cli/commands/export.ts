import type { Command } from 'commander';
import { writeFileSync, renameSync } from 'node:fs';
import { buildExportNetwork, EXPORT_FORMATS, formatNetwork, type ExportFormat } from '../../export/index.js';
import { useStore, withDb } from '../context.js';
import { UsageError } from '../output.js';

export function register(program: Command): void {
  withDb(program.command('export'))
    .description('export the network: entities as nodes, relations as edges with type, modality and number of sources')
    .option('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`, 'json')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (opts: { db?: string; format: string; out?: string }) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format)) {
        throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, got "${opts.format}"`);
      }
      const text = await useStore(opts, async (store) =>
        formatNetwork(buildExportNetwork(await store.entities(), await store.relationClaims()), opts.format as ExportFormat));
      if (!opts.out) return void process.stdout.write(text);
      // Written beside the target then renamed, so a failed export never leaves half a file.
      const partial = `${opts.out}.partial`;
      writeFileSync(partial, text);
      renameSync(partial, opts.out);
      process.stderr.write(`wrote ${opts.out}\n`);
    });
}
