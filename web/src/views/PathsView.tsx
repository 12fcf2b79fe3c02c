// Paths: pick two entities and see the shortest paths between them, with the evidence behind
// every hop.
import { useEffect, useState } from 'react';
import { query } from '../api';
import { EvidenceRow, Status, relationLabel, useApi, type Navigate } from '../common';
import type { EvidenceItem, PathsAnswer, Schema, StoredEntity } from '../types';

function EntityPicker({ label, value, onChange }: { label: string; value: string | undefined; onChange: (id: number) => void }) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const current = useApi<{ entity: StoredEntity }>(value && /^\d+$/.test(value) ? `entities/${value}` : null);
  const found = useApi<{ entities: StoredEntity[] }>(text.trim().length >= 2 ? `entities${query({ search: text.trim(), limit: 12 })}` : null);
  return <div className="picker">
    <label>{label} <input value={text} placeholder={current.data?.entity.name ?? 'type a name…'} aria-label={`${label} entity`}
      onChange={(e) => { setText(e.target.value); setOpen(true); }} /></label>
    {current.data && <span className="muted"> {current.data.entity.name} ({current.data.entity.type})</span>}
    {open && found.data && <ul className="suggestions" role="listbox">
      {found.data.entities.length === 0 && <li className="muted">no match</li>}
      {found.data.entities.map((e) => <li key={e.id}><button role="option" onClick={() => { onChange(e.id); setText(''); setOpen(false); }}>
        {e.name} <span className="muted">{e.type} · {e.statementCount} statements</span></button></li>)}
    </ul>}
  </div>;
}

export function PathsView({ schema, nav, from, to, go, selected }: {
  schema: Schema; nav: Navigate; from?: string; to?: string; go: (hash: string) => void; selected: number | null;
}) {
  const [asserted, setAsserted] = useState(false);
  useEffect(() => { if (!from && selected) go(`/paths/${selected}`); }, [from, selected, go]);
  const ready = from && to && /^\d+$/.test(from) && /^\d+$/.test(to);
  const loaded = useApi<PathsAnswer>(ready ? `paths${query({ from, to, modalities: asserted ? 'asserted' : undefined })}` : null);
  return <div className="page paths-view">
    <h2>Paths</h2>
    <div className="row pickers">
      <EntityPicker label="From" value={from} onChange={(id) => go(`/paths/${id}${to ? `/${to}` : ''}`)} />
      <EntityPicker label="To" value={to} onChange={(id) => go(`/paths/${from ?? ''}/${id}`)} />
      <label className="check"><input type="checkbox" checked={asserted} onChange={(e) => setAsserted(e.target.checked)} /> asserted ties only</label>
    </div>
    {!ready && <p className="muted">Pick two entities.</p>}
    {ready && <Status loaded={loaded} what="the paths">{(answer) => {
      if (answer.length === null) return <p data-testid="no-path">No path joins {answer.entities[answer.from]?.name} and {answer.entities[answer.to]?.name}{asserted ? ' through asserted ties' : ''}.</p>;
      const evidence = new Map<number, EvidenceItem>(answer.evidence.map((e) => [e.id, e]));
      return <>
        <p data-testid="path-summary">{answer.paths.length}{answer.truncated ? '+' : ''} shortest path{answer.paths.length === 1 ? '' : 's'} of {answer.length} hop{answer.length === 1 ? '' : 's'}.</p>
        {answer.paths.map((p, i) => <section key={i} className="path">
          <h3>Path {i + 1}: {p.nodes.map((n) => answer.entities[n]?.name ?? `#${n}`).join(' → ')}</h3>
          <ol>{p.hops.map((h, j) => <li key={j} className="hop">
            <strong>{answer.entities[h.from]?.name}</strong> to <strong>{answer.entities[h.to]?.name}</strong>: {h.relations.map((r) => relationLabel(schema, r)).join(', ')}
            <span className="muted"> ({h.sources} source{h.sources === 1 ? '' : 's'})</span>
            <ul className="evidence-list">{h.statements.map((id) => evidence.get(id)).filter((e): e is EvidenceItem => !!e)
              .map((item) => <EvidenceRow key={item.id} item={item} schema={schema} nav={nav} />)}</ul>
          </li>)}</ol>
        </section>)}
      </>;
    }}</Status>}
  </div>;
}
