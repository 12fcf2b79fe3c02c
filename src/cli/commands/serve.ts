// `skein serve`: the web workbench (JSON API and app) on one local port.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { databasePath } from '../../store/index.js';
import { DEFAULT_HOST, DEFAULT_PORT, startServer } from '../../serve/index.js';
import { withDb } from '../context.js';
import { UsageError } from '../output.js';

export function register(program: Command): void {
  withDb(program.command('serve'))
    .description('serve the web workbench (graph, evidence, documents, timeline, map, paths, ingest) and its JSON API')
    .option('--port <n>', `port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)`)
    .option('--host <host>', `address to bind (default ${DEFAULT_HOST}: this machine only)`)
    .action(async (opts: { db?: string; port?: string; host?: string }) => {
      const port = opts.port === undefined ? DEFAULT_PORT : Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, got "${opts.port}"`);
      const host = opts.host ?? DEFAULT_HOST;
      if (!host.trim() || /\s/.test(host)) throw new UsageError(`--host must be an address or host name, got "${host}"`);
      const dbPath = databasePath(opts.db);
      const fresh = dbPath !== ':memory:' && !existsSync(dbPath);
      const server = await startServer({ dbPath, port, host });
      process.stdout.write(`skein workbench on ${server.url}  (database ${dbPath}${fresh ? ', new and empty: ingest from the Ingest view' : ''})\n`);
      if (host !== DEFAULT_HOST && host !== 'localhost' && host !== '::1') {
        process.stderr.write(`skein: warning: bound to ${host}; anyone who can reach it can read and add to the database\n`);
      }
      process.stdout.write('press Ctrl-C to stop\n');
      await new Promise<void>((resolve) => {
        const stop = () => { process.off('SIGINT', stop); process.off('SIGTERM', stop); void server.close().then(resolve); };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
