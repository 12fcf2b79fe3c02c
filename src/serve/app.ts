// The web workbench's HTTP app: the JSON API under /api (described at /api/openapi.json) and
// the built front end as static files. Bad input always gets a 4xx with a JSON error naming
// the problem; only a fault of our own is a 500.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { serveStatic } from '@hono/node-server/serve-static';
import {
  ENTITY_TYPES, EVENT_KINDS, MODALITIES, PROPERTIES, RELATION_TYPES, STATEMENT_STATUSES, isEntityType,
} from '../schema/index.js';
import { DEFAULT_MAX_BYTES } from '../ingest/types.js';
import type { InputOutcome } from '../pipeline.js';
import type { Repository, Statement } from '../store/types.js';
import { ApiError, badRequest, clip, dateParam, idListParam, idParam, intParam, listParam, notFound } from './errors.js';
import { openApiDocument } from './openapi.js';
import { NODE_MEASURES, Workbench } from './workbench.js';

export interface AppOptions {
  store: Repository;
  /** Where uploaded files are kept (they are the documents' origin). */
  uploadDir: string;
  /** The built front end; default: dist/web in the package. */
  staticDir?: string;
  /** Largest upload in bytes. */
  maxUploadBytes?: number;
  /** Let URL ingest reach private addresses (tests only). */
  allowPrivateUrls?: boolean;
  /**
   * Host names the server answers to (any port); others get 421. Set when bound to loopback,
   * so that a web page cannot reach the API through DNS rebinding.
   */
  allowedHosts?: string[];
}

/** The package root: the nearest folder above this module holding skein's package.json. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src', 'serve'))) return dir;
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

export function defaultStaticDir(): string {
  return join(packageRoot(), 'dist', 'web');
}

export function defaultUploadDir(dbPath: string): string {
  return dbPath === ':memory:' ? join(tmpdir(), `skein-uploads-${process.pid}`) : `${resolve(dbPath)}.uploads`;
}

const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "worker-src 'self' blob:", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

export function createApp(options: AppOptions): { app: Hono; workbench: Workbench } {
  const { store } = options;
  const workbench = new Workbench(store);
  const maxUpload = options.maxUploadBytes ?? DEFAULT_MAX_BYTES;
  const staticDir = options.staticDir ?? defaultStaticDir();
  const app = new Hono();

  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json({ error: err.message }, err.status);
    console.error(`skein serve: ${c.req.method} ${c.req.path}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return c.json({ error: `internal error: ${err instanceof Error ? err.message : String(err)}` }, 500);
  });

  app.use('*', async (c, next) => {
    const url = new URL(c.req.url);
    const host = url.hostname.toLowerCase();
    if (options.allowedHosts && !options.allowedHosts.includes(host)) {
      return c.json({ error: `this server answers to ${options.allowedHosts.join(', ')}, not to host "${clip(host)}"` }, 421);
    }
    // Writes only from the workbench's own pages: another site's page may not post documents.
    const origin = c.req.header('origin');
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && origin !== undefined) {
      let same = false;
      try { same = new URL(origin).host === url.host; } catch { /* not a URL */ }
      if (!same) return c.json({ error: `requests from ${clip(origin)} may not change this workbench` }, 403);
    }
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    if (!c.req.path.startsWith('/api/')) c.header('Content-Security-Policy', CSP);
  });

  const api = new Hono();

  api.get('/health', (c) => c.json({ ok: true }));
  api.get('/openapi.json', (c) => c.json(openApiDocument()));

  api.get('/schema', (c) => c.json({
    entityTypes: ENTITY_TYPES, eventKinds: EVENT_KINDS, modalities: MODALITIES, relationTypes: RELATION_TYPES,
    properties: PROPERTIES, statementStatuses: STATEMENT_STATUSES, measures: NODE_MEASURES,
  }));

  api.get('/stats', async (c) => {
    const [documents, graph] = await Promise.all([store.documents(), workbench.graph()]);
    return c.json({ documents: documents.length, entities: graph.nodes.length, edges: graph.edges.length,
      statements: graph.edges.reduce((n, e) => n + e.statements.length, 0) });
  });

  api.get('/graph', async (c) => {
    const q = c.req.query();
    const minSources = intParam(q.minSources, 'minSources', { min: 1, max: 100_000, fallback: 1 });
    const filter = {
      types: listParam(q.types, 'types', ENTITY_TYPES), modalities: listParam(q.modalities, 'modalities', MODALITIES),
      minSources: minSources > 1 ? minSources : undefined, from: dateParam(q.from, 'from'), to: dateParam(q.to, 'to'),
    };
    if (filter.from && filter.to && filter.from > filter.to) throw badRequest(`from (${filter.from}) is after to (${filter.to})`);
    return c.json(await workbench.graph(filter));
  });

  api.get('/entities', async (c) => {
    const q = c.req.query();
    let type;
    if (q.type !== undefined) {
      const match = ENTITY_TYPES.find((t) => t.toLowerCase() === q.type!.toLowerCase());
      if (!match || !isEntityType(match)) throw badRequest(`type must be one of ${ENTITY_TYPES.join(', ')}, got "${clip(q.type)}"`);
      type = match;
    }
    if (q.search !== undefined && q.search.length > 200) throw badRequest('search is longer than 200 characters');
    const limit = intParam(q.limit, 'limit', { min: 1, max: 1000, fallback: 50 });
    const entities = await store.entities({ type, search: q.search?.trim() || undefined, limit });
    return c.json({ entities });
  });

  api.get('/entities/:id', async (c) => {
    const id = idParam(c.req.param('id'), 'entity id');
    const entity = await store.entity(id);
    if (!entity) throw notFound(`no entity with id ${id}`);
    const statements = await store.statementsAbout(id);
    const related = await workbench.names(statements.flatMap((s) => (s.objectId === null ? [s.subjectId] : [s.subjectId, s.objectId])));
    const documents = new Map<number, { id: number; title: string; date: string | null; origin: string; statements: number }>();
    for (const s of statements) {
      const d = documents.get(s.evidence.documentId);
      if (d) d.statements++;
      else documents.set(s.evidence.documentId, { id: s.evidence.documentId, title: s.evidence.documentTitle,
        date: s.evidence.documentDate, origin: s.evidence.documentOrigin, statements: 1 });
    }
    return c.json({ entity, measures: await workbench.measuresOf(id), statements, related, documents: [...documents.values()] });
  });

  api.get('/evidence', async (c) => {
    const q = c.req.query();
    if ((q.entity === undefined) === (q.statements === undefined)) {
      throw badRequest('give exactly one of entity (an entity id) or statements (comma-separated statement ids)');
    }
    let statements: Statement[];
    if (q.entity !== undefined) {
      const id = idParam(q.entity, 'entity');
      if (!(await store.entity(id))) throw notFound(`no entity with id ${id}`);
      statements = await store.statementsAbout(id);
    } else {
      const ids = idListParam(q.statements, 'statements', 500);
      statements = await store.statements(ids);
      const found = new Set(statements.map((s) => s.id));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length) throw notFound(`no statement with id ${missing.slice(0, 10).join(', ')}`);
    }
    return c.json({ evidence: await workbench.evidence(statements) });
  });

  api.get('/documents', async (c) => {
    const q = c.req.query();
    if (q.search !== undefined) {
      if (q.search.length > 200) throw badRequest('search is longer than 200 characters');
      const limit = intParam(q.limit, 'limit', { min: 1, max: 200, fallback: 20 });
      return c.json({ hits: await store.searchDocuments(q.search, limit) });
    }
    return c.json({ documents: await store.documents() });
  });

  api.get('/documents/:id', async (c) => {
    const id = idParam(c.req.param('id'), 'document id');
    const doc = await store.document(id);
    if (!doc) throw notFound(`no document with id ${id}`);
    const mentions = await store.mentions(id);
    const entities = await workbench.names(mentions.map((m) => m.entityId));
    return c.json({ document: doc, mentions, entities });
  });

  api.get('/paths', async (c) => {
    const q = c.req.query();
    const from = idParam(q.from, 'from');
    const to = idParam(q.to, 'to');
    if (from === to) throw badRequest('from and to are the same entity: pick two different ones');
    const limit = intParam(q.limit, 'limit', { min: 1, max: 50, fallback: 10 });
    const modalities = listParam(q.modalities, 'modalities', MODALITIES);
    for (const [name, id] of [['from', from], ['to', to]] as const) {
      if (!(await store.entity(id))) throw notFound(`${name}: no entity with id ${id}`);
    }
    const result = await workbench.paths(from, to, limit, modalities);
    const ids = new Set(result.paths.flatMap((p) => p.nodes));
    const statementIds = [...new Set(result.paths.flatMap((p) => p.hops.flatMap((h) => h.statements)))];
    const evidence = await workbench.evidence(await store.statements(statementIds));
    return c.json({ ...result, entities: await workbench.names([from, to, ...ids]), evidence });
  });

  api.get('/timeline', async (c) => c.json(await workbench.timeline()));
  api.get('/map', async (c) => c.json(await workbench.places()));

  // Ingest, one input at a time: the store takes one writer.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };
  const answer = (c: Context, outcome: InputOutcome) => {
    if (outcome.status !== 'failed') workbench.invalidate();
    return outcome.status === 'failed'
      ? c.json({ error: outcome.reason ?? 'could not ingest', outcome }, 422)
      : c.json({ outcome });
  };
  const limit = bodyLimit({
    maxSize: maxUpload,
    onError: (c) => c.json({ error: `the upload is larger than ${maxUpload} bytes` }, 413),
  });

  api.post('/ingest/file', limit, async (c) => {
    const rawName = c.req.query('name');
    if (!rawName?.trim()) throw badRequest('name is required: the file name, e.g. ?name=report.txt');
    const name = safeFileName(rawName);
    const defaultDate = isoDay(c.req.query('date'));
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (!bytes.length) throw badRequest(`the file "${clip(rawName)}" is empty`);
    const { ingestOne } = await import('../pipeline.js');
    return answer(c, await serial(async () => {
      await mkdir(options.uploadDir, { recursive: true });
      const path = await uniquePath(options.uploadDir, name);
      await writeFile(path, bytes, { flag: 'wx' });
      const outcome = await ingestOne(store, { kind: 'file', path }, { defaultDate, maxBytes: maxUpload });
      return { ...outcome, input: rawName };
    }));
  });

  api.post('/ingest/url', limit, async (c) => {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/json\b/i.test(type)) throw new ApiError(415, 'send JSON: {"url": "https://..."} with Content-Type: application/json');
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw badRequest('the body is not valid JSON');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('the body must be a JSON object: {"url": "https://..."}');
    const { url, date } = body as Record<string, unknown>;
    if (typeof url !== 'string' || !url.trim()) throw badRequest('url is required: an http(s) address');
    let parsed: URL;
    try {
      parsed = new URL(url.trim());
    } catch {
      throw badRequest(`url is not a valid address: "${clip(url)}"`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw badRequest(`url must be http or https, got ${parsed.protocol}`);
    if (date !== undefined && typeof date !== 'string') throw badRequest('date must be a string YYYY-MM-DD');
    const defaultDate = isoDay(date);
    const { ingestOne } = await import('../pipeline.js');
    return answer(c, await serial(() => ingestOne(store, { kind: 'url', url: parsed.href },
      { defaultDate, allowPrivate: options.allowPrivateUrls ?? false })));
  });

  api.all('*', (c) => {
    const path = c.req.path.replace(/^\/api/, '');
    const other = openApiDocument().paths;
    const known = Object.entries(other).find(([template]) => new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path));
    if (known) {
      const allowed = Object.keys(known[1]).map((m) => m.toUpperCase());
      c.header('Allow', allowed.join(', '));
      throw new ApiError(405, `${c.req.method} is not allowed on /api${path}; use ${allowed.join(' or ')}`);
    }
    throw notFound(`no API endpoint ${c.req.method} /api${path} (see /api/openapi.json)`);
  });

  app.route('/api', api);

  // The front end: built files, else a page that says how to build them.
  app.use('/*', serveStatic({ root: staticDir }));
  app.get('*', async (c) => {
    const index = join(staticDir, 'index.html');
    if (!existsSync(index)) {
      return c.html(`<!doctype html><meta charset="utf-8"><title>skein</title><body style="font-family:sans-serif;margin:3em">
<h1>skein: the web app is not built</h1><p>The API is running at <a href="/api/openapi.json">/api/openapi.json</a>,
but there is no built front end in <code>${escapeHtml(staticDir)}</code>. Run <code>npm run build:web</code> and reload.</p>`, 503);
    }
    return c.html(await readFile(index, 'utf8'));
  });

  return { app, workbench };
}

function isoDay(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
      Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw badRequest(`date must be a calendar date as YYYY-MM-DD, got "${clip(String(value))}"`);
  }
  return value;
}

/** The base name, with anything but letters, digits, dot, dash and underscore replaced. */
export function safeFileName(name: string): string {
  const base = basename(name.replace(/\\/g, '/')).normalize('NFC');
  const cleaned = base.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^\.+/, '').slice(-120);
  if (!cleaned || cleaned === '_') throw badRequest(`name "${clip(name)}" has no usable file name`);
  return cleaned;
}

async function uniquePath(dir: string, name: string): Promise<string> {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length) || 'upload';
  for (let i = 0; ; i++) {
    const candidate = join(dir, i === 0 ? name : `${stem}-${i}${ext}`);
    if (!existsSync(candidate)) return candidate;
  }
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
