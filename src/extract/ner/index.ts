// Named-entity recognition for the extract stage: a perceptron tagger trained on CoNLL-2003 by
// `npm run train:ner`, shipped as weights under models/ner/. Pure TypeScript inference.
//
// Hand-written rather than a library: the JS library a user would reach for, compromise,
// scores entity F1 44.8 on the CoNLL-2003 test set (48.6 on PER/ORG/LOC alone) against
// the bar of 88 (issue 3), measured side by side by `npm run eval:ner`; no pure-JS library
// ships a trained CoNLL-grade tagger.
//
// Usage: const ner = loadNerModel(); ner.tag(tokens, { documentTokens }) gives IOB2 labels;
// pass the whole document's sentences (the same arrays) as documentTokens so the
// document-level pass can use how a name is labelled elsewhere in the document.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadModelFile, type NerModel } from './model.js';
import { shippedModelDir } from '../models.js';

export type { NerModel } from './model.js';
export { PerceptronNer } from './model.js';

export type NerType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface NerSpan {
  /** Token index of the first token. */
  start: number;
  /** Token index after the last token (exclusive). */
  end: number;
  type: NerType;
}

/** The model directory shipped in the repository (models/ner/). */
export const DEFAULT_MODEL_DIR = shippedModelDir('ner');
export const MODEL_FILE = 'model.bin';

const cache = new Map<string, NerModel>();

/** Loads (and caches) the NER model from a directory holding model.bin, or a model file path. */
export function loadNerModel(path: string = DEFAULT_MODEL_DIR): NerModel {
  const file = path.endsWith('.bin') ? resolve(path) : join(resolve(path), MODEL_FILE);
  const hit = cache.get(file);
  if (hit) return hit;
  if (!existsSync(file))
    throw new Error(`NER model not found: ${file} (train it with "npm run train:ner")`);
  const model = loadModelFile(file);
  cache.set(file, model);
  return model;
}

/** Entity spans from IOB2 (or IOB1) labels; an I- tag of another type starts a new span. */
export function spansFromTags(tags: string[]): NerSpan[] {
  const spans: NerSpan[] = [];
  let cur: NerSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (t === 'O' || t.length < 3) {
      if (cur) spans.push(cur);
      cur = null;
      continue;
    }
    const p = t[0];
    const ty = t.slice(2) as NerType;
    if (p === 'B' || !cur || cur.type !== ty) {
      if (cur) spans.push(cur);
      cur = { start: i, end: i + 1, type: ty };
    } else cur.end = i + 1;
  }
  if (cur) spans.push(cur);
  return spans;
}
