// The network on screen: a graphology multigraph drawn by sigma (WebGL), laid out by
// ForceAtlas2 in a web worker so the page stays responsive. Views (the Graph view, the
// benchmark) hand it plain nodes and edges; it knows nothing of the API.
import Graph from 'graphology';
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeLineProgram, EdgeRectangleProgram } from 'sigma/rendering';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { DashedEdgeProgram } from './dashedEdge';
import type { EdgeStyle } from './style';

export interface DrawNode { id: string; label: string; type: string; size: number; color: string }
export interface DrawEdge { id: string; source: string; target: string; label: string; width: number; color: string; style: EdgeStyle; directed: boolean }

interface NodeAttrs { x: number; y: number; label: string; size: number; color: string; nodeType: string }
interface EdgeAttrs { size: number; color: string; type: string; label: string; style: EdgeStyle; weight: number }

export interface RendererEvents {
  node?: (id: string) => void;
  edge?: (id: string) => void;
  stage?: () => void;
}

const DIM_NODE = '#d5dae1';
const LARGE_EDGES = 5000;
const DIM_EDGE = '#e7eaee';

export class NetworkRenderer {
  readonly graph = new Graph<NodeAttrs, EdgeAttrs>({ multi: true, type: 'mixed', allowSelfLoops: false });
  readonly sigma: Sigma<NodeAttrs, EdgeAttrs>;
  private layout: FA2Layout | null = null;
  private layoutTimer: number | undefined;
  private highlightNodes: Set<string> | null = null;
  private highlightEdges: Set<string> | null = null;
  private positions = new Map<string, { x: number; y: number }>();

  constructor(container: HTMLElement, events: RendererEvents = {}) {
    this.sigma = new Sigma<NodeAttrs, EdgeAttrs>(this.graph, container, {
      defaultEdgeType: 'line',
      edgeProgramClasses: { line: EdgeRectangleProgram, arrow: EdgeArrowProgram, dashed: DashedEdgeProgram, hairline: EdgeLineProgram },
      enableEdgeEvents: true,
      renderEdgeLabels: false,
      labelRenderedSizeThreshold: 7,
      labelFont: 'system-ui, sans-serif',
      zIndex: true,
      minCameraRatio: 0.02,
      stagePadding: 50,
      maxCameraRatio: 20,
    });
    this.sigma.on('clickNode', ({ node }) => events.node?.(node));
    this.sigma.on('clickEdge', ({ edge }) => events.edge?.(edge));
    this.sigma.on('clickStage', () => events.stage?.());
    this.sigma.on('enterNode', () => { container.style.cursor = 'pointer'; });
    this.sigma.on('leaveNode', () => { container.style.cursor = ''; });
    this.sigma.on('enterEdge', () => { container.style.cursor = 'pointer'; });
    this.sigma.on('leaveEdge', () => { container.style.cursor = ''; });
  }

  /** Replaces what is drawn. Nodes keep the place they had; new ones start near a placed neighbour. */
  setData(nodes: DrawNode[], edges: DrawEdge[]): void {
    this.stopLayout();
    for (const n of this.graph.nodes()) this.positions.set(n, { x: this.graph.getNodeAttribute(n, 'x'), y: this.graph.getNodeAttribute(n, 'y') });
    const neighbours = new Map<string, string[]>();
    for (const e of edges) {
      (neighbours.get(e.source) ?? neighbours.set(e.source, []).get(e.source)!).push(e.target);
      (neighbours.get(e.target) ?? neighbours.set(e.target, []).get(e.target)!).push(e.source);
    }
    const spread = 10 * Math.sqrt(nodes.length + 1);
    const g = new Graph<NodeAttrs, EdgeAttrs>({ multi: true, type: 'mixed', allowSelfLoops: false });
    for (const n of nodes) {
      let at = this.positions.get(n.id);
      if (!at) {
        const placed = neighbours.get(n.id)?.map((m) => this.positions.get(m)).find((p) => p);
        const angle = Math.random() * 2 * Math.PI, r = placed ? 3 + Math.random() * 3 : spread * Math.sqrt(Math.random());
        at = { x: (placed?.x ?? 0) + r * Math.cos(angle), y: (placed?.y ?? 0) + r * Math.sin(angle) };
        this.positions.set(n.id, at);
      }
      g.addNode(n.id, { x: at.x, y: at.y, label: n.label, size: n.size, color: n.color, nodeType: n.type });
    }
    for (const e of edges) {
      if (!g.hasNode(e.source) || !g.hasNode(e.target) || e.source === e.target) continue;
      const type = e.style === 'dashed' ? 'dashed' : e.directed ? 'arrow' : 'line';
      const attrs = { size: e.width, color: e.color, type, label: e.label, style: e.style, weight: e.width };
      if (e.directed) g.addDirectedEdgeWithKey(e.id, e.source, e.target, attrs);
      else g.addUndirectedEdgeWithKey(e.id, e.source, e.target, attrs);
    }
    // Past a few thousand ties, edges are drawn as 1-pixel GL lines (colour still tells negated
    // ties) and without hit-testing: a software WebGL renderer (headless Chromium, machines
    // without a GPU) spends its time filling antialiased edge quads (bench:web measures this).
    const large = edges.length > LARGE_EDGES;
    this.sigma.setSetting('enableEdgeEvents', !large);
    // Depth sorting (selected items drawn on top) costs a sort of every item per frame.
    this.sigma.setSetting('zIndex', !large);
    if (large) g.forEachEdge((edge) => g.setEdgeAttribute(edge, 'type', 'hairline'));
    this.graph.clear();
    this.graph.import(g.export());
    this.sigma.refresh();
  }

  /** Dims everything but these nodes and edges; null shows all. */
  highlight(nodes: Set<string> | null, edges: Set<string> | null): void {
    this.highlightNodes = nodes;
    this.highlightEdges = edges;
    // No reducers at all when nothing is highlighted: sigma then skips a call per item per frame.
    this.sigma.setSetting('nodeReducer', nodes ? (node, data) => {
      if (nodes.has(node)) return { ...data, zIndex: 2, highlighted: data.size > 0, forceLabel: true };
      return { ...data, color: DIM_NODE, label: '', zIndex: 0 };
    } : null);
    this.sigma.setSetting('edgeReducer', edges ? (edge, data) => {
      if (edges.has(edge)) return { ...data, zIndex: 2 };
      return { ...data, color: DIM_EDGE, zIndex: 0 };
    } : null);
  }

  /** Runs ForceAtlas2 in a web worker for `ms` milliseconds (or until stopped). */
  startLayout(ms: number): Promise<void> {
    this.stopLayout();
    if (this.graph.order < 2) return Promise.resolve();
    const settings = forceAtlas2.inferSettings(this.graph);
    this.layout = new FA2Layout(this.graph, {
      settings: { ...settings, barnesHutOptimize: this.graph.order > 500, slowDown: 2 + Math.log10(this.graph.order), edgeWeightInfluence: 0.5 },
      getEdgeWeight: 'weight',
    });
    this.layout.start();
    return new Promise((resolve) => {
      this.layoutTimer = window.setTimeout(() => { this.stopLayout(); resolve(); }, ms);
    });
  }

  stopLayout(): void {
    window.clearTimeout(this.layoutTimer);
    if (this.layout) {
      this.layout.kill();
      this.layout = null;
    }
  }

  layoutRunning(): boolean {
    return this.layout?.isRunning() ?? false;
  }

  /** Moves the camera to a node. */
  focus(id: string): void {
    const data = this.sigma.getNodeDisplayData(id);
    if (data) void this.sigma.getCamera().animate({ x: data.x, y: data.y, ratio: Math.min(this.sigma.getCamera().ratio, 0.6) }, { duration: 400 });
  }

  fit(): void {
    void this.sigma.getCamera().animatedReset({ duration: 300 });
  }

  /** Where a node is on screen, in CSS pixels from the container's top left. */
  viewportPosition(id: string): { x: number; y: number } | null {
    if (!this.graph.hasNode(id)) return null;
    const a = this.graph.getNodeAttributes(id);
    return this.sigma.graphToViewport({ x: a.x, y: a.y });
  }

  /** The current view as a standalone SVG document (what is on screen, dimming included). */
  toSvg(): string {
    const { width, height } = this.sigma.getDimensions();
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const ratio = this.sigma.getCamera().ratio;
    const scale = 1 / Math.sqrt(Math.max(ratio, 0.05));
    const parts: string[] = [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">`,
      `<rect width="100%" height="100%" fill="#ffffff"/>`,
      `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="context-stroke"/></marker></defs>`,
    ];
    const pos = (n: string) => this.sigma.graphToViewport(this.graph.getNodeAttributes(n));
    this.graph.forEachEdge((edge, attrs, source, target) => {
      const color = this.highlightEdges && !this.highlightEdges.has(edge) ? DIM_EDGE : attrs.color;
      const a = pos(source), b = pos(target);
      parts.push(`<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke="${color}" stroke-width="${attrs.size.toFixed(1)}"${
        attrs.style === 'dashed' ? ' stroke-dasharray="6 5"' : ''}><title>${esc(attrs.label)}</title></line>`);
    });
    this.graph.forEachNode((node, attrs) => {
      const dim = this.highlightNodes && !this.highlightNodes.has(node);
      const p = pos(node);
      const r = attrs.size * scale;
      parts.push(`<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${r.toFixed(1)}" fill="${dim ? DIM_NODE : attrs.color}" stroke="#ffffff" stroke-width="1"><title>${esc(attrs.label)}</title></circle>`);
      if (!dim && (r >= 7 || this.graph.order <= 60)) {
        parts.push(`<text x="${(p.x + r + 3).toFixed(1)}" y="${(p.y + 4).toFixed(1)}" font-size="12" fill="#1f2937">${esc(attrs.label)}</text>`);
      }
    });
    parts.push('</svg>');
    return parts.join('\n');
  }

  /** The current view as a PNG (the SVG drawn onto a canvas at device resolution). */
  async toPng(): Promise<Blob> {
    const svg = this.toSvg();
    const { width, height } = this.sigma.getDimensions();
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    try {
      const img = new Image();
      await new Promise<void>((resolve, reject) => {
        img.onload = () => resolve();
        img.onerror = () => reject(new Error('the SVG could not be drawn'));
        img.src = url;
      });
      const dpr = Math.min(window.devicePixelRatio || 1, 2);
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('this browser has no 2D canvas');
      ctx.scale(dpr, dpr);
      ctx.drawImage(img, 0, 0, width, height);
      return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
    } finally {
      URL.revokeObjectURL(url);
    }
  }

  kill(): void {
    this.stopLayout();
    this.sigma.kill();
  }
}

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
