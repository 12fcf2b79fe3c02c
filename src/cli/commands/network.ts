// Network commands: on the stored network (projected with filters) or on an external file
// (--file net.csv|.graphml|.gexf|.net|.dl).
import type { Command } from 'commander';
import {
  allShortestPaths, communities, entityReport, indexOf, isMeasure, keyPlayersFragment, keyPlayersReach, loadNetwork, MEASURES,
  networkStats, nodeIndependentPaths, projectClaims, ranking, resolveNode, centrality, toCSR, type LoadOptions, type Network,
  type NetworkFormat, type PathHop, type ProjectionFilter,
} from '../../graph/index.js';
import { ENTITY_TYPES, MODALITIES, RELATION_TYPE_NAMES, relationSpec, type Modality } from '../../schema/index.js';
import type { Repository, Statement } from '../../store/index.js';
import { parseDate, parsePositiveInt, useStore, withDb } from '../context.js';
import { printJson, printTable, quote, UsageError } from '../output.js';
import { resolveEntity } from './browse.js';

interface NetworkOptions {
  db?: string;
  file?: string;
  format?: string;
  nodes?: string;
  types?: string;
  relations?: string;
  modality?: string;
  minSources?: string;
  minConfidence?: string;
  from?: string;
  to?: string;
  unweighted?: boolean;
  json?: boolean;
}

/** The options every network command takes: where the network comes from and how it is filtered. */
function networkCommand(program: Command, name: string): Command {
  return withDb(program.command(name))
    .option('--file <path>', 'analyse a network file instead of the database (CSV edge list, GraphML, GEXF, Pajek .net, UCINET DL)')
    .option('--format <format>', 'file format when the extension does not say: csv, graphml, gexf, pajek, dl')
    .option('--nodes <path>', 'node file (id,name[,type]) for a CSV edge list')
    .option('--types <list>', `entity types to keep, comma-separated (${ENTITY_TYPES.join(', ')})`)
    .option('--relations <list>', 'relation types to keep, comma-separated')
    .option('--modality <list>', `modalities to keep (default asserted,hedged,reported; from ${MODALITIES.join(', ')})`)
    .option('--min-sources <n>', 'keep ties stated by at least this many documents')
    .option('--min-confidence <x>', 'keep statements the extractor gave at least this confidence, 0-1 (0.5 drops co-occurrence ties)')
    .option('--from <YYYY-MM-DD>', 'keep statements from documents published on or after this date')
    .option('--to <YYYY-MM-DD>', 'keep statements from documents published on or before this date')
    .option('--unweighted', 'every tie weighs 1 (default: weight = number of independent sources)')
    .option('--json', 'print JSON');
}

function list<T extends string>(value: string | undefined, allowed: readonly T[], option: string, caseless = false): T[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').map((v) => v.trim()).filter(Boolean).map((v) => {
    const hit = allowed.find((a) => (caseless ? a.toLowerCase() === v.toLowerCase() : a === v));
    if (!hit) throw new UsageError(`${option}: "${v}" is not one of ${allowed.join(', ')}`);
    return hit;
  });
}

function parseUnitInterval(value: string, option: string): number {
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || x < 0 || x > 1) throw new UsageError(`${option}: "${value}" is not a number from 0 to 1`);
  return x;
}

function projectionFilter(opts: NetworkOptions): ProjectionFilter {
  return {
    entityTypes: list(opts.types, ENTITY_TYPES, '--types', true),
    relationTypes: list(opts.relations, RELATION_TYPE_NAMES, '--relations'),
    modalities: list<Modality>(opts.modality, MODALITIES, '--modality'),
    minSources: opts.minSources === undefined ? undefined : parsePositiveInt(opts.minSources, '--min-sources'),
    minConfidence: opts.minConfidence === undefined ? undefined : parseUnitInterval(opts.minConfidence, '--min-confidence'),
    from: opts.from === undefined ? undefined : parseDate(opts.from, '--from'),
    to: opts.to === undefined ? undefined : parseDate(opts.to, '--to'),
    weighted: !opts.unweighted,
  };
}

interface Loaded {
  graph: Network;
  /** The store, for stored networks (evidence lookups); null for files. */
  store: Repository | null;
}

/** Runs `fn` on the network the options name. */
async function withNetwork<T>(opts: NetworkOptions, fn: (loaded: Loaded) => Promise<T>): Promise<T> {
  if (opts.file) {
    const formats: NetworkFormat[] = ['csv', 'graphml', 'gexf', 'pajek', 'dl'];
    const load: LoadOptions = { format: list(opts.format, formats, '--format')?.[0], nodes: opts.nodes, binary: opts.unweighted };
    return fn({ graph: loadNetwork(opts.file, load), store: null });
  }
  const filter = projectionFilter(opts);
  return useStore(opts, async (store) => {
    const graph = projectClaims(await store.relationClaims(), await store.entities(), filter);
    if (graph.order === 0) throw new UsageError('the network is empty: ingest documents first, or loosen the filters');
    return fn({ graph, store });
  });
}

/** The node key a user means: an entity name or id in the store, a node id or label in a file. */
async function nodeKey(loaded: Loaded, query: string): Promise<string> {
  const csr = toCSR(loaded.graph);
  if (loaded.store) {
    const entity = await resolveEntity(loaded.store, query);
    const key = String(entity.id);
    if (!csr.keys.includes(key)) throw new UsageError(`${entity.name} has no ties in this network (with these filters)`);
    return key;
  }
  try {
    return resolveNode(loaded.graph, query);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function typeOf(loaded: Loaded, key: string): string {
  const g = loaded.graph;
  return 'hasNode' in g && g.hasNode(key) ? g.getNodeAttribute(key, 'type') ?? '' : '';
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(4));

export function register(program: Command): void {
  networkCommand(program, 'rank')
    .description('most central entities by a network measure')
    .option('--by <measure>', `one of ${MEASURES.join(', ')}`, 'degree')
    .option('--top <n>', 'how many', '20')
    .option('--raw', 'raw values instead of normalised ones (UCINET/NetworkX normalisation by default)')
    .option('--samples <k>', 'betweenness from k sampled sources (large networks), with its error bound')
    .action(async (opts: NetworkOptions & { by: string; top: string; raw?: boolean; samples?: string }) => {
      if (!isMeasure(opts.by)) throw new UsageError(`--by must be one of ${MEASURES.join(', ')}, got "${opts.by}"`);
      const top = parsePositiveInt(opts.top, '--top');
      const samples = opts.samples === undefined ? undefined : parsePositiveInt(opts.samples, '--samples');
      await withNetwork(opts, async (loaded) => {
        const scores = await centrality(loaded.graph, opts.by as never, { normalized: !opts.raw, samples, weighted: false });
        const rows = ranking(scores, top).map((r) => ({ ...r, type: typeOf(loaded, r.id) }));
        if (opts.json) return printJson({ measure: scores.measure, normalized: scores.normalized, errorBound: scores.errorBound, ranking: rows });
        printTable(rows, [
          { header: 'rank', value: (r) => r.rank, right: true },
          { header: 'id', value: (r) => r.id, right: true },
          { header: 'type', value: (r) => r.type },
          { header: 'name', value: (r) => r.label, max: 40 },
          { header: scores.measure, value: (r) => fmt(r.score), right: true },
        ]);
        if (scores.errorBound) {
          const { epsilon, delta, samples: k } = scores.errorBound;
          process.stdout.write(`\nsampled from ${k} sources: every value within ${epsilon.toFixed(4)} of the exact one with probability ${1 - delta}\n`);
        }
      });
    });

  networkCommand(program, 'path')
    .description('shortest paths between two entities, every hop with the statements and sentences behind it')
    .argument('<from>', 'entity name or id')
    .argument('<to>', 'entity name or id')
    .option('--limit <k>', 'at most this many shortest paths', '5')
    .action(async (from: string, to: string, opts: NetworkOptions & { limit: string }) => {
      const limit = parsePositiveInt(opts.limit, '--limit');
      await withNetwork(opts, async (loaded) => {
        const a = await nodeKey(loaded, from), b = await nodeKey(loaded, to);
        const result = allShortestPaths(loaded.graph, a, b, limit);
        const independent = result.length === null ? 0 : nodeIndependentPaths(loaded.graph, a, b);
        const statementIds = [...new Set(result.hops.flat().flatMap((h) => h.statementIds))];
        const statements = loaded.store ? await loaded.store.statements(statementIds) : [];
        const byId = new Map(statements.map((s) => [s.id, s]));
        if (opts.json) {
          return printJson({
            ...result, nodeIndependentPaths: independent,
            hops: result.hops.map((path) => path.map((h) => ({ ...h, statements: h.statementIds.map((id) => byId.get(id)).filter(Boolean) }))),
          });
        }
        printPaths(result.hops, result.length, result.truncated, independent, byId, loaded.graph, a, b);
      });
    });

  networkCommand(program, 'communities')
    .description('Louvain communities, with modularity')
    .option('--resolution <r>', 'higher finds smaller communities', '1')
    .option('--seed <n>', 'random seed (runs repeat)', '1')
    .action(async (opts: NetworkOptions & { resolution: string; seed: string }) => {
      const resolution = Number(opts.resolution);
      if (!(resolution > 0)) throw new UsageError(`--resolution must be a positive number, got "${opts.resolution}"`);
      await withNetwork(opts, async (loaded) => {
        const result = communities(loaded.graph, { resolution, seed: parsePositiveInt(opts.seed, '--seed'), weighted: !opts.unweighted });
        if (opts.json) return printJson(result);
        process.stdout.write(`${result.communities.length} communities, modularity ${result.modularity.toFixed(4)}\n`);
        result.communities.forEach((members, i) => {
          process.stdout.write(`\n${i + 1}. (${members.length}) ${members.map((m) => m.label).join('; ')}\n`);
        });
      });
    });

  networkCommand(program, 'keyplayers')
    .description("Borgatti's key players: the k whose removal most fragments the network (KPP-Neg), and the k who reach most others (KPP-Pos)")
    .option('--k <n>', 'size of the set', '3')
    .option('--steps <m>', 'reach within this many steps (KPP-Pos)', '2')
    .action(async (opts: NetworkOptions & { k: string; steps: string }) => {
      const k = parsePositiveInt(opts.k, '--k');
      const steps = parsePositiveInt(opts.steps, '--steps');
      await withNetwork(opts, async ({ graph }) => {
        const fragment = keyPlayersFragment(graph, k);
        const reachSet = keyPlayersReach(graph, k, steps);
        if (opts.json) return printJson({ fragment, reach: reachSet });
        const names = (r: typeof fragment) => r.players.map((p) => p.label).join('; ');
        process.stdout.write(`KPP-Neg (fragmentation): ${names(fragment)}\n  fragmentation ${fragment.baseline.toFixed(3)} -> ${fragment.score.toFixed(3)} when removed\n`);
        process.stdout.write(`KPP-Pos (reach in ${steps} steps): ${names(reachSet)}\n  reach ${(reachSet.score * 100).toFixed(1)}% of the others\n`);
      });
    });

  networkCommand(program, 'stats')
    .description('size, density, components, diameter and average path length')
    .action(async (opts: NetworkOptions) => {
      await withNetwork(opts, async ({ graph }) => {
        const stats = await networkStats(graph);
        if (opts.json) return printJson(stats);
        for (const [key, value] of Object.entries(stats)) {
          if (value !== null) process.stdout.write(`${key.padEnd(18)} ${typeof value === 'number' ? fmt(value) : value}\n`);
        }
      });
    });

  networkCommand(program, 'report')
    .description("one entity's standing: its measures and ranks, its paths to the most central entities, and how its rank changes without weak ties")
    .argument('<entity>', 'entity name or id')
    .option('--by <measure>', `measure for "most central" and robustness: ${MEASURES.join(', ')}`, 'betweenness')
    .option('--top <n>', 'paths to this many of the most central', '5')
    .action(async (query: string, opts: NetworkOptions & { by: string; top: string }) => {
      if (!isMeasure(opts.by)) throw new UsageError(`--by must be one of ${MEASURES.join(', ')}, got "${opts.by}"`);
      const top = parsePositiveInt(opts.top, '--top');
      await withNetwork(opts, async (loaded) => {
        const key = await nodeKey(loaded, query);
        const report = await entityReport(loaded.graph, key, { by: opts.by as never, top, weighted: false });
        if (opts.json) return printJson(report);
        const out = (s: string) => process.stdout.write(`${s}\n`);
        out(`${report.label}: standing among ${report.nodes} connected entities`);
        printTable(MEASURES.map((m) => ({ m, ...report.measures[m] })), [
          { header: 'measure', value: (r) => r.m },
          { header: 'score', value: (r) => fmt(r.score), right: true },
          { header: 'rank', value: (r) => fmt(r.rank), right: true },
        ]);
        out(`\npaths to the most central by ${opts.by}:`);
        const csr = toCSR(loaded.graph);
        for (const p of report.pathsToCentral) {
          const labels = p.paths[0]?.map((k) => csr.labels[indexOf(csr, k)]) ?? [];
          out(`  ${labels.length ? labels.join(' — ') : `(not connected to ${p.target})`}${p.length ? `  (${p.length} hops)` : ''}`);
        }
        const w = report.withoutWeakTies;
        out(`\nwithout weak ties (hedged, reported or single-source; ${w.weakTies} ties): rank by ${opts.by} ${fmt(w.rankWith)} -> ${fmt(w.rankWithout)}; ` +
          `whole ranking Spearman ${w.spearman.toFixed(3)}, Kendall ${w.kendall.toFixed(3)}`);
      });
    });
}

function printPaths(paths: PathHop[][], length: number | null, truncated: boolean, independent: number,
  statements: Map<number, Statement>, graph: Network, a: string, b: string): void {
  const out = (s: string): void => void process.stdout.write(`${s}\n`);
  const csr = toCSR(graph);
  const label = (k: string) => csr.labels[indexOf(csr, k)] ?? k;
  if (length === null) return out(`${label(a)} and ${label(b)} are not connected in this network`);
  out(`${paths.length}${truncated ? '+' : ''} shortest path${paths.length === 1 ? '' : 's'} of ${length} hop${length === 1 ? '' : 's'} from ${label(a)} to ${label(b)}; ${independent} node-independent path${independent === 1 ? '' : 's'}`);
  paths.forEach((hops, i) => {
    out(`\npath ${i + 1}: ${[hops[0]!.fromLabel, ...hops.map((h) => h.toLabel)].join(' — ')}`);
    for (const h of hops) {
      // Stored ties weigh their independent sources; a file's weight is whatever the file says.
      const strength = h.statementIds.length ? `${h.weight} source${h.weight === 1 ? '' : 's'}` : `weight ${h.weight}`;
      out(`  ${h.fromLabel} — ${h.toLabel}  (${h.relationTypes.join(', ') || 'tie'}; ${strength})`);
      for (const id of h.statementIds) {
        const s = statements.get(id);
        if (!s) continue;
        const modality = s.modality === 'asserted' ? '' : ` [${s.modality}${s.attributedTo ? `, according to ${s.attributedTo}` : ''}]`;
        out(`    ${relationSpec(s.predicate).label}${modality}: ${s.evidence.documentTitle}${s.evidence.documentDate ? ` (${s.evidence.documentDate})` : ''}`);
        out(quote(s.evidence.sentence, '      '));
      }
    }
  });
}
