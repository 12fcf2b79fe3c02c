// Versioned schema migrations. Each runs once, in its own transaction, and is recorded in
// schema_migrations. The core tables use portable SQL (they move to PostgreSQL as they are);
// full-text search is SQLite's FTS5 and lives in migrations of its own, marked as such.
import { ENTITY_TYPES, MODALITIES, STATEMENT_KINDS, STATEMENT_STATUSES } from '../schema/index.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'documents, entities, statements',
    sql: `
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        published TEXT,
        origin TEXT NOT NULL,
        media_type TEXT NOT NULL,
        byte_length INTEGER NOT NULL,
        word_count INTEGER NOT NULL,
        text TEXT NOT NULL,
        ingested_at TEXT NOT NULL
      );
      CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL CHECK (type IN (${list(ENTITY_TYPES)})),
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      -- Resolution index: the normalised names under which an entity is found again.
      CREATE TABLE entity_keys (
        type TEXT NOT NULL,
        norm_key TEXT NOT NULL,
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        PRIMARY KEY (type, norm_key)
      );
      CREATE INDEX entity_keys_entity ON entity_keys(entity_id);
      CREATE TABLE statements (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        kind TEXT NOT NULL CHECK (kind IN (${list(STATEMENT_KINDS)})),
        subject_id INTEGER NOT NULL REFERENCES entities(id),
        predicate TEXT NOT NULL,
        object_id INTEGER REFERENCES entities(id),
        value TEXT,
        modality TEXT NOT NULL CHECK (modality IN (${list(MODALITIES)})),
        attributed_to TEXT,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        subject_start INTEGER,
        subject_end INTEGER,
        object_start INTEGER,
        object_end INTEGER,
        extractor TEXT NOT NULL,
        extractor_version TEXT NOT NULL,
        rule TEXT NOT NULL,
        confidence REAL NOT NULL,
        status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN (${list(STATEMENT_STATUSES)})),
        source_grade TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX statements_subject ON statements(subject_id);
      CREATE INDEX statements_object ON statements(object_id);
      CREATE INDEX statements_document ON statements(document_id);
      CREATE INDEX statements_kind ON statements(kind, predicate);
      -- Every place an entity is mentioned, for highlighting in the document reader.
      CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        rule TEXT NOT NULL
      );
      CREATE INDEX mentions_document ON mentions(document_id);
      CREATE INDEX mentions_entity ON mentions(entity_id);
    `,
  },
  {
    version: 2,
    name: 'full-text search (SQLite FTS5)',
    sql: `
      CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE entities_fts USING fts5(names, tokenize = 'unicode61 remove_diacritics 2');
    `,
  },
  {
    version: 3,
    name: 'entity names as a table',
    // Every name an entity was seen under, kept as it is written; the name statements remain
    // the evidence for each. Lets a write touch an entity's name index only when a name is new.
    sql: `
      CREATE TABLE entity_names (
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        name TEXT NOT NULL,
        PRIMARY KEY (entity_id, name)
      );
      INSERT INTO entity_names (entity_id, name)
        SELECT DISTINCT subject_id, value FROM statements WHERE kind = 'name'
        ON CONFLICT DO NOTHING;
    `,
  },
];
