// How the CLI uses it (every call also takes a graph loaded from a file):
//   store:  const g = await projectRepository(repo, { entityTypes, relationTypes, modalities, minSources, from, to })
//   file:   const g = loadNetwork(path, { nodes, format, binary })   // graphology, or CSR if huge
//   rank:   ranking(await centrality(g, 'betweenness', { normalized, samples }), limit)
//   path:   allShortestPaths(g, idA, idB, k) (+ repo.statements(hop.statementIds)), nodeIndependentPaths(g, idA, idB)
//   communities: communities(g, { resolution, seed });   keyplayers: keyPlayersFragment(g, k), keyPlayersReach(g, k, 1|2)
//   stats:  await networkStats(g), components(g), kCore(g), articulationPoints(g), bridges(g)
//   report: await entityReport(g, id, { by, top });   robustness: await rankRobustness(g, measure)
//
// The graph stage: projection of stored claims (or import of a network file) onto one graph
// interface, and the measures an analyst uses on it. Plain functions; every analysis function
// takes a `Network` (a graphology SkeinGraph, or the compact CSR that large files load into).
// The analyses run on the CSR view (kernels.ts, louvain.ts), one implementation for both:
// graphology's standard library missed the speed bars (betweenness, closeness, PageRank) or the
// modularity bar (Louvain), lacks k-cores, articulation points and bridges, and cannot run on
// the CSR that a 1M-node file loads into.
export type { CSR, EdgeAttributes, GraphAttributes, Network, NodeAttributes, SkeinGraph } from './types.js';
export { isCSR } from './types.js';
export { csrFromEdges, indexOf, resolveNode, toCSR } from './csr.js';
export { projectClaims, projectRepository, type ProjectedEntity, type ProjectionFilter } from './project.js';
export {
  COMPACT_LOAD_BYTES, detectFormat, loadNetwork, loadNetworkFile, NetworkFileError, parseCsvNetwork, parseDl,
  parseGexf, parseGraphml, parsePajek, readEdgeListCSR, type LoadOptions, type NetworkFormat,
} from './io/index.js';
export {
  allCentralities, betweennessCentrality, centrality, closenessCentralities, closenessCentrality, degreeCentrality,
  eigenvectorCentrality, harmonicCentrality, isMeasure, MEASURES, pagerank, ranking, scoreRecord,
  type CentralityOptions, type Measure, type RankedNode, type Scores,
} from './measures.js';
export {
  articulationPoints, bridges, communities, components, coreNumber, density, egoNetwork, kCore, modularity,
  networkStats, toGraphology, type Communities, type NetworkStats, type NodeRef,
} from './structure.js';
export { allShortestPaths, nodeIndependentPaths, type PathHop, type ShortestPaths } from './paths.js';
export { distanceFragmentation, fragmentation, keyPlayersFragment, keyPlayersReach, reach, type KeyPlayerOptions, type KeyPlayerResult } from './keyplayers.js';
export {
  averageRanks, isWeakTie, kendallTauB, rankRobustness, spearman, withoutWeakTies,
  type RankMove, type Robustness, type WeakTieRule,
} from './robustness.js';
export { louvainCSR, type LouvainResult } from './louvain.js';
export { entityReport, type EntityReport } from './report.js';
