// Re-DocRED (revised DocRED) scoring helpers for `npm run eval:relations`: rebuild raw text
// from DocRED's tokens with a token -> character map, map the Wikidata relations that have a
// counterpart in our schema onto our types, and match our extraction against the gold labels.
// Kept apart from the script so that test/eval can run them on a small example of our own.
import { normalizeName, relationSpec } from '../src/schema/index.js';
import type { RelationType } from '../src/schema/index.js';
import type { Extraction } from '../src/extract/types.js';

// ---------------------------------------------------------------------------------------------
// The DocRED document shape

export interface DocredMention {
  name: string;
  sent_id: number;
  /** Token offsets in sents[sent_id], end exclusive. */
  pos: [number, number];
  type: string;
}

export interface DocredLabel {
  h: number;
  t: number;
  /** Wikidata property id, e.g. "P463". */
  r: string;
  evidence?: number[];
}

export interface DocredDocument {
  title: string;
  sents: string[][];
  vertexSet: DocredMention[][];
  labels?: DocredLabel[];
}

/** Checks the fields we read, naming the document and field that is wrong. */
export function checkDocument(doc: unknown, where: string): DocredDocument {
  const d = doc as Partial<DocredDocument> | null;
  if (!d || typeof d !== 'object') throw new Error(`${where}: not an object`);
  if (!Array.isArray(d.sents) || !d.sents.every((s) => Array.isArray(s) && s.every((t) => typeof t === 'string'))) {
    throw new Error(`${where}: field "sents" must be a list of token lists`);
  }
  if (!Array.isArray(d.vertexSet)) throw new Error(`${where}: field "vertexSet" must be a list`);
  d.vertexSet.forEach((v, i) => {
    if (!Array.isArray(v)) throw new Error(`${where}: vertexSet[${i}] must be a list of mentions`);
    v.forEach((m, j) => {
      const ok = m && typeof m.sent_id === 'number' && Array.isArray(m.pos) && m.pos.length === 2
        && d.sents![m.sent_id] !== undefined && m.pos[0] >= 0 && m.pos[0] < m.pos[1] && m.pos[1] <= d.sents![m.sent_id].length;
      if (!ok) throw new Error(`${where}: vertexSet[${i}][${j}] needs sent_id and pos [start, end) inside that sentence`);
    });
  });
  if (d.labels !== undefined && !Array.isArray(d.labels)) throw new Error(`${where}: field "labels" must be a list`);
  for (const [k, l] of (d.labels ?? []).entries()) {
    if (typeof l?.h !== 'number' || typeof l.t !== 'number' || typeof l.r !== 'string'
      || !d.vertexSet[l.h] || !d.vertexSet[l.t]) {
      throw new Error(`${where}: labels[${k}] needs h and t (vertexSet indices) and r (a Wikidata id)`);
    }
  }
  return { title: typeof d.title === 'string' ? d.title : where, sents: d.sents, vertexSet: d.vertexSet, labels: d.labels ?? [] };
}

// ---------------------------------------------------------------------------------------------
// Detokenisation

export interface Detokenized {
  text: string;
  /** tokenStart[s][i], tokenEnd[s][i]: character span of token i of sentence s in text. */
  tokenStart: number[][];
  tokenEnd: number[][];
}

const NO_SPACE_BEFORE = /^(?:[,.;:!?%)\]}]|\.\.\.|'s|'S|'re|'ve|'ll|'d|'m|n't|'|’s|’)$/;
const NO_SPACE_AFTER = /^[([{$£€]$/;

/**
 * Rebuilds readable text from DocRED tokens: no space before closing punctuation (, . ; : ! ? ) ]
 * % and clitics such as 's and n't), none after an opening bracket, straight double quotes
 * alternately opening (space before, none after) and closing (none before) within a sentence, a hyphen after a
 * word or number joined on both sides. Sentences are joined by one space. Returns the character
 * span of every token (blank tokens get an empty span).
 */
export function detokenize(sents: readonly (readonly string[])[]): Detokenized {
  let text = '';
  const tokenStart: number[][] = [];
  const tokenEnd: number[][] = [];
  let quoteOpen = false;
  let glueNext = true; // no space before the first token
  for (const sent of sents) {
    const starts: number[] = [];
    const ends: number[] = [];
    quoteOpen = false; // an unbalanced quote upsets one sentence at most
    for (const raw of sent) {
      const tok = raw.replace(/\s+/g, ' ').trim();
      if (tok === '') {
        // A blank token (DocRED has a few non-breaking spaces) adds no text: an empty span.
        starts.push(text.length);
        ends.push(text.length);
        continue;
      }
      let glue = glueNext;
      glueNext = false;
      if (tok === '"' || tok === '``' || tok === "''") {
        if (quoteOpen) glue = true; else glueNext = true;
        quoteOpen = !quoteOpen;
      } else if (NO_SPACE_BEFORE.test(tok)) {
        glue = true;
      } else if (tok === '-' && text.length > 0 && /[\p{L}\p{N}]$/u.test(text)) {
        // Wikipedia's hyphenated words come split ("Sixty - third"): join them again.
        glue = true;
        glueNext = true;
      }
      if (NO_SPACE_AFTER.test(tok)) glueNext = true;
      if (!glue && text.length > 0) text += ' ';
      starts.push(text.length);
      text += tok;
      ends.push(text.length);
    }
    tokenStart.push(starts);
    tokenEnd.push(ends);
  }
  return { text, tokenStart, tokenEnd };
}

// ---------------------------------------------------------------------------------------------
// The mapping from Wikidata relations onto ours

export interface RelationMapping {
  /** Wikidata property id. */
  id: string;
  /** Its Re-DocRED name. */
  label: string;
  /** Our types that count as this relation. */
  ours: readonly RelationType[];
  /**
   * true: our source is the gold tail and our target the gold head (e.g. P112 founded by is
   * (org, founder); ours is founder_of(founder, org)). Ignored for symmetric types of ours.
   */
  reversed: boolean;
  note: string;
}

/** The list: the main table. */
export const MAIN_MAPPINGS: readonly RelationMapping[] = [
  { id: 'P463', label: 'member of', ours: ['member_of'], reversed: false, note: '(member, organization) = member_of(member, org)' },
  { id: 'P112', label: 'founded by', ours: ['founder_of'], reversed: true, note: '(org, founder) = founder_of(founder, org)' },
  { id: 'P488', label: 'chairperson', ours: ['leader_of'], reversed: true, note: '(org, chair) = leader_of(chair, org)' },
  { id: 'P26', label: 'spouse', ours: ['family_of'], reversed: false, note: 'family_of, either direction' },
  { id: 'P40', label: 'child', ours: ['family_of'], reversed: false, note: 'family_of, either direction' },
  { id: 'P3373', label: 'sibling', ours: ['family_of'], reversed: false, note: 'family_of, either direction' },
  { id: 'P22', label: 'father', ours: ['family_of'], reversed: false, note: 'family_of, either direction' },
  { id: 'P25', label: 'mother', ours: ['family_of'], reversed: false, note: 'family_of, either direction' },
  { id: 'P551', label: 'residence', ours: ['located_in'], reversed: false, note: '(person, place) = located_in(person, place)' },
  { id: 'P159', label: 'headquarters location', ours: ['located_in'], reversed: false, note: '(org, place) = located_in(org, place)' },
  { id: 'P276', label: 'location', ours: ['located_in'], reversed: false, note: '(item, place) = located_in(item, place)' },
  { id: 'P710', label: 'participant', ours: ['perpetrator_of', 'victim_of', 'claimed_responsibility'], reversed: true,
    note: '(event, participant) = perpetrator_of / victim_of / claimed_responsibility(participant, event)' },
];

/** Near relations scored apart, not in the main totals. */
export const EXTRA_MAPPINGS: readonly RelationMapping[] = [
  { id: 'P102', label: 'member of political party', ours: ['member_of'], reversed: false, note: '(person, party) = member_of(person, party)' },
  { id: 'P108', label: 'employer', ours: ['member_of'], reversed: false, note: '(employee, employer) = member_of(employee, org)' },
];

// ---------------------------------------------------------------------------------------------
// Matching

export interface CharSpan { start: number; end: number }

/** Character spans and normalised names of every gold vertex's mentions. */
export interface GoldVertex {
  spans: CharSpan[];
  names: Set<string>;
}

export function goldVertices(doc: DocredDocument, detok: Detokenized): GoldVertex[] {
  return doc.vertexSet.map((mentions) => ({
    spans: mentions.map((m) => ({
      start: detok.tokenStart[m.sent_id][m.pos[0]],
      end: detok.tokenEnd[m.sent_id][m.pos[1] - 1],
    })),
    names: new Set(mentions.map((m) => normalizeName(m.name)).filter(Boolean)),
  }));
}

const overlaps = (a: CharSpan, b: CharSpan): boolean => a.start < b.end && b.start < a.end;

/**
 * Gold vertices each of our entities stands for: any of its mention spans overlaps any mention of
 * the vertex, or its name or one of its aliases equals (after normalizeName) a mention's name.
 */
export function entityVertexMatches(extraction: Extraction, gold: readonly GoldVertex[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const e of extraction.entities) {
    const names = [e.name, ...e.aliases].map(normalizeName).filter(Boolean);
    const hits = new Set<number>();
    gold.forEach((v, i) => {
      if (names.some((n) => v.names.has(n)) || e.mentions.some((m) => v.spans.some((s) => overlaps(m, s)))) hits.add(i);
    });
    out.set(e.id, hits);
  }
  return out;
}

export interface Counts {
  /** Gold labels (deduplicated) of the Wikidata id, or of the ids mapped onto our type. */
  gold: number;
  /** Predictions counted for precision. */
  pred: number;
  /** Of those, predictions that matched a gold label. */
  tp: number;
  /** Gold labels found (for our types: found by a prediction of that type). */
  found: number;
}

export interface DocumentScore {
  /** Per Wikidata id: gold labels (deduplicated), candidate predictions, matches. */
  byId: Map<string, Counts>;
  /** Per our type: scored predictions (both ends on gold vertices), of which matched a gold label. */
  byType: Map<string, Counts>;
  /** Predictions of mapped types with an end on no gold vertex (not scored). */
  unscored: Map<string, number>;
  /**
   * Scored predictions that matched no label of a mapped id, keyed "type<TAB>P-id" by the gold
   * relations Re-DocRED has between the same two entities (either direction), "none" if none.
   */
  misses: Map<string, number>;
}

function isSymmetric(type: RelationType): boolean {
  return relationSpec(type).symmetric;
}

/**
 * Scores one document. A prediction matches a gold label (h, t, r) when its type is one r maps
 * onto and its ends stand for h and t in the mapped direction (either way for symmetric types).
 * Gold labels are deduplicated (by unordered pair where every type r maps onto is symmetric); a
 * gold label is found at most once and a prediction finds at most one label per Wikidata id
 * (maximum bipartite matching). Precision only counts predictions whose two ends both stand for
 * some gold vertex: Re-DocRED annotates only its own entities, so a relation between entities it
 * does not annotate is neither right nor wrong here.
 */
export function scoreDocument(
  doc: DocredDocument,
  extraction: Extraction,
  mappings: readonly RelationMapping[],
  gold: readonly GoldVertex[] = goldVertices(doc, detokenize(doc.sents)),
): DocumentScore {
  const vertexOf = entityVertexMatches(extraction, gold);
  const mappedTypes = new Set<string>(mappings.flatMap((m) => m.ours));
  const byId = new Map<string, Counts>(mappings.map((m) => [m.id, { gold: 0, pred: 0, tp: 0, found: 0 }]));
  const byType = new Map<string, Counts>([...mappedTypes].map((t) => [t, { gold: 0, pred: 0, tp: 0, found: 0 }]));
  const unscored = new Map<string, number>();

  const preds = extraction.relations
    .map((r, i) => ({ i, r, s: vertexOf.get(r.source) ?? new Set<number>(), t: vertexOf.get(r.target) ?? new Set<number>() }))
    .filter((p) => mappedTypes.has(p.r.type));
  const scored = preds.filter((p) => p.s.size > 0 && p.t.size > 0);
  for (const p of preds) if (!(p.s.size > 0 && p.t.size > 0)) unscored.set(p.r.type, (unscored.get(p.r.type) ?? 0) + 1);

  const matchedPred = new Set<number>();
  const matchedPredPerId = new Map<string, Set<number>>();
  for (const m of mappings) {
    const allSymmetric = m.ours.every(isSymmetric);
    const seen = new Set<string>();
    const labels: DocredLabel[] = [];
    for (const l of doc.labels ?? []) {
      if (l.r !== m.id || l.h === l.t) continue;
      const key = allSymmetric ? [Math.min(l.h, l.t), Math.max(l.h, l.t)].join('-') : `${l.h}-${l.t}`;
      if (seen.has(key)) continue;
      seen.add(key);
      labels.push(l);
    }
    const candidates = scored.filter((p) => (m.ours as readonly string[]).includes(p.r.type));
    const fits = (p: (typeof scored)[number], l: DocredLabel): boolean => {
      const forward = m.reversed ? p.s.has(l.t) && p.t.has(l.h) : p.s.has(l.h) && p.t.has(l.t);
      if (forward) return true;
      if (!isSymmetric(p.r.type)) return false;
      return m.reversed ? p.s.has(l.h) && p.t.has(l.t) : p.s.has(l.t) && p.t.has(l.h);
    };
    // Maximum bipartite matching between gold labels and candidate predictions (augmenting paths).
    const owner = new Map<number, number>(); // candidate index -> label index
    const tryLabel = (li: number, visited: Set<number>): boolean => {
      for (let ci = 0; ci < candidates.length; ci++) {
        if (visited.has(ci) || !fits(candidates[ci], labels[li])) continue;
        visited.add(ci);
        const prev = owner.get(ci);
        if (prev === undefined || tryLabel(prev, visited)) {
          owner.set(ci, li);
          return true;
        }
      }
      return false;
    };
    let found = 0;
    for (let li = 0; li < labels.length; li++) if (tryLabel(li, new Set())) found++;
    const mine = new Set<number>();
    for (const ci of owner.keys()) mine.add(candidates[ci].i);
    matchedPredPerId.set(m.id, mine);
    for (const i of mine) matchedPred.add(i);
    const c = byId.get(m.id)!;
    c.gold += labels.length;
    c.tp += found;
    c.found += found;
    for (const t of m.ours) byType.get(t)!.gold += labels.length;
    for (const ci of owner.keys()) byType.get(candidates[ci].r.type)!.found++;
  }
  // Candidates per id: scored predictions of its types that did not match a label of another id.
  for (const m of mappings) {
    const c = byId.get(m.id)!;
    for (const p of scored) {
      if (!(m.ours as readonly string[]).includes(p.r.type)) continue;
      const elsewhere = !matchedPredPerId.get(m.id)!.has(p.i)
        && [...matchedPredPerId].some(([id, set]) => id !== m.id && set.has(p.i));
      if (!elsewhere) c.pred++;
    }
  }
  const misses = new Map<string, number>();
  for (const p of scored) {
    const c = byType.get(p.r.type)!;
    c.pred++;
    if (matchedPred.has(p.i)) {
      c.tp++;
      continue;
    }
    const ids = new Set((doc.labels ?? [])
      .filter((l) => (p.s.has(l.h) && p.t.has(l.t)) || (p.s.has(l.t) && p.t.has(l.h)))
      .map((l) => l.r));
    if (ids.size === 0) ids.add('none');
    for (const id of ids) misses.set(`${p.r.type}\t${id}`, (misses.get(`${p.r.type}\t${id}`) ?? 0) + 1);
  }
  return { byId, byType, unscored, misses };
}

export function addCounts(into: Map<string, Counts>, from: Map<string, Counts>): void {
  for (const [k, c] of from) {
    const t = into.get(k) ?? { gold: 0, pred: 0, tp: 0, found: 0 };
    t.gold += c.gold;
    t.pred += c.pred;
    t.tp += c.tp;
    t.found += c.found;
    into.set(k, t);
  }
}

/** Precision tp/pred, recall found/gold, F1. */
export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.pred > 0 ? c.tp / c.pred : 0;
  const r = c.gold > 0 ? c.found / c.gold : 0;
  const f1 = p + r > 0 ? (2 * p * r) / (p + r) : 0;
  return { p, r, f1 };
}
