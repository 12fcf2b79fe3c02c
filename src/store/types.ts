// The repository interface every consumer of stored data goes through. SQLite implements it
// now; a PostgreSQL implementation comes next, so the interface is async and speaks in plain
// records, never in SQL or driver objects.
import type { EntityType, Modality, RelationType, StatementKind, StatementStatus } from '../schema/index.js';
import type { IngestedDocument } from '../ingest/types.js';
import type { Extraction } from '../extract/types.js';
import type { ResolvedExtraction } from '../resolve/types.js';

export interface StoredDocument {
  id: number;
  sha256: string;
  title: string;
  published: string | null;
  origin: string;
  mediaType: string;
  byteLength: number;
  ingestedAt: string;
  wordCount: number;
}

export interface StoredEntity {
  id: number;
  type: EntityType;
  name: string;
  /** Every name it was seen under, including `name`. */
  names: string[];
  /** Number of statements about it (names, properties, relations at either end). */
  statementCount: number;
  documentCount: number;
}

export interface StatementEvidence {
  documentId: number;
  documentTitle: string;
  documentOrigin: string;
  documentDate: string | null;
  /** Evidence sentence span in the document text and the sentence itself. */
  start: number;
  end: number;
  sentence: string;
}

export interface Statement {
  id: number;
  kind: StatementKind;
  subjectId: number;
  /** name | event_kind | date | place | a relation type */
  predicate: string;
  objectId: number | null;
  /** Names and property values. */
  value: string | null;
  modality: Modality;
  attributedTo: string | null;
  evidence: StatementEvidence;
  subjectSpan: { start: number; end: number } | null;
  objectSpan: { start: number; end: number } | null;
  extractor: string;
  extractorVersion: string;
  rule: string;
  confidence: number;
  status: StatementStatus;
  /** Source reliability grade (Admiralty A-F), null until graded. */
  sourceGrade: string | null;
}

/** One relation statement between two stored entities: what the graph stage projects. */
export interface RelationClaim {
  statementId: number;
  type: RelationType;
  sourceId: number;
  targetId: number;
  modality: Modality;
  documentId: number;
  documentDate: string | null;
  confidence: number;
  status: StatementStatus;
}

export interface EntityFilter {
  type?: EntityType;
  /** Full-text search over entity names. */
  search?: string;
  limit?: number;
}

export interface AddDocumentResult {
  status: 'ingested' | 'unchanged';
  documentId: number;
  /** Words in the document's text (whitespace-separated), as stored. */
  words: number;
  entities: number;
  statements: number;
}

/** One place in a document where an entity is mentioned. */
export interface StoredMention {
  entityId: number;
  /** Character offsets into the document text, end exclusive. */
  start: number;
  end: number;
  text: string;
  rule: string;
}

export interface SearchHit {
  documentId: number;
  title: string;
  snippet: string;
}

export interface Repository {
  /**
   * Stores a document with everything extracted from it, in one transaction: on any error
   * nothing of the document is kept. The same bytes (sha256) again change nothing.
   */
  addDocument(doc: IngestedDocument, extraction: Extraction, resolved: ResolvedExtraction): Promise<AddDocumentResult>;
  hasDocument(sha256: string): Promise<boolean>;
  /**
   * Runs a bulk ingest: the documents added inside are committed in groups rather than one by
   * one (much faster), and each stays atomic: an error in one rolls back that one only. A crash
   * loses at most the documents since the last group commit, never part of one; ingesting the
   * same inputs again adds them.
   */
  bulk<T>(work: () => Promise<T>): Promise<T>;
  documents(): Promise<StoredDocument[]>;
  document(id: number): Promise<(StoredDocument & { text: string }) | null>;
  searchDocuments(query: string, limit?: number): Promise<SearchHit[]>;
  entities(filter?: EntityFilter): Promise<StoredEntity[]>;
  entity(id: number): Promise<StoredEntity | null>;
  /** Entities whose id, exact name or normalised name matches; best first. */
  findEntities(nameOrId: string): Promise<StoredEntity[]>;
  /** Every statement about an entity (as subject or object), with evidence. */
  statementsAbout(entityId: number): Promise<Statement[]>;
  statements(ids: number[]): Promise<Statement[]>;
  /** All relation statements, for projection to a graph. */
  relationClaims(): Promise<RelationClaim[]>;
  /** Every entity mention in a document, in text order. */
  mentions(documentId: number): Promise<StoredMention[]>;
  close(): Promise<void>;
}

