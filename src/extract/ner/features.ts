// Feature extraction for the named-entity tagger, shared by training (scripts/train-ner.ts)
// and inference (model.ts). Features are hashed (32-bit FNV-1a + fmix) so the model stores no
// vocabulary: weights are keyed by feature hash buckets.

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityLabel = (typeof ENTITY_TYPES)[number];

/** BILOU tag set: 0 = O; for type k (0..3): B = 1+4k, I = 2+4k, L = 3+4k, U = 4+4k. */
export const NTAGS = 17;
export const TAG_NAMES: string[] = ['O'];
for (const t of ENTITY_TYPES) for (const p of ['B', 'I', 'L', 'U']) TAG_NAMES.push(`${p}-${t}`);

export function tagType(tag: number): number {
  return tag === 0 ? -1 : (tag - 1) >> 2;
}
export function tagPos(tag: number): number {
  // 0 B, 1 I, 2 L, 3 U
  return tag === 0 ? -1 : (tag - 1) & 3;
}

/** Whether tag `b` may follow tag `a` in BILOU (a = -1 for sentence start). */
export function allowedTransition(a: number, b: number): boolean {
  const aOpen = a > 0 && (tagPos(a) === 0 || tagPos(a) === 1); // B or I: an entity is open
  const bCont = b > 0 && (tagPos(b) === 1 || tagPos(b) === 2); // I or L: continues an entity
  if (aOpen) return bCont && tagType(a) === tagType(b);
  return !bCont;
}
export function allowedEnd(a: number): boolean {
  return !(a > 0 && (tagPos(a) === 0 || tagPos(a) === 1));
}

// ---------------------------------------------------------------- hashing

export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hashStr(seed: number, s: string): number {
  let h = seed ^ 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h;
}

/** Hash of a lower-cased word or phrase, as stored in the resource tables. */
export function wordKey(s: string): number {
  return fmix(hashStr(0x5bd1e995, s));
}

function tpl(id: number): number {
  return Math.imul(id + 1, 0x9e3779b1);
}

// ---------------------------------------------------------------- resources

/** Derived lookup tables shipped with the model (all keyed by wordKey hashes, no raw text). */
export interface NerResources {
  /** word hash -> cluster ids at several granularities (coarse to fine). */
  clusters: Map<number, Uint16Array | number[]>;
  clusterLevels: number;
  /** lower-cased phrase hash -> bitmask of gazetteer lists it appears in. */
  gazetteer: Map<number, number>;
  gazetteerNames: string[];
  gazetteerMaxLen: number;
  /**
   * Whether every proper prefix of a longer entry is in `gazetteer` with the GAZ_PREFIX bit, so
   * matching stops at the first word sequence that is neither an entry nor a prefix of one.
   */
  gazetteerPrefixes: boolean;
  /** word hash -> bucket (0..4) of how often the word is written lower-case in running text. */
  lowerRatio: Map<number, number>;
}

export function emptyResources(): NerResources {
  return {
    clusters: new Map(),
    clusterLevels: 0,
    gazetteer: new Map(),
    gazetteerNames: [],
    gazetteerMaxLen: 0,
    gazetteerPrefixes: false,
    lowerRatio: new Map(),
  };
}

/** Gazetteer value bit: the phrase begins a longer entry (lists use the bits below it). */
export const GAZ_PREFIX = 0x8000;

/** A read-only number -> number table (a Map, or inference's typed hash table). */
export interface KeyTable {
  get(key: number): number | undefined;
}

/**
 * An open-addressing hash table of 32-bit keys to 16-bit values, key and value side by side
 * (one cache line a probe; faster to build and probe than a Map).
 */
export class U32Table implements KeyTable {
  /** [key, value + 1] pairs; value + 1 = 0 marks an empty slot */
  private readonly slots: Uint32Array;
  private readonly mask: number;
  constructor(keys: ArrayLike<number>, vals: ArrayLike<number>) {
    let size = 16;
    while (size < keys.length * 2) size *= 2;
    this.mask = size - 1;
    const slots = new Uint32Array(size * 2);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]! >>> 0;
      let s = k & this.mask;
      while (slots[2 * s + 1] !== 0 && slots[2 * s] !== k) s = (s + 1) & this.mask;
      slots[2 * s] = k;
      slots[2 * s + 1] = (vals[i]! & 0xffff) + 1;
    }
    this.slots = slots;
  }
  get(key: number): number | undefined {
    const k = key >>> 0;
    const mask = this.mask;
    const slots = this.slots;
    for (let s = k & mask; ; s = (s + 1) & mask) {
      const v = slots[2 * s + 1]!;
      if (v === 0) return undefined;
      if (slots[2 * s] === k) return v - 1;
    }
  }
}

// ---------------------------------------------------------------- word shapes

export function wordShape(w: string): string {
  let out = '';
  const n = w.length;
  for (let i = 0; i < n; i++) {
    const c = w.charCodeAt(i);
    let ch: string;
    if (c >= 65 && c <= 90) ch = 'X';
    else if (c >= 97 && c <= 122) ch = 'x';
    else if (c >= 48 && c <= 57) ch = 'd';
    else if (c > 127) {
      const s = w[i]!;
      ch = s.toUpperCase() !== s ? 'x' : s.toLowerCase() !== s ? 'X' : s;
    } else ch = w[i]!;
    out += ch;
  }
  if (out.length > 8) out = out.slice(0, 4) + '~' + out.slice(-3);
  return out;
}

export function shortShape(shape: string): string {
  let out = '';
  let prev = '';
  for (let i = 0; i < shape.length; i++) {
    const c = shape[i]!;
    if (c !== prev) out += c;
    prev = c;
  }
  return out;
}

function isCap(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c > 127) {
    const s = w[0]!;
    return s.toLowerCase() !== s;
  }
  return false;
}

function hasLower(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

function normDigits(l: string): string {
  let has = false;
  for (let i = 0; i < l.length; i++) {
    const c = l.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      has = true;
      break;
    }
  }
  return has ? l.replace(/[0-9]/g, '0') : l;
}

// ---------------------------------------------------------------- document context

/** Per-document statistics used by the document-level features. */
export interface DocStats {
  /** lower-cased word -> flags: 1 seen lower-case, 2 seen capitalised not sentence-initial, 4 seen in a mixed-case sentence */
  flags: Map<string, number>;
}

function wordCase(w: string): WordCase {
  return { l: w.toLowerCase(), cap: isCap(w), letters: /[A-Za-z]/.test(w), lower: hasLower(w) };
}

export function docStats(sentences: string[][]): DocStats {
  return docStatsOf(sentences.map((s) => s.map(wordCase)));
}

/** docStats over words already described (WordInfo or WordCase). */
export function docStatsOf(sentences: ArrayLike<WordCase>[]): DocStats {
  const flags = new Map<string, number>();
  for (const s of sentences) {
    const mixed = sentenceMixed(s, s.length);
    for (let i = 0; i < s.length; i++) {
      const w = s[i]!;
      let f = flags.get(w.l) ?? 0;
      if (!w.cap) f |= 1;
      else if (i > 0 && mixed) f |= 2;
      if (mixed) f |= 4;
      flags.set(w.l, f);
    }
  }
  return { flags };
}

// ---------------------------------------------------------------- feature extraction

/** Feature slots per token (see maxBaseFeatures, AUX_FEATS, STAGE1_FEATS). */
export const MAX_FEATS = 96;

/**
 * First-pass (stage-1) predictions used by the second pass: this sentence's stage-1 tags and,
 * per lower-cased word, how stage 1 labelled its capitalised occurrences across the document.
 */
export interface Stage1Info {
  tags: ArrayLike<number>;
  agg: DocAgg;
}

/** lower-cased word -> [PER, ORG, LOC, MISC, O counts, longest multi-token entity type (or -1), its length] */
export type DocAgg = Map<string, Int32Array>;

export function docAggregate(sentences: string[][], tags: ArrayLike<number>[]): DocAgg {
  return docAggregateOf(sentences.map((s) => s.map(wordCase)), tags);
}

/** docAggregate over words already described (WordInfo or WordCase). */
export function docAggregateOf(sentences: ArrayLike<WordCase>[], tags: ArrayLike<number>[]): DocAgg {
  const agg: DocAgg = new Map();
  for (let s = 0; s < sentences.length; s++) {
    const words = sentences[s]!;
    const tg = tags[s]!;
    let spanStart = -1;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const t = tg[i]!;
      if (w.cap) {
        let a = agg.get(w.l);
        if (!a) {
          a = new Int32Array([0, 0, 0, 0, 0, -1, 0]);
          agg.set(w.l, a);
        }
        a[t === 0 ? 4 : tagType(t)]!++;
      }
      if (t === 0) continue;
      const p = tagPos(t);
      if (p === 0) spanStart = i;
      if (p === 2 && spanStart >= 0) {
        const len = i - spanStart + 1;
        for (let j = spanStart; j <= i; j++) {
          const a = agg.get(words[j]!.l);
          if (a && len > a[6]!) {
            a[6] = len;
            a[5] = tagType(t);
          }
        }
        spanStart = -1;
      }
    }
  }
  return agg;
}

/**
 * Writes the feature hashes of every token of `tokens` into `out` (MAX_FEATS slots per token)
 * and their counts into `counts`. Hashes are unreduced 32-bit values; the model reduces them.
 * Training uses this; inference (model.ts) sums the same features grouped by what they depend on.
 */
export function extractFeatures(
  tokens: string[],
  res: NerResources,
  doc: DocStats | null,
  out: Uint32Array,
  counts: Uint8Array,
  stacked: Stacked | null = null,
): void {
  extractBase(tokens, res, doc, out, counts);
  if (stacked) appendStacked(tokens, out, counts, stacked);
}

/** Predictions of earlier models that later ones use as features. */
export interface Stacked {
  /** tags of the auxiliary model trained on another corpus (GMB), BILOU ids over the same tag set */
  aux?: ArrayLike<number>;
  /** stage-1 tags of this sentence and their document aggregate */
  stage1?: Stage1Info;
}

/** Appends stacked features after each token's base features (counts are updated in place). */
export function appendStacked(tokens: string[], out: Uint32Array, counts: Uint8Array, stacked: Stacked): void {
  const n = tokens.length;
  const aux = stacked.aux;
  const stage1 = stacked.stage1;
  for (let i = 0; i < n; i++) {
    const base = i * MAX_FEATS;
    let p = base + counts[i]!;
    if (aux) p = auxFeatures(aux, i, n, out, p);
    if (stage1) {
      const w = tokens[i]!;
      const l = w.toLowerCase();
      p = stage1Features(stage1, i, n, isCap(w), l, normDigits(l), out, p);
    }
    counts[i] = p - base;
  }
}

/** The auxiliary tagger's tags around token i (3 features), written at out[p..]; returns the new end. */
export function auxFeatures(aux: ArrayLike<number>, i: number, n: number, out: Uint32Array, p: number): number {
  return auxTagFeatures(i > 0 ? aux[i - 1]! : NO_TAG, aux[i]!, i + 1 < n ? aux[i + 1]! : NO_TAG, out, p);
}

/** The tag stacked features use beyond the sentence. */
export const NO_TAG = 99;

/**
 * Three features from a tag triple (before, at and after the token; NO_TAG beyond the
 * sentence): the tag, and each neighbour pair. `template` numbers the first of the three.
 */
function tagTripleFeatures(template: number, m: number, t0: number, n: number, out: Uint32Array, p: number): number {
  out[p++] = fmix(Math.imul(tpl(template), 31) ^ t0);
  out[p++] = fmix(Math.imul(tpl(template + 1), 31) ^ (m * 128 + t0));
  out[p++] = fmix(Math.imul(tpl(template + 2), 31) ^ (t0 * 128 + n));
  return p;
}

/** auxFeatures from the aux tags before, at and after the token (NO_TAG beyond the sentence). */
export function auxTagFeatures(am: number, a0: number, ap: number, out: Uint32Array, p: number): number {
  return tagTripleFeatures(400, am, a0, ap, out, p);
}

/**
 * Stage-1 predictions around token i and how stage 1 labelled the word elsewhere in the
 * document (at most STAGE1_FEATS features); `cap`, `l` and `nrm` describe token i (capitalised,
 * lower-cased, lower-cased with digits as 0).
 */
export function stage1Features(
  stage1: Stage1Info,
  i: number,
  n: number,
  cap: boolean,
  l: string,
  nrm: string,
  out: Uint32Array,
  p: number,
): number {
  const st = stage1.tags;
  p = stage1TagFeatures(i > 0 ? st[i - 1]! : NO_TAG, st[i]!, i + 1 < n ? st[i + 1]! : NO_TAG, out, p);
  return stage1WordFeatures(stage1, i, cap, l, nrm, out, p);
}

/** The stage-1 tags before, at and after the token (NO_TAG beyond the sentence): 3 features. */
export function stage1TagFeatures(sm: number, s0: number, sp: number, out: Uint32Array, p: number): number {
  return tagTripleFeatures(300, sm, s0, sp, out, p);
}

/** The rest of stage1Features: the token's stage-1 tag with its word, and the document aggregate. */
export function stage1WordFeatures(
  stage1: Stage1Info,
  i: number,
  cap: boolean,
  l: string,
  nrm: string,
  out: Uint32Array,
  p: number,
): number {
  const s0 = stage1.tags[i]!;
  out[p++] = fmix(hashStr(Math.imul(tpl(303), 31) ^ s0, nrm));
  if (cap) {
    const a = stage1.agg.get(l);
    if (a) {
      let maj = 4;
      let tot = 0;
      for (let t = 0; t < 5; t++) {
        tot += a[t]!;
        if (a[t]! > a[maj]!) maj = t;
      }
      const init = i === 0 ? 1 : 0;
      out[p++] = fmix(Math.imul(tpl(304), 31) ^ (maj * 4 + init * 2 + (tot > 1 ? 1 : 0)));
      for (let t = 0; t < 4; t++) if (a[t]! > 0 && t !== maj) out[p++] = fmix(Math.imul(tpl(305), 31) ^ t);
      if (a[5]! >= 0) out[p++] = fmix(Math.imul(tpl(306), 31) ^ (a[5]! * 4 + Math.min(a[6]!, 3)));
      out[p++] = fmix(Math.imul(tpl(307), 31) ^ (maj * 32 + s0));
    }
  }
  return p;
}

/** Most features stage1Features and auxFeatures write for one token. */
export const STAGE1_FEATS = 11;
export const AUX_FEATS = 3;

/** How a word is written: what the document-level statistics need. */
export interface WordCase {
  /** lower-cased */
  l: string;
  /** starts with a capital letter */
  cap: boolean;
  /** has an ASCII letter */
  letters: boolean;
  /** has an ASCII lower-case letter */
  lower: boolean;
}

/** Per word type: everything the local features need, computed once and cached. */
export interface WordInfo extends WordCase {
  /** lower-cased with digits as 0 */
  n: string;
  hN: number;
  hW: number;
  hShape: number;
  hS: number;
  len: number;
  pre: number[];
  suf: number[];
  cl: ArrayLike<number> | undefined;
  /** lower-case ratio bucket, 5 when unknown */
  lr: number;
  /** the sentence-boundary padding, not a word */
  pad: boolean;
  /** inference only: the model's summed weights of selfFeatures, leftFeatures and rightFeatures */
  sums: Int32Array | null;
}

function padInfo(tag: string): WordInfo {
  const h = hashStr(0, tag);
  return {
    l: tag,
    n: tag,
    cap: false,
    hN: h,
    hW: h,
    hShape: h,
    hS: h,
    len: 0,
    pre: [],
    suf: [],
    cl: undefined,
    lr: 6,
    letters: false,
    lower: false,
    pad: true,
    sums: null,
  };
}
/** Padding before the first and after the last token. */
export const PAD_LI = padInfo('<s>');
export const PAD_RI = padInfo('</s>');

const infoCache = new WeakMap<NerResources, Map<string, WordInfo>>();
/** Word types kept per resource set before the cache starts over. */
const INFO_CACHE_MAX = 100000;

/** The word-type cache of a resource set (cleared when it grows past INFO_CACHE_MAX words). */
export function wordInfoCache(res: NerResources): Map<string, WordInfo> {
  let cache = infoCache.get(res);
  if (!cache) {
    cache = new Map();
    infoCache.set(res, cache);
  }
  return cache;
}

export function wordInfo(w: string, res: NerResources, cache: Map<string, WordInfo>): WordInfo {
  let wi = cache.get(w);
  if (wi) return wi;
  const l = w.toLowerCase();
  const nrm = normDigits(l);
  const shape = wordShape(w);
  const L = w.length;
  const pre: number[] = [];
  const suf: number[] = [];
  for (let a = 1; a <= 4 && a <= L; a++) {
    pre.push(hashStr(a, w.slice(0, a)));
    suf.push(hashStr(a + 8, l.slice(L - a)));
  }
  const lr = res.lowerRatio.size > 0 ? res.lowerRatio.get(wordKey(l)) : undefined;
  wi = {
    l,
    n: nrm,
    cap: isCap(w),
    hN: hashStr(1, nrm),
    hW: hashStr(2, w),
    hShape: hashStr(3, shape),
    hS: hashStr(4, shortShape(shape)),
    len: L,
    pre,
    suf,
    cl: res.clusterLevels > 0 ? res.clusters.get(wordKey(nrm)) : undefined,
    lr: lr === undefined ? 5 : lr,
    letters: /[A-Za-z]/.test(w),
    lower: hasLower(w),
    pad: false,
    sums: null,
  };
  if (cache.size >= INFO_CACHE_MAX) cache.clear();
  cache.set(w, wi);
  return wi;
}

/** Order-dependent combination of a running hash with a value (the result is fmix-ed on use). */
function c(h: number, x: number): number {
  h = Math.imul(h, 0x01000193) ^ x;
  return Math.imul(h ^ (h >>> 16), 0x85ebca6b);
}

/** Most base features of one token: see selfFeatures, leftFeatures, rightFeatures, contextFeatures. */
export function maxBaseFeatures(clusterLevels: number, gazetteers: number): number {
  return 35 + 4 * clusterLevels + 3 * gazetteers;
}

// The base features of a token are split by what they depend on, so inference can sum the
// weights of the first three groups once per word type: the word alone (selfFeatures), the word
// as the left neighbour (leftFeatures) and as the right neighbour (rightFeatures), and the rest
// (contextFeatures). Each writes hashes at out[p..] and returns the new end.

/** Features of the word itself, wherever it stands (17 + 2 * cluster levels at most). */
export function selfFeatures(t0: WordInfo, C: number, out: Uint32Array, p: number): number {
  out[p++] = fmix(tpl(0)); // bias
  out[p++] = fmix(c(tpl(1), t0.hN));
  out[p++] = fmix(c(tpl(2), t0.hW));
  for (let a = 0; a < t0.pre.length; a++) {
    out[p++] = fmix(c(tpl(11 + a), t0.pre[a]!));
    out[p++] = fmix(c(tpl(21 + a), t0.suf[a]!));
  }
  out[p++] = fmix(c(tpl(30), t0.hShape));
  out[p++] = fmix(c(tpl(31), t0.hS));
  out[p++] = fmix(c(c(tpl(40), Math.min(t0.len, 7)), t0.hS));
  if (C > 0) {
    const c0 = t0.cl;
    for (let lv = 0; lv < C; lv++) {
      const v0 = c0 ? c0[lv]! : 65535;
      out[p++] = fmix(Math.imul(tpl(50 + lv), 31) ^ v0);
      out[p++] = fmix(c(c(tpl(80 + lv), v0), t0.hS));
    }
  }
  return p;
}

/** Features of the word before the token (2 + cluster levels); tm1 is PAD_LI at the start. */
export function leftFeatures(tm1: WordInfo, C: number, out: Uint32Array, p: number): number {
  out[p++] = fmix(c(tpl(3), tm1.hN));
  out[p++] = fmix(c(tpl(32), tm1.hS));
  const cm = tm1.cl;
  for (let lv = 0; lv < C; lv++) out[p++] = fmix(Math.imul(tpl(60 + lv), 31) ^ (cm ? cm[lv]! : tm1.pad ? 65534 : 65535));
  return p;
}

/** Features of the word after the token (2 + cluster levels); tp1 is PAD_RI at the end. */
export function rightFeatures(tp1: WordInfo, C: number, out: Uint32Array, p: number): number {
  out[p++] = fmix(c(tpl(4), tp1.hN));
  out[p++] = fmix(c(tpl(33), tp1.hS));
  const cp = tp1.cl;
  for (let lv = 0; lv < C; lv++) out[p++] = fmix(Math.imul(tpl(70 + lv), 31) ^ (cp ? cp[lv]! : tp1.pad ? 65534 : 65535));
  return p;
}

/** Whether a sentence is written in mixed case (not a headline in capitals). */
export function sentenceMixed(info: ArrayLike<WordCase>, n: number): boolean {
  let letters = 0;
  let lowers = 0;
  for (let i = 0; i < n; i++) {
    const wi = info[i]!;
    if (wi.letters) {
      letters++;
      if (wi.lower) lowers++;
    }
  }
  return letters === 0 || lowers / letters > 0.3;
}

/**
 * Gazetteer matches: per token, per list, the BILU position (0..3) of the longest match covering
 * it, or -1. Writes n * G entries of `gaz`; `gl` is scratch of the same size.
 */
export function gazetteerMatches(
  info: ArrayLike<WordInfo>,
  n: number,
  res: NerResources,
  gaz: Int8Array,
  gl: Int32Array,
  table: KeyTable = res.gazetteer,
): void {
  const G = res.gazetteerNames.length;
  gaz.fill(-1, 0, n * G);
  gl.fill(0, 0, n * G);
  const maxLen = res.gazetteerMaxLen;
  const prefixes = res.gazetteerPrefixes;
  for (let i = 0; i < n; i++) {
    let h = 0x5bd1e995 ^ 0x811c9dc5;
    for (let len = 1; len <= maxLen && i + len <= n; len++) {
      const word = info[i + len - 1]!.l;
      if (len > 1) {
        h ^= 32;
        h = Math.imul(h, 16777619);
      }
      for (let k = 0; k < word.length; k++) {
        h ^= word.charCodeAt(k);
        h = Math.imul(h, 16777619);
      }
      const mask = table.get(fmix(h));
      if (mask === undefined) {
        if (prefixes) break;
        continue;
      }
      for (let g = 0; g < G; g++) {
        if (!(mask & (1 << g))) continue;
        for (let j = i; j < i + len; j++) {
          if (gl[j * G + g]! >= len) continue;
          gl[j * G + g] = len;
          gaz[j * G + g] = len === 1 ? 3 : j === i ? 0 : j === i + len - 1 ? 2 : 1;
        }
      }
      if (prefixes && !(mask & GAZ_PREFIX)) break;
    }
  }
}

/**
 * Features of the short shapes and lower-case ratios of the token and its neighbours, with the
 * sentence-initial and mixed-case flags (7 at most): a small vocabulary, so inference caches
 * their sums by shapeContextKey.
 */
export function shapeContextFeatures(
  tm1: WordInfo,
  t0: WordInfo,
  tp1: WordInfo,
  init: number,
  mixed: boolean,
  useLr: boolean,
  out: Uint32Array,
  p: number,
): number {
  out[p++] = fmix(c(c(tpl(34), tm1.hS), t0.hS));
  out[p++] = fmix(c(c(tpl(35), t0.hS), tp1.hS));
  out[p++] = fmix(c(c(c(tpl(36), tm1.hS), t0.hS), tp1.hS));
  out[p++] = fmix(c(c(tpl(39), init + (mixed ? 2 : 0)), t0.hS));
  // lower-case ratio of the word in running text
  if (useLr) {
    const cur = t0.lr * 2 + (t0.cap ? 1 : 0);
    out[p++] = fmix(c(tpl(44), cur * 2 + init));
    out[p++] = fmix(c(tpl(45), (tm1.lr * 2 + (tm1.cap ? 1 : 0)) * 16 + cur));
    out[p++] = fmix(c(tpl(46), cur * 16 + tp1.lr * 2 + (tp1.cap ? 1 : 0)));
  }
  return p;
}

/** Everything shapeContextFeatures reads besides the three short-shape hashes, in 14 bits. */
export function shapeContextKey(tm1: WordInfo, t0: WordInfo, tp1: WordInfo, init: number, mixed: boolean): number {
  return init | (mixed ? 2 : 0) | (lrCap(tm1) << 2) | (lrCap(t0) << 6) | (lrCap(tp1) << 10);
}

/** Lower-case ratio bucket and capitalisation, 0..13. */
function lrCap(w: WordInfo): number {
  return w.lr * 2 + (w.cap ? 1 : 0);
}

/**
 * Features of token i that depend on its neighbours together, the sentence or the document
 * (the rest of the base features besides shapeContextFeatures). `gaz` is gazetteerMatches' output, or null without gazetteers.
 */
export function contextFeatures(
  info: ArrayLike<WordInfo>,
  i: number,
  n: number,
  mixed: boolean,
  res: NerResources,
  gaz: Int8Array | null,
  doc: DocStats | null,
  out: Uint32Array,
  p: number,
): number {
  const t0 = info[i]!;
  const tm1 = i > 0 ? info[i - 1]! : PAD_LI;
  const tm2 = i > 1 ? info[i - 2]! : PAD_LI;
  const tp1 = i + 1 < n ? info[i + 1]! : PAD_RI;
  const tp2 = i + 2 < n ? info[i + 2]! : PAD_RI;
  const init = i === 0 ? 1 : 0;

  out[p++] = fmix(c(tpl(5), tm2.hN));
  out[p++] = fmix(c(tpl(6), tp2.hN));
  out[p++] = fmix(c(c(tpl(7), tm1.hN), t0.hN));
  out[p++] = fmix(c(c(tpl(8), t0.hN), tp1.hN));
  out[p++] = fmix(c(c(tpl(37), tm1.hN), t0.hS));
  out[p++] = fmix(c(c(tpl(38), t0.hS), tp1.hN));
  out[p++] = fmix(c(c(tpl(41), tm2.hS), tm1.hS));
  out[p++] = fmix(c(c(tpl(42), tp1.hS), tp2.hS));
  if (!mixed) out[p++] = fmix(c(tpl(43), t0.hN)); // word in an all-caps sentence (headlines)

  // gazetteers
  if (gaz) {
    const G = res.gazetteerNames.length;
    for (let g = 0; g < G; g++) {
      const q = gaz[i * G + g]!;
      if (q < 0) continue;
      out[p++] = fmix(tpl(100 + g * 8 + q));
      out[p++] = fmix(c(tpl(100 + g * 8 + 4 + (q === 3 ? 0 : 1)), t0.hS));
    }
    // neighbours in gazetteers (e.g. "X of [Country]")
    if (i + 1 < n)
      for (let g = 0; g < G; g++) if (gaz[(i + 1) * G + g]! >= 0) out[p++] = fmix(tpl(200 + g) ^ 0x1234);
  }

  // document-level: how the same word is written elsewhere in the document
  if (doc && t0.cap) {
    const f = doc.flags.get(t0.l) ?? 0;
    out[p++] = fmix(c(tpl(47), (f & 3) * 4 + init * 2 + (mixed ? 1 : 0)));
  }
  return p;
}

function extractBase(
  tokens: string[],
  res: NerResources,
  doc: DocStats | null,
  out: Uint32Array,
  counts: Uint8Array,
): void {
  const n = tokens.length;
  const C = res.clusterLevels;
  const G = res.gazetteerNames.length;
  if (maxBaseFeatures(C, G) + AUX_FEATS + STAGE1_FEATS > MAX_FEATS)
    throw new Error(`NER features: ${C} cluster levels and ${G} gazetteers need more than MAX_FEATS (${MAX_FEATS}) slots`);
  const cache = wordInfoCache(res);
  const info: WordInfo[] = new Array(n);
  for (let i = 0; i < n; i++) info[i] = wordInfo(tokens[i]!, res, cache);
  const mixed = sentenceMixed(info, n);
  let gaz: Int8Array | null = null;
  if (G > 0 && res.gazetteerMaxLen > 0) {
    gaz = new Int8Array(n * G);
    gazetteerMatches(info, n, res, gaz, new Int32Array(n * G));
  }
  for (let i = 0; i < n; i++) {
    const base = i * MAX_FEATS;
    let p = selfFeatures(info[i]!, C, out, base);
    p = leftFeatures(i > 0 ? info[i - 1]! : PAD_LI, C, out, p);
    p = rightFeatures(i + 1 < n ? info[i + 1]! : PAD_RI, C, out, p);
    p = shapeContextFeatures(
      i > 0 ? info[i - 1]! : PAD_LI,
      info[i]!,
      i + 1 < n ? info[i + 1]! : PAD_RI,
      i === 0 ? 1 : 0,
      mixed,
      res.lowerRatio.size > 0,
      out,
      p,
    );
    p = contextFeatures(info, i, n, mixed, res, gaz, doc, out, p);
    counts[i] = p - base;
  }
}
