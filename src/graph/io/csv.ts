// CSV / TSV / space-separated edge lists: source,target[,weight] with an optional header naming the columns
// (source|from|src|node1|ego, target|to|dst|node2|alter, weight|value|strength), and an
// optional node file: id,name[,type].
import { NetworkBuilder, NetworkFileError, parseWeight } from './builder.js';
import type { SkeinGraph } from '../types.js';

/** Splits CSV text into records of fields with their line numbers (RFC 4180 quoting). */
export function parseCsv(text: string, file: string): Array<{ line: number; fields: string[] }> {
  const firstLine = text.slice(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n'));
  // comma, tab or semicolon; a line with none of them splits on runs of spaces
  const delim = firstLine.includes('\t') ? '\t' : firstLine.includes(',') ? ',' : firstLine.includes(';') ? ';' : firstLine.trim().includes(' ') ? ' ' : ',';
  const rows: Array<{ line: number; fields: string[] }> = [];
  let line = 1, i = 0;
  const n = text.charCodeAt(0) === 0xfeff ? (i = 1, text.length) : text.length;
  while (i < n) {
    if (delim === ' ') while (text[i] === ' ') i++;
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    for (;;) {
      if (i >= n) { fields.push(field); break; }
      const c = text[i];
      if (c === '"' && field === '') {
        i++;
        for (;;) {
          if (i >= n) throw new NetworkFileError(file, startLine, 'unterminated quoted field');
          const q = text[i];
          if (q === '"') { if (text[i + 1] === '"') { field += '"'; i += 2; continue; } i++; break; }
          if (q === '\n') line++;
          field += q; i++;
        }
        continue;
      }
      if (c === delim) {
        fields.push(field); field = ''; i++;
        if (delim === ' ') {
          while (text[i] === ' ') i++;
          if (text[i] === '\n' || text[i] === '\r' || i >= n) { field = fields.pop()!; }
        }
        continue;
      }
      if (c === '\n' || c === '\r') {
        fields.push(field);
        if (c === '\r' && text[i + 1] === '\n') i++;
        i++; line++;
        break;
      }
      field += c; i++;
    }
    const trimmed = fields.map((f) => f.trim());
    if (trimmed.length === 1 && trimmed[0] === '') continue;
    if (trimmed[0].startsWith('#') || trimmed[0].startsWith('%')) continue;
    rows.push({ line: startLine, fields: trimmed });
  }
  return rows;
}

const SOURCE = ['source', 'from', 'src', 'node1', 'ego', 'source_id', 'v1', 'a'];
const TARGET = ['target', 'to', 'dst', 'node2', 'alter', 'target_id', 'v2', 'b'];
const WEIGHT = ['weight', 'value', 'strength', 'w'];
const ID = ['id', 'node', 'key', 'index', 'node_id'];
const NAME = ['name', 'label', 'title'];
const TYPE = ['type', 'kind', 'class', 'category'];

function col(header: string[], names: string[]): number {
  const lower = header.map((h) => h.toLowerCase());
  for (const nm of names) { const i = lower.indexOf(nm); if (i >= 0) return i; }
  return -1;
}

export interface CsvOptions {
  /** Node file: id,name[,type]. */
  nodesText?: string;
  nodesFile?: string;
  /** Ignore weights (binary ties). */
  binary?: boolean;
}

export function parseCsvNetwork(text: string, file: string, opts: CsvOptions = {}): SkeinGraph {
  const b = new NetworkBuilder(file);
  if (opts.nodesText !== undefined) {
    const nf = opts.nodesFile ?? 'nodes file';
    const rows = parseCsv(opts.nodesText, nf);
    let idCol = 0, nameCol = 1, typeCol = -1, start = 0;
    if (rows.length && col(rows[0].fields, ID) >= 0) {
      const h = rows[0].fields;
      idCol = col(h, ID); nameCol = col(h, NAME); typeCol = col(h, TYPE); start = 1;
    }
    for (const r of rows.slice(start)) {
      const id = r.fields[idCol];
      if (!id) throw new NetworkFileError(nf, r.line, 'empty node id');
      if (b.hasNode(id)) throw new NetworkFileError(nf, r.line, `node id "${id}" appears twice`);
      b.node(id, nameCol >= 0 && r.fields[nameCol] ? r.fields[nameCol] : id, typeCol >= 0 && r.fields[typeCol] ? r.fields[typeCol] : undefined);
    }
  }
  const rows = parseCsv(text, file);
  if (rows.length === 0) throw new NetworkFileError(file, null, 'no ties in the file');
  let s = 0, t = 1, w = -1, start = 0;
  const h = rows[0].fields;
  if (col(h, SOURCE) >= 0 && col(h, TARGET) >= 0) {
    s = col(h, SOURCE); t = col(h, TARGET); w = col(h, WEIGHT); start = 1;
  } else if (h.length >= 3 && rows.length > 1 && !Number.isFinite(Number(h[2])) && Number.isFinite(Number(rows[1].fields[2]))) {
    start = 1; w = 2; // an unnamed header line
  } else if (h.length >= 3 && Number.isFinite(Number(h[2])) && h[2] !== '') {
    w = 2;
  }
  const known = opts.nodesText !== undefined;
  for (const r of rows.slice(start)) {
    if (r.fields.length < 2 || r.fields[s] === undefined || r.fields[t] === undefined) {
      throw new NetworkFileError(file, r.line, `expected source and target columns, got "${r.fields.join(',')}"`);
    }
    const a = r.fields[s], c = r.fields[t];
    if (a === '' || c === '') throw new NetworkFileError(file, r.line, 'empty source or target');
    if (known) {
      for (const x of [a, c]) if (!b.hasNode(x)) throw new NetworkFileError(file, r.line, `node "${x}" is not in ${opts.nodesFile ?? 'the nodes file'}`);
    }
    const weight = w >= 0 && !opts.binary && r.fields[w] !== undefined && r.fields[w] !== '' ? parseWeight(r.fields[w], file, r.line) : 1;
    b.edge(a, c, opts.binary ? 1 : weight);
  }
  const g = b.finish();
  if (opts.binary) g.forEachEdge((e) => g.setEdgeAttribute(e, 'weight', 1));
  return g;
}
