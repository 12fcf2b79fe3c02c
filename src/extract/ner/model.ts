// Named-entity tagger: an averaged structured perceptron over hashed features, decoded with
// Viterbi under BILOU constraints. Pure TypeScript; weights are a compact binary file.
import { readFileSync } from 'node:fs';
import {
  MAX_FEATS,
  NTAGS,
  TAG_NAMES,
  allowedEnd,
  allowedTransition,
  docStats,
  extractFeatures,
  emptyResources,
  tagPos,
  tagType,
  ENTITY_TYPES,
  type DocStats,
  type NerResources,
} from './features.js';

const MAGIC = 'SKNER001';

/** Transition scores: row p (0..NTAGS, where NTAGS = start), column t. -Infinity when forbidden. */
export function constraintMask(): Float64Array {
  const m = new Float64Array((NTAGS + 1) * NTAGS);
  for (let p = 0; p <= NTAGS; p++)
    for (let t = 0; t < NTAGS; t++)
      m[p * NTAGS + t] = allowedTransition(p === NTAGS ? -1 : p, t) ? 0 : -Infinity;
  return m;
}

const MASK = constraintMask();
const END_OK: boolean[] = Array.from({ length: NTAGS }, (_, t) => allowedEnd(t));

/** Viterbi over emission scores em (n x NTAGS) and transition scores tr ((NTAGS+1) x NTAGS). */
export function viterbi(em: Float64Array, n: number, tr: ArrayLike<number>, out: Int32Array): void {
  if (n === 0) return;
  const T = NTAGS;
  const delta = new Float64Array(n * T);
  const back = new Int32Array(n * T);
  for (let t = 0; t < T; t++) delta[t] = em[t]! + tr[T * T + t]! + MASK[T * T + t]!;
  for (let i = 1; i < n; i++) {
    const o = i * T;
    const po = o - T;
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        const s = delta[po + p]! + tr[p * T + t]! + MASK[p * T + t]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      delta[o + t] = best + em[o + t]!;
      back[o + t] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  const lo = (n - 1) * T;
  for (let t = 0; t < T; t++) {
    if (!END_OK[t]) continue;
    if (delta[lo + t]! > best) {
      best = delta[lo + t]!;
      arg = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * T + arg]!;
  }
}

/** Converts BILOU tag ids to IOB2 label strings. */
export function bilouToIob(tags: ArrayLike<number>, n: number): string[] {
  const out: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const t = tags[i]!;
    if (t === 0) out[i] = 'O';
    else {
      const ty = ENTITY_TYPES[tagType(t)]!;
      const p = tagPos(t);
      out[i] = (p === 0 || p === 3 ? 'B-' : 'I-') + ty;
    }
  }
  return out;
}

export interface NerModel {
  /** One IOB2 label per token (B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC, B-MISC, I-MISC, O). */
  tag(tokens: string[], context?: { documentTokens?: string[][] }): string[];
}

export interface ModelHeader {
  version: number;
  bucketsLog2: number;
  ntags: number;
  scale: number;
  rows: number;
  clusterLevels: number;
  clusterWords: number;
  gazetteerNames: string[];
  gazetteerMaxLen: number;
  gazetteerEntries: number;
  lowerRatioWords: number;
  info?: Record<string, unknown>;
}

/** Serialises a trained model. `weights` is dense (2^bucketsLog2 x NTAGS). */
export function serializeModel(
  weights: Float32Array,
  trans: Float32Array,
  bucketsLog2: number,
  res: NerResources,
  info: Record<string, unknown>,
): Buffer {
  const B = 1 << bucketsLog2;
  const T = NTAGS;
  let maxAbs = 0;
  const rows: number[] = [];
  for (let b = 0; b < B; b++) {
    let nz = false;
    for (let t = 0; t < T; t++) {
      const v = Math.abs(weights[b * T + t]!);
      if (v > 1e-6) nz = true;
      if (v > maxAbs) maxAbs = v;
    }
    if (nz) rows.push(b);
  }
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const rowIds = new Uint32Array(rows);
  const q = new Int16Array(rows.length * T);
  let nzRows = 0;
  for (let r = 0; r < rows.length; r++) {
    const b = rows[r]!;
    for (let t = 0; t < T; t++) q[r * T + t] = Math.round(weights[b * T + t]! / scale);
    nzRows++;
  }
  const C = res.clusterLevels;
  const ckeys = new Uint32Array(res.clusters.size);
  const cvals = new Uint16Array(res.clusters.size * C);
  let i = 0;
  for (const [k, v] of res.clusters) {
    ckeys[i] = k;
    for (let l = 0; l < C; l++) cvals[i * C + l] = v[l]!;
    i++;
  }
  const gkeys = new Uint32Array(res.gazetteer.size);
  const gvals = new Uint16Array(res.gazetteer.size);
  i = 0;
  for (const [k, v] of res.gazetteer) {
    gkeys[i] = k;
    gvals[i] = v;
    i++;
  }
  const lkeys = new Uint32Array(res.lowerRatio.size);
  const lvals = new Uint8Array(res.lowerRatio.size);
  i = 0;
  for (const [k, v] of res.lowerRatio) {
    lkeys[i] = k;
    lvals[i] = v;
    i++;
  }
  const header: ModelHeader = {
    version: 1,
    bucketsLog2,
    ntags: T,
    scale,
    rows: nzRows,
    clusterLevels: C,
    clusterWords: res.clusters.size,
    gazetteerNames: res.gazetteerNames,
    gazetteerMaxLen: res.gazetteerMaxLen,
    gazetteerEntries: res.gazetteer.size,
    lowerRatioWords: res.lowerRatio.size,
    info,
  };
  const parts: Buffer[] = [];
  const hjson = Buffer.from(JSON.stringify(header), 'utf8');
  const pre = Buffer.alloc(12);
  pre.write(MAGIC, 0, 'ascii');
  pre.writeUInt32LE(hjson.length, 8);
  parts.push(pre, hjson);
  let len = 12 + hjson.length;
  const push = (a: ArrayBufferView) => {
    const pad = (8 - (len % 8)) % 8;
    if (pad) parts.push(Buffer.alloc(pad));
    len += pad;
    parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    len += a.byteLength;
  };
  push(trans);
  push(rowIds);
  push(q);
  push(ckeys);
  push(cvals);
  push(gkeys);
  push(gvals);
  push(lkeys);
  push(lvals);
  return Buffer.concat(parts);
}

export class PerceptronNer implements NerModel {
  readonly header: ModelHeader;
  readonly resources: NerResources;
  private readonly rowIndex: Int32Array;
  private readonly w: Float32Array;
  private readonly trans: Float64Array;
  private readonly mask: number;
  private feats = new Uint32Array(64 * MAX_FEATS);
  private counts = new Uint8Array(64);
  private em = new Float64Array(64 * NTAGS);
  private docCache = new WeakMap<string[][], DocStats>();

  constructor(buf: Buffer) {
    if (buf.length < 12 || buf.toString('ascii', 0, 8) !== MAGIC)
      throw new Error('not a skein NER model file (bad magic)');
    const hlen = buf.readUInt32LE(8);
    const header = JSON.parse(buf.toString('utf8', 12, 12 + hlen)) as ModelHeader;
    this.header = header;
    if (header.ntags !== NTAGS) throw new Error(`NER model has ${header.ntags} tags, expected ${NTAGS}`);
    // copy into an 8-byte aligned buffer so typed views can be taken
    const ab = new ArrayBuffer(buf.length);
    new Uint8Array(ab).set(buf);
    let off = 12 + hlen;
    const take = <T>(ctor: { new (b: ArrayBuffer, o: number, n: number): T; BYTES_PER_ELEMENT: number }, n: number): T => {
      off += (8 - (off % 8)) % 8;
      const v = new ctor(ab, off, n);
      off += n * ctor.BYTES_PER_ELEMENT;
      if (off > buf.length) throw new Error('NER model file is truncated');
      return v;
    };
    const T = NTAGS;
    this.trans = Float64Array.from(take(Float32Array, (T + 1) * T));
    const rowIds = take(Uint32Array, header.rows);
    const q = take(Int16Array, header.rows * T);
    const C = header.clusterLevels;
    const ckeys = take(Uint32Array, header.clusterWords);
    const cvals = take(Uint16Array, header.clusterWords * C);
    const gkeys = take(Uint32Array, header.gazetteerEntries);
    const gvals = take(Uint16Array, header.gazetteerEntries);
    const lkeys = take(Uint32Array, header.lowerRatioWords);
    const lvals = take(Uint8Array, header.lowerRatioWords);

    const B = 1 << header.bucketsLog2;
    this.mask = B - 1;
    this.rowIndex = new Int32Array(B).fill(-1);
    for (let r = 0; r < rowIds.length; r++) this.rowIndex[rowIds[r]!] = r;
    this.w = new Float32Array(header.rows * T);
    const s = header.scale;
    for (let i = 0; i < q.length; i++) this.w[i] = q[i]! * s;

    const res = emptyResources();
    res.clusterLevels = C;
    for (let i = 0; i < ckeys.length; i++) res.clusters.set(ckeys[i]!, cvals.subarray(i * C, i * C + C));
    res.gazetteerNames = header.gazetteerNames;
    res.gazetteerMaxLen = header.gazetteerMaxLen;
    for (let i = 0; i < gkeys.length; i++) res.gazetteer.set(gkeys[i]!, gvals[i]!);
    for (let i = 0; i < lkeys.length; i++) res.lowerRatio.set(lkeys[i]!, lvals[i]!);
    this.resources = res;
  }

  /** BILOU tag ids for one sentence. */
  tagIds(tokens: string[], doc: DocStats | null): Int32Array {
    const n = tokens.length;
    const out = new Int32Array(n);
    if (n === 0) return out;
    if (this.counts.length < n) {
      const cap = Math.max(n, this.counts.length * 2);
      this.feats = new Uint32Array(cap * MAX_FEATS);
      this.counts = new Uint8Array(cap);
      this.em = new Float64Array(cap * NTAGS);
    }
    const feats = this.feats;
    const counts = this.counts;
    extractFeatures(tokens, this.resources, doc, feats, counts);
    const T = NTAGS;
    const em = this.em;
    const w = this.w;
    const idx = this.rowIndex;
    const mask = this.mask;
    for (let i = 0; i < n; i++) {
      const o = i * T;
      for (let t = 0; t < T; t++) em[o + t] = 0;
      const fb = i * MAX_FEATS;
      const c = counts[i]!;
      for (let k = 0; k < c; k++) {
        const r = idx[feats[fb + k]! & mask]!;
        if (r < 0) continue;
        const ro = r * T;
        for (let t = 0; t < T; t++) em[o + t] += w[ro + t]!;
      }
    }
    viterbi(em, n, this.trans, out);
    return out;
  }

  tag(tokens: string[], context?: { documentTokens?: string[][] }): string[] {
    let doc: DocStats | null = null;
    const dt = context?.documentTokens;
    if (dt) {
      doc = this.docCache.get(dt) ?? null;
      if (!doc) {
        doc = docStats(dt);
        this.docCache.set(dt, doc);
      }
    } else doc = docStats([tokens]);
    const ids = this.tagIds(tokens, doc);
    return bilouToIob(ids, tokens.length);
  }

  /** Tags every sentence of a document, using the whole document as context. */
  tagDocument(sentences: string[][]): string[][] {
    const doc = docStats(sentences);
    return sentences.map((s) => bilouToIob(this.tagIds(s, doc), s.length));
  }
}

export function loadModelFile(path: string): PerceptronNer {
  return new PerceptronNer(readFileSync(path));
}

export { TAG_NAMES };
