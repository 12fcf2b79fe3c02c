// Timeline: dated events and relation statements on one time axis, zoomable from days to
// decades (wheel or buttons; drag to pan). The list below shows what is in view.
import { useMemo, useRef, useState } from 'react';
import { EntityLink, ModalityBadge, Status, useApi, type Navigate } from '../common';
import { edgeStyle, typeColour } from '../graph/style';
import type { Schema, Timeline } from '../types';

const DAY = 86_400_000;
const WIDTH = 1000, HEIGHT = 220, PAD = 30;

function toTime(date: string): number {
  const [y, m = '01', d = '01'] = date.split('-');
  return Date.UTC(Number(y), Number(m) - 1, Number(d));
}

function ticks(from: number, to: number): { t: number; label: string }[] {
  const span = to - from;
  const out: { t: number; label: string }[] = [];
  const start = new Date(from);
  if (span > 40 * 365 * DAY || span > 12 * 365 * DAY) {
    const step = span > 40 * 365 * DAY ? 10 : span > 12 * 365 * DAY ? 2 : 1;
    for (let y = Math.floor(start.getUTCFullYear() / step) * step; Date.UTC(y, 0, 1) <= to; y += step) out.push({ t: Date.UTC(y, 0, 1), label: String(y) });
  } else if (span > 2 * 365 * DAY) {
    for (let y = start.getUTCFullYear(); Date.UTC(y, 0, 1) <= to; y++) out.push({ t: Date.UTC(y, 0, 1), label: String(y) });
  } else if (span > 60 * DAY) {
    const step = span > 365 * DAY ? 3 : 1;
    for (let y = start.getUTCFullYear(), m = Math.floor(start.getUTCMonth() / step) * step; Date.UTC(y, m, 1) <= to; m += step) {
      const t = Date.UTC(y, m, 1);
      out.push({ t, label: new Date(t).toISOString().slice(0, 7) });
    }
  } else {
    const step = span > 20 * DAY ? 7 : span > 6 * DAY ? 2 : 1;
    for (let t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()); t <= to; t += step * DAY) out.push({ t, label: new Date(t).toISOString().slice(0, 10) });
  }
  return out.filter((x) => x.t >= from);
}

export function TimelineView({ schema, nav, version, selected }: { schema: Schema; nav: Navigate; version: number; selected: number | null }) {
  const loaded = useApi<Timeline>('timeline', version);
  return <div className="page timeline-view">
    <h2>Timeline</h2>
    <Status loaded={loaded} what="the timeline">{(data) => data.events.length + data.statements.length === 0
      ? <p className="muted">Nothing dated yet: events need a date and statements a dated document.</p>
      : <TimelineChart data={data} schema={schema} nav={nav} selected={selected} />}</Status>
  </div>;
}

function TimelineChart({ data, schema, nav, selected }: { data: Timeline; schema: Schema; nav: Navigate; selected: number | null }) {
  const all = useMemo(() => [...data.events.map((e) => toTime(e.date)), ...data.statements.map((s) => toTime(s.date))], [data]);
  const fit = useMemo(() => {
    const lo = Math.min(...all), hi = Math.max(...all);
    const pad = Math.max((hi - lo) * 0.08, 15 * DAY);
    return [lo - pad, hi + pad] as const;
  }, [all]);
  const [domain, setDomain] = useState<readonly [number, number]>(fit);
  const drag = useRef<{ x: number; domain: readonly [number, number] } | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const x = (t: number) => PAD + ((t - domain[0]) / (domain[1] - domain[0])) * (WIDTH - 2 * PAD);
  const zoom = (factor: number, at = 0.5) => {
    const span = domain[1] - domain[0];
    const next = Math.min(Math.max(span * factor, 3 * DAY), 200 * 365 * DAY);
    const centre = domain[0] + span * at;
    setDomain([centre - next * at, centre + next * (1 - at)]);
  };
  const fraction = (clientX: number) => {
    const box = svg.current!.getBoundingClientRect();
    return Math.min(1, Math.max(0, ((clientX - box.left) / box.width * WIDTH - PAD) / (WIDTH - 2 * PAD)));
  };
  // Statements on the same day stack upwards.
  const stack = new Map<string, number>();
  const level = (key: string) => { const n = stack.get(key) ?? 0; stack.set(key, n + 1); return n; };
  const inView = (d: string) => { const t = toTime(d); return t >= domain[0] && t <= domain[1]; };
  const span = (domain[1] - domain[0]) / DAY;
  return <>
    <div className="row">
      <button onClick={() => zoom(0.5)}>Zoom in</button>
      <button onClick={() => zoom(2)}>Zoom out</button>
      <button onClick={() => setDomain(fit)}>Fit</button>
      <span className="muted">{new Date(domain[0]).toISOString().slice(0, 10)} to {new Date(domain[1]).toISOString().slice(0, 10)}
        {' '}({span > 730 ? `${(span / 365).toFixed(1)} years` : `${Math.round(span)} days`}) · wheel to zoom, drag to pan</span>
    </div>
    <svg ref={svg} className="timeline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} data-testid="timeline"
      onWheel={(e) => { e.preventDefault(); zoom(e.deltaY > 0 ? 1.25 : 0.8, fraction(e.clientX)); }}
      onMouseDown={(e) => { drag.current = { x: e.clientX, domain }; }}
      onMouseMove={(e) => {
        if (!drag.current) return;
        const box = svg.current!.getBoundingClientRect();
        const shift = ((e.clientX - drag.current.x) / box.width) * WIDTH / (WIDTH - 2 * PAD) * (drag.current.domain[1] - drag.current.domain[0]);
        setDomain([drag.current.domain[0] - shift, drag.current.domain[1] - shift]);
      }}
      onMouseUp={() => { drag.current = null; }} onMouseLeave={() => { drag.current = null; }}>
      <text x={PAD} y={16} className="lane-label">events</text>
      <text x={PAD} y={92} className="lane-label">statements (by document date)</text>
      <line x1={PAD} x2={WIDTH - PAD} y1={HEIGHT - 30} y2={HEIGHT - 30} stroke="#9aa5b1" />
      {ticks(domain[0], domain[1]).map((t) => <g key={t.t} transform={`translate(${x(t.t)},0)`}>
        <line y1={HEIGHT - 34} y2={HEIGHT - 26} stroke="#9aa5b1" />
        <text y={HEIGHT - 12} textAnchor="middle" className="tick">{t.label}</text>
      </g>)}
      {data.events.filter((e) => inView(e.date)).map((e) => {
        const cx = x(toTime(e.date)), cy = 40 + 14 * level(`e${e.date}`);
        return <g key={e.entityId} className="tl-event" onClick={() => nav.entity(e.entityId)}>
          <rect x={cx - 6} y={cy - 6} width={12} height={12} transform={`rotate(45 ${cx} ${cy})`} fill={typeColour(schema.entityTypes, 'Event')} stroke={selected === e.entityId ? '#111' : '#fff'} strokeWidth={2} />
          <text x={cx + 10} y={cy + 4} className="tl-label">{e.name}</text>
          <title>{`${e.date}: ${e.name}${e.kind ? ` (${e.kind})` : ''}`}</title>
        </g>;
      })}
      {data.statements.filter((s) => inView(s.date)).map((s) => {
        const cx = x(toTime(s.date)), cy = HEIGHT - 42 - 7 * (level(`s${s.date}`) % 14);
        const touches = selected !== null && (s.sourceId === selected || s.targetId === selected);
        return <circle key={s.statementId} cx={cx} cy={cy} r={touches ? 5 : 3.5} fill={edgeStyle(s.modality).colour} stroke={touches ? '#111' : 'none'}
          className="tl-statement" onClick={() => nav.entity(s.sourceId)}>
          <title>{`${s.date}: ${s.sourceName} ${s.label} ${s.targetName} (${s.modality})`}</title>
        </circle>;
      })}
    </svg>
    <h3>In view</h3>
    <ul className="tl-list">
      {data.events.filter((e) => inView(e.date)).map((e) => <li key={`e${e.entityId}`}><strong>{e.date}</strong> event: <EntityLink id={e.entityId} name={e.name} onOpen={nav.entity} />{e.kind && <span className="muted"> ({e.kind})</span>}</li>)}
      {data.statements.filter((s) => inView(s.date)).slice(0, 300).map((s) => <li key={s.statementId}><strong>{s.date}</strong>{' '}
        <EntityLink id={s.sourceId} name={s.sourceName} onOpen={nav.entity} /> <em>{s.label}</em> <EntityLink id={s.targetId} name={s.targetName} onOpen={nav.entity} />{' '}
        <ModalityBadge modality={s.modality} /></li>)}
    </ul>
  </>;
}
