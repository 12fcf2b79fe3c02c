// Robustness of a ranking to weak ties: the same measure with and without the ties that rest
// on hedged / reported / negated statements only, or on a single source, compared by rank
// correlation (Spearman's rho, Kendall's tau-b) with the entities whose rank moves most.
import graphology from 'graphology';
import { WEAK_MODALITIES } from '../schema/index.js';
import { centrality, type CentralityOptions, type Measure } from './measures.js';
import type { Network, SkeinGraph } from './types.js';
import { toGraphology } from './structure.js';

const { UndirectedGraph } = graphology;

export interface WeakTieRule {
  /** A tie is weak when none of its statements has a modality outside these (default: hedged, reported, negated). */
  modalities?: readonly string[];
  /** A tie is weak when fewer than this many independent sources state it (default 2: single-source ties). Imported files: the weight. */
  minSources?: number;
}

/** Whether a tie is weak under the rule. */
export function isWeakTie(attr: { weight: number; documentIds?: number[]; modalities?: string[] }, rule: WeakTieRule = {}): boolean {
  const weakMods = rule.modalities ?? WEAK_MODALITIES;
  const minSources = rule.minSources ?? 2;
  if (attr.modalities && attr.modalities.length && attr.modalities.every((m) => weakMods.includes(m))) return true;
  const sources = attr.documentIds ? attr.documentIds.length : attr.weight;
  return sources < minSources;
}

/** A copy of the graph without its weak ties (every node kept). */
export function withoutWeakTies(g: Network, rule: WeakTieRule = {}): SkeinGraph {
  const src = toGraphology(g);
  const out: SkeinGraph = new UndirectedGraph();
  src.forEachNode((k, a) => out.addNode(k, { ...a }));
  src.forEachEdge((e, a, s, t) => { if (!isWeakTie(a, rule)) out.addEdgeWithKey(e, s, t, { ...a }); });
  return out;
}

/** Average ranks (1 = highest score; ties share the mean rank), as scipy.stats.rankdata on -x. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[b] - values[a]);
  const ranks = new Float64Array(n);
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && values[idx[j + 1]] === values[idx[i]]) j++;
    const r = (i + j) / 2 + 1;
    for (let q = i; q <= j; q++) ranks[idx[q]] = r;
    i = j + 1;
  }
  return ranks;
}

/** Spearman's rho: Pearson correlation of the average ranks (NaN if either is constant). */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const rx = averageRanks(x), ry = averageRanks(y);
  const n = rx.length;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) { mx += rx[i]; my += ry[i]; }
  mx /= n; my /= n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) { const a = rx[i] - mx, b = ry[i] - my; sxy += a * b; sxx += a * a; syy += b * b; }
  return sxy / Math.sqrt(sxx * syy);
}

/** Kendall's tau-b (ties in either ranking corrected for), O(n^2). */
export function kendallTauB(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let conc = 0, disc = 0, tx = 0, ty = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = Math.sign(x[i] - x[j]), b = Math.sign(y[i] - y[j]);
      if (a === 0 && b === 0) continue;
      if (a === 0) tx++;
      else if (b === 0) ty++;
      else if (a === b) conc++;
      else disc++;
    }
  }
  return (conc - disc) / Math.sqrt((conc + disc + tx) * (conc + disc + ty));
}

export interface RankMove { id: string; label: string; rankWith: number; rankWithout: number; scoreWith: number; scoreWithout: number; change: number }

export interface Robustness {
  measure: Measure;
  weakTies: number;
  ties: number;
  spearman: number;
  kendall: number;
  /** Entities whose rank moves most (positive change: falls without weak ties). */
  movers: RankMove[];
  /** Every entity's move, keyed by node key. */
  moves: Record<string, RankMove>;
}

/** How a ranking by `measure` changes when the weak ties are dropped. */
export async function rankRobustness(g: Network, measure: Measure, opts: CentralityOptions & WeakTieRule & { top?: number } = {}): Promise<Robustness> {
  const full = toGraphology(g);
  const strong = withoutWeakTies(full, opts);
  const a = await centrality(full, measure, opts);
  const b = await centrality(strong, measure, opts);
  // same node order in both (strong was built node by node from full)
  const ra = averageRanks(a.values), rb = averageRanks(b.values);
  const moves: RankMove[] = a.keys.map((id, i) => ({
    id, label: a.labels[i], rankWith: ra[i], rankWithout: rb[i], scoreWith: a.values[i], scoreWithout: b.values[i], change: rb[i] - ra[i],
  }));
  const byKey: Record<string, RankMove> = {};
  for (const mv of moves) byKey[mv.id] = mv;
  const movers = moves.filter((mv) => mv.change !== 0)
    .sort((p, q) => Math.abs(q.change) - Math.abs(p.change) || p.rankWith - q.rankWith).slice(0, opts.top ?? 10);
  return {
    measure, weakTies: full.size - strong.size, ties: full.size,
    spearman: spearman(a.values, b.values), kendall: kendallTauB(a.values, b.values), movers, moves: byKey,
  };
}
