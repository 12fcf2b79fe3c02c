// Shapes of the workbench API's answers (see /api/openapi.json). Records the store defines are
// its own types (type-only imports: nothing of the server is bundled).
import type { Statement, StoredDocument, StoredEntity } from '../../src/store/types.js';
import type { EvidenceItem, GraphEdge, GraphNode, NodeMeasure } from '../../src/serve/shapes.js';

export type { EvidenceItem, GraphEdge, GraphNode, NodeMeasure, Statement, StoredDocument, StoredEntity };

export interface RelationTypeSpec { name: string; label: string; from: string[]; to: string[]; symmetric: boolean; description: string }
export interface Schema {
  entityTypes: string[];
  eventKinds: string[];
  modalities: string[];
  relationTypes: RelationTypeSpec[];
  properties: { name: string; label: string; of: string[] }[];
  statementStatuses: string[];
  measures: string[];
}

export interface GraphData { nodes: GraphNode[]; edges: GraphEdge[] }

export type Names = Record<number, { name: string; type: string }>;

export interface EntityDetail {
  entity: StoredEntity;
  measures: Record<string, number> | null;
  statements: Statement[];
  related: Names;
  documents: { id: number; title: string; date: string | null; origin: string; statements: number }[];
}

export interface Mention { entityId: number; start: number; end: number; text: string; rule: string }
export interface DocumentDetail { document: StoredDocument & { text: string }; mentions: Mention[]; entities: Names }

export interface PathsAnswer {
  from: number;
  to: number;
  length: number | null;
  truncated: boolean;
  paths: { nodes: number[]; hops: { from: number; to: number; sources: number; relations: string[]; statements: number[] }[] }[];
  entities: Names;
  evidence: EvidenceItem[];
}

export interface Timeline {
  events: { entityId: number; name: string; date: string; kind: string | null; place: number | null; statementId: number }[];
  statements: { statementId: number; date: string; relation: string; label: string; modality: string; sourceId: number; targetId: number; sourceName: string; targetName: string; documentId: number }[];
}

export interface MapAnswer {
  places: { name: string; lat: number; lon: number; kind: 'country' | 'city'; country: string; population: number | null; entityId: number; entityName: string; documents: number; linked: { id: number; name: string; type: string; relation: string }[] }[];
  unplaced: { entityId: number; name: string; note?: string }[];
}

export interface IngestOutcome { input: string; status: 'ingested' | 'unchanged' | 'failed'; reason?: string; documentId?: number; title?: string; words?: number; entities?: number; statements?: number }

/** What is selected, shared by every view. */
export type Selection =
  | { kind: 'entity'; id: number }
  | { kind: 'edge'; edge: GraphEdge }
  | null;
