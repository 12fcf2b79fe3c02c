// The workbench shell: one shared selection, views chosen from the address (#/graph,
// #/entity/12, #/document/3/120-180, ...), so the back button and links work.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ErrorBox, useApi, type Navigate } from './common';
import type { Schema, Selection } from './types';
import { GraphView } from './views/GraphView';
import { EvidenceView } from './views/EvidenceView';
import { DocumentView } from './views/DocumentView';
import { EntityView } from './views/EntityView';
import { TimelineView } from './views/TimelineView';
import { MapView } from './views/MapView';
import { PathsView } from './views/PathsView';
import { IngestView } from './views/IngestView';

const VIEWS = [
  ['graph', 'Graph'], ['evidence', 'Evidence'], ['entity', 'Entity'], ['document', 'Documents'],
  ['timeline', 'Timeline'], ['map', 'Map'], ['paths', 'Paths'], ['ingest', 'Ingest'],
] as const;
type ViewName = (typeof VIEWS)[number][0];

interface Route { view: ViewName; args: string[] }

function parseHash(): Route {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const view = VIEWS.find(([v]) => v === parts[0])?.[0] ?? 'graph';
  return { view, args: parts.slice(1) };
}

export function App() {
  const [route, setRoute] = useState<Route>(parseHash);
  const [selection, setSelection] = useState<Selection>(null);
  const [version, setVersion] = useState(0);
  const schema = useApi<Schema>('schema');
  const stats = useApi<{ documents: number; entities: number; edges: number; statements: number }>('stats', version);

  useEffect(() => {
    const on = () => setRoute(parseHash());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);

  const go = useCallback((hash: string) => { location.hash = hash; }, []);
  const nav: Navigate = useMemo(() => ({
    entity: (id: number) => { setSelection({ kind: 'entity', id }); go(`/entity/${id}`); },
    document: (id: number, range?: { start: number; end: number }) => go(`/document/${id}${range ? `/${range.start}-${range.end}` : ''}`),
  }), [go]);

  // An entity in the address is the selection.
  useEffect(() => {
    if (route.view === 'entity' && route.args[0] && /^\d+$/.test(route.args[0])) {
      const id = Number(route.args[0]);
      setSelection((s) => (s?.kind === 'entity' && s.id === id ? s : { kind: 'entity', id }));
    }
  }, [route]);

  const selectedEntity = selection?.kind === 'entity' ? selection.id : null;
  let body;
  if (schema.error) body = <ErrorBox error={schema.error} what="the schema from the server" />;
  else if (!schema.data) body = <p className="muted">Connecting to the skein server…</p>;
  else {
    const s = schema.data;
    switch (route.view) {
      case 'graph': body = <GraphView schema={s} selection={selection} onSelect={setSelection} nav={nav} version={version} />; break;
      case 'evidence': body = <EvidenceView schema={s} selection={selection} nav={nav} />; break;
      case 'entity': body = <EntityView schema={s} id={route.args[0] ? Number(route.args[0]) : selectedEntity} nav={nav} version={version} />; break;
      case 'document': body = <DocumentView schema={s} id={route.args[0] ? Number(route.args[0]) : null} range={route.args[1]} nav={nav} version={version} />; break;
      case 'timeline': body = <TimelineView schema={s} nav={nav} version={version} selected={selectedEntity} />; break;
      case 'map': body = <MapView schema={s} nav={nav} version={version} selected={selectedEntity} />; break;
      case 'paths': body = <PathsView schema={s} nav={nav} from={route.args[0]} to={route.args[1]} go={go} selected={selectedEntity} />; break;
      case 'ingest': body = <IngestView onIngested={() => setVersion((v) => v + 1)} nav={nav} />; break;
    }
  }
  const current = route.view;
  return <div className="app">
    <header>
      <h1>skein</h1>
      <nav>
        {VIEWS.map(([v, label]) => (
          <a key={v} href={`#/${v}${v === 'entity' && selectedEntity ? `/${selectedEntity}` : ''}`} className={v === current ? 'active' : ''} data-view={v}>{label}</a>
        ))}
      </nav>
      <div className="stats muted">
        {stats.data ? `${stats.data.documents} documents · ${stats.data.entities} entities · ${stats.data.edges} ties` : stats.error ? 'server unreachable' : ''}
        {selection && <SelectionChip selection={selection} onClear={() => setSelection(null)} />}
      </div>
    </header>
    <main>{body}</main>
  </div>;
}

function SelectionChip({ selection, onClear }: { selection: NonNullable<Selection>; onClear: () => void }) {
  const name = useApi<{ entity: { name: string } }>(selection.kind === 'entity' ? `entities/${selection.id}` : null);
  const label = selection.kind === 'entity' ? name.data?.entity.name ?? `entity ${selection.id}` : `${selection.edge.label} (${selection.edge.statements.length} statements)`;
  return <span className="chip" data-testid="selection">selected: {label} <button onClick={onClear} aria-label="clear selection">×</button></span>;
}
