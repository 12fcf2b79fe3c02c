// UCINET DL, one-mode: "DL N=n", FORMAT = FULLMATRIX (default) or EDGELIST1, labels given in a
// LABELS: section or embedded in the data (LABELS EMBEDDED), then DATA:.
import { NetworkBuilder, NetworkFileError, parseWeight } from './builder.js';
import type { SkeinGraph } from '../types.js';

interface Tok { text: string; line: number; quoted: boolean }

function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  text.replace(/^\ufeff/, '').split(/\r?\n/).forEach((raw, i) => {
    const re = /"([^"]*)"|'([^']*)'|([^\s,"']+)/g;
    let m: RegExpExecArray | null;
    // "n = 5" -> "n=5"
    const line = raw.replace(/\s*=\s*/g, '=');
    while ((m = re.exec(line))) out.push({ text: m[1] ?? m[2] ?? m[3], line: i + 1, quoted: m[3] === undefined });
  });
  return out;
}

export function parseDl(text: string, file: string): SkeinGraph {
  const toks = tokenize(text);
  if (!toks.length || toks[0].text.toLowerCase() !== 'dl') throw new NetworkFileError(file, toks[0]?.line ?? 1, 'a UCINET DL file starts with "DL"');
  let n = -1, format = 'fullmatrix', embedded = false, diagonal = true;
  let labels: string[] | null = null;
  let i = 1;
  const isKeyword = (t: Tok) => !t.quoted && /^(data|labels|row|col|column|matrix|level)/i.test(t.text) && t.text.endsWith(':');
  for (; i < toks.length; i++) {
    const t = toks[i];
    const low = t.text.toLowerCase();
    if (low === 'data:') { i++; break; }
    const eq = low.indexOf('=');
    if (eq > 0) {
      const key = low.slice(0, eq), val = low.slice(eq + 1);
      if (key === 'n') n = Number(val);
      else if (key === 'format') format = val;
      else if (key === 'nm' && val !== '1') throw new NetworkFileError(file, t.line, 'files with several matrices (NM > 1) are not supported');
      else if (key === 'nr' || key === 'nc') throw new NetworkFileError(file, t.line, 'two-mode DL files (NR/NC) are not supported');
      else if (key === 'diagonal') diagonal = val !== 'absent';
      continue;
    }
    if (low === 'labels' && toks[i + 1]?.text.toLowerCase() === 'embedded') { embedded = true; i++; continue; }
    if (low === 'labels:' || low === 'row' || low === 'column' || low === 'col' || low === 'row labels:' ) {
      if (low !== 'labels:') { if (toks[i + 1]?.text.toLowerCase() === 'labels:') i++; else continue; }
      labels = [];
      while (i + 1 < toks.length && !isKeyword(toks[i + 1]) && toks[i + 1].text.toLowerCase() !== 'data:') labels.push(toks[++i].text);
      continue;
    }
    if (low === 'embedded') { embedded = true; continue; }
    if (low === 'diagonal' && /^(present|absent)$/i.test(toks[i + 1]?.text ?? '')) { diagonal = toks[++i].text.toLowerCase() === 'present'; continue; }
    throw new NetworkFileError(file, t.line, `unexpected "${t.text}" in the DL header`);
  }
  if (!Number.isInteger(n) || n < 1) throw new NetworkFileError(file, toks[0].line, 'the DL header needs N=<number of nodes>');
  if (labels && labels.length !== n) throw new NetworkFileError(file, toks[0].line, `${labels.length} labels for N=${n}`);
  const b = new NetworkBuilder(file);
  const data = toks.slice(i);
  const fmt = format.replace(/[^a-z0-9]/g, '');
  if (fmt === 'fullmatrix' || fmt === 'fm') {
    let p = 0;
    let names = labels ?? Array.from({ length: n }, (_, k) => String(k + 1));
    if (embedded) {
      const cols = data.slice(0, n).map((t) => t.text);
      if (cols.length < n) throw new NetworkFileError(file, data[0]?.line ?? toks[toks.length - 1].line, 'missing embedded column labels');
      names = cols; p = n;
    }
    names.forEach((nm) => b.node(nm, nm));
    const m: number[][] = [];
    for (let r = 0; r < n; r++) {
      if (embedded) {
        const t = data[p++];
        if (!t) throw new NetworkFileError(file, toks[toks.length - 1].line, `matrix has ${r} rows, expected ${n}`);
        if (t.text !== names[r]) throw new NetworkFileError(file, t.line, `row label "${t.text}" does not match column label "${names[r]}"`);
      }
      const row: number[] = [];
      for (let c = 0; c < n; c++) {
        if (!diagonal && c === r) { row.push(0); continue; }
        const t = data[p++];
        if (!t) throw new NetworkFileError(file, toks[toks.length - 1].line, `matrix ends early: row ${r + 1} has ${c} of ${n} values`);
        row.push(parseWeight(t.text, file, t.line));
      }
      m.push(row);
    }
    if (p < data.length) throw new NetworkFileError(file, data[p].line, `more data than an ${n} x ${n} matrix`);
    for (let r = 0; r < n; r++) {
      for (let c = r + 1; c < n; c++) {
        if (m[r][c] !== m[c][r]) b.directed();
        const w = Math.max(m[r][c], m[c][r]);
        if (w !== 0) b.edge(names[r], names[c], w);
      }
    }
    return b.finish();
  }
  if (fmt === 'edgelist1' || fmt === 'el1') {
    const names = labels ?? Array.from({ length: n }, (_, k) => String(k + 1));
    const known = new Set(names);
    if (!embedded) names.forEach((nm) => b.node(nm, nm));
    const lines = new Map<number, Tok[]>();
    for (const t of data) { let l = lines.get(t.line); if (!l) lines.set(t.line, (l = [])); l.push(t); }
    for (const [line, ts] of lines) {
      if (ts.length < 2 || ts.length > 3) throw new NetworkFileError(file, line, 'an edgelist1 line is "from to [weight]"');
      const ends = ts.slice(0, 2).map((t) => {
        if (embedded) return t.text;
        const k = Number(t.text);
        if (labels && known.has(t.text) && !Number.isInteger(k)) return t.text;
        if (!Number.isInteger(k) || k < 1 || k > n) throw new NetworkFileError(file, line, `node "${t.text}" is not a number from 1 to ${n}`);
        return names[k - 1];
      });
      b.arc(ends[0], ends[1], ts[2] ? parseWeight(ts[2].text, file, line) : 1);
    }

    if (embedded && b.graph.order > n) throw new NetworkFileError(file, null, `${b.graph.order} distinct labels for N=${n}`);
    return b.finish();
  }
  throw new NetworkFileError(file, toks[0].line, `DL format "${format}" is not supported (fullmatrix, edgelist1)`);
}
