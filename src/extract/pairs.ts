// A learned complement to the relation patterns: a multi-class averaged perceptron over pairs
// of parties named in one sentence. The patterns spell out constructions one by one and miss
// the ones nobody wrote down; the classifier reads the words between and around two parties
// (with their types, kinds and head words) and proposes a relation type and direction for pairs
// the patterns left untied. Trained by `npm run train:relations` on annotated documents written for this
// project (test/fixtures/extract*); the weights ship in models/relations/pairs.json.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RELATION_TYPES, endpointsAllowed, relationSpec, type EntityType, type RelationType } from '../schema/index.js';
import { typeLetter } from './coref.js';
import { shippedModelDir } from './models.js';

/** A class: 'none', or a relation type with its direction in reading order ('>' first party is the source, '<' the second, '=' symmetric). */
export type PairClass = 'none' | `${RelationType}${'>' | '<' | '='}`;

export interface PairModel {
  version: 1;
  classes: PairClass[];
  /** Averaged weights per feature, one per class. */
  weights: Map<string, Float32Array>;
  /** Least score margin over 'none' for a proposal to be kept (chosen on held-out documents when trained). */
  threshold: number;
}

/** Every class the schema allows, in a fixed order. */
export function allClasses(): PairClass[] {
  const out: PairClass[] = ['none'];
  for (const r of RELATION_TYPES) {
    if (r.symmetric) out.push(`${r.name}=`);
    else out.push(`${r.name}>`, `${r.name}<`);
  }
  return out;
}

/** Whether the class fits the two parties' types (first and second in reading order). */
export function classAllowed(c: PairClass, first: EntityType, second: EntityType): boolean {
  if (c === 'none') return true;
  const type = c.slice(0, -1) as RelationType;
  const dir = c[c.length - 1];
  if (dir === '=') return relationSpec(type).symmetric && endpointsAllowed(type, first, second);
  return dir === '>' ? directAllowed(type, first, second) : directAllowed(type, second, first);
}

function directAllowed(type: RelationType, source: EntityType, target: EntityType): boolean {
  const spec = relationSpec(type);
  return !spec.symmetric && spec.from.includes(source) && spec.to.includes(target);
}

/** Reads a class as a relation between the first and second party. */
export function classRelation(c: PairClass): { type: RelationType; reversed: boolean } | null {
  if (c === 'none') return null;
  return { type: c.slice(0, -1) as RelationType, reversed: c.endsWith('<') };
}

function bucket(n: number): string {
  return n <= 3 ? String(n) : n <= 5 ? '4-5' : n <= 8 ? '6-8' : n <= 12 ? '9-12' : n <= 20 ? '13-20' : '21+';
}

/** A shaped sentence as words (other parties written as their type letter, "<O>"), with each anchor's word range. */
export interface PairSentence {
  words: string[];
  /** For each anchor: [first word, word after its last]. */
  spans: [number, number][];
}

/** Splits a shaped sentence into words once; `anchorPos` are the anchors' character ranges in it. */
export function pairSentence(shaped: string, anchorPos: [number, number][]): PairSentence {
  const words: string[] = [];
  const starts: number[] = [];
  let at = 0;
  for (const w of shaped.split(' ')) {
    if (w) { words.push(w.startsWith('⟦') ? `<${w[1]}>` : w); starts.push(at); }
    at += w.length + 1;
  }
  // Word index at or after a character offset (binary search over word starts).
  const wordAt = (off: number) => {
    let lo = 0, hi = starts.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (starts[mid] < off) lo = mid + 1; else hi = mid; }
    return lo;
  };
  return { words, spans: anchorPos.map(([a, b]) => [wordAt(a), wordAt(b)]) };
}

/** What the classifier knows of a party besides the words around it. */
export interface PartyView {
  type: EntityType;
  /** A finer kind: for a body 'police', 'court', 'government' or 'group'; for an event its kind's family. */
  kind: string;
  /** Named here by a pronoun or a nominal ("the group") that coreference resolved. */
  reference: boolean;
  /** The last word of a body's, place's or event's name ("court", "front", "mosque"); none for people. */
  head?: string;
}

/**
 * Features of two parties in one sentence: their types and kinds, the words between them, the
 * words just before the first and after the second, and how far apart they stand. Every word
 * feature is joined to the type pair, since "in" between a person and a place says something
 * else than between a person and a group.
 */
export function pairFeatures(sent: PairSentence, i: number, j: number, first: PartyView, second: PartyView): string[] {
  const tp = `${typeLetter(first.type)}${typeLetter(second.type)}`;
  const { words } = sent;
  const [s1, e1] = sent.spans[i], [s2, e2] = sent.spans[j];
  const between = words.slice(e1, s2);
  const firstRef = first.reference, secondRef = second.reference;
  const kk = `${first.kind}>${second.kind}`;
  const f: string[] = [`t:${tp}`, `d:${tp}:${bucket(between.length)}`, `k:${kk}`];
  if (between.length) f.push(`kf:${kk}:${between[0]}`, `kl:${kk}:${between[between.length - 1]}`);
  if (first.head) f.push(`h1:${tp}:${first.head}`);
  if (second.head) f.push(`h2:${tp}:${second.head}`);

  if (firstRef) f.push(`r1:${tp}`);
  if (secondRef) f.push(`r2:${tp}`);
  for (const w of new Set(between)) f.push(`b:${tp}:${w}`);
  if (between.length) f.push(`bf:${tp}:${between[0]}`, `bl:${tp}:${between[between.length - 1]}`);
  else f.push(`b0:${tp}`);
  for (let k = Math.max(0, s1 - 3); k < s1; k++) f.push(`p${s1 - k}:${tp}:${words[k]}`);
  for (let k = e2; k < Math.min(words.length, e2 + 3); k++) f.push(`n${k - e2 + 1}:${tp}:${words[k]}`);
  if (between.includes(',')) f.push(`comma:${tp}`);
  if (between.some((w) => /^(?:said|says|told|according|claimed|denied|reported)$/.test(w))) f.push(`say:${tp}`);
  return f;
}

/** Which of the model's classes the two types allow, computed once per model and type pair. */
const allowedMasks = new WeakMap<PairModel, Map<string, Uint8Array>>();
function allowedMask(model: PairModel, first: EntityType, second: EntityType): Uint8Array {
  let byTypes = allowedMasks.get(model);
  if (!byTypes) allowedMasks.set(model, (byTypes = new Map()));
  const key = `${first}|${second}`;
  let mask = byTypes.get(key);
  if (!mask) byTypes.set(key, (mask = Uint8Array.from(model.classes, (c) => (classAllowed(c, first, second) ? 1 : 0))));
  return mask;
}

/** Scores of every class for the features (classes the parties' types rule out get -Infinity). */
export function scorePair(model: PairModel, features: string[], first: EntityType, second: EntityType, into?: Float64Array): Float64Array {
  const n = model.classes.length;
  const s = into && into.length === n ? into.fill(0) : new Float64Array(n);
  for (const f of features) {
    const w = model.weights.get(f);
    if (!w) continue;
    for (let c = 0; c < n; c++) s[c] += w[c];
  }
  const mask = allowedMask(model, first, second);
  for (let c = 0; c < n; c++) if (!mask[c]) s[c] = -Infinity;
  return s;
}

/** The best relation class for the pair and its margin over 'none', or null when 'none' wins. */
let scratch = new Float64Array(0);
export function classifyPair(model: PairModel, features: string[], first: EntityType, second: EntityType): { cls: PairClass; margin: number } | null {
  if (scratch.length !== model.classes.length) scratch = new Float64Array(model.classes.length);
  const s = scorePair(model, features, first, second, scratch);
  let best = 0;
  for (let c = 1; c < s.length; c++) if (s[c] > s[best]) best = c;
  if (best === 0) return null;
  const margin = s[best] - s[0];
  return margin > model.threshold ? { cls: model.classes[best], margin } : null;
}

/** The features that argued most for the class over 'none', with their weight: the explanation of a proposal. */
export function explainPair(model: PairModel, features: string[], cls: PairClass, top = 3): { feature: string; weight: number }[] {
  const c = model.classes.indexOf(cls);
  if (c <= 0) return [];
  const out: { feature: string; weight: number }[] = [];
  for (const f of new Set(features)) {
    const w = model.weights.get(f);
    if (w && w[c] - w[0] > 0) out.push({ feature: f, weight: w[c] - w[0] });
  }
  return out.sort((a, b) => b.weight - a.weight).slice(0, top);
}

/** The model file shipped in the repository (models/relations/pairs.json). */
export const DEFAULT_PAIR_MODEL = join(shippedModelDir('relations'), 'pairs.json');

interface PairModelFile {
  format: 'skein-pairs';
  version: 1;
  classes: PairClass[];
  threshold: number;
  /** feature -> [class index, weight] pairs (only the non-zero ones). */
  weights: Record<string, [number, number][]>;
}

let cached: PairModel | null | undefined;

/** The shipped model, or null (patterns alone) when the file is missing. A malformed file is an error that names it. */
export function loadPairModel(file: string = DEFAULT_PAIR_MODEL): PairModel | null {
  if (file === DEFAULT_PAIR_MODEL && cached !== undefined) return cached;
  if (!existsSync(file)) {
    if (file === DEFAULT_PAIR_MODEL) cached = null;
    return null;
  }
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<PairModelFile>;
  if (raw.format !== 'skein-pairs' || raw.version !== 1 || !Array.isArray(raw.classes) || typeof raw.threshold !== 'number' || typeof raw.weights !== 'object' || !raw.weights)
    throw new Error(`${file}: not a skein pair model (format "skein-pairs", version 1, with classes, threshold and weights); retrain it with "npm run train:relations"`);
  const known = new Set<string>(allClasses());
  for (const c of raw.classes) if (!known.has(c)) throw new Error(`${file}: unknown class "${c}" (the schema's relation types changed; retrain with "npm run train:relations")`);
  const weights = new Map<string, Float32Array>();
  for (const [f, pairs] of Object.entries(raw.weights)) {
    const w = new Float32Array(raw.classes.length);
    for (const [c, v] of pairs) w[c] = v;
    weights.set(f, w);
  }
  const model: PairModel = { version: 1, classes: raw.classes, weights, threshold: raw.threshold };
  if (file === DEFAULT_PAIR_MODEL) cached = model;
  return model;
}

/** The model as the JSON file `loadPairModel` reads (weights rounded, zeros left out). */
export function serializePairModel(model: PairModel): string {
  const weights: Record<string, [number, number][]> = {};
  for (const [f, w] of [...model.weights].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const pairs: [number, number][] = [];
    w.forEach((v, c) => { const r = Math.round(v * 1000) / 1000; if (r !== 0) pairs.push([c, r]); });
    if (pairs.length) weights[f] = pairs;
  }
  const file: PairModelFile = { format: 'skein-pairs', version: 1, classes: model.classes, threshold: model.threshold, weights };
  return JSON.stringify(file);
}

/** One training example: a pair's features, the parties' types and the classes that are right for it. */
export interface PairExample {
  features: string[];
  first: EntityType;
  second: EntityType;
  /** Every acceptable class (the gold may list several types for one tie); ['none'] when the parties are not related. */
  labels: PairClass[];
}

/**
 * Multi-class averaged perceptron (Collins 2002), deterministic: examples are visited in a fixed
 * shuffled order per epoch; only classes the parties' types allow compete.
 */
export function trainPairModel(examples: PairExample[], epochs = 12, seed = 7): PairModel {
  const classes = allClasses();
  const index = new Map(classes.map((c, i) => [c, i]));
  const n = classes.length;
  const w = new Map<string, Float64Array>();
  const acc = new Map<string, Float64Array>(); // sum of step * update, for averaging
  let step = 1;
  const get = (m: Map<string, Float64Array>, f: string) => {
    let v = m.get(f);
    if (!v) { v = new Float64Array(n); m.set(f, v); }
    return v;
  };
  const order = examples.map((_, i) => i);
  let state = seed;
  const rand = () => { state = (state * 1103515245 + 12345) % 2147483648; return state / 2147483648; };
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    for (const oi of order) {
      const ex = examples[oi];
      const ok = new Set(ex.labels.map((l) => index.get(l)!));
      const s = new Float64Array(n);
      for (const f of ex.features) { const v = w.get(f); if (v) for (let c = 0; c < n; c++) s[c] += v[c]; }
      let best = -1;
      let gold = -1; // the best-scoring acceptable class: the one to move toward
      for (let c = 0; c < n; c++) {
        if (!classAllowed(classes[c], ex.first, ex.second)) continue;
        if (ok.has(c) && (gold < 0 || s[c] > s[gold])) gold = c;
        if (best < 0 || s[c] > s[best]) best = c;
      }
      if (gold < 0) { step++; continue; }
      if (!ok.has(best)) {
        for (const f of ex.features) {
          const v = get(w, f), a = get(acc, f);
          v[gold] += 1; a[gold] += step;
          v[best] -= 1; a[best] -= step;
        }
      }
      step++;
    }
  }
  const weights = new Map<string, Float32Array>();
  for (const [f, v] of w) {
    const a = acc.get(f)!;
    const out = new Float32Array(n);
    for (let c = 0; c < n; c++) out[c] = v[c] - a[c] / step;
    weights.set(f, out);
  }
  return { version: 1, classes, weights, threshold: 0 };
}
