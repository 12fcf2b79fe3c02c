// npm run bench:graph — the graph stage against igraph and networkx (Debian's python3-igraph,
// python3-networkx) on the same Barabasi-Albert edge lists, in the same run.
//
//   --networkx=quick   networkx on the fast measures at 10k only (default; its exact
//                      betweenness takes ~440 s and closeness ~90 s there)
//   --networkx=all     networkx on everything, 100k included (long)
//   --networkx=none    no networkx
//   --sizes=10k,100k,1m  which graphs (default all three)
//
// Exact betweenness and closeness use worker threads on every core (the bar: both cores);
// timings are wall-clock, best of two alternating runs for those two, best of three for the
// quick measures, on both sides.
//
// Bars (issue 4): 10k/50k exact betweenness and closeness <= igraph's time; PageRank and
// single-source BFS <= 2x igraph; Louvain modularity within 0.01 of igraph's, in less time.
// 100k/500k: sampled betweenness (1000 sources) < 30 s, PageRank < 1 s, Louvain < 3 s.
// 1M/5M: loads in < 1.5 GB.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import graphology from 'graphology';
import {
  betweennessCentrality, closenessCentrality, communities, indexOf, pagerank, readEdgeListCSR, toCSR, type CSR, type SkeinGraph,
} from '../src/graph/index.js';
import { bfsDistances } from '../src/graph/kernels.js';
import { mulberry32 as rng } from '../src/util/random.js';

const PY = '/usr/bin/python3';
const HERE = dirname(fileURLToPath(import.meta.url));
const REF = join(HERE, 'graph-ref.py');
const args = new Map(process.argv.slice(2).map((a) => { const [k, v] = a.replace(/^--/, '').split('='); return [k, v ?? 'true'] as [string, string]; }));

if (args.has('load')) {
  // child mode: load a file into CSR and report time and peak memory
  const t = performance.now();
  const csr = readEdgeListCSR(args.get('load')!)!;
  const seconds = (performance.now() - t) / 1000;
  process.stdout.write(JSON.stringify({ n: csr.n, m: csr.m, seconds, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
  process.exit(0);
}

const nxMode = args.get('networkx') ?? 'quick';
const sizes = (args.get('sizes') ?? '10k,100k,1m').split(',');

function ensurePython(): { igraph: boolean; networkx: boolean } {
  const has = (mod: string) => spawnSync(PY, ['-c', `import ${mod}`]).status === 0;
  if (!has('igraph') || (nxMode !== 'none' && !has('networkx'))) {
    console.log('installing python3-igraph python3-networkx from Debian ...');
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '-qq', 'python3-igraph', 'python3-networkx'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  return { igraph: has('igraph'), networkx: has('networkx') };
}

/** Barabasi-Albert edge list (m ties per new node), written as "u v" lines; 0-based ids. */
function writeBA(path: string, n: number, m: number, seed: number): void {
  const r = rng(seed);
  const pool = new Int32Array(2 * n * m);
  let pl = 0;
  const fd = openSync(path, 'w');
  let buf = '';
  const flush = () => { writeSync(fd, buf); buf = ''; };
  for (let v = 1; v <= m; v++) { buf += `${v} 0\n`; pool[pl++] = v; pool[pl++] = 0; }
  const chosen = new Int32Array(m);
  for (let v = m + 1; v < n; v++) {
    let c = 0;
    while (c < m) {
      const t = pool[Math.floor(r() * pl)];
      let dup = false;
      for (let i = 0; i < c; i++) if (chosen[i] === t) dup = true;
      if (!dup) chosen[c++] = t;
    }
    for (let i = 0; i < m; i++) { buf += `${v} ${chosen[i]}\n`; pool[pl++] = v; pool[pl++] = chosen[i]; }
    if (buf.length > 1 << 20) flush();
  }
  flush();
  closeSync(fd);
}

interface RefResult { seconds: number; values?: number[]; modularity?: number }
function runRef(lib: 'igraph' | 'networkx', file: string, tasks: string[]): Record<string, RefResult> {
  if (!tasks.length) return {};
  const out = join(dir, `${lib}.json`);
  const r = spawnSync(PY, [REF, lib, file, tasks.join(','), out], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`${lib} baseline failed`);
  return JSON.parse(readFileSync(out, 'utf8'));
}

async function time<T>(fn: () => T | Promise<T>, repeat = 1): Promise<{ seconds: number; value: T }> {
  let best = Infinity, value!: T;
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    value = await fn();
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  return { seconds: best, value };
}

function toGraph(csr: CSR): SkeinGraph {
  const g: SkeinGraph = new graphology.UndirectedGraph();
  for (let v = 0; v < csr.n; v++) g.addNode(csr.keys[v], { label: csr.keys[v] });
  for (let v = 0; v < csr.n; v++) for (let e = csr.offsets[v]; e < csr.offsets[v + 1]; e++) {
    const u = csr.targets[e];
    if (u > v) g.addEdge(csr.keys[v], csr.keys[u], { weight: 1 });
  }
  return g;
}

/** Values in node-id order (0..n-1), for comparing with the baselines. */
function byId(csr: CSR, values: Float64Array): Float64Array {
  const out = new Float64Array(csr.n);
  for (let i = 0; i < csr.n; i++) out[Number(csr.keys[i])] = values[i];
  return out;
}
function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

const rows: string[][] = [];
let failures = 0;
function row(task: string, skein: number, igraph: number | undefined, nx: number | undefined, bar: string, pass: boolean, note = ''): void {
  if (!pass) failures++;
  const f = (x: number | undefined) => (x === undefined ? '-' : x < 0.1 ? x.toFixed(4) : x.toFixed(2));
  rows.push([task, f(skein), f(igraph), igraph ? (skein / igraph).toFixed(2) : '-', f(nx), nx ? (skein / nx).toFixed(3) : '-', bar, pass ? 'PASS' : 'FAIL', note]);
  console.log(`  ${task}: skein ${f(skein)} s, igraph ${f(igraph)} s, networkx ${f(nx)} s — ${bar}: ${pass ? 'PASS' : 'FAIL'} ${note}`);
}

const dir = mkdtempSync(join(tmpdir(), 'skein-bench-graph-'));
const have = ensurePython();
if (!have.igraph) throw new Error('python3-igraph is missing and could not be installed');
console.log(`skein graph bench — ${availableParallelism()} cores, node ${process.version}, networkx: ${nxMode}`);

try {
  if (sizes.includes('10k')) {
    const file = join(dir, 'ba-10k.txt');
    writeBA(file, 10_000, 5, 1);
    const csr = readEdgeListCSR(file)!;
    console.log(`\n10k: Barabasi-Albert n=${csr.n}, m=${csr.m}`);
    const ig = runRef('igraph', file, ['betweenness', 'closeness', 'pagerank', 'bfs', 'louvain']);
    const nxTasks = nxMode === 'all' ? ['betweenness', 'closeness', 'pagerank', 'bfs', 'louvain'] : nxMode === 'quick' ? ['pagerank', 'bfs', 'louvain'] : [];
    const nx = have.networkx ? runRef('networkx', file, nxTasks) : {};
    // the two slow ones alternate with a second igraph run, best of two each, so that a burst
    // of load from elsewhere on the machine does not land on one side only
    const bt = await time(() => betweennessCentrality(csr, { normalized: false }));
    const cl = await time(() => closenessCentrality(csr));
    const ig2 = runRef('igraph', file, ['betweenness', 'closeness']);
    const bt2 = await time(() => betweennessCentrality(csr, { normalized: false }));
    const cl2 = await time(() => closenessCentrality(csr));
    bt.seconds = Math.min(bt.seconds, bt2.seconds); cl.seconds = Math.min(cl.seconds, cl2.seconds);
    ig.betweenness.seconds = Math.min(ig.betweenness.seconds, ig2.betweenness.seconds);
    ig.closeness.seconds = Math.min(ig.closeness.seconds, ig2.closeness.seconds);
    row('10k exact betweenness', bt.seconds, ig.betweenness.seconds, nx.betweenness?.seconds, '<= igraph', bt.seconds <= ig.betweenness.seconds,
      `max |diff| vs igraph ${maxDiff(byId(csr, bt.value.values), ig.betweenness.values!).toExponential(1)}`);
    row('10k closeness', cl.seconds, ig.closeness.seconds, nx.closeness?.seconds, '<= igraph', cl.seconds <= ig.closeness.seconds,
      `max |diff| vs igraph ${maxDiff(byId(csr, cl.value.values), ig.closeness.values!).toExponential(1)}`);
    pagerank(csr);
    const pr = await time(() => pagerank(csr), 3);
    row('10k PageRank', pr.seconds, ig.pagerank.seconds, nx.pagerank?.seconds, '<= 2x igraph', pr.seconds <= 2 * ig.pagerank.seconds,
      `max |diff| vs igraph ${maxDiff(byId(csr, pr.value.values), ig.pagerank.values!).toExponential(1)}`);
    const s0 = indexOf(csr, '0');
    bfsDistances(csr, s0);
    const bfs = await time(() => bfsDistances(csr, s0), 3);
    row('10k single-source BFS', bfs.seconds, ig.bfs.seconds, nx.bfs?.seconds, '<= 2x igraph', bfs.seconds <= 2 * ig.bfs.seconds);
    const lv = await time(() => communities(csr), 3);
    const dq = lv.value.modularity - ig.louvain.modularity!;
    row('10k Louvain', lv.seconds, ig.louvain.seconds, nx.louvain?.seconds, 'Q within 0.01, faster', lv.seconds < ig.louvain.seconds && dq >= -0.01,
      `Q skein ${lv.value.modularity.toFixed(4)} igraph ${ig.louvain.modularity!.toFixed(4)}${nx.louvain ? ` networkx ${nx.louvain.modularity!.toFixed(4)}` : ''}`);
  }

  if (sizes.includes('100k')) {
    const file = join(dir, 'ba-100k.txt');
    writeBA(file, 100_000, 5, 2);
    const csr = readEdgeListCSR(file)!;
    console.log(`\n100k: Barabasi-Albert n=${csr.n}, m=${csr.m}`);
    const ig = runRef('igraph', file, ['pagerank', 'louvain']);
    const nx = have.networkx && nxMode === 'all' ? runRef('networkx', file, ['sampled', 'pagerank', 'louvain']) : {};
    const sb = await time(() => betweennessCentrality(csr, { samples: 1000 }));
    row('100k sampled betweenness (1000 sources)', sb.seconds, undefined, nx.sampled?.seconds, '< 30 s', sb.seconds < 30,
      `error bound ${sb.value.errorBound!.epsilon.toFixed(3)} (p ${1 - sb.value.errorBound!.delta})`);
    pagerank(csr);
    const pr = await time(() => pagerank(csr), 3);
    row('100k PageRank', pr.seconds, ig.pagerank.seconds, nx.pagerank?.seconds, '< 1 s', pr.seconds < 1);
    const lv = await time(() => communities(csr));
    row('100k Louvain', lv.seconds, ig.louvain.seconds, nx.louvain?.seconds, '< 3 s', lv.seconds < 3,
      `Q skein ${lv.value.modularity.toFixed(4)} igraph ${ig.louvain.modularity!.toFixed(4)}`);
    // the analyses run on the CSR view; a graphology graph (store projections, small files) pays
    // this once, then the view is cached until the graph changes
    const g = toGraph(csr);
    const conv = await time(() => toCSR(g));
    row('100k graphology graph -> CSR view (once per graph)', conv.seconds, undefined, undefined, 'no bar', true);
  }

  if (sizes.includes('1m')) {
    const file = join(dir, 'ba-1m.txt');
    writeBA(file, 1_000_000, 5, 3);
    console.log('\n1M: Barabasi-Albert n=1000000, m=~5000000 (loaded in a fresh process)');
    const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), `--load=${file}`], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`1M load failed: ${r.stderr}`);
    const load = JSON.parse(r.stdout) as { n: number; m: number; seconds: number; maxRssBytes: number };
    const gb = load.maxRssBytes / 2 ** 30;
    row('1M/5M edge list load', load.seconds, undefined, undefined, '< 1.5 GB', gb < 1.5, `peak RSS ${gb.toFixed(2)} GB, n=${load.n} m=${load.m}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log('\n| task | skein s | igraph s | skein/igraph | networkx s | skein/networkx | bar | result | note |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(`\n${rows.length - failures} passed, ${failures} failed`);
process.exitCode = failures ? 1 : 0;
