// Entity page: names and aliases, type, properties, relations grouped by type, documents, measures.
import { EntityLink, ModalityBadge, Status, TypeBadge, relationLabel, useApi, type Navigate } from '../common';
import type { EntityDetail, Schema, Statement } from '../types';

export function EntityView({ schema, id, nav, version }: { schema: Schema; id: number | null; nav: Navigate; version: number }) {
  const loaded = useApi<EntityDetail>(id && id > 0 ? `entities/${id}` : null, version);
  if (!id) return <div className="page"><h2>Entity</h2><p className="muted">Select an entity in the Graph or search for one there.</p></div>;
  return <div className="page entity-view">
    <Status loaded={loaded} what={`entity ${id}`}>{({ entity, measures, statements, related, documents }) => {
      const name = (i: number | null) => (i === null ? '' : related[i]?.name ?? `#${i}`);
      const properties = statements.filter((s) => s.kind === 'property' && s.subjectId === entity.id);
      const relations = statements.filter((s) => s.kind === 'relation');
      const byType = new Map<string, Statement[]>();
      for (const s of relations) (byType.get(s.predicate) ?? byType.set(s.predicate, []).get(s.predicate)!).push(s);
      return <>
        <h2 data-testid="entity-name">{entity.name} <TypeBadge schema={schema} type={entity.type} /></h2>
        {entity.names.length > 1 && <p>Also known as: {entity.names.slice(1).join('; ')}</p>}
        <p className="muted">{entity.statementCount} statements in {entity.documentCount} documents · <a href="#/evidence">read all evidence</a> · <a href={`#/paths/${entity.id}`}>find paths from here</a></p>
        {measures && <section><h3>Measures</h3><table className="measures"><tbody>
          {Object.entries(measures).map(([k, v]) => <tr key={k}><td>{k}</td><td>{Number.isInteger(v) ? v : v.toFixed(4)}</td></tr>)}</tbody></table></section>}
        {properties.length > 0 && <section><h3>Properties</h3><ul>{properties.map((s) => <li key={s.id}>
          {relationLabel(schema, s.predicate)}: {s.objectId !== null ? <EntityLink id={s.objectId} name={name(s.objectId)} onOpen={nav.entity} /> : s.value}
          <span className="muted"> ({s.evidence.documentTitle})</span></li>)}</ul></section>}
        <section><h3>Relations</h3>{byType.size === 0 ? <p className="muted">No relation stated.</p> :
          [...byType].map(([type, list]) => <div key={type} className="relation-group">
            <h4>{relationLabel(schema, type)} <span className="muted">({list.length})</span></h4>
            <ul>{list.map((s) => <li key={s.id}>
              <EntityLink id={s.subjectId} name={name(s.subjectId)} onOpen={nav.entity} /> → <EntityLink id={s.objectId!} name={name(s.objectId)} onOpen={nav.entity} />{' '}
              <ModalityBadge modality={s.modality} attributedTo={s.attributedTo} />
              <div className="quote">“{s.evidence.sentence}” <a href={`#/document/${s.evidence.documentId}/${s.evidence.start}-${s.evidence.end}`} className="muted">{s.evidence.documentTitle}</a></div>
            </li>)}</ul>
          </div>)}</section>
        <section><h3>Documents</h3><ul>{documents.map((d) => <li key={d.id}>
          <a href={`#/document/${d.id}`} onClick={(e) => { e.preventDefault(); nav.document(d.id); }}>{d.title}</a>
          <span className="muted"> {d.date ?? ''} · {d.statements} statements</span></li>)}</ul></section>
      </>;
    }}</Status>
  </div>;
}
