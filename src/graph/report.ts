// `skein report <entity>`: an entity's measures and ranks, its shortest paths to the most
// central entities, and how its standing changes without weak ties.
import { indexOf, toCSR } from './csr.js';
import { allCentralities, type CentralityOptions, type Measure, MEASURES } from './measures.js';
import { allShortestPaths, type ShortestPaths } from './paths.js';
import { averageRanks, rankRobustness, type RankMove, type WeakTieRule } from './robustness.js';
import type { Network } from './types.js';

export interface EntityReport {
  id: string;
  label: string;
  nodes: number;
  /** Per measure: score, rank (1 = most central; ties share the mean rank) and percentile. */
  measures: Record<Measure, { score: number; rank: number }>;
  /** Shortest paths to the `top` most central others by `by`. */
  pathsToCentral: ShortestPaths[];
  /** Rank by `by` with and without weak ties. */
  withoutWeakTies: RankMove & { spearman: number; kendall: number; weakTies: number };
}

export async function entityReport(
  g: Network, id: string, opts: CentralityOptions & WeakTieRule & { by?: Measure; top?: number; pathLimit?: number } = {},
): Promise<EntityReport> {
  const csr = toCSR(g);
  const v = indexOf(csr, id);
  const by = opts.by ?? 'betweenness';
  const all = await allCentralities(g, opts);
  const measures = {} as EntityReport['measures'];
  for (const m of MEASURES) measures[m] = { score: all[m].values[v], rank: averageRanks(all[m].values)[v] };
  const order = Array.from(all[by].values.keys()).filter((i) => i !== v).sort((a, b) => all[by].values[b] - all[by].values[a]);
  const pathsToCentral = order.slice(0, opts.top ?? 5).map((t) => allShortestPaths(g, id, csr.keys[t], opts.pathLimit ?? 3));
  const rob = await rankRobustness(g, by, opts);
  return {
    id, label: csr.labels[v], nodes: csr.n, measures, pathsToCentral,
    withoutWeakTies: { ...rob.moves[id], spearman: rob.spearman, kendall: rob.kendall, weakTies: rob.weakTies },
  };
}
