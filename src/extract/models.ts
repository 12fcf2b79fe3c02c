// Where the extract stage's shipped models live: the nearest models/<name> folder above this
// module, which runs from src/extract/ (tsx) or from the compiled dist/src/extract/.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function shippedModelDir(name: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'models', name))) return join(dir, 'models', name);
    if (dirname(dir) === dir) return resolve(here, '../../models', name);
  }
}
