// Pajek .net: *Vertices n with optional "labels", then *Edges / *Arcs (pairs with optional
// weight), *Edgeslist / *Arcslist (a node and its neighbours) or *Matrix.
import { NetworkBuilder, NetworkFileError, parseWeight } from './builder.js';
import type { SkeinGraph } from '../types.js';

function tokens(line: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) out.push(m[1] ?? m[2]);
  return out;
}

export function parsePajek(text: string, file: string): SkeinGraph {
  const b = new NetworkBuilder(file);
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  let section = '';
  let n = -1;
  let matrixRow = 0;
  const vertex = (raw: string, ln: number): string => {
    const v = Number(raw);
    if (!Number.isInteger(v) || v < 1 || (n >= 0 && v > n)) throw new NetworkFileError(file, ln, `vertex "${raw}" is not a number from 1 to ${n}`);
    return String(v);
  };
  for (let i = 0; i < lines.length; i++) {
    const ln = i + 1;
    const line = lines[i].trim();
    if (!line || line.startsWith('%')) continue;
    if (line.startsWith('*')) {
      const t = tokens(line);
      section = t[0].toLowerCase();
      if (section === '*vertices') {
        n = Number(t[1]);
        if (!Number.isInteger(n) || n < 0) throw new NetworkFileError(file, ln, `*Vertices needs a count, got "${t[1] ?? ''}"`);
        if (t[2] !== undefined) throw new NetworkFileError(file, ln, 'two-mode Pajek networks are not supported');
        for (let v = 1; v <= n; v++) b.node(String(v));
      } else if (['*edges', '*arcs', '*edgeslist', '*arcslist', '*matrix'].includes(section)) {
        if (n < 0) throw new NetworkFileError(file, ln, `${t[0]} before *Vertices`);
        matrixRow = 0;
      } else if (section !== '*network' && section !== '*partition' && section !== '*vector') {
        throw new NetworkFileError(file, ln, `unknown Pajek section ${t[0]}`);
      }
      continue;
    }
    const t = tokens(line);
    switch (section) {
      case '*vertices': {
        const id = vertex(t[0], ln);
        if (t[1] !== undefined) b.node(id, t[1]);
        break;
      }
      case '*edges': case '*arcs': {
        if (t.length < 2) throw new NetworkFileError(file, ln, `expected "from to [weight]", got "${line}"`);
        const w = t[2] === undefined ? 1 : parseWeight(t[2], file, ln);
        if (section === '*arcs') b.arc(vertex(t[0], ln), vertex(t[1], ln), w);
        else b.edge(vertex(t[0], ln), vertex(t[1], ln), w);
        break;
      }
      case '*edgeslist': case '*arcslist': {
        const from = vertex(t[0], ln);
        for (const x of t.slice(1)) {
          if (section === '*arcslist') b.arc(from, vertex(x, ln)); else b.edge(from, vertex(x, ln));
        }
        break;
      }
      case '*matrix': {
        matrixRow++;
        if (matrixRow > n) throw new NetworkFileError(file, ln, `matrix has more than ${n} rows`);
        if (t.length !== n) throw new NetworkFileError(file, ln, `matrix row has ${t.length} values, expected ${n}`);
        t.forEach((x, j) => {
          const w = parseWeight(x, file, ln);
          if (w !== 0 && j + 1 > matrixRow) b.edge(String(matrixRow), String(j + 1), w);
          else if (w !== 0 && j + 1 < matrixRow && !b.graph.hasEdge(String(j + 1), String(matrixRow))) b.edge(String(matrixRow), String(j + 1), w);
        });
        break;
      }
      case '*network': case '*partition': case '*vector': break;
      default: throw new NetworkFileError(file, ln, 'data before any *Vertices section');
    }
  }
  if (n < 0) throw new NetworkFileError(file, null, 'no *Vertices line: not a Pajek network');
  return b.finish();
}
