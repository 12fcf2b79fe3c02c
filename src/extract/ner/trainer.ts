// Training of the averaged structured perceptron (used by scripts/train-ner.ts only).
import { MAX_FEATS, NTAGS, ENTITY_TYPES, docStats, docAggregate, extractFeatures, type NerResources } from './features.js';
import { viterbi } from './model.js';
import type { NerDocument } from './conll.js';
import { mulberry32 } from '../../util/random.js';

/** IOB2 labels -> BILOU tag ids. */
export function iobToBilou(labels: string[]): Int32Array {
  const n = labels.length;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const l = labels[i]!;
    if (l === 'O') continue;
    const ty = ENTITY_TYPES.indexOf(l.slice(2) as (typeof ENTITY_TYPES)[number]);
    if (ty < 0) continue;
    const begins = l[0] === 'B';
    const next = labels[i + 1];
    const continues = next !== undefined && next[0] === 'I' && next.slice(2) === l.slice(2);
    const pos = begins ? (continues ? 0 : 3) : continues ? 1 : 2;
    out[i] = 1 + ty * 4 + pos;
  }
  return out;
}

export interface Prepared {
  /** per token: MAX_FEATS slots of row offsets (bucket * NTAGS) */
  feats: Int32Array;
  counts: Uint8Array;
  gold: Int32Array;
  /** sentence start offsets into token arrays, length = sentences + 1 */
  starts: Int32Array;
  /** IOB2 gold labels by sentence (for scoring) */
  labels: string[][];
  /** first sentence index of each document, length = documents + 1 */
  docSent: Int32Array;
}

/**
 * Extracts features. `stacked` adds features from earlier models' tags (per sentence, in corpus
 * order): `aux` the auxiliary (GMB) tagger's, `stage1` the main tagger's (document pass).
 */
export function prepare(
  docs: NerDocument[],
  res: NerResources,
  bucketsLog2: number,
  stacked: { aux?: ArrayLike<number>[]; stage1?: ArrayLike<number>[] } | null = null,
): Prepared {
  const stage1 = stacked?.stage1 ?? null;
  const aux = stacked?.aux ?? null;
  let ntok = 0;
  let nsent = 0;
  for (const d of docs)
    for (const s of d.sentences) {
      ntok += s.words.length;
      nsent++;
    }
  const feats = new Int32Array(ntok * MAX_FEATS);
  const counts = new Uint8Array(ntok);
  const gold = new Int32Array(ntok);
  const starts = new Int32Array(nsent + 1);
  const labels: string[][] = [];
  const mask = (1 << bucketsLog2) - 1;
  let tmpF = new Uint32Array(256 * MAX_FEATS);
  let tmpC = new Uint8Array(256);
  let tok = 0;
  let si = 0;
  const docSent = new Int32Array(docs.length + 1);
  let di = 0;
  for (const d of docs) {
    docSent[di++] = si;
    const words = d.sentences.map((s) => s.words);
    const ds = docStats(words);
    const agg = stage1 ? docAggregate(words, stage1.slice(si, si + words.length)) : null;
    for (const s of d.sentences) {
      const n = s.words.length;
      if (tmpC.length < n) {
        tmpF = new Uint32Array(n * MAX_FEATS);
        tmpC = new Uint8Array(n);
      }
      extractFeatures(
        s.words,
        res,
        ds,
        tmpF,
        tmpC,
        aux || agg ? { aux: aux ? aux[si]! : undefined, stage1: agg ? { tags: stage1![si]!, agg } : undefined } : null,
      );
      for (let i = 0; i < n; i++) {
        const c = tmpC[i]!;
        counts[tok + i] = c;
        const o = (tok + i) * MAX_FEATS;
        for (let k = 0; k < c; k++) feats[o + k] = (tmpF[i * MAX_FEATS + k]! & mask) * NTAGS;
      }
      gold.set(iobToBilou(s.labels), tok);
      starts[si++] = tok;
      labels.push(s.labels);
      tok += n;
    }
  }
  starts[si] = tok;
  docSent[di] = si;
  return { feats, counts, gold, starts, labels, docSent };
}

export class Trainer {
  readonly w: Float32Array;
  readonly u: Float64Array;
  readonly tr: Float64Array;
  readonly tru: Float64Array;
  c = 1;
  private em = new Float64Array(256 * NTAGS);
  private pred = new Int32Array(256);

  constructor(readonly bucketsLog2: number) {
    const size = (1 << bucketsLog2) * NTAGS;
    this.w = new Float32Array(size);
    this.u = new Float64Array(size);
    this.tr = new Float64Array((NTAGS + 1) * NTAGS);
    this.tru = new Float64Array((NTAGS + 1) * NTAGS);
  }

  private ensure(n: number) {
    if (this.pred.length < n) {
      this.pred = new Int32Array(n);
      this.em = new Float64Array(n * NTAGS);
    }
  }

  decode(p: Prepared, s: number, w: Float32Array, tr: Float64Array): Int32Array {
    const a = p.starts[s]!;
    const n = p.starts[s + 1]! - a;
    this.ensure(n);
    const em = this.em;
    const T = NTAGS;
    for (let i = 0; i < n; i++) {
      const o = i * T;
      for (let t = 0; t < T; t++) em[o + t] = 0;
      const fb = (a + i) * MAX_FEATS;
      const c = p.counts[a + i]!;
      for (let k = 0; k < c; k++) {
        const r = p.feats[fb + k]!;
        for (let t = 0; t < T; t++) em[o + t] += w[r + t]!;
      }
    }
    viterbi(em, n, tr, this.pred);
    return this.pred;
  }

  /** One perceptron epoch over the sentences in `order`. Returns the number of token errors. */
  epoch(p: Prepared, order: Int32Array): number {
    let errors = 0;
    const T = NTAGS;
    for (let oi = 0; oi < order.length; oi++) {
      const s = order[oi]!;
      const a = p.starts[s]!;
      const n = p.starts[s + 1]! - a;
      const pred = this.decode(p, s, this.w, this.tr);
      let wrong = false;
      for (let i = 0; i < n; i++) if (pred[i] !== p.gold[a + i]) wrong = true;
      if (wrong) {
        const c = this.c;
        for (let i = 0; i < n; i++) {
          const g = p.gold[a + i]!;
          const y = pred[i]!;
          const gp = i === 0 ? T : p.gold[a + i - 1]!;
          const yp = i === 0 ? T : pred[i - 1]!;
          if (g !== y) {
            errors++;
            const fb = (a + i) * MAX_FEATS;
            const cnt = p.counts[a + i]!;
            for (let k = 0; k < cnt; k++) {
              const r = p.feats[fb + k]!;
              this.w[r + g]! += 1;
              this.u[r + g]! += c;
              this.w[r + y]! -= 1;
              this.u[r + y]! -= c;
            }
          }
          if (g !== y || gp !== yp) {
            this.tr[gp * T + g]! += 1;
            this.tru[gp * T + g]! += c;
            this.tr[yp * T + y]! -= 1;
            this.tru[yp * T + y]! -= c;
          }
        }
      }
      this.c++;
    }
    return errors;
  }

  averaged(): { w: Float32Array; tr: Float64Array } {
    const w = new Float32Array(this.w.length);
    const c = this.c;
    for (let i = 0; i < w.length; i++) {
      const v = this.w[i]!;
      if (v !== 0 || this.u[i] !== 0) w[i] = v - this.u[i]! / c;
    }
    const tr = new Float64Array(this.tr.length);
    for (let i = 0; i < tr.length; i++) tr[i] = this.tr[i]! - this.tru[i]! / c;
    return { w, tr };
  }
}

/** Trains a perceptron on the sentences in `sentences` for `epochs` epochs; returns the averaged weights. */
export function trainOn(
  p: Prepared,
  sentences: Int32Array,
  epochs: number,
  bucketsLog2: number,
  seed: number,
  onEpoch?: (e: number, errors: number, t: Trainer) => void,
): Trainer {
  const tr = new Trainer(bucketsLog2);
  const order = Int32Array.from(sentences);
  const rnd = mulberry32(seed);
  for (let e = 1; e <= epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    const errs = tr.epoch(p, order);
    onEpoch?.(e, errs, tr);
  }
  return tr;
}

