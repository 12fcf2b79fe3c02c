// A small annotated corpus for the API tests, written for them: each document's text with the
// entities and relations a reader finds in it. `buildStore` stores them through the real
// repository (resolution, FTS, mentions), so the API reads what ingest would have written.
import { createHash } from 'node:crypto';
import type { EntityType, EventKind, Modality, RelationType } from '../../src/schema/index.js';
import type { Extraction, ExtractedEntity, Sentence } from '../../src/extract/types.js';
import { resolveExtraction } from '../../src/resolve/index.js';
import { openStore } from '../../src/store/index.js';
import type { Repository } from '../../src/store/types.js';

interface EntitySpec { name: string; type: EntityType; aliases?: string[]; event?: { kind?: EventKind; date?: string; place?: string } }
interface RelationSpec { type: RelationType; source: string; target: string; modality?: Modality; attributedTo?: string }
export interface AnnotatedDocument { title: string; published: string | null; text: string; entities: EntitySpec[]; relations: RelationSpec[] }

export const CORPUS: AnnotatedDocument[] = [
  {
    title: 'Harbour cell leader sentenced',
    published: '2019-03-14',
    text: 'Tomas Verlaine, the leader of the Harbour Cell, was sentenced in Rotterdam on Thursday.\n\n' +
      'Prosecutors said Verlaine founded the Harbour Cell in 2012. Anna Kessler was a member of the Harbour Cell.\n\n' +
      'The court heard that the group was investigated by Europol for years.',
    entities: [
      { name: 'Tomas Verlaine', type: 'Person', aliases: ['Verlaine'] },
      { name: 'Harbour Cell', type: 'Organization' },
      { name: 'Anna Kessler', type: 'Person' },
      { name: 'Rotterdam', type: 'Location' },
      { name: 'Europol', type: 'Organization' },
    ],
    relations: [
      { type: 'leader_of', source: 'Tomas Verlaine', target: 'Harbour Cell' },
      { type: 'founder_of', source: 'Tomas Verlaine', target: 'Harbour Cell', modality: 'reported', attributedTo: 'Prosecutors' },
      { type: 'member_of', source: 'Anna Kessler', target: 'Harbour Cell' },
      { type: 'investigated_by', source: 'Harbour Cell', target: 'Europol' },
      { type: 'located_in', source: 'Harbour Cell', target: 'Rotterdam' },
    ],
  },
  {
    title: 'Port bombing: what we know',
    published: '2018-06-02',
    text: 'A bomb exploded at the ferry terminal in Rotterdam on 1 June 2018. The Harbour Cell claimed the Rotterdam ferry bombing.\n\n' +
      'Anna Kessler may have helped plan the Rotterdam ferry bombing, officials said. Marek Dobos was not a member of the Harbour Cell.\n\n' +
      'Kessler is a cousin of Marek Dobos. <script>alert(1)</script> was found written on a wall, with <img src=x onerror=alert(2)>.',
    entities: [
      { name: 'Rotterdam ferry bombing', type: 'Event', event: { kind: 'bombing', date: '2018-06-01', place: 'Rotterdam' } },
      { name: 'Rotterdam', type: 'Location' },
      { name: 'Harbour Cell', type: 'Organization' },
      { name: 'Anna Kessler', type: 'Person', aliases: ['Kessler'] },
      { name: 'Marek Dobos', type: 'Person' },
    ],
    relations: [
      { type: 'claimed_responsibility', source: 'Harbour Cell', target: 'Rotterdam ferry bombing' },
      { type: 'perpetrator_of', source: 'Anna Kessler', target: 'Rotterdam ferry bombing', modality: 'hedged' },
      { type: 'member_of', source: 'Marek Dobos', target: 'Harbour Cell', modality: 'negated' },
      { type: 'family_of', source: 'Anna Kessler', target: 'Marek Dobos' },
      { type: 'located_in', source: 'Rotterdam ferry bombing', target: 'Rotterdam' },
    ],
  },
  {
    title: 'Europol report names Kessler',
    published: '2020-01-20',
    text: 'Anna Kessler remained a member of the Harbour Cell, a Europol report said. She lived in Antwerp before moving to Rotterdam.',
    entities: [
      { name: 'Anna Kessler', type: 'Person', aliases: ['She'] },
      { name: 'Harbour Cell', type: 'Organization' },
      { name: 'Europol', type: 'Organization' },
      { name: 'Antwerp', type: 'Location' },
      { name: 'Rotterdam', type: 'Location' },
    ],
    relations: [
      { type: 'member_of', source: 'Anna Kessler', target: 'Harbour Cell', modality: 'reported', attributedTo: 'Europol' },
      { type: 'located_in', source: 'Anna Kessler', target: 'Antwerp' },
    ],
  },
];

function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^.!?\n]+[.!?]?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (!body) continue;
    out.push({ index: out.length, start: m.index + lead, end: m.index + lead + body.length, text: body });
  }
  return out;
}

export function annotate(doc: AnnotatedDocument): Extraction {
  const sentences = sentencesOf(doc.text);
  const sentenceAt = (offset: number) => sentences.findIndex((s) => offset >= s.start && offset < s.end);
  const ids = new Map(doc.entities.map((e, i) => [e.name, `e${i + 1}`]));
  const entities: ExtractedEntity[] = doc.entities.map((e) => {
    const mentions = [];
    const names = [e.name, ...(e.aliases ?? [])];
    const taken: [number, number][] = [];
    for (const name of names) {
      for (let at = doc.text.indexOf(name); at !== -1; at = doc.text.indexOf(name, at + 1)) {
        if (taken.some(([s, t]) => at < t && at + name.length > s)) continue;
        taken.push([at, at + name.length]);
        mentions.push({ start: at, end: at + name.length, text: name, sentence: sentenceAt(at), rule: 'test:annotated' });
      }
    }
    if (!mentions.length) throw new Error(`fixture: "${e.name}" is not in "${doc.title}"`);
    mentions.sort((a, b) => a.start - b.start);
    return {
      id: ids.get(e.name)!, type: e.type, name: e.name, aliases: e.aliases ?? [], mentions, confidence: 0.9,
      ...(e.event ? { event: { ...e.event, place: e.event.place ? ids.get(e.event.place) : undefined } } : {}),
    };
  });
  const byId = new Map(entities.map((e) => [e.id, e]));
  const relations = doc.relations.map((r) => {
    const s = byId.get(ids.get(r.source)!)!, t = byId.get(ids.get(r.target)!)!;
    // The first sentence that mentions both ends is the evidence.
    const sentence = sentences.find((sen) => s.mentions.some((m) => m.sentence === sen.index) && t.mentions.some((m) => m.sentence === sen.index))
      ?? sentences[t.mentions[0]!.sentence]!;
    const sm = s.mentions.find((m) => m.sentence === sentence.index), tm = t.mentions.find((m) => m.sentence === sentence.index);
    return {
      type: r.type, source: s.id, target: t.id, modality: r.modality ?? 'asserted', attributedTo: r.attributedTo,
      evidence: { start: sentence.start, end: sentence.end, sentence: sentence.index, text: sentence.text },
      sourceMention: sm && { start: sm.start, end: sm.end }, targetMention: tm && { start: tm.start, end: tm.end },
      rule: 'test:annotated', confidence: 0.8,
    };
  });
  return { extractor: { name: 'annotated-fixture', version: '1' }, sentences, entities, relations };
}

/** A store at `path` holding the corpus. */
export async function buildStore(path: string, corpus = CORPUS): Promise<Repository> {
  const store = openStore(path);
  for (const doc of corpus) {
    const bytes = Buffer.from(doc.text);
    const extraction = annotate(doc);
    await store.addDocument({
      sha256: createHash('sha256').update(bytes).digest('hex'), title: doc.title, published: doc.published,
      origin: `fixture:${doc.title}`, mediaType: 'text/plain', text: doc.text, byteLength: bytes.length,
    }, extraction, resolveExtraction(extraction));
  }
  return store;
}
