// Loading external network files by extension (or content): CSV/TSV edge lists with an
// optional node file, GraphML, GEXF, Pajek .net, UCINET DL.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { CSR, SkeinGraph } from '../types.js';
import { NetworkFileError } from './builder.js';
import { parseCsvNetwork } from './csv.js';
import { parseDl } from './dl.js';
import { readEdgeListCSR } from './edgelist.js';
import { parseGexf } from './gexf.js';
import { parseGraphml } from './graphml.js';
import { parsePajek } from './pajek.js';

export { NetworkFileError } from './builder.js';
export { parseCsvNetwork, parseDl, parseGexf, parseGraphml, parsePajek, readEdgeListCSR };

export type NetworkFormat = 'csv' | 'graphml' | 'gexf' | 'pajek' | 'dl';

export interface LoadOptions {
  /** Force a format (default: by extension, then by content). */
  format?: NetworkFormat;
  /** Node file for CSV edge lists: id,name[,type]. */
  nodes?: string;
  /** Ignore tie weights. */
  binary?: boolean;
}

export function detectFormat(path: string, text: string): NetworkFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.graphml') return 'graphml';
  if (ext === '.gexf') return 'gexf';
  if (ext === '.net' || ext === '.paj') return 'pajek';
  if (ext === '.dl') return 'dl';
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt' || ext === '.edges') {
    if (/^\s*\*vertices/i.test(text)) return 'pajek';
    if (/^\s*dl\b/i.test(text)) return 'dl';
    return 'csv';
  }
  const head = text.slice(0, 2000);
  if (/<graphml/i.test(head)) return 'graphml';
  if (/<gexf/i.test(head)) return 'gexf';
  if (/^\s*\*(vertices|network)/i.test(head)) return 'pajek';
  if (/^\s*dl\b/i.test(head)) return 'dl';
  return 'csv';
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new NetworkFileError(path, null, `cannot read: ${(err as Error).message}`);
  }
}

/** Loads a network file into the graph interface. */
export function loadNetworkFile(path: string, opts: LoadOptions = {}): SkeinGraph {
  const text = read(path);
  const format = opts.format ?? detectFormat(path, text);
  let g: SkeinGraph;
  switch (format) {
    case 'csv': g = parseCsvNetwork(text, path, { nodesText: opts.nodes ? read(opts.nodes) : undefined, nodesFile: opts.nodes, binary: opts.binary }); break;
    case 'graphml': g = parseGraphml(text, path); break;
    case 'gexf': g = parseGexf(text, path); break;
    case 'pajek': g = parsePajek(text, path); break;
    case 'dl': g = parseDl(text, path); break;
  }
  if (opts.binary) g.forEachEdge((e) => g.setEdgeAttribute(e, 'weight', 1));
  if (g.order === 0) throw new NetworkFileError(path, null, 'the network has no nodes');
  return g;
}

/** Files above this size with integer ids load straight into CSR (see edgelist.ts). */
export const COMPACT_LOAD_BYTES = 50 * 1024 * 1024;

/**
 * Loads a network file, as a compact CSR for large integer-id edge lists without a node file
 * (every measure, path, structure and key-player function accepts it) and as a graphology
 * graph otherwise.
 */
export function loadNetwork(path: string, opts: LoadOptions = {}): SkeinGraph | CSR {
  const size = (() => { try { return statSync(path).size; } catch { return 0; } })();
  if (size > COMPACT_LOAD_BYTES && !opts.nodes && (opts.format ?? 'csv') === 'csv' && !/\.(graphml|gexf|net|paj|dl)$/i.test(path)) {
    const csr = readEdgeListCSR(path);
    if (csr) {
      if (opts.binary && csr.weights) csr.weights = null;
      return csr;
    }
  }
  return loadNetworkFile(path, opts);
}
