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

/**
 * A copy of the graph without its weak ties (every node kept). A graph with no evidence on its
 * ties (an imported file) and one weight throughout has no tie strengths to go by: no tie is
 * weak there.
 */
export function withoutWeakTies(g: Network, rule: WeakTieRule = {}): SkeinGraph {
  const src = toGraphology(g);
  const out: SkeinGraph = new UndirectedGraph();
  src.forEachNode((k, a) => out.addNode(k, { ...a }));
  const weights = new Set<number>();
  let evidence = false;
  src.forEachEdge((_e, a) => { weights.add(a.weight); if (a.documentIds || a.modalities) evidence = true; });
  const judge = evidence || weights.size > 1;
  src.forEachEdge((e, a, s, t) => { if (!judge || !isWeakTie(a, rule)) out.addEdgeWithKey(e, s, t, { ...a }); });
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

/**
 * Kendall's tau-b (ties in either ranking corrected for), O(n log n) by Knight's (1966)
 * merge-sort count of discordant pairs, as scipy.stats.kendalltau computes it.
 */
export function kendallTauB(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b] || y[a] - y[b]);
  const pairs = (t: number) => (t * (t - 1)) / 2;
  let tiedX = 0, tiedXY = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && x[idx[j + 1]] === x[idx[i]]) j++;
    tiedX += pairs(j - i + 1);
    for (let a = i; a <= j;) {
      let b = a;
      while (b + 1 <= j && y[idx[b + 1]] === y[idx[a]]) b++;
      tiedXY += pairs(b - a + 1);
      a = b + 1;
    }
    i = j + 1;
  }
  // merge sort the y values in x order, counting swaps (= discordant pairs)
  let arr = Float64Array.from(idx, (i) => y[i]);
  let buf = new Float64Array(n);
  let swaps = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
      let i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        if (arr[j] < arr[i]) { buf[k++] = arr[j++]; swaps += mid - i; } else buf[k++] = arr[i++];
      }
      while (i < mid) buf[k++] = arr[i++];
      while (j < hi) buf[k++] = arr[j++];
    }
    const t = arr; arr = buf; buf = t;
  }
  let tiedY = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && arr[j + 1] === arr[i]) j++;
    tiedY += pairs(j - i + 1);
    i = j + 1;
  }
  const total = pairs(n);
  const concordantMinusDiscordant = total - tiedX - tiedY + tiedXY - 2 * swaps;
  return concordantMinusDiscordant / Math.sqrt((total - tiedX) * (total - tiedY));
}

export interface RankMove { id: string; label: string; rankWith: number; rankWithout: number; scoreWith: number; scoreWithout: number; change: number }

export interface Robustness {
  measure: Measure;
  weakTies: number;
  ties: number;
  /** Rank correlations of the two rankings (NaN when either ranking is constant). */
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
