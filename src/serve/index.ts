// `skein serve`: one process serving the JSON API and the built web app.
import { serve, type ServerType } from '@hono/node-server';
import { openStore } from '../store/index.js';
import type { Repository } from '../store/types.js';
import { createApp, defaultUploadDir, type AppOptions } from './app.js';

export { createApp } from './app.js';

export interface ServeOptions extends Partial<Omit<AppOptions, 'store'>> {
  dbPath: string;
  port?: number;
  host?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  store: Repository;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 4747;
export const DEFAULT_HOST = '127.0.0.1';

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const store = openStore(options.dbPath);
  const host = options.host ?? DEFAULT_HOST;
  const loopback = host === 'localhost' || host === '::1' || /^127\./.test(host);
  const { app } = createApp({
    ...options, store, uploadDir: options.uploadDir ?? defaultUploadDir(options.dbPath),
    allowedHosts: options.allowedHosts ?? (loopback ? ['localhost', '127.0.0.1', '[::1]', host.includes(':') ? `[${host}]` : host] : undefined),
  });
  let server: ServerType;
  const port = await new Promise<number>((resolve, reject) => {
    server = serve({ fetch: app.fetch, port: options.port ?? DEFAULT_PORT, hostname: host }, (info) => resolve(info.port));
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(err.code === 'EADDRINUSE' ? new Error(`port ${options.port} on ${host} is in use: pick another with --port`) : err);
    });
  }).catch(async (err) => { await store.close(); throw err; });
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}`,
    port,
    store,
    close: () => new Promise<void>((resolve) => {
      server.close(() => { void store.close().then(resolve); });
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    }),
  };
}
