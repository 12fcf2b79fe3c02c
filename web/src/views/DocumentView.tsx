// Document reader: the full text, always as text (React text nodes), with every entity mention
// highlighted; a mention opens its entity. Without an id: the list of documents and a search.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { query } from '../api';
import { Status, useApi, type Navigate } from '../common';
import { typeColour } from '../graph/style';
import type { DocumentDetail, Mention, Schema, StoredDocument } from '../types';

export function DocumentView({ schema, id, range, nav, version }: { schema: Schema; id: number | null; range?: string; nav: Navigate; version: number }) {
  if (id === null || !Number.isInteger(id) || id <= 0) return <DocumentList nav={nav} version={version} />;
  return <Reader schema={schema} id={id} range={range} nav={nav} version={version} />;
}

function DocumentList({ nav, version }: { nav: Navigate; version: number }) {
  const [q, setQ] = useState('');
  const [submitted, setSubmitted] = useState('');
  const list = useApi<{ documents: StoredDocument[] }>('documents', version);
  const hits = useApi<{ hits: { documentId: number; title: string; snippet: string }[] }>(submitted ? `documents${query({ search: submitted })}` : null, version);
  return <div className="page">
    <h2>Documents</h2>
    <form className="row" onSubmit={(e) => { e.preventDefault(); setSubmitted(q.trim()); }}>
      <input value={q} onChange={(e) => setQ(e.target.value)} placeholder="search the text of every document" aria-label="search documents" />
      <button type="submit">Search</button>
    </form>
    {submitted && <Status loaded={hits} what="search results">{({ hits: h }) => h.length === 0 ? <p className="muted">No document matches “{submitted}”.</p> :
      <ul className="hits">{h.map((hit) => <li key={hit.documentId}><a href={`#/document/${hit.documentId}`}>{hit.title}</a><div className="muted">{hit.snippet}</div></li>)}</ul>}</Status>}
    <Status loaded={list} what="the documents">{({ documents }) => documents.length === 0
      ? <p className="muted">No documents yet: add some in the <a href="#/ingest">Ingest</a> view.</p>
      : <table className="table"><thead><tr><th>title</th><th>published</th><th>words</th><th>origin</th></tr></thead>
        <tbody>{documents.map((d) => <tr key={d.id}>
          <td><a href={`#/document/${d.id}`} onClick={(e) => { e.preventDefault(); nav.document(d.id); }}>{d.title}</a></td>
          <td>{d.published ?? '–'}</td><td>{d.wordCount}</td><td className="muted">{d.origin}</td></tr>)}</tbody></table>}</Status>
  </div>;
}

function Reader({ schema, id, range, nav, version }: { schema: Schema; id: number; range?: string; nav: Navigate; version: number }) {
  const loaded = useApi<DocumentDetail>(`documents/${id}`, version);
  const focusRef = useRef<HTMLElement>(null);
  const highlight = useMemo(() => {
    const m = range ? /^(\d+)-(\d+)$/.exec(range) : null;
    return m ? { start: Number(m[1]), end: Number(m[2]) } : null;
  }, [range]);
  useEffect(() => { focusRef.current?.scrollIntoView({ block: 'center' }); }, [loaded.data, highlight]);
  return <div className="page reader">
    <Status loaded={loaded} what={`document ${id}`}>{({ document: doc, mentions, entities }) => <>
      <h2 data-testid="document-title">{doc.title}</h2>
      <p className="muted">{doc.published ?? 'date unknown'} · {doc.mediaType} · {doc.wordCount} words · <span title="origin">{doc.origin}</span></p>
      <p className="muted">{mentions.length} mentions of {Object.keys(entities).length} entities are highlighted; click one to open it.</p>
      <article className="document-text" data-testid="document-text">
        {renderText(doc.text, mentions, entities, schema, nav, highlight, focusRef)}
      </article>
    </>}</Status>
  </div>;
}

/** The text as text nodes, mentions as buttons, the highlighted range marked. */
function renderText(text: string, mentions: Mention[], entities: DocumentDetail['entities'], schema: Schema, nav: Navigate,
  highlight: { start: number; end: number } | null, focusRef: React.RefObject<HTMLElement | null>): ReactNode[] {
  // Non-overlapping mentions, first and longest first.
  const chosen: Mention[] = [];
  let last = -1;
  for (const m of [...mentions].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (m.start >= last && m.end <= text.length && m.start < m.end) { chosen.push(m); last = m.end; }
  }
  // Cut points: mention edges and the highlight's edges.
  const out: ReactNode[] = [];
  let key = 0;
  const plain = (from: number, to: number) => {
    if (from >= to) return;
    if (highlight && to > highlight.start && from < highlight.end) {
      const a = Math.max(from, highlight.start), b = Math.min(to, highlight.end);
      if (from < a) out.push(text.slice(from, a));
      out.push(<mark key={`h${key++}`} className="evidence-highlight" ref={a === highlight.start ? (focusRef as React.RefObject<HTMLElement>) : undefined}>{text.slice(a, b)}</mark>);
      if (b < to) out.push(text.slice(b, to));
    } else out.push(text.slice(from, to));
  };
  let at = 0;
  for (const m of chosen) {
    plain(at, m.start);
    const e = entities[m.entityId];
    const inHighlight = highlight && m.start < highlight.end && m.end > highlight.start;
    out.push(<button key={`m${key++}`} className={`mention${inHighlight ? ' in-highlight' : ''}`} data-entity={m.entityId}
      title={e ? `${e.name} (${e.type}), found by ${m.rule}` : m.rule}
      style={{ borderBottomColor: e ? typeColour(schema.entityTypes, e.type) : undefined }}
      onClick={() => nav.entity(m.entityId)}>{text.slice(m.start, m.end)}</button>);
    at = m.end;
  }
  plain(at, text.length);
  return out;
}
