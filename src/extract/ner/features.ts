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
    lowerRatio: new Map(),
  };
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

export function docStats(sentences: string[][]): DocStats {
  const flags = new Map<string, number>();
  for (const s of sentences) {
    const mixed = sentenceIsMixedCase(s);
    for (let i = 0; i < s.length; i++) {
      const w = s[i]!;
      const l = w.toLowerCase();
      let f = flags.get(l) ?? 0;
      if (!isCap(w)) f |= 1;
      else if (i > 0 && mixed) f |= 2;
      if (mixed) f |= 4;
      flags.set(l, f);
    }
  }
  return { flags };
}

function sentenceIsMixedCase(s: string[]): boolean {
  let lower = 0;
  let letters = 0;
  for (const w of s) {
    if (/[A-Za-z]/.test(w)) {
      letters++;
      if (hasLower(w)) lower++;
    }
  }
  return letters === 0 || lower / letters > 0.3;
}

// ---------------------------------------------------------------- feature extraction

export const MAX_FEATS = 96;

interface TokInfo {
  w: string;
  l: string;
  n: string;
  shape: string;
  sshape: string;
  cap: boolean;
}

const PAD_L: TokInfo = { w: '<S>', l: '<s>', n: '<s>', shape: '<S>', sshape: '<S>', cap: false };
const PAD_R: TokInfo = { w: '</S>', l: '</s>', n: '</s>', shape: '</S>', sshape: '</S>', cap: false };

/**
 * Writes the feature hashes of every token of `tokens` into `out` (MAX_FEATS slots per token)
 * and their counts into `counts`. Hashes are unreduced 32-bit values; the model reduces them.
 */
export function extractFeatures(
  tokens: string[],
  res: NerResources,
  doc: DocStats | null,
  out: Uint32Array,
  counts: Uint8Array,
): void {
  const n = tokens.length;
  const info: TokInfo[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const w = tokens[i]!;
    const l = w.toLowerCase();
    const shape = wordShape(w);
    info[i] = { w, l, n: normDigits(l), shape, sshape: shortShape(shape), cap: isCap(w) };
  }
  const mixed = sentenceIsMixedCase(tokens);
  const at = (i: number): TokInfo => (i < 0 ? PAD_L : i >= n ? PAD_R : info[i]!);

  // gazetteer matches: per token, per list, BILU position of the longest match covering it
  const G = res.gazetteerNames.length;
  let gaz: Int8Array | null = null;
  if (G > 0 && res.gazetteerMaxLen > 0) {
    gaz = new Int8Array(n * G).fill(-1);
    const gl = new Int32Array(n * G); // length of chosen match
    for (let i = 0; i < n; i++) {
      let h = 0x5bd1e995 ^ 0x811c9dc5;
      for (let len = 1; len <= res.gazetteerMaxLen && i + len <= n; len++) {
        const word = info[i + len - 1]!.l;
        if (len > 1) {
          h ^= 32;
          h = Math.imul(h, 16777619);
        }
        for (let k = 0; k < word.length; k++) {
          h ^= word.charCodeAt(k);
          h = Math.imul(h, 16777619);
        }
        const mask = res.gazetteer.get(fmix(h));
        if (mask === undefined) continue;
        for (let g = 0; g < G; g++) {
          if (!(mask & (1 << g))) continue;
          for (let j = i; j < i + len; j++) {
            if (gl[j * G + g]! >= len) continue;
            gl[j * G + g] = len;
            gaz[j * G + g] = len === 1 ? 3 : j === i ? 0 : j === i + len - 1 ? 2 : 1;
          }
        }
      }
    }
  }

  const C = res.clusterLevels;
  const clusterOf = (t: TokInfo): ArrayLike<number> | undefined =>
    C > 0 ? res.clusters.get(wordKey(t.n)) : undefined;
  const cl: (ArrayLike<number> | undefined)[] = new Array(n);
  if (C > 0) for (let i = 0; i < n; i++) cl[i] = clusterOf(info[i]!);

  for (let i = 0; i < n; i++) {
    const base = i * MAX_FEATS;
    let k = 0;
    const add = (h: number) => {
      if (k < MAX_FEATS) out[base + k++] = fmix(h);
    };
    const t0 = info[i]!;
    const tm1 = at(i - 1);
    const tm2 = at(i - 2);
    const tp1 = at(i + 1);
    const tp2 = at(i + 2);

    add(tpl(0)); // bias
    add(hashStr(tpl(1), t0.n));
    add(hashStr(tpl(2), t0.w));
    add(hashStr(tpl(3), tm1.n));
    add(hashStr(tpl(4), tp1.n));
    add(hashStr(tpl(5), tm2.n));
    add(hashStr(tpl(6), tp2.n));
    add(hashStr(hashStr(tpl(7), tm1.n), t0.n));
    add(hashStr(hashStr(tpl(8), t0.n), tp1.n));
    const L = t0.w.length;
    for (let a = 1; a <= 4 && a <= L; a++) {
      add(hashStr(tpl(10 + a), t0.w.slice(0, a)));
      add(hashStr(tpl(20 + a), t0.l.slice(L - a)));
    }
    add(hashStr(tpl(30), t0.shape));
    add(hashStr(tpl(31), t0.sshape));
    add(hashStr(tpl(32), tm1.sshape));
    add(hashStr(tpl(33), tp1.sshape));
    add(hashStr(hashStr(tpl(34), tm1.sshape), t0.sshape));
    add(hashStr(hashStr(tpl(35), t0.sshape), tp1.sshape));
    add(hashStr(hashStr(hashStr(tpl(36), tm1.sshape), t0.sshape), tp1.sshape));
    add(hashStr(hashStr(tpl(37), tm1.n), t0.sshape));
    add(hashStr(hashStr(tpl(38), t0.sshape), tp1.n));
    add(hashStr(tpl(39), (i === 0 ? 'F' : 'n') + (mixed ? 'm' : 'u') + t0.sshape));
    add(hashStr(tpl(40), (L > 6 ? '7' : String(L)) + t0.sshape));
    // previous / next capitalised-ness with word
    add(hashStr(hashStr(tpl(41), tm2.sshape), tm1.sshape));
    add(hashStr(hashStr(tpl(42), tp1.sshape), tp2.sshape));
    if (!mixed) add(hashStr(tpl(43), t0.n)); // word in an all-caps sentence (headlines)

    // lower-case ratio of the word in running text
    if (res.lowerRatio.size > 0) {
      const r = res.lowerRatio.get(wordKey(t0.l));
      const rs = r === undefined ? 'u' : String(r);
      add(hashStr(tpl(44), rs + (t0.cap ? 'C' : 'c') + (i === 0 ? 'F' : 'n')));
      const rp = tp1.l === '</s>' ? 'e' : (res.lowerRatio.get(wordKey(tp1.l)) ?? 'u').toString();
      const rm = tm1.l === '<s>' ? 'b' : (res.lowerRatio.get(wordKey(tm1.l)) ?? 'u').toString();
      add(hashStr(tpl(45), rm + (tm1.cap ? 'C' : 'c') + '|' + rs + (t0.cap ? 'C' : 'c')));
      add(hashStr(tpl(46), rs + (t0.cap ? 'C' : 'c') + '|' + rp + (tp1.cap ? 'C' : 'c')));
    }

    // clusters
    if (C > 0) {
      const c0 = cl[i];
      const cm = i > 0 ? cl[i - 1] : undefined;
      const cp = i + 1 < n ? cl[i + 1] : undefined;
      for (let lv = 0; lv < C; lv++) {
        const v0 = c0 ? c0[lv]! : 65535;
        add(Math.imul(tpl(50 + lv), 31) ^ v0);
        add(Math.imul(tpl(60 + lv), 31) ^ (cm ? cm[lv]! : i > 0 ? 65535 : 65534));
        add(Math.imul(tpl(70 + lv), 31) ^ (cp ? cp[lv]! : i + 1 < n ? 65535 : 65534));
        add(hashStr(Math.imul(tpl(80 + lv), 31) ^ v0, t0.sshape));
      }
    }

    // gazetteers
    if (gaz) {
      for (let g = 0; g < G; g++) {
        const p = gaz[i * G + g]!;
        if (p < 0) continue;
        add(tpl(100 + g * 8 + p));
        add(hashStr(tpl(100 + g * 8 + 4 + (p === 3 ? 0 : 1)), t0.sshape));
      }
      // neighbours in gazetteers (e.g. "X of [Country]")
      if (i + 1 < n)
        for (let g = 0; g < G; g++) if (gaz[(i + 1) * G + g]! >= 0) add(tpl(200 + g) ^ 0x1234);
    }

    // document-level: how the same word is written elsewhere in the document
    if (doc && t0.cap) {
      const f = doc.flags.get(t0.l) ?? 0;
      add(hashStr(tpl(47), String(f & 3) + (i === 0 ? 'F' : 'n') + (mixed ? 'm' : 'u')));
    }
    counts[i] = k;
  }
}
