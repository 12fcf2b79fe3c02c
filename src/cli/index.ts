// The `skein` command line: one module per group of commands, registered here.
import { Command, CommanderError } from 'commander';
import { IngestError } from '../ingest/types.js';
import { UsageError } from './output.js';
import * as ingest from './commands/ingest.js';
import * as extract from './commands/extract.js';
import * as browse from './commands/browse.js';
import * as exporter from './commands/export.js';
import * as network from './commands/network.js';
import * as serve from './commands/serve.js';

export function buildProgram(): Command {
  const program = new Command('skein')
    .description('turn news articles and reports into an evidence-backed network, and measure it')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const group of [ingest, extract, browse, network, exporter, serve]) group.register(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander has already printed help or the usage error.
      process.exitCode = err.exitCode;
      return;
    }
    const message = err instanceof UsageError || err instanceof IngestError ? err.message
      : err instanceof Error ? (process.env.SKEIN_DEBUG ? err.stack ?? err.message : err.message) : String(err);
    process.stderr.write(`skein: ${message}\n`);
    process.exitCode = 1;
  }
}
