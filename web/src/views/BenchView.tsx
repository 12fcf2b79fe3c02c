// Benchmark page (#bench?nodes=5000&edges=20000&layout=5000): a generated network drawn by the
// same renderer as the Graph view. Reports the time from navigation start to the first frame
// sigma renders, and the longest main-thread block while ForceAtlas2 runs (long-task observer,
// and the largest gap between animation frames as a cross-check), in window.__benchResult.
import { useEffect, useRef, useState } from 'react';
import { NetworkRenderer, type DrawEdge, type DrawNode } from '../graph/renderer';
import { edgeStyle, edgeWidth, nodeSize, typeColour } from '../graph/style';

export interface BenchResult { nodes: number; edges: number; firstRenderMs: number; longestTaskMs: number; longTasks: number; longestFrameGapMs: number; layoutMs: number; webgl: string; renders: number; longestRenderMs: number; detail?: unknown }

declare global { interface Window { __benchResult?: BenchResult; __benchError?: string } }

const TYPES = ['Person', 'Organization', 'Location', 'Event'];
const MODALITIES = ['asserted', 'asserted', 'asserted', 'hedged', 'reported', 'negated'];

function rng(seed: number) {
  return () => { seed = (seed * 1664525 + 1013904223) >>> 0; return seed / 2 ** 32; };
}

/** A network with communities: most ties inside one of ~sqrt(n) groups, some across. */
export function generate(n: number, m: number): { nodes: DrawNode[]; edges: DrawEdge[] } {
  const rand = rng(42);
  const groups = Math.max(1, Math.round(Math.sqrt(n) / 2));
  const degree = new Array<number>(n).fill(0);
  const edges: DrawEdge[] = [];
  const seen = new Set<string>();
  while (edges.length < m) {
    const a = Math.floor(rand() * n);
    const b = rand() < 0.85 ? (Math.floor(a / (n / groups)) * Math.floor(n / groups) + Math.floor(rand() * Math.floor(n / groups))) % n : Math.floor(rand() * n);
    if (a === b || seen.has(`${a}-${b}`)) continue;
    seen.add(`${a}-${b}`);
    degree[a]++; degree[b]++;
    const modality = MODALITIES[Math.floor(rand() * MODALITIES.length)]!;
    const sources = 1 + Math.floor(rand() * rand() * 5);
    const { style, colour } = edgeStyle(modality);
    edges.push({ id: `e${edges.length}`, source: `n${a}`, target: `n${b}`, label: modality, width: edgeWidth(sources), color: colour, style, directed: rand() < 0.5 });
  }
  const max = Math.max(...degree);
  const nodes = Array.from({ length: n }, (_, i) => {
    const type = TYPES[i % TYPES.length]!;
    return { id: `n${i}`, label: `${type} ${i}`, type, color: typeColour(TYPES, type), size: nodeSize(degree[i]!, max) };
  });
  return { nodes, edges };
}

export function BenchView() {
  const container = useRef<HTMLDivElement>(null);
  const [text, setText] = useState('running…');
  useEffect(() => {
    const params = new URLSearchParams(location.hash.split('?')[1] ?? '');
    const n = Number(params.get('nodes') ?? 5000), m = Number(params.get('edges') ?? 20000), layoutMs = Number(params.get('layout') ?? 5000);
    let renderer: NetworkRenderer | null = null;
    const tasks: PerformanceEntry[] = [];
    const renders: number[] = [];
    const renderLog: [number, number][] = [];
    let observer: PerformanceObserver | null = null;
    try {
      observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
      observer.observe({ type: 'longtask', buffered: true });
    } catch { /* no long-task support: the frame gaps still tell */ }
    const run = async () => {
      const { nodes, edges } = generate(n, m);
      const el = container.current!;
      const gl = document.createElement('canvas').getContext('webgl2') as WebGL2RenderingContext | null;
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      const webgl = gl ? String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)) : 'none';
      renderer = new NetworkRenderer(el);
      let renderStart = 0;
      renderer.sigma.on('beforeRender', () => { renderStart = performance.now(); });
      renderer.sigma.on('afterRender', () => { const d = performance.now() - renderStart; renders.push(d); renderLog.push([Math.round(renderStart), Math.round(d)]); });
      // First render: sigma has drawn and the browser has presented that frame (the next
      // animation frame runs only once the main thread is free again).
      const firstFrame = new Promise<number>((resolve) => renderer!.sigma.once('afterRender', () =>
        requestAnimationFrame(() => resolve(performance.now()))));
      renderer.setData(nodes, edges);
      const firstRenderMs = await firstFrame;
      // Layout: watch the main thread while the worker runs.
      const layoutStart = performance.now();
      let last = layoutStart, longestGap = 0, frames = true;
      const frame = (t: number) => { longestGap = Math.max(longestGap, t - last); last = t; if (frames) requestAnimationFrame(frame); };
      requestAnimationFrame(frame);
      if (params.get('idle')) await new Promise((r) => setTimeout(r, layoutMs));
      else await renderer.startLayout(layoutMs);
      frames = false;
      await new Promise((r) => setTimeout(r, 100));
      const during = tasks.filter((t) => t.startTime >= layoutStart);
      const result: BenchResult = {
        nodes: n, edges: m, firstRenderMs, layoutMs,
        longestTaskMs: Math.max(0, ...during.map((t) => t.duration)), longTasks: during.length,
        longestFrameGapMs: longestGap, webgl, renders: renders.length, longestRenderMs: Math.max(0, ...renders),
        detail: { layoutStart: Math.round(layoutStart), tasks: tasks.map((t) => [Math.round(t.startTime), Math.round(t.duration)]), renders: renderLog },
      };
      window.__benchResult = result;
      setText(JSON.stringify(result, null, 2));
    };
    run().catch((err: Error) => { window.__benchError = err.message; setText(`benchmark failed: ${err.message}`); });
    return () => { observer?.disconnect(); renderer?.kill(); };
  }, []);
  return <div className="bench">
    <div ref={container} className="sigma bench-canvas" />
    <pre data-testid="bench-result">{text}</pre>
  </div>;
}
