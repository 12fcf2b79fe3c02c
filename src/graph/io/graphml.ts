// GraphML: <key> declarations map data keys to names; weight, label/name and type are read.
import { NetworkBuilder, NetworkFileError, parseWeight } from './builder.js';
import { child, childrenNamed, parseXml } from './xml.js';
import type { SkeinGraph } from '../types.js';

export function parseGraphml(text: string, file: string): SkeinGraph {
  const root = parseXml(text, file);
  if (root.name !== 'graphml') throw new NetworkFileError(file, root.line, `expected <graphml>, found <${root.name}>`);
  const keys = new Map<string, { name: string; for: string }>();
  for (const k of childrenNamed(root, 'key')) {
    if (!k.attrs.id) throw new NetworkFileError(file, k.line, '<key> without id');
    keys.set(k.attrs.id, { name: (k.attrs['attr.name'] ?? k.attrs.name ?? k.attrs.id).toLowerCase(), for: k.attrs.for ?? 'all' });
  }
  const graph = child(root, 'graph');
  if (!graph) throw new NetworkFileError(file, root.line, 'no <graph> element');
  const b = new NetworkBuilder(file);
  const directedDefault = (graph.attrs.edgedefault ?? 'directed') === 'directed';
  const data = (el: { children: Array<{ name: string; attrs: Record<string, string>; text: string }> }, wanted: string[]) => {
    for (const d of el.children) {
      if (d.name !== 'data') continue;
      const k = keys.get(d.attrs.key);
      if (k && wanted.includes(k.name)) return d.text.trim();
    }
    return undefined;
  };
  for (const nd of childrenNamed(graph, 'node')) {
    const id = nd.attrs.id;
    if (id === undefined) throw new NetworkFileError(file, nd.line, '<node> without id');
    if (b.hasNode(id)) throw new NetworkFileError(file, nd.line, `node id "${id}" appears twice`);
    b.node(id, data(nd, ['label', 'name']) || id, data(nd, ['type', 'kind', 'class']) || undefined);
  }
  for (const ed of childrenNamed(graph, 'edge')) {
    const { source, target } = ed.attrs;
    if (source === undefined || target === undefined) throw new NetworkFileError(file, ed.line, '<edge> needs source and target');
    const w = data(ed, ['weight', 'value']);
    const weight = w === undefined ? 1 : parseWeight(w, file, ed.line);
    if (ed.attrs.directed === 'true' || (directedDefault && ed.attrs.directed !== 'false')) b.arc(source, target, weight);
    else b.edge(source, target, weight);
  }
  return b.finish();
}
