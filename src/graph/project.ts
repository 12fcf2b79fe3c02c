// Projection of stored relation claims onto an entity network.
import graphology from 'graphology';
import type { RelationClaim, Repository } from '../store/types.js';
import type { SkeinGraph } from './types.js';

const { UndirectedGraph } = graphology;

export interface ProjectionFilter {
  /** Keep only entities of these types (default all). */
  entityTypes?: readonly string[];
  /** Keep only claims of these relation types (default all). */
  relationTypes?: readonly string[];
  /** Keep only claims stated with these modalities (default all but negated). */
  modalities?: readonly string[];
  /** Keep claims with these review statuses (default proposed and accepted). */
  statuses?: readonly string[];
  /** A tie needs at least this many independent sources (distinct documents); default 1. */
  minSources?: number;
  /** Keep only claims the extractor gave at least this confidence (0-1; default all): 0.5 drops the co-occurrence fallback. */
  minConfidence?: number;
  /** ISO dates (YYYY-MM-DD...), inclusive, on the document date; claims without a date drop out when a range is set. */
  from?: string;
  to?: string;
  /** Weight = number of independent sources (default true); false: every tie 1. */
  weighted?: boolean;
  /** Keep entities with no remaining tie (default false). */
  isolates?: boolean;
}

export interface ProjectedEntity { id: number; type: string; name: string }

export function projectClaims(claims: readonly RelationClaim[], entities: readonly ProjectedEntity[], filter: ProjectionFilter = {}): SkeinGraph {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const typeOk = (id: number) => {
    const e = byId.get(id);
    return e !== undefined && (!filter.entityTypes || filter.entityTypes.includes(e.type));
  };
  const modalities = filter.modalities ?? ['asserted', 'hedged', 'reported'];
  const statuses = filter.statuses ?? ['proposed', 'accepted'];
  const day = (d: string | null) => (d ? d.slice(0, 10) : null);
  const from = filter.from ? day(filter.from) : null, to = filter.to ? day(filter.to) : null;
  interface Tie { a: number; b: number; statements: number[]; docs: Set<number>; types: Set<string>; mods: Set<string> }
  const ties = new Map<string, Tie>();
  for (const c of claims) {
    if (c.sourceId === c.targetId) continue;
    if (!typeOk(c.sourceId) || !typeOk(c.targetId)) continue;
    if (filter.relationTypes && !filter.relationTypes.includes(c.type)) continue;
    if (!modalities.includes(c.modality) || !statuses.includes(c.status)) continue;
    if (filter.minConfidence !== undefined && c.confidence < filter.minConfidence) continue;
    if (from || to) {
      const d = day(c.documentDate);
      if (!d || (from && d < from) || (to && d > to)) continue;
    }
    const a = Math.min(c.sourceId, c.targetId), b = Math.max(c.sourceId, c.targetId);
    const key = `${a}-${b}`;
    let t = ties.get(key);
    if (!t) ties.set(key, (t = { a, b, statements: [], docs: new Set(), types: new Set(), mods: new Set() }));
    t.statements.push(c.statementId); t.docs.add(c.documentId); t.types.add(c.type); t.mods.add(c.modality);
  }
  const g: SkeinGraph = new UndirectedGraph();
  g.replaceAttributes({ origin: 'store' });
  const addNode = (id: number) => {
    const key = String(id);
    if (!g.hasNode(key)) { const e = byId.get(id)!; g.addNode(key, { label: e.name, type: e.type }); }
  };
  if (filter.isolates) for (const e of entities) if (typeOk(e.id)) addNode(e.id);
  const minSources = filter.minSources ?? 1;
  for (const t of ties.values()) {
    if (t.docs.size < minSources) continue;
    addNode(t.a); addNode(t.b);
    g.addEdge(String(t.a), String(t.b), {
      weight: filter.weighted === false ? 1 : t.docs.size,
      statementIds: t.statements.sort((x, y) => x - y), documentIds: [...t.docs].sort((x, y) => x - y),
      relationTypes: [...t.types].sort(), modalities: [...t.mods].sort(),
    });
  }
  return g;
}

/** Projects everything in a repository (its relation claims and entities) through the filter. */
export async function projectRepository(repo: Pick<Repository, 'relationClaims' | 'entities'>, filter: ProjectionFilter = {}): Promise<SkeinGraph> {
  const [claims, entities] = await Promise.all([repo.relationClaims(), repo.entities()]);
  return projectClaims(claims, entities, filter);
}
