// Export of the stored network for other tools: JSON, CSV (edge list), GraphML (Cytoscape,
// yEd) and GEXF (Gephi). One edge per (source, target, relation type, modality), carrying how
// many statements and how many independent sources (documents) state it.
import { relationSpec, type EntityType, type Modality, type RelationType } from '../schema/index.js';
import type { RelationClaim, StoredEntity } from '../store/types.js';

export const EXPORT_FORMATS = ['json', 'csv', 'graphml', 'gexf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportNode {
  id: number;
  label: string;
  type: EntityType;
  aliases: string[];
  documents: number;
}

export interface ExportEdge {
  source: number;
  target: number;
  relation: RelationType;
  modality: Modality;
  symmetric: boolean;
  /** Distinct documents stating it. */
  sources: number;
  statements: number[];
}

export interface ExportNetwork {
  nodes: ExportNode[];
  edges: ExportEdge[];
}

export function buildExportNetwork(entities: StoredEntity[], claims: RelationClaim[]): ExportNetwork {
  const nodes = entities.map((e) => ({ id: e.id, label: e.name, type: e.type, aliases: e.names.slice(1), documents: e.documentCount }));
  const edges = new Map<string, ExportEdge & { docs: Set<number> }>();
  for (const c of claims) {
    if (c.status === 'rejected') continue;
    const symmetric = relationSpec(c.type).symmetric;
    // Symmetric ties are one edge whichever way round the sentence put them.
    const [source, target] = symmetric && c.sourceId > c.targetId ? [c.targetId, c.sourceId] : [c.sourceId, c.targetId];
    const key = `${source}|${target}|${c.type}|${c.modality}`;
    let edge = edges.get(key);
    if (!edge) {
      edge = { source, target, relation: c.type, modality: c.modality, symmetric, sources: 0, statements: [], docs: new Set() };
      edges.set(key, edge);
    }
    edge.statements.push(c.statementId);
    edge.docs.add(c.documentId);
    edge.sources = edge.docs.size;
  }
  return { nodes, edges: [...edges.values()].map(({ docs: _docs, ...edge }) => edge) };
}

export function formatNetwork(net: ExportNetwork, format: ExportFormat): string {
  switch (format) {
    case 'json': return `${JSON.stringify(net, null, 2)}\n`;
    case 'csv': return toCsv(net);
    case 'graphml': return toGraphml(net);
    case 'gexf': return toGexf(net);
  }
}

function csvField(value: string | number | boolean): string {
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** An edge list that stands alone: endpoint names and types are on every row. */
function toCsv(net: ExportNetwork): string {
  const byId = new Map(net.nodes.map((n) => [n.id, n]));
  const header = ['source_id', 'source', 'source_type', 'target_id', 'target', 'target_type', 'relation', 'modality', 'symmetric', 'sources', 'statements'];
  const rows = net.edges.map((e) => {
    const s = byId.get(e.source)!, t = byId.get(e.target)!;
    return [e.source, s.label, s.type, e.target, t.label, t.type, e.relation, e.modality, e.symmetric, e.sources, e.statements.length];
  });
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

function xml(value: string | number | boolean): string {
  // Characters XML 1.0 forbids are dropped; markup characters escaped.
  return String(value)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const NODE_ATTRIBUTES = [
  { id: 'type', type: 'string', get: (n: ExportNode) => n.type },
  { id: 'aliases', type: 'string', get: (n: ExportNode) => n.aliases.join('; ') },
  { id: 'documents', type: 'int', get: (n: ExportNode) => n.documents },
] as const;
const EDGE_ATTRIBUTES = [
  { id: 'relation', type: 'string', get: (e: ExportEdge) => e.relation },
  { id: 'modality', type: 'string', get: (e: ExportEdge) => e.modality },
  { id: 'sources', type: 'int', get: (e: ExportEdge) => e.sources },
  { id: 'statements', type: 'int', get: (e: ExportEdge) => e.statements.length },
] as const;

function toGraphml(net: ExportNetwork): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    ...NODE_ATTRIBUTES.map((a) => `  <key id="${a.id}" for="node" attr.name="${a.id}" attr.type="${a.type}"/>`),
    '  <key id="elabel" for="edge" attr.name="label" attr.type="string"/>',
    ...EDGE_ATTRIBUTES.map((a) => `  <key id="${a.id}" for="edge" attr.name="${a.id}" attr.type="${a.type}"/>`),
    '  <graph id="skein" edgedefault="directed">',
  ];
  for (const n of net.nodes) {
    lines.push(`    <node id="n${n.id}"><data key="label">${xml(n.label)}</data>${
      NODE_ATTRIBUTES.map((a) => `<data key="${a.id}">${xml(a.get(n))}</data>`).join('')}</node>`);
  }
  net.edges.forEach((e, i) => {
    lines.push(`    <edge id="e${i}" source="n${e.source}" target="n${e.target}" directed="${!e.symmetric}"><data key="elabel">${xml(relationSpec(e.relation).label)}</data>${
      EDGE_ATTRIBUTES.map((a) => `<data key="${a.id}">${xml(a.get(e))}</data>`).join('')}</edge>`);
  });
  lines.push('  </graph>', '</graphml>');
  return lines.join('\n') + '\n';
}

function toGexf(net: ExportNetwork): string {
  const gexfType = (t: string) => (t === 'int' ? 'integer' : t);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${new Date().toISOString().slice(0, 10)}"><creator>skein</creator><description>entities and the relations stated between them</description></meta>`,
    '  <graph mode="static" defaultedgetype="directed">',
    '    <attributes class="node">',
    ...NODE_ATTRIBUTES.map((a) => `      <attribute id="${a.id}" title="${a.id}" type="${gexfType(a.type)}"/>`),
    '    </attributes>',
    '    <attributes class="edge">',
    ...EDGE_ATTRIBUTES.map((a) => `      <attribute id="${a.id}" title="${a.id}" type="${gexfType(a.type)}"/>`),
    '    </attributes>',
    '    <nodes>',
  ];
  for (const n of net.nodes) {
    lines.push(`      <node id="n${n.id}" label="${xml(n.label)}"><attvalues>${
      NODE_ATTRIBUTES.map((a) => `<attvalue for="${a.id}" value="${xml(a.get(n))}"/>`).join('')}</attvalues></node>`);
  }
  lines.push('    </nodes>', '    <edges>');
  net.edges.forEach((e, i) => {
    lines.push(`      <edge id="e${i}" source="n${e.source}" target="n${e.target}" type="${e.symmetric ? 'undirected' : 'directed'}" label="${xml(relationSpec(e.relation).label)}" weight="${e.sources}"><attvalues>${
      EDGE_ATTRIBUTES.map((a) => `<attvalue for="${a.id}" value="${xml(a.get(e))}"/>`).join('')}</attvalues></edge>`);
  });
  lines.push('    </edges>', '  </graph>', '</gexf>');
  return lines.join('\n') + '\n';
}
