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
  docAggregate,
  extractFeatures,
  appendStacked,
  emptyResources,
  tagPos,
  tagType,
  ENTITY_TYPES,
  type DocStats,
  type DocAgg,
  type NerResources,
} from './features.js';

const MAGIC = 'SKNER002';

/**
 * aux: a tagger trained on another corpus (GMB) over the local features; main: local features
 * plus aux's tags; doc: main's features plus main's tags aggregated over the document.
 */
export type StageKind = 'aux' | 'main' | 'doc';

interface SentenceState {
  feats: Uint32Array;
  counts: Uint8Array;
  acc: Int32Array;
  aux: Int32Array | null;
  main: Int32Array;
}

interface DocContext {
  stats: DocStats;
  agg: DocAgg | null;
  /** per-sentence state, by sentence array identity */
  sentences: Map<string[], SentenceState>;
}

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

/** For each tag, the tags allowed to precede it (BILOU constraints), flattened. */
const PRED_START = new Int32Array(NTAGS + 1);
const PRED: number[] = [];
for (let t = 0; t < NTAGS; t++) {
  PRED_START[t] = PRED.length;
  for (let p = 0; p < NTAGS; p++) if (MASK[p * NTAGS + t] === 0) PRED.push(p);
}
PRED_START[NTAGS] = PRED.length;
const PRED_ARR = Int32Array.from(PRED);

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
      const e = PRED_START[t + 1]!;
      for (let q = PRED_START[t]!; q < e; q++) {
        const p = PRED_ARR[q]!;
        const s = delta[po + p]! + tr[p * T + t]!;
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
  /** one entry per pass: stage 1 uses local features, stage 2 adds stage 1's document-level predictions */
  stages: { scale: number; rows: number; kind: StageKind }[];
  clusterLevels: number;
  clusterWords: number;
  gazetteerNames: string[];
  gazetteerMaxLen: number;
  gazetteerEntries: number;
  lowerRatioWords: number;
  info?: Record<string, unknown>;
}

function quantise(weights: Float32Array, bucketsLog2: number): { rowIds: Uint32Array; q: Int16Array; scale: number } {
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
  for (let r = 0; r < rows.length; r++) {
    const b = rows[r]!;
    for (let t = 0; t < T; t++) q[r * T + t] = Math.round(weights[b * T + t]! / scale);
  }
  return { rowIds, q, scale };
}

/** Serialises a trained model: one dense weight table (2^bucketsLog2 x NTAGS) per stage. */
export function serializeModel(
  stages: { w: Float32Array; tr: Float32Array; kind: StageKind }[],
  bucketsLog2: number,
  res: NerResources,
  info: Record<string, unknown>,
): Buffer {
  const T = NTAGS;
  const qs = stages.map((st) => quantise(st.w, bucketsLog2));
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
    stages: qs.map((q, i) => ({ scale: q.scale, rows: q.rowIds.length, kind: stages[i]!.kind })),
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
  stages.forEach((st, i) => {
    push(st.tr);
    push(qs[i]!.rowIds);
    push(qs[i]!.q);
  });
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
  private readonly stages: { scale: number; trans: Float64Array; kind: StageKind }[] = [];
  /**
   * All stages share one hash-bucket index and one sparse weight table: a feature's nonzero
   * weights for every (stage, tag) pair, packed as value * 256 + (stage * NTAGS + tag), so a
   * feature used by every pass costs one lookup for all of them. rowIndex[bucket] is
   * start * 64 + count into `ent`, or -1. (Perceptron rows are sparse: about 5 of 51 nonzero.)
   */
  private rowIndex: Int32Array;
  private ent: Int32Array;
  private S: number;
  private acc = new Int32Array(64 * NTAGS);
  private auxStage = -1;
  private mainStage = -1;
  private docStage = -1;
  /** use only the first pass (for ablations) */
  singlePass = false;
  private readonly mask: number;
  private em = new Float64Array(64 * NTAGS);
  private docCache = new WeakMap<string[][], DocContext>();

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
    const B = 1 << header.bucketsLog2;
    this.mask = B - 1;
    const S = header.stages.length;
    this.S = S;
    const parts: { rowIds: Uint32Array; q: Int16Array }[] = [];
    for (const st of header.stages) {
      const trans = Float64Array.from(take(Float32Array, (T + 1) * T));
      const rowIds = take(Uint32Array, st.rows);
      const q = take(Int16Array, st.rows * T);
      parts.push({ rowIds, q });
      this.stages.push({ scale: st.scale, trans, kind: st.kind });
    }
    const rowIndex = new Int32Array(B).fill(-1);
    let rows = 0;
    for (const pt of parts)
      for (let r = 0; r < pt.rowIds.length; r++) if (rowIndex[pt.rowIds[r]!]! < 0) rowIndex[pt.rowIds[r]!] = rows++;
    const W = new Int16Array(rows * S * T);
    parts.forEach((pt, s) => {
      for (let r = 0; r < pt.rowIds.length; r++) {
        const o = rowIndex[pt.rowIds[r]!]! * S * T + s * T;
        for (let t = 0; t < T; t++) W[o + t] = pt.q[r * T + t]!;
      }
    });
    // pack the dense rows sparsely
    const ST = S * T;
    let nnz = 0;
    for (let i = 0; i < W.length; i++) if (W[i] !== 0) nnz++;
    const ent = new Int32Array(nnz);
    const start = new Int32Array(rows + 1);
    let q = 0;
    for (let r = 0; r < rows; r++) {
      start[r] = q;
      for (let j = 0; j < ST; j++) {
        const v = W[r * ST + j]!;
        if (v !== 0) ent[q++] = v * 256 + j;
      }
    }
    start[rows] = q;
    for (let b = 0; b < B; b++) {
      const r = rowIndex[b]!;
      if (r >= 0) rowIndex[b] = start[r]! * 64 + (start[r + 1]! - start[r]!);
    }
    this.rowIndex = rowIndex;
    this.ent = ent;
    this.auxStage = this.stages.findIndex((st) => st.kind === 'aux');
    this.mainStage = this.stages.findIndex((st) => st.kind === 'main');
    this.docStage = this.stages.findIndex((st) => st.kind === 'doc');
    if (this.mainStage < 0) throw new Error('NER model has no main stage');
    const C = header.clusterLevels;
    const ckeys = take(Uint32Array, header.clusterWords);
    const cvals = take(Uint16Array, header.clusterWords * C);
    const gkeys = take(Uint32Array, header.gazetteerEntries);
    const gvals = take(Uint16Array, header.gazetteerEntries);
    const lkeys = take(Uint32Array, header.lowerRatioWords);
    const lvals = take(Uint8Array, header.lowerRatioWords);


    const res = emptyResources();
    res.clusterLevels = C;
    for (let i = 0; i < ckeys.length; i++) res.clusters.set(ckeys[i]!, cvals.subarray(i * C, i * C + C));
    res.gazetteerNames = header.gazetteerNames;
    res.gazetteerMaxLen = header.gazetteerMaxLen;
    for (let i = 0; i < gkeys.length; i++) res.gazetteer.set(gkeys[i]!, gvals[i]!);
    for (let i = 0; i < lkeys.length; i++) res.lowerRatio.set(lkeys[i]!, lvals[i]!);
    this.resources = res;
  }

  get stageCount(): number {
    return this.stages.length;
  }

  /** Sums of the base features' weights for every stage: acc[(i*S + s)*T + t]. */
  private baseSums(feats: Uint32Array, counts: Uint8Array, n: number): Int32Array {
    const T = NTAGS;
    const ST = this.S * T;
    const acc = new Int32Array(n * ST);
    const ent = this.ent;
    const idx = this.rowIndex;
    const mask = this.mask;
    for (let i = 0; i < n; i++) {
      const ao = i * ST;
      const fb = i * MAX_FEATS;
      const c = counts[i]!;
      for (let k = 0; k < c; k++) {
        const r = idx[feats[fb + k]! & mask]!;
        if (r < 0) continue;
        const a = r >> 6;
        const e = a + (r & 63);
        for (let q = a; q < e; q++) {
          const v = ent[q]!;
          acc[ao + (v & 255)] += v >> 8;
        }
      }
    }
    return acc;
  }

  /** Viterbi decoding of one stage: base sums plus the stacked features in slots [from, to). */
  private decode(
    stage: number,
    acc: Int32Array,
    feats: Uint32Array,
    from: Uint8Array,
    to: Uint8Array | null,
    n: number,
  ): Int32Array {
    const out = new Int32Array(n);
    const T = NTAGS;
    const ST = this.S * T;
    if (this.acc.length < T) this.acc = new Int32Array(T);
    const sum = this.acc;
    if (this.em.length < n * T) this.em = new Float64Array(n * T * 2);
    const em = this.em;
    const st = this.stages[stage]!;
    const ent = this.ent;
    const idx = this.rowIndex;
    const mask = this.mask;
    const so = stage * T;
    const scale = st.scale;
    for (let i = 0; i < n; i++) {
      const ao = i * ST + so;
      for (let t = 0; t < T; t++) sum[t] = acc[ao + t]!;
      if (to) {
        const fb = i * MAX_FEATS;
        for (let k = from[i]!; k < to[i]!; k++) {
          const r = idx[feats[fb + k]! & mask]!;
          if (r < 0) continue;
          const a = r >> 6;
          const e = a + (r & 63);
          for (let q = a; q < e; q++) {
            const v = ent[q]!;
            const j = (v & 255) - so;
            if (j >= 0 && j < T) sum[j] += v >> 8;
          }
        }
      }
      const o = i * T;
      for (let t = 0; t < T; t++) em[o + t] = sum[t]! * scale;
    }
    viterbi(em, n, st.trans, out);
    return out;
  }

  /** Local passes (aux, main) over one sentence; keeps the features for the document pass. */
  private local(tokens: string[], stats: DocStats): SentenceState {
    const n = tokens.length;
    const feats = new Uint32Array(n * MAX_FEATS);
    const counts = new Uint8Array(n);
    extractFeatures(tokens, this.resources, stats, feats, counts);
    const acc = this.baseSums(feats, counts, n);
    let aux: Int32Array | null = null;
    let main: Int32Array;
    if (this.auxStage >= 0) {
      aux = this.decode(this.auxStage, acc, feats, counts, null, n);
      const c2 = Uint8Array.from(counts);
      appendStacked(tokens, feats, c2, { aux });
      main = this.decode(this.mainStage, acc, feats, counts, c2, n);
    } else main = this.decode(this.mainStage, acc, feats, counts, null, n);
    return { feats, counts, acc, aux, main };
  }

  private context(sentences: string[][]): DocContext {
    const stats = docStats(sentences);
    const ctx: DocContext = { stats, agg: null, sentences: new Map() };
    for (const s of sentences) if (!ctx.sentences.has(s)) ctx.sentences.set(s, this.local(s, stats));
    if (this.docStage >= 0 && !this.singlePass)
      ctx.agg = docAggregate(
        sentences,
        sentences.map((s) => ctx.sentences.get(s)!.main),
      );
    return ctx;
  }

  private tagIn(tokens: string[], ctx: DocContext): Int32Array {
    const st = ctx.sentences.get(tokens) ?? this.local(tokens, ctx.stats);
    if (!ctx.agg || this.docStage < 0 || this.singlePass) return st.main;
    const c2 = Uint8Array.from(st.counts);
    appendStacked(tokens, st.feats, c2, { aux: st.aux ?? undefined, stage1: { tags: st.main, agg: ctx.agg } });
    return this.decode(this.docStage, st.acc, st.feats, st.counts, c2, tokens.length);
  }

  tag(tokens: string[], context?: { documentTokens?: string[][] }): string[] {
    if (tokens.length === 0) return [];
    const dt = context?.documentTokens;
    let ctx: DocContext;
    if (dt) {
      ctx = this.docCache.get(dt) ?? this.context(dt);
      this.docCache.set(dt, ctx);
    } else ctx = this.context([tokens]);
    return bilouToIob(this.tagIn(tokens, ctx), tokens.length);
  }

  /** Tags every sentence of a document, using the whole document as context. */
  tagDocument(sentences: string[][]): string[][] {
    const ctx = this.context(sentences);
    return sentences.map((s) => bilouToIob(this.tagIn(s, ctx), s.length));
  }
}

export function loadModelFile(path: string): PerceptronNer {
  return new PerceptronNer(readFileSync(path));
}

export { TAG_NAMES };
