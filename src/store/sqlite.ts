// The SQLite implementation of the repository (better-sqlite3, WAL). Writes of one document
// happen in one transaction: an error anywhere leaves nothing of that document behind.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { normalizeName, type EntityType, type Modality, type RelationType, type StatementKind, type StatementStatus } from '../schema/index.js';
import type { IngestedDocument } from '../ingest/types.js';
import type { Extraction, Span } from '../extract/types.js';
import type { ResolvedExtraction } from '../resolve/types.js';
import { MIGRATIONS } from './migrations.js';
import type {
  AddDocumentResult, EntityFilter, RelationClaim, Repository, SearchHit, Statement, StoredDocument, StoredEntity, StoredMention,
} from './types.js';

type Row = Record<string, unknown>;

/**
 * When a bulk ingest commits: after this many documents or this many milliseconds, whichever
 * comes first. Each commit rewrites the WAL pages of every index it touched (one commit per
 * document cost about 0.8 ms each; groups of 100, 0.1 ms); a crash loses at most a second's work.
 */
const BULK_GROUP = 1000;
const BULK_INTERVAL_MS = 1000;

const DOCUMENT_COLUMNS = `d.id, d.sha256, d.title, d.published, d.origin, d.media_type, d.byte_length, d.word_count, d.ingested_at`;

function toDocument(r: Row): StoredDocument {
  return {
    id: r.id as number, sha256: r.sha256 as string, title: r.title as string,
    published: (r.published as string | null) ?? null, origin: r.origin as string,
    mediaType: r.media_type as string, byteLength: r.byte_length as number,
    wordCount: r.word_count as number, ingestedAt: r.ingested_at as string,
  };
}

const ENTITY_SELECT = `
  SELECT e.id, e.type, e.name,
    (SELECT COUNT(*) FROM statements s WHERE s.subject_id = e.id OR s.object_id = e.id) AS statement_count,
    (SELECT COUNT(DISTINCT s.document_id) FROM statements s WHERE s.subject_id = e.id OR s.object_id = e.id) AS document_count
  FROM entities e`;

const STATEMENT_SELECT = `
  SELECT s.*, d.title AS document_title, d.origin AS document_origin, d.published AS document_date,
    substr(d.text, s.sentence_start + 1, s.sentence_end - s.sentence_start) AS sentence
  FROM statements s JOIN documents d ON d.id = s.document_id`;

function span(start: unknown, end: unknown): { start: number; end: number } | null {
  return typeof start === 'number' && typeof end === 'number' ? { start, end } : null;
}

function toStatement(r: Row): Statement {
  return {
    id: r.id as number,
    kind: r.kind as StatementKind,
    subjectId: r.subject_id as number,
    predicate: r.predicate as string,
    objectId: (r.object_id as number | null) ?? null,
    value: (r.value as string | null) ?? null,
    modality: r.modality as Modality,
    attributedTo: (r.attributed_to as string | null) ?? null,
    evidence: {
      documentId: r.document_id as number,
      documentTitle: r.document_title as string,
      documentOrigin: r.document_origin as string,
      documentDate: (r.document_date as string | null) ?? null,
      start: r.sentence_start as number,
      end: r.sentence_end as number,
      sentence: r.sentence as string,
    },
    subjectSpan: span(r.subject_start, r.subject_end),
    objectSpan: span(r.object_start, r.object_end),
    extractor: r.extractor as string,
    extractorVersion: r.extractor_version as string,
    rule: r.rule as string,
    confidence: r.confidence as number,
    status: r.status as StatementStatus,
    sourceGrade: (r.source_grade as string | null) ?? null,
  };
}

/** FTS5 query from user words: each word a quoted prefix term, so no user input is parsed as FTS syntax. */
function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu);
  return words?.length ? words.map((w) => `"${w}"*`).join(' ') : null;
}

export class SqliteRepository implements Repository {
  private readonly db: Database.Database;
  private readonly namesOf: Database.Statement;

  constructor(readonly path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    try {
      this.db = new Database(path);
      this.db.pragma('journal_mode = WAL');
      // In WAL mode NORMAL never corrupts the database and loses nothing on a process crash; it
      // skips an fsync per transaction (one per document), which dominated ingest time.
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      this.db.pragma('busy_timeout = 5000');
      this.migrate();
    } catch (err) {
      throw new Error(`cannot open database ${path}: ${(err as Error).message}`);
    }
    this.namesOf = this.db.prepare('SELECT name FROM entity_names WHERE entity_id = ? ORDER BY name');
  }

  /** Prepared statements of the write path, prepared once (preparing per document cost ~10% of ingest). */
  private readonly prepared = new Map<string, Database.Statement>();
  private sql(text: string): Database.Statement {
    let statement = this.prepared.get(text);
    if (!statement) this.prepared.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  private migrate(): void {
    this.db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const applied = new Set(
      (this.db.prepare('SELECT version FROM schema_migrations').all() as Row[]).map((r) => r.version as number));
    const latest = Math.max(0, ...applied);
    const known = Math.max(...MIGRATIONS.map((m) => m.version));
    if (latest > known) {
      throw new Error(`the database was written by a newer skein (schema version ${latest}, this one knows ${known})`);
    }
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
          .run(m.version, m.name, new Date().toISOString());
      })();
    }
  }

  async hasDocument(sha256: string): Promise<boolean> {
    return this.sql('SELECT 1 FROM documents WHERE sha256 = ?').get(sha256) !== undefined;
  }

  async addDocument(doc: IngestedDocument, extraction: Extraction, resolved: ResolvedExtraction): Promise<AddDocumentResult> {
    const existing = this.sql('SELECT id FROM documents WHERE sha256 = ?').get(doc.sha256) as Row | undefined;
    if (existing) return { status: 'unchanged', documentId: existing.id as number, words: 0, entities: 0, statements: 0 };
    // Its own transaction; inside bulk() better-sqlite3 makes it a savepoint of the open one.
    const result = this.db.transaction(() => this.writeDocument(doc, extraction, resolved))();
    if (this.bulkPending !== null && (++this.bulkPending >= BULK_GROUP || performance.now() - this.bulkSince >= BULK_INTERVAL_MS)) {
      this.db.exec('COMMIT; BEGIN');
      this.bulkPending = 0;
      this.bulkSince = performance.now();
    }
    return result;
  }

  /** Documents written since the last group commit of a bulk() run; null outside bulk(). */
  private bulkPending: number | null = null;
  private bulkSince = 0;

  async bulk<T>(work: () => Promise<T>): Promise<T> {
    if (this.bulkPending !== null) return work();
    this.db.exec('BEGIN');
    this.bulkPending = 0;
    this.bulkSince = performance.now();
    try {
      const result = await work();
      this.db.exec('COMMIT');
      return result;
    } catch (err) {
      // Documents already written are whole: keep them.
      if (this.db.inTransaction) this.db.exec('COMMIT');
      throw err;
    } finally {
      this.bulkPending = null;
    }
  }

  private writeDocument(doc: IngestedDocument, extraction: Extraction, resolved: ResolvedExtraction): AddDocumentResult {
    const now = new Date().toISOString();
    const words = doc.text.match(/\S+/g)?.length ?? 0;
    const documentId = Number(this.sql(
      `INSERT INTO documents (sha256, title, published, origin, media_type, byte_length, word_count, text, ingested_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(doc.sha256, doc.title, doc.published, doc.origin, doc.mediaType, doc.byteLength, words, doc.text, now).lastInsertRowid);
    this.sql('INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)').run(documentId, doc.title, doc.text);

    // Extracted (local) entity id -> stored entity id.
    const findKey = this.sql('SELECT entity_id FROM entity_keys WHERE type = ? AND norm_key = ?');
    const addKey = this.sql('INSERT INTO entity_keys (type, norm_key, entity_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
    const addEntity = this.sql('INSERT INTO entities (type, name, created_at) VALUES (?, ?, ?)');
    const keysByLocal = new Map(resolved.entities.map((r) => [r.localId, r.keys]));
    const stored = new Map<string, number>();
    for (const entity of extraction.entities) {
      const keys = keysByLocal.get(entity.id);
      if (!keys?.length) throw new Error(`entity ${entity.id} (${entity.name}) has no resolution keys`);
      let id: number | undefined;
      for (const k of keys) {
        const hit = findKey.get(k.type, k.key) as Row | undefined;
        if (hit) { id = hit.entity_id as number; break; }
      }
      id ??= Number(addEntity.run(entity.type, entity.name, now).lastInsertRowid);
      for (const k of keys) addKey.run(k.type, k.key, id);
      stored.set(entity.id, id);
    }
    const idOf = (local: string): number => {
      const id = stored.get(local);
      if (id === undefined) throw new Error(`extraction refers to unknown entity "${local}"`);
      return id;
    };
    const sentenceOf = (index: number) => {
      const s = extraction.sentences[index];
      if (!s) throw new Error(`extraction refers to unknown sentence ${index}`);
      return s;
    };

    const insertStatement = this.sql(
      `INSERT INTO statements (document_id, kind, subject_id, predicate, object_id, value, modality, attributed_to,
         sentence_start, sentence_end, subject_start, subject_end, object_start, object_end,
         extractor, extractor_version, rule, confidence, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const { name: extractor, version } = extraction.extractor;
    let statements = 0;
    const statement = (kind: StatementKind, subject: number, predicate: string, object: number | null, value: string | null,
      modality: Modality, attributedTo: string | null, sentence: Span, subjectSpan: Span | undefined, objectSpan: Span | undefined,
      rule: string, confidence: number) => {
      insertStatement.run(documentId, kind, subject, predicate, object, value, modality, attributedTo,
        sentence.start, sentence.end, subjectSpan?.start ?? null, subjectSpan?.end ?? null,
        objectSpan?.start ?? null, objectSpan?.end ?? null, extractor, version, rule, confidence, now);
      statements++;
    };

    const addName = this.sql('INSERT INTO entity_names (entity_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING');
    const renamed = new Set<number>();
    const insertMention = this.sql(
      'INSERT INTO mentions (document_id, entity_id, start_offset, end_offset, text, rule) VALUES (?, ?, ?, ?, ?, ?)');
    for (const entity of extraction.entities) {
      const id = idOf(entity.id);
      for (const m of entity.mentions) insertMention.run(documentId, id, m.start, m.end, m.text, m.rule);
      // One name statement per name the document uses, evidenced by its first mention.
      for (const name of [entity.name, ...entity.aliases]) {
        const mention = entity.mentions.find((m) => m.text === name) ?? entity.mentions[0];
        if (!mention) throw new Error(`entity ${entity.id} (${entity.name}) has no mention`);
        statement('name', id, 'name', null, name, 'asserted', null, sentenceOf(mention.sentence), mention, undefined,
          mention.rule, entity.confidence);
        if (addName.run(id, name).changes > 0) renamed.add(id);
      }
      if (entity.event) {
        const first = entity.mentions[0]!;
        const sentence = sentenceOf(first.sentence);
        const { kind, date, place } = entity.event;
        if (kind) statement('property', id, 'event_kind', null, kind, 'asserted', null, sentence, first, undefined, 'event:kind', entity.confidence);
        if (date) statement('property', id, 'date', null, date, 'asserted', null, sentence, first, undefined, 'event:date', entity.confidence);
        if (place) statement('property', id, 'place', idOf(place), null, 'asserted', null, sentence, first, undefined, 'event:place', entity.confidence);
      }
    }
    // Who a reported statement is attributed to: the extractor names an entity by its local id
    // when it resolved one; outside the extraction only the entity's name means anything.
    const localNames = new Map(extraction.entities.map((e) => [e.id, e.name]));
    for (const r of extraction.relations) {
      const attributedTo = r.attributedTo === undefined ? null : localNames.get(r.attributedTo) ?? r.attributedTo;
      statement('relation', idOf(r.source), r.type, idOf(r.target), null, r.modality, attributedTo,
        r.evidence, r.sourceMention, r.targetMention, r.rule, r.confidence);
    }

    // Refresh the name index of the entities that gained a name.
    const deleteFts = this.sql('DELETE FROM entities_fts WHERE rowid = ?');
    const insertFts = this.sql('INSERT INTO entities_fts (rowid, names) VALUES (?, ?)');
    for (const id of renamed) {
      deleteFts.run(id);
      insertFts.run(id, this.names(id).join(' | '));
    }
    return { status: 'ingested', documentId, words, entities: new Set(stored.values()).size, statements };
  }

  private names(entityId: number): string[] {
    return (this.namesOf.all(entityId) as Row[]).map((r) => r.name as string);
  }

  private toEntity(r: Row): StoredEntity {
    const name = r.name as string;
    const names = [name, ...this.names(r.id as number).filter((n) => n !== name)];
    return {
      id: r.id as number, type: r.type as EntityType, name, names,
      statementCount: r.statement_count as number, documentCount: r.document_count as number,
    };
  }

  async documents(): Promise<StoredDocument[]> {
    return (this.db.prepare(`SELECT ${DOCUMENT_COLUMNS} FROM documents d ORDER BY d.id`).all() as Row[]).map(toDocument);
  }

  async document(id: number): Promise<(StoredDocument & { text: string }) | null> {
    const r = this.db.prepare(`SELECT ${DOCUMENT_COLUMNS}, d.text FROM documents d WHERE d.id = ?`).get(id) as Row | undefined;
    return r ? { ...toDocument(r), text: r.text as string } : null;
  }

  async searchDocuments(query: string, limit = 20): Promise<SearchHit[]> {
    const q = ftsQuery(query);
    if (!q) return [];
    const rows = this.db.prepare(
      `SELECT rowid AS id, title, snippet(documents_fts, 1, '[', ']', '…', 12) AS snippet
       FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?`).all(q, limit) as Row[];
    return rows.map((r) => ({ documentId: r.id as number, title: r.title as string, snippet: r.snippet as string }));
  }

  async entities(filter: EntityFilter = {}): Promise<StoredEntity[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.type) { where.push('e.type = ?'); params.push(filter.type); }
    if (filter.search !== undefined) {
      const q = ftsQuery(filter.search);
      if (!q) return [];
      where.push('e.id IN (SELECT rowid FROM entities_fts WHERE entities_fts MATCH ?)');
      params.push(q);
    }
    const sql = `${ENTITY_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY statement_count DESC, e.name ${filter.limit ? 'LIMIT ?' : ''}`;
    if (filter.limit) params.push(filter.limit);
    return (this.db.prepare(sql).all(...params) as Row[]).map((r) => this.toEntity(r));
  }

  async entity(id: number): Promise<StoredEntity | null> {
    const r = this.db.prepare(`${ENTITY_SELECT} WHERE e.id = ?`).get(id) as Row | undefined;
    return r ? this.toEntity(r) : null;
  }

  async findEntities(nameOrId: string): Promise<StoredEntity[]> {
    const trimmed = nameOrId.trim();
    if (/^\d+$/.test(trimmed)) {
      const byId = await this.entity(Number(trimmed));
      if (byId) return [byId];
    }
    const key = normalizeName(trimmed);
    const exact = this.db.prepare(`${ENTITY_SELECT} WHERE e.id IN (SELECT entity_id FROM entity_keys WHERE norm_key = ?)
      ORDER BY statement_count DESC`).all(key) as Row[];
    if (exact.length) return exact.map((r) => this.toEntity(r));
    // A name used in a document but not a resolution key (e.g. a surname alone).
    const byName = this.db.prepare(`${ENTITY_SELECT} WHERE e.id IN (SELECT entity_id FROM entity_names WHERE lower(name) = lower(?))
      ORDER BY statement_count DESC`).all(trimmed) as Row[];
    if (byName.length) return byName.map((r) => this.toEntity(r));
    return this.entities({ search: trimmed, limit: 10 });
  }

  async statementsAbout(entityId: number): Promise<Statement[]> {
    const rows = this.db.prepare(`${STATEMENT_SELECT} WHERE s.subject_id = ? OR s.object_id = ?
      ORDER BY s.kind, s.predicate, s.document_id, s.sentence_start`).all(entityId, entityId) as Row[];
    return rows.map(toStatement);
  }

  async statements(ids: number[]): Promise<Statement[]> {
    if (!ids.length) return [];
    const rows = this.db.prepare(`${STATEMENT_SELECT} WHERE s.id IN (${ids.map(() => '?').join(', ')}) ORDER BY s.id`).all(...ids) as Row[];
    return rows.map(toStatement);
  }

  async relationClaims(): Promise<RelationClaim[]> {
    const rows = this.db.prepare(`SELECT s.id, s.predicate, s.subject_id, s.object_id, s.modality, s.document_id,
        d.published, s.confidence, s.status
      FROM statements s JOIN documents d ON d.id = s.document_id WHERE s.kind = 'relation' ORDER BY s.id`).all() as Row[];
    return rows.map((r) => ({
      statementId: r.id as number, type: r.predicate as RelationType, sourceId: r.subject_id as number,
      targetId: r.object_id as number, modality: r.modality as Modality, documentId: r.document_id as number,
      documentDate: (r.published as string | null) ?? null, confidence: r.confidence as number,
      status: r.status as StatementStatus,
    }));
  }

  async mentions(documentId: number): Promise<StoredMention[]> {
    const rows = this.db.prepare(`SELECT entity_id, start_offset, end_offset, text, rule FROM mentions
      WHERE document_id = ? ORDER BY start_offset, end_offset DESC`).all(documentId) as Row[];
    return rows.map((r) => ({
      entityId: r.entity_id as number, start: r.start_offset as number, end: r.end_offset as number,
      text: r.text as string, rule: r.rule as string,
    }));
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
