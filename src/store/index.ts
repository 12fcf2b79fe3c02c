// The store stage: where extracted statements live. Open it with openStore(); everything else
// goes through the Repository interface.
import { resolve } from 'node:path';
import { SqliteRepository } from './sqlite.js';
import type { Repository } from './types.js';

export type * from './types.js';

/** Database path: the explicit option, else $SKEIN_DB, else ./skein.db. */
export function databasePath(explicit?: string): string {
  const chosen = explicit ?? process.env.SKEIN_DB ?? 'skein.db';
  return chosen === ':memory:' ? chosen : resolve(chosen);
}

export function openStore(path?: string): Repository {
  return new SqliteRepository(databasePath(path));
}
