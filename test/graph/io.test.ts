// Import of external network files: every format gives the same network, and bad input gets an
// error naming the file and line.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { betweennessCentrality, loadNetwork, loadNetworkFile, NetworkFileError, readEdgeListCSR, type SkeinGraph } from '../../src/graph/index.js';
import { FIXTURES } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'skein-graph-io-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** Label-level view of a graph: sorted "a|b|w" ties. */
function ties(g: SkeinGraph): string[] {
  return g.mapEdges((_e, a, s, t) => {
    const [x, y] = [g.getNodeAttribute(s, 'label'), g.getNodeAttribute(t, 'label')].sort();
    return `${x}|${y}|${a.weight}`;
  }).sort();
}

const koschade = loadNetworkFile(`${FIXTURES}koschade/edges.csv`, { nodes: `${FIXTURES}koschade/nodes.csv` });

test('the Koschade network reads the same from CSV, GraphML, GEXF, Pajek and both DL formats', async () => {
  const nodes = koschade.nodes();
  const label = (k: string) => koschade.getNodeAttribute(k, 'label');
  const num = new Map(nodes.map((k, i) => [k, i + 1]));
  const edges = koschade.mapEdges((_e, a, s, t) => ({ s, t, w: a.weight }));
  const graphml = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <key id="d1" for="edge" attr.name="weight" attr.type="double"/>
  <graph id="G" edgedefault="undirected">
${nodes.map((k) => `    <node id="n${k}"><data key="d0">${label(k)}</data></node>`).join('\n')}
${edges.map((e) => `    <edge source="n${e.s}" target="n${e.t}"><data key="d1">${e.w}</data></edge>`).join('\n')}
  </graph>
</graphml>`;
  const gexf = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="undirected">
    <nodes>
${nodes.map((k) => `      <node id="${k}" label="${label(k)}"/>`).join('\n')}
    </nodes>
    <edges>
${edges.map((e, i) => `      <edge id="${i}" source="${e.s}" target="${e.t}" weight="${e.w}"/>`).join('\n')}
    </edges>
  </graph>
</gexf>`;
  const pajek = `*Vertices ${nodes.length}\n${nodes.map((k) => `${num.get(k)} "${label(k)}"`).join('\n')}\n*Edges\n${edges.map((e) => `${num.get(e.s)} ${num.get(e.t)} ${e.w}`).join('\n')}\n`;
  const matrix = nodes.map((r) => nodes.map((c) => koschade.hasEdge(r, c) ? koschade.getEdgeAttribute(koschade.edge(r, c)!, 'weight') : 0));
  const dlMatrix = `DL N = ${nodes.length}\nFORMAT = FULLMATRIX\nLABELS:\n${nodes.map(label).join(',')}\nDATA:\n${matrix.map((r) => r.join(' ')).join('\n')}\n`;
  const dlEmbedded = `dl n=${nodes.length} format=fullmatrix\nlabels embedded\ndata:\n${nodes.map(label).join(' ')}\n${matrix.map((r, i) => `${label(nodes[i])} ${r.join(' ')}`).join('\n')}\n`;
  // an edge list giving each tie in both directions, as UCINET writes symmetric data
  const dlEdges = `DL N=${nodes.length} FORMAT=EDGELIST1\nLABELS:\n${nodes.map(label).join('\n')}\nDATA:\n${edges.flatMap((e) => [`${num.get(e.s)} ${num.get(e.t)} ${e.w}`, `${num.get(e.t)} ${num.get(e.s)} ${e.w}`]).join('\n')}\n`;
  const want = ties(koschade);
  const exact = await betweennessCentrality(koschade);
  for (const [name, text] of [['k.graphml', graphml], ['k.gexf', gexf], ['k.net', pajek], ['k.dl', dlMatrix], ['k-emb.dl', dlEmbedded], ['k-el.dl', dlEdges]]) {
    const g = loadNetworkFile(file(name, text));
    assert.equal(g.order, 17, name);
    assert.deepEqual(ties(g), want, name);
    assert.equal(g.getAttribute('symmetrised'), name === 'k-el.dl' ? true : undefined, `${name}: directed input marked`);
    const b = await betweennessCentrality(g);
    const byLabel = new Map(b.labels.map((l, i) => [l, b.values[i]]));
    exact.labels.forEach((l, i) => assert.ok(Math.abs(byLabel.get(l)! - exact.values[i]) < 1e-12, `${name} betweenness of ${l}`));
  }
});

test('CSV edge lists: header names, tabs, quotes, weights, repeated ties merged, self-loops dropped', () => {
  const g = loadNetworkFile(file('a.tsv', 'from\tto\tvalue\n"Smith, J"\tB\t2\nB\t"Smith, J"\t1\nC\tC\t1\n# comment\nC\tB\t0.5\n'));
  assert.deepEqual(ties(g), ['B|C|0.5', 'B|Smith, J|3']);
  assert.equal(g.getAttribute('selfLoopsDropped'), 1);
  const spaced = loadNetworkFile(file('s.txt', '  A   "Smith J"  3 \nB A\n'));
  assert.deepEqual(ties(spaced), ['A|B|1', 'A|Smith J|3']);
  const plain = loadNetworkFile(file('b.csv', '1,2\n2,3\n'));
  assert.deepEqual(ties(plain), ['1|2|1', '2|3|1']);
  const typed = loadNetworkFile(file('c.csv', 'source,target\nx,y\n'), { nodes: file('c-nodes.csv', 'id,name,type\nx,Ex,Person\ny,Why,Organization\nz,Zed,Person\n') });
  assert.equal(typed.order, 3, 'isolates from the node file are kept');
  assert.equal(typed.getNodeAttribute('y', 'type'), 'Organization');
  assert.equal(typed.getNodeAttribute('x', 'label'), 'Ex');
});

test('Pajek arcs, edge lists and matrices; directed input is marked symmetrised', () => {
  const arcs = loadNetworkFile(file('arcs.net', '% made by us\n*Vertices 4\n1 "Ann"\n2 "Bob"\n3 "Cy"\n*Arcs\n1 2 2\n2 1 2\n*Arcslist\n3 1 4\n'));
  // 1->2 and 2->1 (weight 2 each) are one tie of 2; 3 -> 1 and 3 -> 4 from the arcs list
  assert.deepEqual(ties(arcs), ['4|Cy|1', 'Ann|Bob|2', 'Ann|Cy|1']);
  assert.equal(arcs.getAttribute('symmetrised'), true);
  const m = loadNetworkFile(file('m.net', '*Vertices 3\n*Matrix\n0 1 0\n1 0 2\n0 2 0\n'));
  assert.deepEqual(ties(m), ['1|2|1', '2|3|2']);
});

test('UCINET DL variants: diagonal absent, row and column labels embedded', () => {
  const g = loadNetworkFile(file('v.dl', 'DL N=3\nFORMAT = FULLMATRIX DIAGONAL ABSENT\nROW LABELS EMBEDDED\nCOLUMN LABELS EMBEDDED\nDATA:\na b c\na 1 0\nb 1 2\nc 0 2\n'));
  assert.deepEqual(ties(g), ['a|b|1', 'b|c|2']);
  assert.throws(() => loadNetworkFile(file('v2.dl', 'DL N=2\nFORMAT=NODELIST1\nDATA:\n1 2\n')), /v2\.dl:1: DL format "nodelist1" is not supported/);
});

test('bad input names the file and line', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['bad.csv', 'source,target,weight\na,b,1\nb,c,heavy\n', /bad\.csv:3: tie weight "heavy" is not a number/],
    ['one.csv', 'a,b\nlonely\n', /one\.csv:2: expected source and target/],
    ['bad.net', '*Vertices 3\n1 "A"\n*Edges\n1 7\n', /bad\.net:4: vertex "7" is not a number from 1 to 3/],
    ['nov.net', '*Edges\n1 2\n', /nov\.net:1: \*Edges before \*Vertices/],
    ['short.dl', 'DL N=3\nDATA:\n0 1 0\n1 0\n', /short\.dl:\d+: matrix ends early/],
    ['nodl.dl', 'N=3\n', /nodl\.dl:1: a UCINET DL file starts with "DL"/],
    ['el.dl', 'dl n=2 format=edgelist1\ndata:\n1 2\n1 5\n', /el\.dl:4: node "5" is not a number from 1 to 2/],
    ['open.graphml', '<graphml>\n<graph edgedefault="undirected">\n<node id="a"/>\n</graphml>\n', /open\.graphml:4: <\/graphml> does not close <graph>/],
    ['noend.graphml', '<graphml>\n<graph>\n<edge source="a"/>\n</graph>\n</graphml>\n', /noend\.graphml:3: <edge> needs source and target/],
    ['w.gexf', '<gexf>\n<graph>\n<edges>\n<edge source="a" target="b" weight="x"/>\n</edges></graph></gexf>', /w\.gexf:4: tie weight "x" is not a number/],
  ];
  for (const [name, text, re] of cases) {
    assert.throws(() => loadNetworkFile(file(name, text)), (err: unknown) => err instanceof NetworkFileError && re.test(err.message), name);
  }
  assert.throws(() => loadNetworkFile(join(dir, 'missing.csv')), /missing\.csv: cannot read/);
  assert.throws(() => loadNetworkFile(file('e.csv', 'source,target\nx,q\n'), { nodes: file('e-nodes.csv', 'id,name\nx,X\n') }), /e\.csv:2: node "q" is not in .*e-nodes\.csv/);
});

test('large integer edge lists load straight into compact arrays', () => {
  const lines = ['source,target,weight'];
  for (let i = 1; i < 1000; i++) lines.push(`${i},${Math.floor(i / 2)},${1 + (i % 3)}`);
  const p = file('big.csv', lines.join('\n') + '\n');
  const csr = readEdgeListCSR(p)!;
  assert.equal(csr.n, 1000);
  assert.equal(csr.m, 999);
  const viaGraph = loadNetworkFile(p);
  assert.equal(viaGraph.size, 999);
  assert.equal(csr.weights![csr.offsets[csr.keys.indexOf('1')]], viaGraph.getEdgeAttribute(viaGraph.edge('1', '0')!, 'weight'));
  assert.equal(readEdgeListCSR(file('names.csv', 'a,b\nb,c\n')), null, 'names are not for the compact reader');
  const dup = readEdgeListCSR(file('dup.csv', '1 2\n2 1\n2 3\n3 3\n'))!;
  assert.equal(dup.m, 2, 'repeats merged, self-loop dropped');
  assert.deepEqual(Array.from(dup.weights!), [2, 2, 1, 1], 'a repeated tie weighs 2, as in the CSV reader');
  assert.equal(loadNetworkFile(file('dup2.csv', '1 2\n2 1\n2 3\n')).getEdgeAttribute('1', '2', 'weight'), 2);
  assert.equal(loadNetwork(file('names2.csv', 'a,b\nb,c\n')).constructor.name !== 'Object', true);
});
