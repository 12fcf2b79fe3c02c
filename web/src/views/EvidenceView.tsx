// Evidence: every statement behind the selected entity or tie, each sentence highlighted in
// its context with the document's title, date and origin, the modality and the extractor.
import { query } from '../api';
import { EvidenceRow, Status, useApi, relationLabel, type Navigate } from '../common';
import type { EvidenceItem, Schema, Selection } from '../types';

export function EvidenceView({ schema, selection, nav }: { schema: Schema; selection: Selection; nav: Navigate }) {
  const path = selection?.kind === 'entity' ? `evidence${query({ entity: selection.id })}`
    : selection?.kind === 'edge' ? `evidence${query({ statements: selection.edge.statements.slice(0, 500).join(',') })}` : null;
  const loaded = useApi<{ evidence: EvidenceItem[] }>(path);
  if (!selection) return <div className="page"><h2>Evidence</h2><p className="muted">Select an entity or a tie (in the Graph, Entity, Timeline or Map view) to read the statements behind it.</p></div>;
  return <div className="page evidence-view">
    <h2>Evidence {selection.kind === 'edge' ? `for “${selection.edge.label}” (${selection.edge.modality})` : ''}</h2>
    <Status loaded={loaded} what="the evidence">{({ evidence }) => {
      const groups = new Map<string, EvidenceItem[]>();
      for (const item of evidence) {
        const key = item.kind === 'relation' ? relationLabel(schema, item.predicate) : item.kind === 'property' ? 'properties' : 'names';
        (groups.get(key) ?? groups.set(key, []).get(key)!).push(item);
      }
      return <>
        <p className="muted">{evidence.length} statement{evidence.length === 1 ? '' : 's'} from {new Set(evidence.map((e) => e.evidence.documentId)).size} document(s)</p>
        {[...groups].sort(([a], [b]) => rank(a) - rank(b)).map(([label, items]) => <section key={label}>
          <h3>{label} <span className="muted">({items.length})</span></h3>
          <ul className="evidence-list">{items.map((item) => <EvidenceRow key={item.id} item={item} schema={schema} nav={nav} />)}</ul>
        </section>)}
      </>;
    }}</Status>
  </div>;
}

/** Relations first, then properties, names last. */
function rank(group: string): number {
  return group === 'names' ? 2 : group === 'properties' ? 1 : 0;
}
