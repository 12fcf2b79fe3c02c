// Shapes of the workbench API's answers, shared with the web app (web/src/types.ts imports
// them). No Node-only imports here: the app's type-check reads this file.
import type { EntityType, Modality } from '../schema/index.js';
import type { Statement } from '../store/types.js';

export const NODE_MEASURES = ['degree', 'strength', 'pagerank', 'betweenness', 'documents'] as const;
export type NodeMeasure = (typeof NODE_MEASURES)[number];

export interface GraphNode {
  id: number;
  label: string;
  type: EntityType;
  aliases: string[];
  documents: number;
  statements: number;
  measures: Record<NodeMeasure, number>;
}

export interface GraphEdge {
  /** Stable key: source|target|relation|modality. */
  id: string;
  source: number;
  target: number;
  relation: string;
  label: string;
  modality: Modality;
  symmetric: boolean;
  /** Distinct documents stating it. */
  sources: number;
  statements: number[];
  firstDate: string | null;
  lastDate: string | null;
}

export interface EvidenceItem extends Statement {
  subjectName: string;
  objectName: string | null;
  /** The document text just before and after the evidence sentence. */
  before: string;
  after: string;
}
