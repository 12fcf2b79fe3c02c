// Graph: the network in WebGL. Colour by entity type, size by a chosen measure, edge style by
// modality (solid asserted, dashed hedged/reported, red negated), width by number of sources;
// filters, search, focus and expand, ForceAtlas2 layout in a worker, PNG/SVG export.
import { useEffect, useMemo, useRef, useState } from 'react';
import { query } from '../api';
import { ErrorBox, TypeBadge, useApi, type Navigate } from '../common';
import { download, NetworkRenderer } from '../graph/renderer';
import { edgeStyle, edgeWidth, nodeSize, typeColour, EDGE_COLOUR, NEGATED_COLOUR } from '../graph/style';
import type { GraphData, GraphEdge, NodeMeasure, Schema, Selection } from '../types';

interface Filters { types: string[]; modalities: string[]; minSources: number; from: string; to: string }

declare global {
  interface Window { __skein?: { nodePosition(id: number): { x: number; y: number } | null; edgeMidpoint(id: string): { x: number; y: number } | null; nodes(): string[]; edges(): string[]; layoutRunning(): boolean } }
}

export function GraphView({ schema, selection, onSelect, nav, version }: {
  schema: Schema; selection: Selection; onSelect: (s: Selection) => void; nav: Navigate; version: number;
}) {
  const [filters, setFilters] = useState<Filters>({ types: schema.entityTypes, modalities: schema.modalities, minSources: 1, from: '', to: '' });
  const [measure, setMeasure] = useState<NodeMeasure>('degree');
  const [focus, setFocus] = useState<Set<number> | null>(null);
  const [search, setSearch] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [renderError, setRenderError] = useState<string | null>(null);
  const [layoutBusy, setLayoutBusy] = useState(false);
  const [isolates, setIsolates] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const renderer = useRef<NetworkRenderer | null>(null);
  const edgesById = useRef(new Map<string, GraphEdge>());
  const selectRef = useRef(onSelect);
  selectRef.current = onSelect;

  const path = `graph${query({
    types: filters.types.length === schema.entityTypes.length ? undefined : filters.types.join(',') || 'none',
    modalities: filters.modalities.length === schema.modalities.length ? undefined : filters.modalities.join(',') || 'none',
    minSources: filters.minSources > 1 ? filters.minSources : undefined, from: filters.from, to: filters.to,
  })}`;
  const noneChosen = filters.types.length === 0 || filters.modalities.length === 0;
  const loaded = useApi<GraphData>(noneChosen ? null : path, version);
  const data = noneChosen ? { nodes: [], edges: [] } : loaded.data;

  // The renderer lives as long as the view.
  useEffect(() => {
    if (!container.current) return;
    try {
      const r = new NetworkRenderer(container.current, {
        node: (id) => selectRef.current({ kind: 'entity', id: Number(id) }),
        edge: (id) => { const e = edgesById.current.get(id); if (e) selectRef.current({ kind: 'edge', edge: e }); },
        stage: () => selectRef.current(null),
      });
      renderer.current = r;
      window.__skein = {
        nodePosition: (id) => r.viewportPosition(String(id)),
        edgeMidpoint: (id) => {
          if (!r.graph.hasEdge(id)) return null;
          const a = r.viewportPosition(r.graph.source(id)), b = r.viewportPosition(r.graph.target(id));
          return a && b ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : null;
        },
        nodes: () => r.graph.nodes(),
        edges: () => r.graph.edges(),
        layoutRunning: () => r.layoutRunning(),
      };
    } catch (err) {
      setRenderError(`the graph cannot be drawn in this browser (${(err as Error).message}). WebGL is needed.`);
    }
    return () => { renderer.current?.kill(); renderer.current = null; delete window.__skein; };
  }, []);

  const visible = useMemo(() => {
    if (!data) return null;
    if (!focus) {
      if (isolates) return data;
      const tied = new Set(data.edges.flatMap((e) => [e.source, e.target]));
      return { nodes: data.nodes.filter((n) => tied.has(n.id)), edges: data.edges };
    }
    const nodes = data.nodes.filter((n) => focus.has(n.id));
    const edges = data.edges.filter((e) => focus.has(e.source) && focus.has(e.target));
    return { nodes, edges };
  }, [data, focus, isolates]);

  // Draw what is visible, then lay it out.
  useEffect(() => {
    const r = renderer.current;
    if (!r || !visible) return;
    const max = Math.max(0, ...visible.nodes.map((n) => n.measures[measure] ?? 0));
    edgesById.current = new Map(visible.edges.map((e) => [e.id, e]));
    r.setData(
      visible.nodes.map((n) => ({ id: String(n.id), label: n.label, type: n.type, color: typeColour(schema.entityTypes, n.type), size: nodeSize(n.measures[measure] ?? 0, max) })),
      visible.edges.map((e) => {
        const { style, colour } = edgeStyle(e.modality);
        return { id: e.id, source: String(e.source), target: String(e.target), label: `${e.label} (${e.modality}, ${e.sources} source${e.sources === 1 ? '' : 's'})`, width: edgeWidth(e.sources), color: colour, style, directed: !e.symmetric };
      }),
    );
    setLayoutBusy(true);
    void r.startLayout(visible.nodes.length > 1000 ? 6000 : 2500).then(() => setLayoutBusy(false));
  }, [visible, measure, schema.entityTypes]);

  // Selection: the selected node with its ties and neighbours, or the selected edge.
  useEffect(() => {
    const r = renderer.current;
    if (!r || !visible) return;
    if (selection?.kind === 'entity') {
      const nodes = new Set([String(selection.id)]);
      const edges = new Set<string>();
      for (const e of visible.edges) {
        if (e.source === selection.id || e.target === selection.id) { edges.add(e.id); nodes.add(String(e.source)); nodes.add(String(e.target)); }
      }
      r.highlight(nodes, edges);
    } else if (selection?.kind === 'edge') {
      r.highlight(new Set([String(selection.edge.source), String(selection.edge.target)]), new Set([selection.edge.id]));
    } else r.highlight(null, null);
  }, [selection, visible]);

  const nodeById = useMemo(() => new Map((data?.nodes ?? []).map((n) => [n.id, n])), [data]);
  const selectedNode = selection?.kind === 'entity' ? nodeById.get(selection.id) : undefined;

  const neighbours = (id: number) => {
    const out = new Set<number>([id]);
    for (const e of data?.edges ?? []) { if (e.source === id) out.add(e.target); if (e.target === id) out.add(e.source); }
    return out;
  };

  const runSearch = () => {
    const q = search.trim().toLowerCase();
    if (!q || !data) return;
    const hit = data.nodes.find((n) => n.label.toLowerCase() === q) ??
      data.nodes.find((n) => [n.label, ...n.aliases].some((a) => a.toLowerCase().includes(q)));
    if (!hit) { setMessage(`no entity in the graph matches "${search}"`); return; }
    setMessage(null);
    if (focus && !focus.has(hit.id)) setFocus(new Set([...focus, hit.id]));
    onSelect({ kind: 'entity', id: hit.id });
    setTimeout(() => renderer.current?.focus(String(hit.id)), 50);
  };

  const exportAs = async (kind: 'svg' | 'png') => {
    const r = renderer.current;
    if (!r) return;
    try {
      if (kind === 'svg') download('skein-graph.svg', new Blob([r.toSvg()], { type: 'image/svg+xml' }));
      else download('skein-graph.png', await r.toPng());
    } catch (err) {
      setMessage(`export failed: ${(err as Error).message}`);
    }
  };

  const toggle = (list: string[], item: string) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

  return <div className="graph-view">
    <aside className="controls">
      <section>
        <h3>Search</h3>
        <form onSubmit={(e) => { e.preventDefault(); runSearch(); }} className="row">
          <input aria-label="search entities" list="graph-names" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="a name…" />
          <button type="submit">Find</button>
        </form>
        <datalist id="graph-names">{data?.nodes.slice(0, 500).map((n) => <option key={n.id} value={n.label} />)}</datalist>
        {message && <p className="warn">{message}</p>}
      </section>
      <section>
        <h3>Entity types</h3>
        {schema.entityTypes.map((t) => <label key={t} className="check">
          <input type="checkbox" checked={filters.types.includes(t)} onChange={() => setFilters({ ...filters, types: toggle(filters.types, t) })} />
          <span className="dot" style={{ background: typeColour(schema.entityTypes, t) }} />{t}
        </label>)}
      </section>
      <section>
        <h3>Modality</h3>
        {schema.modalities.map((m) => {
          const { style, colour } = edgeStyle(m);
          return <label key={m} className="check">
            <input type="checkbox" checked={filters.modalities.includes(m)} onChange={() => setFilters({ ...filters, modalities: toggle(filters.modalities, m) })} />
            <svg width="28" height="8" aria-hidden="true"><line x1="0" y1="4" x2="28" y2="4" stroke={colour} strokeWidth="2.5" strokeDasharray={style === 'dashed' ? '5 4' : undefined} /></svg>{m}
          </label>;
        })}
      </section>
      <section>
        <h3>Ties</h3>
        <label className="field">min sources <input type="number" min={1} value={filters.minSources} aria-label="minimum sources"
          onChange={(e) => setFilters({ ...filters, minSources: Math.max(1, Number(e.target.value) || 1) })} /></label>
        <label className="check"><input type="checkbox" checked={isolates} onChange={(e) => setIsolates(e.target.checked)} /> entities without ties</label>
        <label className="field">from <input type="date" value={filters.from} aria-label="from date" onChange={(e) => setFilters({ ...filters, from: e.target.value })} /></label>
        <label className="field">to <input type="date" value={filters.to} aria-label="to date" onChange={(e) => setFilters({ ...filters, to: e.target.value })} /></label>
      </section>
      <section>
        <h3>Size by</h3>
        <select value={measure} onChange={(e) => setMeasure(e.target.value as NodeMeasure)} aria-label="size nodes by">
          {schema.measures.map((m) => <option key={m} value={m}>{m}</option>)}
        </select>
      </section>
      <section className="buttons">
        <button onClick={() => { const r = renderer.current; if (!r) return; setLayoutBusy(true); void r.startLayout(3000).then(() => setLayoutBusy(false)); }} disabled={layoutBusy}>
          {layoutBusy ? 'Laying out…' : 'Run layout'}</button>
        <button onClick={() => renderer.current?.fit()}>Fit</button>
        <button onClick={() => void exportAs('png')}>Export PNG</button>
        <button onClick={() => void exportAs('svg')}>Export SVG</button>
      </section>
      <section className="legend muted">
        <p><svg width="28" height="8"><line x1="0" y1="4" x2="28" y2="4" stroke={EDGE_COLOUR} strokeWidth="2.5" /></svg> asserted
          {' '}<svg width="28" height="8"><line x1="0" y1="4" x2="28" y2="4" stroke={EDGE_COLOUR} strokeWidth="2.5" strokeDasharray="5 4" /></svg> hedged/reported
          {' '}<svg width="28" height="8"><line x1="0" y1="4" x2="28" y2="4" stroke={NEGATED_COLOUR} strokeWidth="2.5" /></svg> negated</p>
        <p>Edge width: number of sources.</p>
      </section>
    </aside>
    <div className="canvas-wrap">
      {renderError && <ErrorBox error={renderError} />}
      {loaded.error && <ErrorBox error={loaded.error} what="the graph" />}
      {data && data.nodes.length === 0 && <div className="empty">Nothing to show. {noneChosen ? 'Tick at least one type and modality.' : <>Ingest documents in the <a href="#/ingest">Ingest</a> view, or loosen the filters.</>}</div>}
      <div ref={container} className="sigma" data-testid="graph-canvas" />
      <div className="canvas-info muted" data-testid="graph-info">
        {visible ? `${visible.nodes.length} entities, ${visible.edges.length} ties shown${focus ? ' (focused)' : ''}` : 'loading…'}
        {focus && <button className="link" onClick={() => setFocus(null)}>show all</button>}
      </div>
    </div>
    <aside className="selection-panel">
      {!selection && <p className="muted">Click an entity or a tie to select it.</p>}
      {selectedNode && <div data-testid="selected-node">
        <h2>{selectedNode.label}</h2>
        <TypeBadge schema={schema} type={selectedNode.type} />
        {selectedNode.aliases.length > 0 && <p className="muted">also: {selectedNode.aliases.join('; ')}</p>}
        <p>{selectedNode.statements} statements in {selectedNode.documents} documents</p>
        <table className="measures"><tbody>{Object.entries(selectedNode.measures).map(([k, v]) => <tr key={k}><td>{k}</td><td>{formatMeasure(v)}</td></tr>)}</tbody></table>
        <div className="buttons">
          <a className="button" href="#/evidence">Evidence</a>
          <button onClick={() => nav.entity(selectedNode.id)}>Entity page</button>
          <button onClick={() => setFocus(new Set([...(focus ?? []), ...neighbours(selectedNode.id)]))}>Expand neighbours</button>
          <button onClick={() => setFocus(neighbours(selectedNode.id))}>Focus</button>
        </div>
      </div>}
      {selection?.kind === 'edge' && <div data-testid="selected-edge">
        <h2>{nodeById.get(selection.edge.source)?.label} — {selection.edge.label} — {nodeById.get(selection.edge.target)?.label}</h2>
        <p>{selection.edge.modality}; {selection.edge.sources} source{selection.edge.sources === 1 ? '' : 's'}; {selection.edge.statements.length} statement{selection.edge.statements.length === 1 ? '' : 's'}
          {selection.edge.firstDate && `; ${selection.edge.firstDate}${selection.edge.lastDate !== selection.edge.firstDate ? ` to ${selection.edge.lastDate}` : ''}`}</p>
        <a className="button" href="#/evidence">Read the evidence</a>
      </div>}
    </aside>
  </div>;
}

function formatMeasure(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(3);
}
