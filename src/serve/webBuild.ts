// The built front end (dist/web) for tests and benchmarks: rebuilt with Vite when it is
// missing or older than any source under web/, so nobody measures or tests a stale build.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defaultStaticDir, packageRoot } from './app.js';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function webBuildIsCurrent(): boolean {
  const index = join(defaultStaticDir(), 'index.html');
  return existsSync(index) && statSync(index).mtimeMs >= newestMtime(join(packageRoot(), 'web'));
}

/** Builds the front end unless the build is current (same as `npm run build:web`). */
export function ensureWebBuilt(): void {
  if (webBuildIsCurrent()) return;
  const root = packageRoot();
  execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' });
}
