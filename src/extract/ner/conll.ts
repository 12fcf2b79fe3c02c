// Readers for the CoNLL-style NER corpora under ../shared/data/ner (training and evaluation only).
import { readFileSync } from 'node:fs';

export interface NerSentence {
  words: string[];
  /** IOB2 labels. */
  labels: string[];
}
export interface NerDocument {
  sentences: NerSentence[];
}

/** Reads a CoNLL-2003 file ("word POS chunk NER" or "word NER"), split into documents at -DOCSTART-. */
export function readConll(path: string): NerDocument[] {
  const text = readFileSync(path, 'utf8');
  const docs: NerDocument[] = [];
  let doc: NerDocument = { sentences: [] };
  let sent: NerSentence = { words: [], labels: [] };
  const flushSent = () => {
    if (sent.words.length) doc.sentences.push(sent);
    sent = { words: [], labels: [] };
  };
  const flushDoc = () => {
    flushSent();
    if (doc.sentences.length) docs.push(doc);
    doc = { sentences: [] };
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) {
      flushSent();
      continue;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      flushDoc();
      continue;
    }
    sent.words.push(cols[0]!);
    sent.labels.push(toIob2(cols[cols.length - 1]!, sent.labels[sent.labels.length - 1]));
  }
  flushDoc();
  return docs;
}

function toIob2(label: string, prev: string | undefined): string {
  if (label.startsWith('I-') && (!prev || prev === 'O' || prev.slice(2) !== label.slice(2)))
    return 'B-' + label.slice(2);
  return label;
}

/** Reads the GMB Kaggle CSV (Windows-1252) into documents of up to `perDoc` sentences. */
export function readGmb(path: string, map: Record<string, string | null>, perDoc = 10): NerDocument[] {
  const text = readFileSync(path, 'latin1');
  const docs: NerDocument[] = [];
  let doc: NerDocument = { sentences: [] };
  let sent: NerSentence | null = null;
  const lines = text.split(/\r?\n/);
  for (let li = 1; li < lines.length; li++) {
    const line = lines[li]!;
    if (!line) continue;
    // Sentence #,Word,POS,Tag  (Word may contain commas inside quotes)
    const m = /^(Sentence: \d+)?,("(?:[^"]|"")*"|[^,]*),([^,]*),([^,]*)$/.exec(line);
    if (!m) continue;
    if (m[1]) {
      if (sent && sent.words.length) doc.sentences.push(sent);
      if (doc.sentences.length >= perDoc) {
        docs.push(doc);
        doc = { sentences: [] };
      }
      sent = { words: [], labels: [] };
    }
    if (!sent) continue;
    let w = m[2]!;
    if (w.startsWith('"')) w = w.slice(1, -1).replace(/""/g, '"');
    const tag = m[4]!;
    let label = 'O';
    if (tag !== 'O') {
      const ty = map[tag.slice(2)];
      label = ty ? tag.slice(0, 2) + ty : 'O';
    }
    sent.words.push(w);
    sent.labels.push(toIob2(label, sent.labels[sent.labels.length - 1]));
  }
  if (sent && sent.words.length) doc.sentences.push(sent);
  if (doc.sentences.length) docs.push(doc);
  return docs;
}

/** Entity-level exact-match scoring (conlleval convention). */
export interface Scores {
  perType: Record<string, { tp: number; fp: number; fn: number }>;
}

export function newScores(): Scores {
  return { perType: {} };
}

export function scoreSentence(
  s: Scores,
  gold: { start: number; end: number; type: string }[],
  pred: { start: number; end: number; type: string }[],
): void {
  const key = (x: { start: number; end: number; type: string }) => `${x.start}:${x.end}:${x.type}`;
  const g = new Set(gold.map(key));
  const p = new Set(pred.map(key));
  const bump = (ty: string, f: 'tp' | 'fp' | 'fn') => {
    const e = (s.perType[ty] ??= { tp: 0, fp: 0, fn: 0 });
    e[f]++;
  };
  for (const x of pred) bump(x.type, g.has(key(x)) ? 'tp' : 'fp');
  for (const x of gold) if (!p.has(key(x))) bump(x.type, 'fn');
}

export function prf(c: { tp: number; fp: number; fn: number }): { p: number; r: number; f: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return { p: 100 * p, r: 100 * r, f: 100 * f };
}

export function totals(s: Scores): { tp: number; fp: number; fn: number } {
  const t = { tp: 0, fp: 0, fn: 0 };
  for (const v of Object.values(s.perType)) {
    t.tp += v.tp;
    t.fp += v.fp;
    t.fn += v.fn;
  }
  return t;
}
