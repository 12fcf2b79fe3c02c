// The graph stage's one graph interface: a graphology undirected graph whose node keys are
// entity ids (store projection) or the ids of an imported file, plus a compact CSR view of it
// (typed arrays) that the heavy kernels run on. `Network` accepts either.
import type { UndirectedGraph } from 'graphology';

export interface NodeAttributes {
  /** Display name. */
  label: string;
  /** Entity type for store projections; the file's node type/class for imports, if any. */
  type?: string;
}

export interface EdgeAttributes {
  /** Tie strength: number of independent sources (projection) or the file's weight. */
  weight: number;
  /** Statements behind the tie (projection only). */
  statementIds?: number[];
  /** Distinct documents that state the tie (projection only). */
  documentIds?: number[];
  relationTypes?: string[];
  modalities?: string[];
}

export interface GraphAttributes {
  /** Where the graph came from: `store` or a file path. */
  origin?: string;
  /** The input declared directed ties; they were made undirected. */
  symmetrised?: boolean;
  /** Self-loops dropped on the way in. */
  selfLoopsDropped?: number;
}

export type SkeinGraph = UndirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/**
 * Compressed sparse rows over an undirected simple graph: the neighbours of node i are
 * targets[offsets[i] .. offsets[i+1]), each edge stored in both directions. Arrays live on
 * SharedArrayBuffers so worker threads read them without copying.
 */
export interface CSR {
  n: number;
  /** Undirected edges (targets.length / 2). */
  m: number;
  offsets: Int32Array;
  targets: Int32Array;
  /** Edge weights aligned with targets; null when every weight is 1. */
  weights: Float64Array | null;
  /** Node key of index i. */
  keys: string[];
  /** Display label of index i (defaults to the key). */
  labels: string[];
}

export type Network = SkeinGraph | CSR;

export function isCSR(g: Network): g is CSR {
  return (g as CSR).offsets instanceof Int32Array;
}
