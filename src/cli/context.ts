// What every command shares: the database option and opening the store.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { databasePath, openStore, type Repository } from '../store/index.js';
import { UsageError } from './output.js';

export function withDb(cmd: Command): Command {
  return cmd.option('--db <file>', 'database file (default: $SKEIN_DB or ./skein.db)');
}

/** Opens the store; commands that only read refuse to create an empty database by accident. */
export async function useStore<T>(opts: { db?: string }, fn: (store: Repository) => Promise<T>, create = false): Promise<T> {
  const path = databasePath(opts.db);
  if (!create && path !== ':memory:' && !existsSync(path)) {
    throw new UsageError(`no database at ${path}: run "skein ingest <path>" first, or pass --db`);
  }
  const store = openStore(path);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export function parsePositiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name} must be a positive whole number, got "${value}"`);
  return n;
}

export function parseDate(value: string, name = '--date'): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new UsageError(`${name} must be a date as YYYY-MM-DD, got "${value}"`);
  }
  return value;
}
