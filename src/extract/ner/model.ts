// Named-entity tagger: an averaged structured perceptron over hashed features, decoded with
// Viterbi under BILOU constraints. Pure TypeScript; weights are a compact binary file.
import { readFileSync } from 'node:fs';
import {
  AUX_FEATS,
  MAX_FEATS,
  NTAGS,
  PAD_LI as PAD_LI_,
  PAD_RI as PAD_RI_,
  STAGE1_FEATS,
  TAG_NAMES,
  allowedEnd,
  allowedTransition,
  appendStacked,
  contextFeatures as contextFeatures_,
  docAggregate,
  docAggregateOf,
  docStats,
  docStatsOf,
  emptyResources,
  extractFeatures,
  gazetteerMatches as gazetteerMatches_,
  leftFeatures,
  maxBaseFeatures,
  rightFeatures,
  selfFeatures,
  sentenceMixed as sentenceMixed_,
  tagPos,
  tagType,
  wordInfo as wordInfo_,
  wordInfoCache,
  ENTITY_TYPES,
  type DocStats,
  type DocAgg,
  type NerResources,
  type WordInfo,
  U32Table,
  fmix as fmix_,
  shapeContextFeatures as shapeContextFeatures_,
  shapeContextKey as shapeContextKey_,
  NO_TAG as NO_TAG_,
  auxTagFeatures as auxTagFeatures_,
  stage1TagFeatures as stage1TagFeatures_,
  stage1WordFeatures as stage1WordFeatures_,
} from './features.js';

// Local bindings of what the per-token loops call: under tsx (esbuild) every use of an imported
// binding goes through a getter.
const PAD_LI = PAD_LI_;
const PAD_RI = PAD_RI_;
const NO_TAG = NO_TAG_;
const contextFeatures = contextFeatures_;
const shapeContextKey = shapeContextKey_;
const shapeContextFeatures = shapeContextFeatures_;
const stage1WordFeatures = stage1WordFeatures_;
const stage1TagFeatures = stage1TagFeatures_;
const auxTagFeatures = auxTagFeatures_;
const gazetteerMatches = gazetteerMatches_;
const sentenceMixed = sentenceMixed_;
const wordInfo = wordInfo_;
const fmix = fmix_;

const MAGIC = 'SKNER002';

/**
 * aux: a tagger trained on another corpus (GMB) over the local features; main: local features
 * plus aux's tags; doc: main's features plus main's tags aggregated over the document.
 */
export type StageKind = 'aux' | 'main' | 'doc';

/** A document: its statistics, the main pass's aggregate and every sentence's final tags. */
interface DocContext {
  stats: DocStats;
  agg: DocAgg | null;
  /** final tags by sentence array identity */
  tags: Map<string[], Int32Array>;
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
/** NTAGS as a local binding (hot loops; an imported binding may compile to a getter call) */
const NT: number = NTAGS;
const END_OK: boolean[] = Array.from({ length: NTAGS }, (_, t) => allowedEnd(t));

/**
 * The BILOU constraints' shape, which viterbi unrolls: a tag that starts an entity or is O
 * (O, B-x, U-x) may follow any closed tag (O, L-x, U-x); I-x and L-x may follow B-x and I-x.
 */
const CLOSED: number[] = [];
const STARTS: number[] = [];
for (let t = 0; t < NTAGS; t++) {
  if (allowedEnd(t)) CLOSED.push(t);
  if (allowedTransition(0, t)) STARTS.push(t);
}
const NTYPES = ENTITY_TYPES.length;
for (let t = 0; t < NTAGS; t++)
  for (let p = 0; p < NTAGS; p++) {
    const cont = t > 0 && (tagPos(t) === 1 || tagPos(t) === 2);
    const expect = cont ? tagType(p) === tagType(t) && (tagPos(p) === 0 || tagPos(p) === 1) : CLOSED.includes(p);
    if (allowedTransition(p, t) !== expect || STARTS.includes(t) === cont) throw new Error('BILOU constraints changed: update viterbi');
  }
const CLOSED_ARR = Int32Array.from(CLOSED);
const STARTS_ARR = Int32Array.from(STARTS);

let vDelta = new Float64Array(64 * NTAGS);
let vBack = new Int32Array(64 * NTAGS);
/** per call: transitions from closed tags to starting ones, [start][closed] */
const vTrC = new Float64Array(STARTS_ARR.length * CLOSED_ARR.length);
/** per call: transitions into I-x and L-x from B-x and I-x: [I from B, I from I, L from B, L from I] per type */
const vTrIL = new Float64Array(4 * NTYPES);
/** closed tags' scores at the previous token */
const vDc = new Float64Array(CLOSED_ARR.length);

/** Viterbi over emission scores em (n x NTAGS) and transition scores tr ((NTAGS+1) x NTAGS). */
export function viterbi(em: Float64Array, n: number, tr: ArrayLike<number>, out: Int32Array): void {
  viterbiRows(em, 0, NTAGS, 1, n, tr, out);
}

/**
 * Viterbi over emission scores em[base + i * stride + t] * scale (token i, tag t): the model
 * decodes straight from its Int32 weight sums. Ties go to the lowest previous tag.
 */
export function viterbiRows(
  em: ArrayLike<number>,
  base: number,
  stride: number,
  scale: number,
  n: number,
  tr: ArrayLike<number>,
  out: Int32Array,
): void {
  if (n === 0) return;
  const T = NT;
  if (vDelta.length < n * T) {
    vDelta = new Float64Array(n * T * 2);
    vBack = new Int32Array(n * T * 2);
  }
  const delta = vDelta;
  const back = vBack;
  const closed = CLOSED_ARR;
  const starts = STARTS_ARR;
  const nc = closed.length;
  const ns = starts.length;
  const trc = vTrC;
  const tril = vTrIL;
  const dc = vDc;
  for (let si = 0; si < ns; si++) for (let q = 0; q < nc; q++) trc[si * nc + q] = tr[closed[q]! * T + starts[si]!]!;
  for (let k = 0; k < NTYPES; k++) {
    const b = 1 + 4 * k;
    tril[4 * k] = tr[b * T + b + 1]!;
    tril[4 * k + 1] = tr[(b + 1) * T + b + 1]!;
    tril[4 * k + 2] = tr[b * T + b + 2]!;
    tril[4 * k + 3] = tr[(b + 1) * T + b + 2]!;
  }
  for (let t = 0; t < T; t++) delta[t] = em[base + t]! * scale + tr[T * T + t]! + MASK[T * T + t]!;
  for (let i = 1; i < n; i++) {
    const o = i * T;
    const po = o - T;
    const eo = base + i * stride;
    // O, B-x, U-x: after a closed tag (candidates in increasing order; the first best wins)
    for (let q = 0; q < nc; q++) dc[q] = delta[po + closed[q]!]!;
    for (let si = 0; si < ns; si++) {
      const t = starts[si]!;
      const to = si * nc;
      let best = -Infinity;
      let arg = 0;
      for (let q = 0; q < nc; q++) {
        const s = dc[q]! + trc[to + q]!;
        if (s > best) {
          best = s;
          arg = q;
        }
      }
      delta[o + t] = best + em[eo + t]! * scale;
      back[o + t] = closed[arg]!;
    }
    // I-x, L-x: after B-x or I-x
    for (let k = 0; k < NTYPES; k++) {
      const b = 1 + 4 * k;
      const m = b + 1;
      const db = delta[po + b]!;
      const dm = delta[po + m]!;
      for (let u = 0; u < 2; u++) {
        const t = m + u;
        let best = -Infinity;
        let arg = 0;
        const s1 = db + tril[4 * k + 2 * u]!;
        if (s1 > best) {
          best = s1;
          arg = b;
        }
        const s2 = dm + tril[4 * k + 2 * u + 1]!;
        if (s2 > best) {
          best = s2;
          arg = m;
        }
        delta[o + t] = best + em[eo + t]! * scale;
        back[o + t] = arg;
      }
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

/** IOB2 label of each BILOU tag id. */
const IOB: string[] = Array.from({ length: NTAGS }, (_, t) =>
  t === 0 ? 'O' : (tagPos(t) === 0 || tagPos(t) === 3 ? 'B-' : 'I-') + ENTITY_TYPES[tagType(t)]!,
);

/** Converts BILOU tag ids to IOB2 label strings. */
export function bilouToIob(tags: ArrayLike<number>, n: number): string[] {
  const out: string[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = IOB[tags[i]!]!;
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
  /** entries' proper prefixes are marked (GAZ_PREFIX); absent in older files */
  gazetteerPrefixes?: boolean;
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

/** A number -> number map as parallel typed arrays: returns the keys, fills `values` in the same order. */
function packMap(map: Map<number, number>, values: Uint8Array | Uint16Array): Uint32Array {
  const keys = new Uint32Array(map.size);
  let i = 0;
  for (const [k, v] of map) {
    keys[i] = k;
    values[i++] = v;
  }
  return keys;
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
  const gvals = new Uint16Array(res.gazetteer.size);
  const gkeys = packMap(res.gazetteer, gvals);
  const lvals = new Uint8Array(res.lowerRatio.size);
  const lkeys = packMap(res.lowerRatio, lvals);
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
    gazetteerPrefixes: res.gazetteerPrefixes,
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

/**
 * Cached weight sums keyed by four 32-bit values (open addressing; starts over when full):
 * inference's cache of shapeContextFeatures by the three short-shape hashes and shapeContextKey.
 */
class SumCache {
  private readonly keys: Int32Array;
  /** entry + 1 per slot, 0 when empty */
  private readonly slot: Int32Array;
  readonly vals: Int32Array;
  private readonly mask: number;
  private count = 0;
  constructor(
    private readonly cap: number,
    private readonly width: number,
  ) {
    let size = 16;
    while (size < cap * 2) size *= 2;
    this.mask = size - 1;
    this.keys = new Int32Array(size * 4);
    this.slot = new Int32Array(size);
    this.vals = new Int32Array(cap * width);
  }
  /** Offset of the key's sums in vals; for a key not cached, ~offset of a zeroed entry to fill. */
  find(a: number, b: number, c: number, d: number): number {
    const mask = this.mask;
    const keys = this.keys;
    let h = fmix(a ^ Math.imul(b, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b) ^ Math.imul(d, 0xc2b2ae35)) & mask;
    for (; ; h = (h + 1) & mask) {
      const e = this.slot[h]!;
      if (e === 0) break;
      const o = h * 4;
      if (keys[o] === a && keys[o + 1] === b && keys[o + 2] === c && keys[o + 3] === d) return (e - 1) * this.width;
    }
    if (this.count >= this.cap) {
      this.slot.fill(0);
      this.count = 0;
      return this.find(a, b, c, d);
    }
    const o = h * 4;
    keys[o] = a;
    keys[o + 1] = b;
    keys[o + 2] = c;
    keys[o + 3] = d;
    const e = this.count++;
    this.slot[h] = e + 1;
    const vo = e * this.width;
    this.vals.fill(0, vo, vo + this.width);
    return ~vo;
  }
}

/** Tag triples (previous, current, next; NO_TAG beyond the sentence). */
const TRIPLES = (NTAGS + 1) * NTAGS * (NTAGS + 1);
function tripleIndex(a: number, b: number, c: number): number {
  return ((a === NO_TAG ? NT : a) * NT + b) * (NT + 1) + (c === NO_TAG ? NT : c);
}

/** Rows with at least this many nonzero weights (of S * NTAGS) are kept dense: a plain loop beats the sparse scatter. */
const DENSE_MIN = 16;
/**
 * Word types whose summed weights (3 * S * NTAGS Int32, about 600 bytes) are cached before the
 * word cache starts over: about 20 MB at most, and news text rarely has more types per batch.
 */
const SUMS_MAX = 32768;

export class PerceptronNer implements NerModel {
  readonly header: ModelHeader;
  readonly resources: NerResources;
  private readonly stages: { scale: number; trans: Float64Array; kind: StageKind }[] = [];
  /**
   * All stages share one hash-bucket index and one weight table: a feature's weights for every
   * (stage, tag) pair, so a feature used by every pass costs one lookup for all of them.
   * rowIndex[bucket] is -1 (no weights); >= 0 for a sparse row: start * 64 + count into `ent`,
   * whose entries are value * 256 + (stage * NTAGS + tag) (most rows have 2-5 of 51 nonzero);
   * or -2 - d for dense row d of `dense` (S * NTAGS Int16 each: the frequent features' rows).
   */
  private rowIndex: Int32Array;
  private ent: Int32Array;
  private dense: Int16Array;
  private readonly S: number;
  /** S * NTAGS: one token's weight sums for every stage */
  private readonly ST: number;
  private auxStage = -1;
  private mainStage = -1;
  private docStage = -1;
  /** use only the first pass (for ablations) */
  singlePass = false;
  private readonly mask: number;
  private docCache = new WeakMap<string[][], DocContext>();
  /** word type -> WordInfo (with this model's weight sums attached) */
  private readonly words: Map<string, WordInfo>;
  private sumsCount = 0;
  /** weight sums of the padding: leftFeatures(PAD_LI) at [ST, 2ST), rightFeatures(PAD_RI) at [2ST, 3ST) */
  private readonly padSums: Int32Array;
  // scratch, grown as needed
  private feat = new Uint32Array(MAX_FEATS);
  private sAcc: Int32Array;
  private docAcc = new Int32Array(0);
  private auxTags = new Int32Array(64);
  private mainTags = new Int32Array(64);
  private gaz = new Int8Array(0);
  private gl = new Int32Array(0);
  /** sums of auxTagFeatures (every stage) and stage1TagFeatures (doc stage) by tripleIndex, filled as met */
  private readonly auxSums: Int32Array;
  private readonly auxDone = new Uint8Array(TRIPLES);
  private readonly stage1Sums = new Int32Array(TRIPLES * NTAGS);
  private readonly stage1Done = new Uint8Array(TRIPLES);
  /** sums of shapeContextFeatures (4096 combinations, about 0.8 MB) */
  private readonly shapeSums: SumCache;
  /** the gazetteer (res.gazetteer) as a typed hash table */
  private readonly gazTable: U32Table;

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
    const ST = S * T;
    this.ST = ST;
    if (ST > 256) throw new Error(`NER model has ${S} stages; at most ${Math.floor(256 / T)} are supported`);
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
    const W = new Int16Array(rows * ST);
    parts.forEach((pt, s) => {
      for (let r = 0; r < pt.rowIds.length; r++) {
        const o = rowIndex[pt.rowIds[r]!]! * ST + s * T;
        for (let t = 0; t < T; t++) W[o + t] = pt.q[r * T + t]!;
      }
    });
    // frequent rows dense, the rest sparse
    const nz = new Uint8Array(rows);
    let nnz = 0;
    let ndense = 0;
    for (let r = 0; r < rows; r++) {
      let c = 0;
      for (let j = 0; j < ST; j++) if (W[r * ST + j] !== 0) c++;
      nz[r] = c;
      if (c >= DENSE_MIN) ndense++;
      else nnz += c;
    }
    const ent = new Int32Array(nnz);
    const dense = new Int16Array(ndense * ST);
    const code = new Int32Array(rows);
    let q = 0;
    let d = 0;
    for (let r = 0; r < rows; r++) {
      if (nz[r]! >= DENSE_MIN) {
        dense.set(W.subarray(r * ST, r * ST + ST), d * ST);
        code[r] = -2 - d++;
        continue;
      }
      code[r] = nz[r]! === 0 ? -1 : q * 64 + nz[r]!;
      for (let j = 0; j < ST; j++) {
        const v = W[r * ST + j]!;
        if (v !== 0) ent[q++] = v * 256 + j;
      }
    }
    for (let b = 0; b < B; b++) {
      const r = rowIndex[b]!;
      if (r >= 0) rowIndex[b] = code[r]!;
    }
    this.rowIndex = rowIndex;
    this.ent = ent;
    this.dense = dense;
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
    res.gazetteerPrefixes = header.gazetteerPrefixes === true;
    for (let i = 0; i < gkeys.length; i++) res.gazetteer.set(gkeys[i]!, gvals[i]!);
    this.gazTable = new U32Table(gkeys, gvals);
    for (let i = 0; i < lkeys.length; i++) res.lowerRatio.set(lkeys[i]!, lvals[i]!);
    this.resources = res;
    const G = res.gazetteerNames.length;
    const maxFeats = maxBaseFeatures(C, G) + AUX_FEATS + STAGE1_FEATS;
    if (maxFeats > MAX_FEATS) throw new Error(`NER model has ${C} cluster levels and ${G} gazetteers: too many features per token`);
    this.words = wordInfoCache(res);
    this.sAcc = new Int32Array(64 * ST);
    this.shapeSums = new SumCache(4096, ST);
    this.auxSums = new Int32Array(TRIPLES * ST);
    this.padSums = new Int32Array(3 * ST);
    const f = this.feat;
    let p = leftFeatures(PAD_LI, C, f, 0);
    for (let k = 0; k < p; k++) this.addAll(f[k]!, this.padSums, ST);
    p = rightFeatures(PAD_RI, C, f, 0);
    for (let k = 0; k < p; k++) this.addAll(f[k]!, this.padSums, 2 * ST);
  }

  get stageCount(): number {
    return this.stages.length;
  }

  /** Adds feature hash h's weights for every stage to acc[ao .. ao + ST). */
  private addAll(h: number, acc: Int32Array, ao: number): void {
    const r = this.rowIndex[h & this.mask]!;
    if (r >= 0) {
      const ent = this.ent;
      const a = r >> 6;
      const e = a + (r & 63);
      for (let q = a; q < e; q++) {
        const v = ent[q]!;
        acc[ao + (v & 255)] += v >> 8;
      }
    } else if (r !== -1) {
      const dense = this.dense;
      const ST = this.ST;
      const o = (-2 - r) * ST;
      for (let j = 0; j < ST; j++) acc[ao + j] += dense[o + j]!;
    }
  }

  /** Adds feature hash h's weights for one stage (so = stage * NTAGS) to acc[ao .. ao + NTAGS). */
  private addStage(h: number, so: number, acc: Int32Array, ao: number): void {
    const r = this.rowIndex[h & this.mask]!;
    if (r >= 0) {
      const ent = this.ent;
      const a = r >> 6;
      const e = a + (r & 63);
      for (let q = a; q < e; q++) {
        const v = ent[q]!;
        const j = (v & 255) - so;
        if (j >= 0 && j < NT) acc[ao + j] += v >> 8;
      }
    } else if (r !== -1) {
      const dense = this.dense;
      const o = (-2 - r) * this.ST + so;
      for (let t = 0; t < NT; t++) acc[ao + t] += dense[o + t]!;
    }
  }

  /** The word type's info with this model's sums of its selfFeatures, leftFeatures and rightFeatures. */
  private info(w: string): WordInfo {
    const wi = wordInfo(w, this.resources, this.words);
    if (wi.sums) return wi;
    if (this.sumsCount >= SUMS_MAX) {
      this.words.clear();
      this.sumsCount = 0;
      this.words.set(w, wi);
    }
    const ST = this.ST;
    const C = this.resources.clusterLevels;
    const s = new Int32Array(3 * ST);
    const f = this.feat;
    let p = selfFeatures(wi, C, f, 0);
    for (let k = 0; k < p; k++) this.addAll(f[k]!, s, 0);
    p = leftFeatures(wi, C, f, 0);
    for (let k = 0; k < p; k++) this.addAll(f[k]!, s, ST);
    p = rightFeatures(wi, C, f, 0);
    for (let k = 0; k < p; k++) this.addAll(f[k]!, s, 2 * ST);
    wi.sums = s;
    this.sumsCount++;
    return wi;
  }

  private infos(tokens: string[]): WordInfo[] {
    const out: WordInfo[] = new Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) out[i] = this.info(tokens[i]!);
    return out;
  }

  /** Viterbi decoding of one stage from weight sums at acc[base + i * stride + t]. */
  private decodeRows(stage: number, acc: Int32Array, base: number, stride: number, n: number, out: Int32Array): void {
    const st = this.stages[stage]!;
    viterbiRows(acc, base, stride, st.scale, n, st.trans, out);
  }

  /**
   * The local passes over one sentence: every stage's base-feature sums into this.sAcc (ST per
   * token), the aux pass, its tags' features, and the main pass, whose tags are left in
   * this.mainTags.
   */
  private local(infos: WordInfo[], stats: DocStats): void {
    const n = infos.length;
    const ST = this.ST;
    const res = this.resources;
    const f = this.feat;
    if (this.sAcc.length < n * ST) this.sAcc = new Int32Array(n * ST * 2);
    if (this.mainTags.length < n) {
      this.mainTags = new Int32Array(n * 2);
      this.auxTags = new Int32Array(n * 2);
    }
    const acc = this.sAcc;
    const mixed = sentenceMixed(infos, n);
    const G = res.gazetteerNames.length;
    let gaz: Int8Array | null = null;
    if (G > 0 && res.gazetteerMaxLen > 0) {
      if (this.gaz.length < n * G) {
        this.gaz = new Int8Array(n * G * 2);
        this.gl = new Int32Array(n * G * 2);
      }
      gaz = this.gaz;
      gazetteerMatches(infos, n, res, gaz, this.gl, this.gazTable);
    }
    const pad = this.padSums;
    const shapeSums = this.shapeSums;
    const shv = shapeSums.vals;
    const useLr = res.lowerRatio.size > 0;
    for (let i = 0; i < n; i++) {
      const ao = i * ST;
      const w0 = infos[i]!;
      const wl = i > 0 ? infos[i - 1]! : PAD_LI;
      const wr = i + 1 < n ? infos[i + 1]! : PAD_RI;
      const init = i === 0 ? 1 : 0;
      let so = shapeSums.find(wl.hS, w0.hS, wr.hS, shapeContextKey(wl, w0, wr, init, mixed));
      if (so < 0) {
        so = ~so;
        const p = shapeContextFeatures(wl, w0, wr, init, mixed, useLr, f, 0);
        for (let k = 0; k < p; k++) this.addAll(f[k]!, shv, so);
      }
      const s0 = w0.sums!;
      const l = i > 0 ? wl.sums! : pad;
      const r = i + 1 < n ? wr.sums! : pad;
      for (let j = 0; j < ST; j++) acc[ao + j] = s0[j]! + l[ST + j]! + r[2 * ST + j]! + shv[so + j]!;
      const p = contextFeatures(infos, i, n, mixed, res, gaz, stats, f, 0);
      for (let k = 0; k < p; k++) this.addAll(f[k]!, acc, ao);
    }
    if (this.auxStage >= 0) {
      const aux = this.auxTags;
      this.decodeRows(this.auxStage, acc, this.auxStage * NTAGS, ST, n, aux);
      // the aux tags are features of the main and document passes (added to every stage's sums:
      // the aux pass is done); their sums are cached by tag triple
      const sums = this.auxSums;
      for (let i = 0; i < n; i++) {
        const am = i > 0 ? aux[i - 1]! : NO_TAG;
        const a0 = aux[i]!;
        const ap = i + 1 < n ? aux[i + 1]! : NO_TAG;
        const x = tripleIndex(am, a0, ap);
        const o = x * ST;
        if (!this.auxDone[x]) {
          const p = auxTagFeatures(am, a0, ap, f, 0);
          for (let k = 0; k < p; k++) this.addAll(f[k]!, sums, o);
          this.auxDone[x] = 1;
        }
        const ao = i * ST;
        for (let j = 0; j < ST; j++) acc[ao + j] += sums[o + j]!;
      }
    }
    this.decodeRows(this.mainStage, acc, this.mainStage * NTAGS, ST, n, this.mainTags);
  }

  /** The document pass over one sentence: adds the stage-1 features to the doc stage's sums at acc[base + i * stride] and decodes. */
  private docPass(infos: WordInfo[], main: Int32Array, agg: DocAgg, acc: Int32Array, base: number, stride: number, out: Int32Array): void {
    const n = infos.length;
    const so = this.docStage * NTAGS;
    const f = this.feat;
    const stage1 = { tags: main, agg };
    const T = NT;
    const sums = this.stage1Sums;
    for (let i = 0; i < n; i++) {
      const wi = infos[i]!;
      const ao = base + i * stride;
      // the tag-triple features' sums are cached
      const sm = i > 0 ? main[i - 1]! : NO_TAG;
      const s0 = main[i]!;
      const sp = i + 1 < n ? main[i + 1]! : NO_TAG;
      const x = tripleIndex(sm, s0, sp);
      const o = x * T;
      if (!this.stage1Done[x]) {
        const p = stage1TagFeatures(sm, s0, sp, f, 0);
        for (let k = 0; k < p; k++) this.addStage(f[k]!, so, sums, o);
        this.stage1Done[x] = 1;
      }
      for (let t = 0; t < T; t++) acc[ao + t] += sums[o + t]!;
      const p = stage1WordFeatures(stage1, i, wi.cap, wi.l, wi.n, f, 0);
      for (let k = 0; k < p; k++) this.addStage(f[k]!, so, acc, ao);
    }
    this.decodeRows(this.docStage, acc, base, stride, n, out);
  }

  /** Tags every sentence of a document (each distinct sentence array once). */
  private context(sentences: string[][]): DocContext {
    const infoOf = new Map<string[], WordInfo[]>();
    for (const s of sentences) if (!infoOf.has(s)) infoOf.set(s, this.infos(s));
    const all = sentences.map((s) => infoOf.get(s)!);
    const stats = docStatsOf(all);
    const useDoc = this.docStage >= 0 && !this.singlePass;
    const ctx: DocContext = { stats, agg: null, tags: new Map() };
    const T = NTAGS;
    let ntok = 0;
    for (const inf of infoOf.values()) ntok += inf.length;
    if (useDoc && this.docAcc.length < ntok * T) this.docAcc = new Int32Array(ntok * T);
    const docAcc = this.docAcc;
    const so = this.docStage * T;
    const ST = this.ST;
    const mains = new Map<string[], Int32Array>();
    const offsets: number[] = [];
    let off = 0;
    for (const [s, inf] of infoOf) {
      const n = inf.length;
      this.local(inf, stats);
      mains.set(s, this.mainTags.slice(0, n));
      if (useDoc) {
        const acc = this.sAcc;
        for (let i = 0; i < n; i++) {
          const a = i * ST + so;
          const b = (off + i) * T;
          for (let t = 0; t < T; t++) docAcc[b + t] = acc[a + t]!;
        }
        offsets.push(off);
        off += n;
      }
    }
    if (!useDoc) {
      ctx.tags = mains;
      return ctx;
    }
    const agg = docAggregateOf(
      all,
      sentences.map((s) => mains.get(s)!),
    );
    ctx.agg = agg;
    let si = 0;
    for (const [s, inf] of infoOf) {
      const out = new Int32Array(inf.length);
      this.docPass(inf, mains.get(s)!, agg, docAcc, offsets[si++]! * T, T, out);
      ctx.tags.set(s, out);
    }
    return ctx;
  }

  /** A sentence that is not one of the document's arrays, tagged in the document's context. */
  private tagOutside(tokens: string[], ctx: DocContext): Int32Array {
    const inf = this.infos(tokens);
    this.local(inf, ctx.stats);
    const main = this.mainTags.slice(0, tokens.length);
    if (!ctx.agg || this.docStage < 0 || this.singlePass) return main;
    const out = new Int32Array(tokens.length);
    this.docPass(inf, main, ctx.agg, this.sAcc, this.docStage * NTAGS, this.ST, out);
    return out;
  }

  tag(tokens: string[], context?: { documentTokens?: string[][] }): string[] {
    if (tokens.length === 0) return [];
    const dt = context?.documentTokens;
    let ctx: DocContext;
    if (dt) {
      ctx = this.docCache.get(dt) ?? this.context(dt);
      this.docCache.set(dt, ctx);
    } else ctx = this.context([tokens]);
    return bilouToIob(ctx.tags.get(tokens) ?? this.tagOutside(tokens, ctx), tokens.length);
  }

  /** Tags every sentence of a document, using the whole document as context. */
  tagDocument(sentences: string[][]): string[][] {
    const ctx = this.context(sentences);
    return sentences.map((s) => bilouToIob(ctx.tags.get(s)!, s.length));
  }

  /**
   * The same tags computed the slow way, from the feature extractor training uses (one feature
   * list per token, weights looked up one by one): the check that inference's grouping of the
   * features (word sums, context features, stacked features) adds up to the same model.
   */
  tagDocumentReference(sentences: string[][]): string[][] {
    const T = NTAGS;
    const ST = this.ST;
    const stats = docStats(sentences);
    const local = sentences.map((tokens) => {
      const n = tokens.length;
      const feats = new Uint32Array(n * MAX_FEATS);
      const counts = new Uint8Array(n);
      extractFeatures(tokens, this.resources, stats, feats, counts);
      /** decodes a stage from the first c2[i] features of each token */
      const sums = (c2: Uint8Array, stage: number): Int32Array => {
        const out = new Int32Array(n);
        const acc = new Int32Array(n * ST);
        for (let i = 0; i < n; i++) for (let k = 0; k < c2[i]!; k++) this.addAll(feats[i * MAX_FEATS + k]!, acc, i * ST);
        this.decodeRows(stage, acc, stage * T, ST, n, out);
        return out;
      };
      let aux: Int32Array | undefined;
      let mainCounts = counts;
      if (this.auxStage >= 0) {
        aux = sums(counts, this.auxStage);
        mainCounts = Uint8Array.from(counts);
        appendStacked(tokens, feats, mainCounts, { aux });
      }
      const main = sums(mainCounts, this.mainStage);
      return { feats, counts, mainCounts, aux, main, sums };
    });
    if (this.docStage < 0 || this.singlePass) return sentences.map((s, i) => bilouToIob(local[i]!.main, s.length));
    const agg = docAggregate(
      sentences,
      local.map((l) => l.main),
    );
    return sentences.map((tokens, si) => {
      const l = local[si]!;
      // the document pass's features: the base ones, the aux ones (again) and the stage-1 ones
      const c2 = Uint8Array.from(l.counts);
      appendStacked(tokens, l.feats, c2, { aux: l.aux, stage1: { tags: l.main, agg } });
      return bilouToIob(l.sums(c2, this.docStage), tokens.length);
    });
  }
}

export function loadModelFile(path: string): PerceptronNer {
  return new PerceptronNer(readFileSync(path));
}

export { TAG_NAMES };
