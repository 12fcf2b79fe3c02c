// GEXF (1.x): nodes with label and attvalues (a "type" attribute is kept), edges with weight.
import { NetworkBuilder, NetworkFileError, parseWeight } from './builder.js';
import { child, childrenNamed, parseXml } from './xml.js';
import type { SkeinGraph } from '../types.js';

export function parseGexf(text: string, file: string): SkeinGraph {
  const root = parseXml(text, file);
  if (root.name !== 'gexf') throw new NetworkFileError(file, root.line, `expected <gexf>, found <${root.name}>`);
  const graph = child(root, 'graph');
  if (!graph) throw new NetworkFileError(file, root.line, 'no <graph> element');
  const b = new NetworkBuilder(file);
  const directedDefault = graph.attrs.defaultedgetype === 'directed';
  const typeAttr = new Set<string>();
  for (const attrs of childrenNamed(graph, 'attributes')) {
    if (attrs.attrs.class !== 'node') continue;
    for (const a of childrenNamed(attrs, 'attribute')) {
      if (['type', 'kind', 'class', 'category'].includes((a.attrs.title ?? '').toLowerCase())) typeAttr.add(a.attrs.id);
    }
  }
  const nodes = child(graph, 'nodes');
  for (const nd of nodes ? childrenNamed(nodes, 'node') : []) {
    const id = nd.attrs.id;
    if (id === undefined) throw new NetworkFileError(file, nd.line, '<node> without id');
    if (b.hasNode(id)) throw new NetworkFileError(file, nd.line, `node id "${id}" appears twice`);
    let type: string | undefined;
    const av = child(nd, 'attvalues');
    for (const v of av ? childrenNamed(av, 'attvalue') : []) if (typeAttr.has(v.attrs.for ?? v.attrs.id)) type = v.attrs.value;
    b.node(id, nd.attrs.label || id, type);
  }
  const edges = child(graph, 'edges');
  for (const ed of edges ? childrenNamed(edges, 'edge') : []) {
    const { source, target } = ed.attrs;
    if (source === undefined || target === undefined) throw new NetworkFileError(file, ed.line, '<edge> needs source and target');
    const weight = ed.attrs.weight === undefined ? 1 : parseWeight(ed.attrs.weight, file, ed.line);
    if (ed.attrs.type === 'directed' || (directedDefault && ed.attrs.type !== 'undirected')) b.arc(source, target, weight);
    else b.edge(source, target, weight);
  }
  return b.finish();
}
