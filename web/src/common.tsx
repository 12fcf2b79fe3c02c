// Pieces every view uses: data loading with errors in words, links that select, evidence rows.
import { useEffect, useState, type ReactNode } from 'react';
import { getJson } from './api';
import type { EvidenceItem, Schema } from './types';
import { typeColour } from './graph/style';

export interface Loaded<T> { data: T | null; error: string | null; loading: boolean; reload: () => void }

/** GETs an API path (null: nothing to load); reloads when the path or `version` changes. */
export function useApi<T>(path: string | null, version = 0): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: path !== null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === null) { setState({ data: null, error: null, loading: false }); return; }
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    getJson<T>(path).then(
      (data) => { if (live) setState({ data, error: null, loading: false }); },
      (err: Error) => { if (live) setState({ data: null, error: err.message, loading: false }); },
    );
    return () => { live = false; };
  }, [path, version, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}

export function ErrorBox({ error, what }: { error: string; what?: string }) {
  return <div className="error" role="alert"><strong>{what ? `Could not load ${what}: ` : 'Error: '}</strong>{error}</div>;
}

export function Status<T>({ loaded, what, children }: { loaded: Loaded<T>; what: string; children: (data: T) => ReactNode }) {
  if (loaded.error) return <ErrorBox error={loaded.error} what={what} />;
  if (!loaded.data) return <p className="muted">Loading {what}…</p>;
  return <>{children(loaded.data)}</>;
}

export function TypeBadge({ schema, type }: { schema: Schema; type: string }) {
  return <span className="badge" style={{ background: typeColour(schema.entityTypes, type) }}>{type}</span>;
}

export function ModalityBadge({ modality, attributedTo }: { modality: string; attributedTo?: string | null }) {
  return <span className={`modality modality-${modality}`} title={attributedTo ? `according to ${attributedTo}` : undefined}>
    {modality}{attributedTo ? `: ${attributedTo}` : ''}
  </span>;
}

export function EntityLink({ id, name, onOpen }: { id: number; name: string; onOpen: (id: number) => void }) {
  return <a href={`#/entity/${id}`} className="entity-link" onClick={(e) => { e.preventDefault(); onOpen(id); }}>{name}</a>;
}

export function relationLabel(schema: Schema, predicate: string): string {
  return schema.relationTypes.find((r) => r.name === predicate)?.label
    ?? schema.properties.find((p) => p.name === predicate)?.label ?? predicate.replace(/_/g, ' ');
}

/** The evidence sentence in its context, with the two ends of the statement marked. */
export function SentenceInContext({ item }: { item: EvidenceItem }) {
  const { start, end, sentence } = item.evidence;
  const marks = [item.subjectSpan, item.objectSpan]
    .filter((s): s is { start: number; end: number } => !!s && s.start >= start && s.end <= end)
    .sort((a, b) => a.start - b.start);
  const pieces: ReactNode[] = [];
  let at = start;
  marks.forEach((m, i) => {
    if (m.start < at) return;
    pieces.push(sentence.slice(at - start, m.start - start));
    pieces.push(<mark key={i} className="span">{sentence.slice(m.start - start, m.end - start)}</mark>);
    at = m.end;
  });
  pieces.push(sentence.slice(at - start));
  return <blockquote className="context">
    <span className="around">{item.before}</span>
    <span className="sentence">{pieces}</span>
    <span className="around">{item.after}</span>
  </blockquote>;
}

export interface Navigate {
  entity: (id: number) => void;
  document: (id: number, range?: { start: number; end: number }) => void;
}

export function EvidenceRow({ item, schema, nav }: { item: EvidenceItem; schema: Schema; nav: Navigate }) {
  const claim = item.kind === 'relation'
    ? <><EntityLink id={item.subjectId} name={item.subjectName} onOpen={nav.entity} /> <em>{relationLabel(schema, item.predicate)}</em>{' '}
      {item.objectId !== null && <EntityLink id={item.objectId} name={item.objectName ?? ''} onOpen={nav.entity} />}</>
    : item.kind === 'property'
      ? <><EntityLink id={item.subjectId} name={item.subjectName} onOpen={nav.entity} /> <em>{relationLabel(schema, item.predicate)}</em>{': '}
        {item.objectId !== null ? <EntityLink id={item.objectId} name={item.objectName ?? ''} onOpen={nav.entity} /> : item.value}</>
      : <><EntityLink id={item.subjectId} name={item.subjectName} onOpen={nav.entity} /> <em>named</em> “{item.value}”</>;
  const ev = item.evidence;
  return <li className="evidence-item" data-statement={item.id}>
    <div className="claim">{claim} <ModalityBadge modality={item.modality} attributedTo={item.attributedTo} /></div>
    <SentenceInContext item={item} />
    <div className="provenance">
      <a href={`#/document/${ev.documentId}/${ev.start}-${ev.end}`} onClick={(e) => { e.preventDefault(); nav.document(ev.documentId, { start: ev.start, end: ev.end }); }}>
        {ev.documentTitle}</a>
      {ev.documentDate && <span>, {ev.documentDate}</span>}
      <span className="muted"> · {ev.documentOrigin}</span>
      <span className="muted"> · {item.extractor} {item.extractorVersion}, rule {item.rule}, confidence {item.confidence.toFixed(2)}, {item.status}</span>
    </div>
  </li>;
}
