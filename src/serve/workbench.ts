// What the web API computes from the store: the network for drawing (one edge per relation
// type and modality, as exported), measures and paths from the graph stage, evidence in
// context, the timeline and the map. Derived data is cached until the store changes.
import { buildExportNetwork } from '../export/index.js';
import {
  allShortestPaths, betweennessCentrality, degreeCentrality, pagerank, projectClaims, type Scores,
} from '../graph/index.js';
import { ENTITY_TYPES, MODALITIES, relationSpec, type EntityType, type Modality } from '../schema/index.js';
import type { RelationClaim, Repository, Statement, StoredEntity } from '../store/types.js';
import { locateAll, type Place } from './gazetteer.js';
import { NODE_MEASURES, type EvidenceItem, type GraphEdge, type GraphNode, type NodeMeasure } from './shapes.js';

export { NODE_MEASURES, type EvidenceItem, type GraphEdge, type GraphNode, type NodeMeasure };

export interface GraphFilter {
  types?: EntityType[];
  modalities?: Modality[];
  minSources?: number;
  from?: string;
  to?: string;
}

interface Base {
  entities: StoredEntity[];
  byId: Map<number, StoredEntity>;
  claims: RelationClaim[];
  measures: Map<number, Record<NodeMeasure, number>>;
}

const CONTEXT_CHARS = 240;

export class Workbench {
  private version = 0;
  private base: { version: string; value: Promise<Base> } | null = null;

  constructor(readonly store: Repository) {}

  /** Call after the store changed (an ingest). */
  invalidate(): void {
    this.version++;
  }

  private async load(): Promise<Base> {
    // Another process (skein ingest) may add documents while the server runs.
    const version = `${this.version}:${(await this.store.documents()).length}`;
    if (this.base?.version !== version) {
      const value = this.compute();
      this.base = { version, value };
      value.catch(() => { if (this.base?.value === value) this.base = null; });
    }
    return this.base.value;
  }

  private async compute(): Promise<Base> {
    const [entities, claims] = await Promise.all([this.store.entities(), this.store.relationClaims()]);
    const byId = new Map(entities.map((e) => [e.id, e]));
    const g = projectClaims(claims, entities);
    const n = g.order;
    const measures = new Map<number, Record<NodeMeasure, number>>();
    for (const e of entities) {
      measures.set(e.id, { degree: 0, strength: 0, pagerank: 0, betweenness: 0, documents: e.documentCount });
    }
    if (n > 0) {
      const put = (s: Scores, m: NodeMeasure) => s.keys.forEach((k, i) => { const r = measures.get(Number(k)); if (r) r[m] = s.values[i]!; });
      put(degreeCentrality(g, { normalized: false }), 'degree');
      put(degreeCentrality(g, { normalized: false, weighted: true }), 'strength');
      put(pagerank(g), 'pagerank');
      // Exact betweenness on the networks an analyst reads; sampled past a few thousand entities.
      put(await betweennessCentrality(g, n > 3000 ? { samples: 500 } : {}), 'betweenness');
    }
    return { entities, byId, claims, measures };
  }

  async graph(filter: GraphFilter = {}): Promise<{ nodes: GraphNode[]; edges: GraphEdge[] }> {
    const { entities, byId, claims, measures } = await this.load();
    const types = new Set<EntityType>(filter.types ?? ENTITY_TYPES);
    const modalities = new Set<Modality>(filter.modalities ?? MODALITIES);
    const inRange = (d: string | null) =>
      (!filter.from && !filter.to) || (d !== null && (!filter.from || d.slice(0, filter.from.length) >= filter.from) &&
        (!filter.to || d.slice(0, filter.to.length) <= filter.to));
    const kept = claims.filter((c) => modalities.has(c.modality) && inRange(c.documentDate) &&
      types.has(byId.get(c.sourceId)?.type as EntityType) && types.has(byId.get(c.targetId)?.type as EntityType));
    const dates = new Map<number, string | null>(kept.map((c) => [c.statementId, c.documentDate]));
    const net = buildExportNetwork(entities, kept);
    const edges: GraphEdge[] = net.edges
      .filter((e) => e.sources >= (filter.minSources ?? 1))
      .map((e) => {
        const ds = e.statements.map((s) => dates.get(s)).filter((d): d is string => !!d).sort();
        return {
          id: `${e.source}|${e.target}|${e.relation}|${e.modality}`, source: e.source, target: e.target,
          relation: e.relation, label: relationSpec(e.relation).label, modality: e.modality, symmetric: e.symmetric,
          sources: e.sources, statements: e.statements, firstDate: ds[0] ?? null, lastDate: ds.at(-1) ?? null,
        };
      });
    // With no tie filter every entity of the chosen types shows; with one, those with a tie left.
    const tieFilter = filter.modalities || filter.minSources || filter.from || filter.to;
    const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
    const nodes = entities
      .filter((e) => types.has(e.type) && (!tieFilter || linked.has(e.id)))
      .map((e) => ({
        id: e.id, label: e.name, type: e.type, aliases: e.names.slice(1), documents: e.documentCount,
        statements: e.statementCount, measures: measures.get(e.id)!,
      }));
    return { nodes, edges };
  }

  async measuresOf(id: number): Promise<Record<NodeMeasure, number> | null> {
    return (await this.load()).measures.get(id) ?? null;
  }

  async names(ids: Iterable<number>): Promise<Record<number, { name: string; type: EntityType }>> {
    const { byId } = await this.load();
    const out: Record<number, { name: string; type: EntityType }> = {};
    for (const id of ids) {
      const e = byId.get(id) ?? (await this.store.entity(id));
      if (e) out[id] = { name: e.name, type: e.type };
    }
    return out;
  }

  /** Statements with the text around their sentence and the names of both ends. */
  async evidence(statements: Statement[]): Promise<EvidenceItem[]> {
    const texts = new Map<number, string>();
    const ids = new Set<number>();
    for (const s of statements) { ids.add(s.subjectId); if (s.objectId !== null) ids.add(s.objectId); }
    const names = await this.names(ids);
    const out: EvidenceItem[] = [];
    for (const s of statements) {
      const docId = s.evidence.documentId;
      if (!texts.has(docId)) texts.set(docId, (await this.store.document(docId))?.text ?? '');
      const text = texts.get(docId)!;
      out.push({
        ...s,
        subjectName: names[s.subjectId]?.name ?? `#${s.subjectId}`,
        objectName: s.objectId === null ? null : names[s.objectId]?.name ?? `#${s.objectId}`,
        before: contextBefore(text, s.evidence.start),
        after: contextAfter(text, s.evidence.end),
      });
    }
    return out;
  }

  async paths(from: number, to: number, limit: number, modalities?: Modality[]) {
    const { entities, claims } = await this.load();
    const g = projectClaims(claims, entities, modalities ? { modalities } : {});
    const result = { from, to, length: null as number | null, truncated: false, paths: [] as PathResult[] };
    if (!g.hasNode(String(from)) || !g.hasNode(String(to))) return result;
    const found = allShortestPaths(g, String(from), String(to), limit);
    result.length = found.length;
    result.truncated = found.truncated;
    result.paths = found.hops.map((hops) => ({
      nodes: [from, ...hops.map((h) => Number(h.to))],
      hops: hops.map((h) => ({ from: Number(h.from), to: Number(h.to), sources: h.weight, relations: h.relationTypes, statements: h.statementIds })),
    }));
    return result;
  }

  /** Dated events (their date property) and relation statements (their document's date). */
  async timeline() {
    const { entities, claims, byId } = await this.load();
    const events: { entityId: number; name: string; date: string; kind: string | null; place: number | null; statementId: number }[] = [];
    for (const e of entities) {
      if (e.type !== 'Event') continue;
      const props = (await this.store.statementsAbout(e.id)).filter((s) => s.kind === 'property' && s.subjectId === e.id);
      const date = props.find((s) => s.predicate === 'date' && s.value);
      if (!date) continue;
      events.push({
        entityId: e.id, name: e.name, date: date.value!, statementId: date.id,
        kind: props.find((s) => s.predicate === 'event_kind')?.value ?? null,
        place: props.find((s) => s.predicate === 'place')?.objectId ?? null,
      });
    }
    const statements = claims
      .filter((c) => c.documentDate && c.status !== 'rejected')
      .map((c) => ({
        statementId: c.statementId, date: c.documentDate!, relation: c.type, label: relationSpec(c.type).label,
        modality: c.modality, sourceId: c.sourceId, targetId: c.targetId,
        sourceName: byId.get(c.sourceId)?.name ?? `#${c.sourceId}`, targetName: byId.get(c.targetId)?.name ?? `#${c.targetId}`,
        documentId: c.documentId,
      }));
    events.sort((a, b) => a.date.localeCompare(b.date));
    statements.sort((a, b) => a.date.localeCompare(b.date));
    return { events, statements };
  }

  /** Location entities placed by the gazetteer, with the events and entities tied to each. */
  async places() {
    const { entities, claims, byId } = await this.load();
    const placed: (Place & { entityId: number; entityName: string; documents: number; linked: { id: number; name: string; type: EntityType; relation: string }[] })[] = [];
    const unplaced: { entityId: number; name: string; note?: string }[] = [];
    const linked = new Map<number, Map<number, { id: number; name: string; type: EntityType; relation: string }>>();
    for (const c of claims) {
      if (c.type !== 'located_in' || c.status === 'rejected') continue;
      const src = byId.get(c.sourceId);
      if (!src) continue;
      let m = linked.get(c.targetId);
      if (!m) linked.set(c.targetId, (m = new Map()));
      m.set(src.id, { id: src.id, name: src.name, type: src.type, relation: relationSpec(c.type).label });
    }
    const locations = entities.filter((e) => e.type === 'Location');
    const found = locateAll(locations.map((e) => e.names));
    for (const [i, e] of locations.entries()) {
      const { place, note } = found[i]!;
      if (!place) { unplaced.push({ entityId: e.id, name: e.name, ...(note ? { note } : {}) }); continue; }
      placed.push({ ...place, entityId: e.id, entityName: e.name, documents: e.documentCount, linked: [...(linked.get(e.id)?.values() ?? [])] });
    }
    return { places: placed, unplaced };
  }
}

export interface PathResult {
  nodes: number[];
  hops: { from: number; to: number; sources: number; relations: string[]; statements: number[] }[];
}

function contextBefore(text: string, start: number): string {
  let from = Math.max(0, start - CONTEXT_CHARS);
  const para = text.lastIndexOf('\n\n', start);
  if (para >= from) from = para + 2;
  else if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  return (from > 0 && from === start - CONTEXT_CHARS ? '…' : '') + text.slice(from, start);
}

function contextAfter(text: string, end: number): string {
  let to = Math.min(text.length, end + CONTEXT_CHARS);
  const para = text.indexOf('\n\n', end);
  if (para !== -1 && para <= to) to = para;
  else if (to < text.length) to = text.lastIndexOf(' ', to) > end ? text.lastIndexOf(' ', to) : to;
  return text.slice(end, to) + (to < text.length && text.indexOf('\n\n', end) !== to ? '…' : '');
}
