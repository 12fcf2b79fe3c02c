// Map: locations placed by the server's offline gazetteer, drawn on a basemap from world-atlas
// TopoJSON (Natural Earth, shipped in the bundle) with d3-geo. No tiles, nothing fetched.
import { useMemo, useState } from 'react';
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { EntityLink, Status, useApi, type Navigate } from '../common';
import { typeColour } from '../graph/style';
import type { MapAnswer, Schema } from '../types';

const W = 960, H = 500;

export function MapView({ schema, nav, version, selected }: { schema: Schema; nav: Navigate; version: number; selected: number | null }) {
  const loaded = useApi<MapAnswer>('map', version);
  const [zoom, setZoom] = useState<{ k: number; cx: number; cy: number }>({ k: 1, cx: W / 2, cy: H / 2 });
  const { countries, path, projection } = useMemo(() => {
    const topo = world as unknown as Topology<{ countries: GeometryCollection }>;
    const countries = feature(topo, topo.objects.countries);
    const projection = geoNaturalEarth1().fitSize([W, H], countries);
    return { countries, path: geoPath(projection), projection };
  }, []);
  return <div className="page map-view">
    <h2>Map</h2>
    <Status loaded={loaded} what="the places">{({ places, unplaced }) => {
      const fitTo = () => {
        const pts = places.map((p) => projection([p.lon, p.lat])).filter((p): p is [number, number] => !!p);
        if (!pts.length) return setZoom({ k: 1, cx: W / 2, cy: H / 2 });
        const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
        const w = Math.max(...xs) - Math.min(...xs) + 60, h = Math.max(...ys) - Math.min(...ys) + 60;
        setZoom({ k: Math.min(12, Math.max(1, Math.min(W / w, H / h))), cx: (Math.max(...xs) + Math.min(...xs)) / 2, cy: (Math.max(...ys) + Math.min(...ys)) / 2 });
      };
      const maxDocs = Math.max(1, ...places.map((p) => p.documents));
      const t = `translate(${W / 2} ${H / 2}) scale(${zoom.k}) translate(${-zoom.cx} ${-zoom.cy})`;
      return <>
        <div className="row">
          <button onClick={fitTo}>Zoom to places</button>
          <button onClick={() => setZoom({ k: 1, cx: W / 2, cy: H / 2 })}>World</button>
          <span className="muted">{places.length} places located{unplaced.length ? `, ${unplaced.length} not found in the gazetteer` : ''}</span>
        </div>
        <svg className="map" viewBox={`0 0 ${W} ${H}`} data-testid="map">
          <g transform={t}>
            <path d={path({ type: 'Sphere' }) ?? ''} className="sphere" />
            {countries.features.map((f, i) => <path key={i} d={path(f) ?? ''} className="country" strokeWidth={0.5 / zoom.k}><title>{(f.properties as { name?: string })?.name ?? ''}</title></path>)}
            {places.map((p) => {
              const xy = projection([p.lon, p.lat]);
              if (!xy) return null;
              const r = (3 + 7 * Math.sqrt(p.documents / maxDocs)) / Math.sqrt(zoom.k);
              return <g key={p.entityId} className="place" onClick={() => nav.entity(p.entityId)} data-entity={p.entityId}>
                <circle cx={xy[0]} cy={xy[1]} r={r} fill={typeColour(schema.entityTypes, 'Location')} stroke={selected === p.entityId ? '#111' : '#fff'} strokeWidth={1.5 / zoom.k} />
                <text x={xy[0] + r + 2 / zoom.k} y={xy[1] + 4 / zoom.k} fontSize={12 / zoom.k} className="place-label">{p.entityName}</text>
                <title>{`${p.entityName}: ${p.name} (${p.kind}, ${p.country}), ${p.documents} document(s)`}</title>
              </g>;
            })}
          </g>
        </svg>
        <table className="table"><thead><tr><th>place</th><th>gazetteer</th><th>tied to</th></tr></thead><tbody>
          {places.map((p) => <tr key={p.entityId}>
            <td><EntityLink id={p.entityId} name={p.entityName} onOpen={nav.entity} /></td>
            <td className="muted">{p.name}, {p.country} ({p.kind}) {p.lat.toFixed(2)}, {p.lon.toFixed(2)}</td>
            <td>{p.linked.map((l, i) => <span key={l.id}>{i > 0 && ', '}<EntityLink id={l.id} name={l.name} onOpen={nav.entity} /></span>)}</td>
          </tr>)}
        </tbody></table>
        {unplaced.length > 0 && <p className="muted">Not found in the gazetteer: {unplaced.map((u) => (u.note ? `${u.name} (${u.note})` : u.name)).join('; ')}</p>}
      </>;
    }}</Status>
  </div>;
}
