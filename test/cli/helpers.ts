// Running the built `skein` CLI as a user would, on a temporary database.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/skein.js');

if (!existsSync(join(ROOT, 'dist/src/cli/index.js'))) {
  throw new Error('the CLI is not built: run "npm run build" first (npm test does it)');
}

export interface Run { status: number | null; stdout: string; stderr: string }

export function skein(args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking the event loop (for tests that serve HTTP in-process). */
export function skeinAsync(args: string[]): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

export function tempDir(prefix = 'skein-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
