// Collects nodes and ties from any input format and builds the graph: undirected, self-loops
// dropped (counted), repeated ties merged with their weights summed.
import graphology from 'graphology';
import type { SkeinGraph } from '../types.js';

const { UndirectedGraph } = graphology;

/** An input error that names the file and line. */
export class NetworkFileError extends Error {
  constructor(readonly file: string, readonly line: number | null, detail: string) {
    super(line === null ? `${file}: ${detail}` : `${file}:${line}: ${detail}`);
    this.name = 'NetworkFileError';
  }
}

export class NetworkBuilder {
  readonly graph: SkeinGraph;
  private selfLoops = 0;
  constructor(origin: string) {
    this.graph = new UndirectedGraph({ allowSelfLoops: false });
    this.graph.replaceAttributes({ origin });
  }
  node(id: string, label?: string, type?: string): void {
    if (this.graph.hasNode(id)) {
      if (label !== undefined) this.graph.setNodeAttribute(id, 'label', label);
      if (type !== undefined) this.graph.setNodeAttribute(id, 'type', type);
    } else {
      this.graph.addNode(id, type === undefined ? { label: label ?? id } : { label: label ?? id, type });
    }
  }
  hasNode(id: string): boolean { return this.graph.hasNode(id); }
  /** An undirected tie; a repeated tie adds its weight. */
  edge(a: string, b: string, weight = 1): void {
    if (!this.graph.hasNode(a)) this.node(a);
    if (!this.graph.hasNode(b)) this.node(b);
    if (a === b) { this.selfLoops++; return; }
    const key = this.graph.edge(a, b);
    if (key !== undefined) this.graph.updateEdgeAttribute(key, 'weight', (w) => (w ?? 0) + weight);
    else this.graph.addEdge(a, b, { weight });
  }
  private arcs = new Map<string, { a: string; b: string; w: number }>();
  /**
   * A directed tie: repeats in the same direction add up; on finish each pair becomes one
   * undirected tie weighted by the stronger direction (A->B 2 and B->A 2 is a tie of 2).
   */
  arc(a: string, b: string, weight = 1): void {
    if (!this.graph.hasNode(a)) this.node(a);
    if (!this.graph.hasNode(b)) this.node(b);
    if (a === b) { this.selfLoops++; return; }
    this.graph.setAttribute('symmetrised', true);
    const key = `${a}\u0000${b}`;
    const prev = this.arcs.get(key);
    if (prev) prev.w += weight; else this.arcs.set(key, { a, b, w: weight });
  }
  directed(): void { this.graph.setAttribute('symmetrised', true); }
  finish(): SkeinGraph {
    for (const { a, b, w } of this.arcs.values()) {
      const back = this.arcs.get(`${b}\u0000${a}`);
      if (back && (a > b)) continue; // the pair is added once, from its smaller end
      const weight = Math.max(w, back ? back.w : 0);
      const key = this.graph.edge(a, b);
      if (key !== undefined) this.graph.updateEdgeAttribute(key, 'weight', (x) => (x ?? 0) + weight);
      else this.graph.addEdge(a, b, { weight });
    }
    this.arcs.clear();
    if (this.selfLoops) this.graph.setAttribute('selfLoopsDropped', this.selfLoops);
    return this.graph;
  }
}

export function parseWeight(raw: string, file: string, line: number): number {
  const w = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(w)) throw new NetworkFileError(file, line, `tie weight "${raw}" is not a number`);
  return w;
}
