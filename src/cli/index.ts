// The `skein` command line: one module per group of commands, registered here.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { IngestError } from '../ingest/types.js';
import { UsageError } from './output.js';
import * as ingest from './commands/ingest.js';
import * as extract from './commands/extract.js';
import * as browse from './commands/browse.js';
import * as exporter from './commands/export.js';
import * as network from './commands/network.js';
import * as serve from './commands/serve.js';

/** The package's version, from package.json (two folders up from src/cli/ and from dist/src/cli/). */
function version(): string {
  for (const up of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'skein' && pkg.version) return pkg.version;
    } catch { /* not at this level */ }
  }
  return 'unknown';
}

export function buildProgram(): Command {
  const program = new Command('skein')
    .description('turn news articles and reports into an evidence-backed network, and measure it')
    .version(version())
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
