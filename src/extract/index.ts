// The extract stage: text in, entities and relations (each a claim with its evidence
// sentence, modality and the rule that produced it) out. Deterministic and offline.
//
//   tokens -> sentences -> dates -> named mentions (NER model + lexicon rules) -> name
//   resolution -> events -> coreference (one reading-order pass) -> relation patterns over
//   anchored sentences -> modality
import { endpointsAllowed, normalizeName, type EntityType, type RelationType } from '../schema/index.js';
import type {
  Evidence, ExtractedEntity, ExtractedRelation, Extraction, ExtractOptions, Mention, PairRecord,
} from './types.js';
import { tokenize, type Token } from './tokens.js';
import { splitSentences, type TokenSentence } from './sentences.js';
import { findDates, referenceDate } from './dates.js';
import { findMentions } from './mentions.js';
import { resolveNames, type WorkEntity } from './entities.js';
import { EVENT_TRIGGERS, findEventCandidates, kindFamily } from './events.js';
import { isGovernment, resolveReferences, typeLetter, type Anchor, type EventInfo } from './coref.js';
import { PATTERNS, ANCHOR_ID_RX, type Pattern } from './relations.js';
import { modalityOf } from './modality.js';
import { classifyPair, classRelation, explainPair, loadPairModel, pairFeatures, pairSentence, type PairClass, type PairModel, type PairSentence } from './pairs.js';
import { FUNCTION_WORDS, GROUP_FIRSTS, KNOWN_ORG_ALIASES, KNOWN_ORGS, PERSON_ROLE_NOUNS, PLACES, placeKey } from './lexicons.js';

export type { Extraction, ExtractOptions } from './types.js';

/** Relations stated inside one phrase (apposition, possessive, a name's place): hedges of the clause around them do not apply. */
const LOCAL_RULE_RX = /appos|possessive|premodifier|whose|org-role-name|org-title-name|implicit-group|located-event-place|located-of|resident-of|imam-of|known-as/;

/**
 * Two parties a few words apart with no verb between ("X, a Gothenburg preacher", "Germany's
 * ministry", "X (Y)"): one noun phrase, which states its tie itself; a "police said" around it
 * does not make the tie reported.
 */
function nounPhraseGap(shaped: string, from: number, to: number): boolean {
  const inner = shaped.slice(from, to).replace(/^⟦[^⟧]+⟧/, '').replace(/⟦[^⟧]+⟧$/, '');
  const words = inner.split(' ').filter(Boolean);
  return words.length <= 5 && !words.some((w) => /^(?:is|was|are|were|has|had|have|be|been|being|said|says|told|that|who|which|and|or|but|;)$/.test(w) || /[a-z]ed$/.test(w));
}

/** A match that is a name and an apposition describing it ("X, the founder of Y"). */
const APPOSITION_RX = /^⟦[^⟧]+⟧ , (?:the|a|an) (?:[^⟦⟧ ,]+ ){0,4}?(?:of|to|for|in) /;

const POLICE_RX = /\b(?:police|policing|constabulary|gendarmerie|FBI|MI5|AIVD|DGSI|BKA|Scotland Yard|Met|counter[- ]terrorism|security service|investigation|investigative)\b/i;

export const EXTRACTOR = { name: 'skein-rules', version: '0.2.0' } as const;

interface Shaped {
  text: string;
  /** For each anchor index in the sentence: its offset range in `text`. */
  anchorPos: [number, number][];
  /** Lexicon requirements of the patterns already tested on `text`, with their answers. */
  tested: Map<RegExp, boolean>;
}

function shape(tokens: Token[], sent: TokenSentence, anchors: Anchor[], entities: WorkEntity[]): Shaped {
  const parts: string[] = [];
  const anchorPos: [number, number][] = [];
  let len = 0;
  let ai = 0;
  for (let k = sent.tokStart; k < sent.tokEnd; k++) {
    let piece: string;
    if (ai < anchors.length && anchors[ai].s === k) {
      const a = anchors[ai];
      piece = `⟦${typeLetter(entities[a.entity].type)}${a.relative ? '^' : a.star ? '*' : ''}#${ai}⟧`;
      anchorPos.push([len + (parts.length ? 1 : 0), 0]);
      k = a.e - 1;
      ai++;
      // One phrase standing for several people ("the men"): written as a list of them.
      while (ai < anchors.length && anchors[ai].s === a.s) {
        const start = len + (parts.length ? 1 : 0) + piece.length + 5;
        piece += ` and ⟦${typeLetter(entities[anchors[ai].entity].type)}*#${ai}⟧`;
        anchorPos.push([start, 0]);
        ai++;
      }
      // A possessive pronoun reads like a possessive name ("his associate" = "X 's associate").
      const w = tokens[a.s].lower;
      if (a.star && a.e - a.s === 1 && (w === 'his' || w === 'their' || w === 'its'
        || (w === 'her' && tokens[a.e] && tokens[a.e].word && !tokens[a.e].cap && !FUNCTION_WORDS.has(tokens[a.e].lower)))) {
        piece += " 's";
      }
    } else if (tokens[k].text === ',' && ai > 0 && anchors[ai - 1].e === k && /^\d{1,3}$/.test(tokens[k + 1]?.text ?? '') && tokens[k + 2]?.text === ',') {
      // "Tariq Hussain, 27, ..." : an age apposition says nothing about ties; drop ", 27" (and
      // the second comma too before a verb: "Yasir Hamid, 41, taught at ...").
      const after = tokens[k + 3];
      k += after && after.word && !after.cap && !/^(?:a|an|the|who|which)$/.test(after.lower) ? 2 : 1;
      continue;
    } else if (tokens[k].text === '.' && tokens[k - 1] && /^\p{Lu}$/u.test(tokens[k - 1].text)) {
      // The full stop of an initial ("Hardi N., a ...") is part of the name.
      continue;
    } else if (/^[“”„"]$/.test(tokens[k].text)) {
      // Quotation marks carry no tie ("he was "a soldier of the Islamic State"").
      continue;
    } else {
      piece = tokens[k].lower.replace(/[‘’]/g, "'");
    }
    if (parts.length) len += 1;
    len += piece.length;
    if (piece.startsWith('⟦')) {
      const p = anchorPos[anchorPos.length - 1];
      p[1] = len - (piece.endsWith(" 's") ? 3 : 0);
      // Anchors of a list share the phrase's end.
      for (let q = anchorPos.length - 2; q >= 0 && anchorPos[q][1] === 0; q--) anchorPos[q][1] = p[1];
    }
    parts.push(piece);
  }
  return { text: parts.join(' '), anchorPos, tested: new Map() };
}

interface Draft {
  type: RelationType;
  source: number;
  target: number;
  sentence: number;
  from: number;
  to: number;
  rule: string;
  sourceAnchor?: Anchor;
  targetAnchor?: Anchor;
  modality?: 'reported';
  attributedAnchor?: number;
  confidence: number;
}

export function extract(text: string, options: ExtractOptions = {}): Extraction {
  if (typeof text !== 'string') throw new TypeError('extract: text must be a string');
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  const ref = referenceDate(options.documentDate ?? null);
  const dates = sentences.map((s) => findDates(s.text, ref));
  const mentions = findMentions(tokens, sentences);
  const { entities, entityOf } = resolveNames(text, tokens, mentions);
  // Events see only the mentions that became entities (an untyped capitalised word is text).
  const candidates = findEventCandidates(tokens, sentences, mentions.map((m, i) => (entityOf[i] >= 0 ? m : { s: -1, e: -1, type: 'none' })));
  const { anchors, events } = resolveReferences(text, tokens, sentences, mentions, entityOf, entities, candidates, dates);

  const drafts: Draft[] = [];
  const ctx: PatternContext = { entities, events, entityOf, drafts };
  /** The incident under discussion at the end of each sentence. */
  const incidentAt: number[] = [];
  const shapedAll: Shaped[] = [];
  let lastViolent = -1;
  let firstViolent = -1;
  outer: for (const list of anchors) {
    for (const a of list) if (entities[a.entity].type === 'Event' && kindFamily(events.get(a.entity)?.kind) === 'violence') { firstViolent = a.entity; break outer; }
  }
  // Which organisations are police or security bodies, and which government bodies (asked per sentence).
  const police = entities.map((e) => e.type === 'Organization' && e.names.some((n) => POLICE_RX.test(n)));
  const government = entities.map((e) => e.type === 'Organization' && isGovernment(e));
  for (const sent of sentences) {
    const list = anchors[sent.index];
    const sh = shape(tokens, sent, list, entities);
    shapedAll.push(sh);
    if (process.env.SKEIN_DEBUG_SHAPES) process.stderr.write(`[${sent.index}] ${sh.text}\n`);
    if (list.length < 1) continue;
    // The incident under discussion: the last violent event named so far, else the first one named.
    // The incident before this sentence; one named in it counts only for words after it.
    const before = lastViolent >= 0 ? lastViolent : firstViolent;
    const violentHere: { pos: number; entity: number }[] = [];
    list.forEach((a, ai) => {
      if (entities[a.entity].type === 'Event' && kindFamily(events.get(a.entity)?.kind) === 'violence') violentHere.push({ pos: sh.anchorPos[ai][0], entity: a.entity });
    });
    if (violentHere.length) lastViolent = violentHere[violentHere.length - 1].entity;
    const implicit = violentHere.length ? violentHere[0].entity : before;
    incidentAt[sent.index] = lastViolent >= 0 ? lastViolent : firstViolent;
    // The police or security body under discussion (named in this or the last three sentences).
    let agent = -1;
    for (let q = sent.index; q >= Math.max(0, sent.index - 3) && agent < 0; q--) {
      for (let i = anchors[q].length - 1; i >= 0; i--) {
        const en = entities[anchors[q][i].entity];
        if (police[anchors[q][i].entity]) { agent = anchors[q][i].entity; break; }
      }
    }
    // A relation needs two parties in the sentence, or one and the incident under discussion.
    const pair = list.length >= 2;
    // The body that designated people in this or the last three sentences ("OFAC on Thursday sanctioned").
    let designator = -1;
    for (let q = sent.index; q >= Math.max(0, sent.index - 3) && designator < 0; q--) {
      const text = q === sent.index ? sh.text : shapedAll[q].text;
      const dm = /⟦O[*^]?#(\d+)⟧ (?:\( ⟦O[*^]?#\d+⟧ \) )?(?:(?:on|last) [a-z]+ )?(?:[a-z]+ly )?(?:has |have |had )?(?:designated|sanctioned|blacklisted|listed|proscribed|added|imposed sanctions|placed sanctions)\b/.exec(text);
      if (dm) designator = anchors[q][Number(dm[1])].entity;
    }
    // The group the passage is about: the last one (not a government body) named in this or the last three sentences.
    let group = -1;
    for (let q = sent.index; q >= Math.max(0, sent.index - 3) && group < 0; q--) {
      for (let i = anchors[q].length - 1; i >= 0; i--) {
        const ei = anchors[q][i].entity;
        if (entities[ei].type === 'Organization' && !government[ei] && !police[ei]) { group = ei; break; }
      }
    }
    // Else a government body named in this or the last two sentences ("The order, laid before
    // Parliament by the Home Office, ...").
    for (let q = sent.index; q >= Math.max(0, sent.index - 2) && designator < 0; q--) {
      for (const a of anchors[q]) {
        if (government[a.entity] && !police[a.entity]) { designator = a.entity; break; }
      }
    }
    for (const p of PATTERNS) {
      if (p.implicitAgent) {
        const who = p.agentKind === 'designator' ? designator : p.agentKind === 'group' ? group : agent;
        if (who >= 0) runPattern(p, sh, list, sent.index, ctx, who);
      }
      else if (pair || (p.implicitEvent && implicit >= 0)) runPattern(p, sh, list, sent.index, ctx, implicit, violentHere, before);
    }
  }
  eventRelations(entities, events, entityOf, anchors, shapedAll, drafts);
  placeInRegion(tokens, entities, anchors, drafts);
  exemplification(sentences, anchors, shapedAll, entities, drafts, incidentAt);
  // Then the learned pair classifier on pairs no rule above has tied. Without a classifier, the
  // co-occurrence fallback ties people named together; with one, only its kin-by-surname part
  // stays (its other ties were mostly wrong: held-out relation F1 rose by about 0.02 without them).
  const pairModel = options.pairModel === undefined ? loadPairModel() : options.pairModel;
  modelTies(tokens, mentions, entities, events, police, government, anchors, shapedAll, drafts, pairModel, options.onPairs);
  fallbackTies(entities, anchors, shapedAll, drafts, pairModel !== null);

  return build(text, tokens, sentences, mentions, entityOf, entities, events, anchors, shapedAll, drafts);
}

function anchorsIn(group: string, list: Anchor[]): { anchor: Anchor; idx: number }[] {
  const out: { anchor: Anchor; idx: number }[] = [];
  for (const m of group.matchAll(ANCHOR_ID_RX)) {
    // In "A and his brother B" the possessor is not one of the listed parties.
    if (group.startsWith(" 's", m.index + m[0].length) && group.length > m.index + m[0].length + 3) continue;
    const idx = Number(m[3]);
    out.push({ anchor: list[idx], idx });
  }
  return out;
}

interface PatternContext {
  entities: WorkEntity[];
  events: Map<number, EventInfo>;
  entityOf: number[];
  drafts: Draft[];
}

function runPattern(p: Pattern, sh: Shaped, list: Anchor[], sentence: number, ctx: PatternContext, implicit: number,
  violentHere?: { pos: number; entity: number }[], implicitBefore = -1): void {
  const { entities, events, entityOf, drafts } = ctx;
  if ((p.implicitEvent || p.implicitAgent) && implicit < 0) return;
  for (const need of p.needs) {
    if (typeof need === 'string') { if (!sh.text.includes(need)) return; continue; }
    let found = sh.tested.get(need);
    if (found === undefined) sh.tested.set(need, (found = need.test(sh.text)));
    if (!found) return;
  }
  const rx = p.rx;
  rx.lastIndex = 0;
  let m: RegExpExecArray | null;
  const found: RegExpExecArray[] = [];
  while ((m = rx.exec(sh.text)) !== null) {
    found.push(m);
    rx.lastIndex = m.index + 1;
  }
  if (p.leftmost && !p.implicitEvent && !p.implicitAgent) {
    // A subject reached over a gap is no subject when it is the object of a preposition ("speeches
    // by X") or a modifier of a noun ("an X commander"); resolved references are left alone.
    for (let i = found.length - 1; i >= 0; i--) {
      const f = found[i];
      const src = f[p.src] ?? '';
      if (src.includes('*') || src.includes('^')) continue;
      const before = sh.text.slice(Math.max(0, f.index - 60), f.index).trim().split(' ').slice(-6);
      const after = sh.text.slice(f.index + src.length).trim().split(' ')[0] ?? '';
      let prep = false;
      for (let q = before.length - 1; q >= 0; q--) {
        const w = before[q];
        if (/^(?:by|of|with|from|to|for|about|against|at|on|in|onto|into|through|over|under|near|across|towards|toward|via|inside|outside|behind|past|around|upon|during)$/.test(w)) { prep = true; break; }
        // A verb before the name ("sentenced X") makes it an object, and no preposition governs it.
        if (/^(?:,|and|but|;|that|who|which|said|says|because|after|before|while|when|was|were|is|are|had|has)$/.test(w) || /\d/.test(w.replace(/⟦[^⟧]*⟧/g, '')) || /[a-z]ed$/.test(w)) break;
      }
      // "Ishaq's supporters attacked": a possessor is not the subject either.
      if (prep || PERSON_ROLE_NOUNS.has(after) || after === "'s") found.splice(i, 1);
    }
    // One source per target: the match starting first (the subject of the clause).
    const firstFor = new Map<string, number>();
    for (const f of found) {
      const k = f[p.tgt] ?? '';
      if (!firstFor.has(k) || f.index < firstFor.get(k)!) firstFor.set(k, f.index);
    }
    for (let i = found.length - 1; i >= 0; i--) if (found[i].index !== firstFor.get(found[i][p.tgt] ?? '')) found.splice(i, 1);
  }
  for (m of found) {
    const srcs = anchorsIn(m[p.src] ?? '', list);
    let target = implicit;
    if (p.implicitEvent && violentHere) {
      // The incident named last before the match, else the one under discussion before the sentence.
      target = implicitBefore;
      for (const v of violentHere) if (v.pos < m.index) target = v.entity;
      if (target < 0) target = implicit;
    }
    const tgts = p.implicitEvent || p.implicitAgent ? [{ anchor: { s: -1, e: -1, entity: target, star: true, rule: p.implicitAgent ? 'coref:current-agency' : 'coref:current-event' }, idx: -1 }] : anchorsIn(m[p.tgt] ?? '', list);
    for (const s of srcs) {
      for (const t of tgts) {
        const a = s.anchor.entity, b = t.anchor.entity;
        if (a === b) continue;
        const ta = entities[a].type, tb = entities[b].type;
        if (!endpointsAllowed(p.type, ta, tb)) continue;
        // An agency named as a modifier ("the late al-Qaeda ideologue X") is no agent.
        if ((p.type === 'investigated_by' || p.type === 'designated_by') && !t.anchor.star && t.idx >= 0) {
          const next = sh.text.slice(sh.anchorPos[t.idx][1]).trim().split(' ')[0] ?? '';
          if (PERSON_ROLE_NOUNS.has(next)) continue;
        }
        // Visiting or praising a place is no tie to it.
        if (p.type === 'associated_with' && (ta === 'Location' || tb === 'Location')) continue;
        const ev = ta === 'Event' ? a : tb === 'Event' ? b : -1;
        if (ev >= 0 && p.eventFamily && kindFamily(events.get(ev)?.kind) !== p.eventFamily) continue;
        // Subject-of-verb patterns need the event to be that verb in this sentence ("X stormed ...").
        if (p.killVerbEvent) {
          const evAnchor = ta === 'Event' ? s.anchor : t.anchor;
          if (evAnchor.rule !== 'event:kill-verb-object' && evAnchor.rule !== 'event:verb-with-place') continue;
        }
        if (p.killVerbEvent && ev >= 0 && isVictim(events.get(ev)!, a, entityOf, sentence)) continue;
        let attributed: number | undefined;
        if (p.attributedGroup) attributed = anchorsIn(m[p.attributedGroup] ?? '', list)[0]?.anchor.entity;
        drafts.push({
          type: p.type, source: a, target: b, sentence, from: m.index, to: m.index + m[0].length,
          rule: `pattern:${p.id}`, sourceAnchor: s.anchor, targetAnchor: t.anchor.s >= 0 ? t.anchor : undefined, modality: p.modality,
          attributedAnchor: attributed, confidence: s.anchor.star || t.anchor.star ? 0.6 : 0.75,
        });
      }
    }
  }
}

/**
 * Pairs of parties in one sentence that no pattern tied go to the pair classifier
 * (src/extract/pairs.ts); for each pair of entities its most confident proposal in the document
 * is kept. Rule 'model:pairs', with a confidence below the patterns'.
 */
function modelTies(tokens: Token[], mentions: RawMentionSpan[], entities: WorkEntity[], events: Map<number, EventInfo>, police: boolean[], government: boolean[],
  anchors: Anchor[][], shaped: Shaped[], drafts: Draft[], model: PairModel | null, onPairs: ExtractOptions['onPairs']): void {
  if (!model && !onPairs) return;
  const related = new Set<string>();
  for (const d of drafts) { related.add(`${d.source}|${d.target}`); related.add(`${d.target}|${d.source}`); }
  const records: PairRecord[] = [];
  const best = new Map<string, { draft: Draft; margin: number; features: string[]; cls: PairClass }>();
  // What the classifier knows of each party, worked out once per entity that stands in a pair.
  const views = new Map<number, { head?: string; kind: string }>();
  const view = (i: number) => {
    let v = views.get(i);
    if (v) return v;
    const e = entities[i];
    const kind = e.type === 'Organization'
      ? (police[i] ? 'police' : e.names.some((n) => /\b(?:court|tribunal|judge|prosecutor|prosecutors|prosecution)\b/i.test(n)) ? 'court' : government[i] ? 'government' : 'group')
      : e.type === 'Event' ? kindFamily(events.get(i)?.kind)
        : e.type === 'Person' && e.mentionIdx.some((mi) => officialRole(tokens, mentions[mi].s, mentions[mi].e)) ? 'official' : e.type.toLowerCase();
    views.set(i, (v = { head: e.type === 'Person' ? undefined : e.words[e.words.length - 1], kind }));
    return v;
  };
  anchors.forEach((list, si) => {
    const sh = shaped[si];
    if (!sh || list.length < 2) return;
    let words: PairSentence | undefined;
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      for (let j = i + 1; j < list.length; j++) {
        const b = list[j];
        if (a.entity === b.entity || related.has(`${a.entity}|${b.entity}`)) continue;
        // Two phrases of one list share a position: no words stand between them.
        if (sh.anchorPos[j][0] < sh.anchorPos[i][1]) continue;
        const ea = entities[a.entity], eb = entities[b.entity];
        // Two places or two events: the schema allows only associated_with between them, which
        // annotators almost never use there (the classifier proposed none in thousands of pairs).
        if (ea.type === eb.type && (ea.type === 'Location' || ea.type === 'Event')) continue;
        words ??= pairSentence(sh.text, sh.anchorPos);
        const va = view(a.entity), vb = view(b.entity);
        const features = pairFeatures(words, i, j, { type: ea.type, kind: va.kind, reference: a.star, head: va.head },
          { type: eb.type, kind: vb.kind, reference: b.star, head: vb.head });
        if (onPairs) records.push({ first: { type: ea.type, names: [...ea.names] }, second: { type: eb.type, names: [...eb.names] }, features });
        if (!model) continue;
        const hit = classifyPair(model, features, ea.type, eb.type);
        const rel = hit && classRelation(hit.cls);
        if (!hit || !rel) continue;
        const key = a.entity < b.entity ? `${a.entity}|${b.entity}` : `${b.entity}|${a.entity}`;
        if ((best.get(key)?.margin ?? -Infinity) >= hit.margin) continue;
        const [src, tgt] = rel.reversed ? [b, a] : [a, b];
        best.set(key, {
          margin: hit.margin, features, cls: hit.cls,
          draft: {
            type: rel.type, source: src.entity, target: tgt.entity, sentence: si, from: sh.anchorPos[i][0], to: sh.anchorPos[j][1],
            rule: 'model:pairs', sourceAnchor: src.star ? undefined : src, targetAnchor: tgt.star ? undefined : tgt, confidence: 0.45,
          },
        });
      }
    }
  });
  if (onPairs) onPairs(records);
  // A proposal may not contradict the roles the patterns read: whoever a pattern made a victim
  // is no perpetrator and no member of a group, a perpetrator is no victim, each person keeps to
  // the incidents the patterns tied them to, and a killer and the one killed (or two victims)
  // are no associates.
  const perpetratorOf = new Map<number, Set<number>>(), victimOf = new Map<number, Set<number>>();
  for (const d of drafts) {
    const m = d.type === 'perpetrator_of' ? perpetratorOf : d.type === 'victim_of' ? victimOf : null;
    if (!m) continue;
    if (!m.has(d.source)) m.set(d.source, new Set());
    m.get(d.source)!.add(d.target);
  }
  const roleIn = (p: number, ev: number) => perpetratorOf.get(p)?.has(ev) || victimOf.get(p)?.has(ev);
  for (const { draft: d, features, cls } of best.values()) {
    if ((d.type === 'perpetrator_of' || d.type === 'victim_of') && (perpetratorOf.has(d.source) || victimOf.has(d.source))) continue;
    // Nor is a victim guessed into the ranks of a group.
    if ((d.type === 'member_of' || d.type === 'leader_of' || d.type === 'founder_of') && victimOf.has(d.source)) continue;
    if (d.type === 'associated_with' && [...events.keys()].some((ev) => roleIn(d.source, ev) && roleIn(d.target, ev))) continue;
    // The rule names the features that argued most for the tie.
    d.rule = `model:pairs (${explainPair(model!, features, cls).map((x) => `${x.feature} +${x.weight.toFixed(1)}`).join(', ')})`;
    drafts.push(d);
  }
}

type RawMentionSpan = { s: number; e: number };

/** Words for people who report on, judge or police a network rather than belong to it. */
const OFFICIAL_RX = /^(?:judge|justice|prosecutor|prosecutors|lawyer|barrister|solicitor|attorney|counsel|detective|officer|inspector|superintendent|commissioner|constable|sergeant|minister|secretary|researcher|analyst|expert|professor|academic|journalist|reporter|correspondent|coroner|ambassador|mayor|governor|senator|mp|spokesperson|investigator|commander|chief|director)$/;

/** The person is introduced by an official's title ("prosecutor X", "X, a lawyer for ..."). */
function officialRole(tokens: Token[], s: number, e: number): boolean {
  for (let q = s - 1; q >= Math.max(0, s - 3); q--) {
    const w = tokens[q].lower;
    if (OFFICIAL_RX.test(w) && w !== 'commander' && w !== 'chief' && w !== 'director') return true;
    if (!tokens[q].word) break;
  }
  if (tokens[e]?.text !== ',' || !/^(?:a|an|the)$/.test(tokens[e + 1]?.lower ?? '')) return false;
  for (let q = e + 2; q < Math.min(tokens.length, e + 7); q++) {
    if (!tokens[q].word) return false;
    const w = tokens[q].lower;
    if (w === 'of' || w === 'for' || w === 'at' || w === 'with') return false;
    if (OFFICIAL_RX.test(w) && !/^(?:commander|chief|director|spokesperson)$/.test(w)) return true;
  }
  return false;
}

/**
 * Ties no rule read: two people a clause names together ("Boukhari put her in touch with X",
 * "X and Y ran the stall") are associated, or kin when they share a surname. With a pair
 * classifier only the kin part runs (kinOnly): the classifier decides the other pairs. Measured on
 * held-out documents, such pairs are tied in the gold far more often than not, while the same
 * fallback for people and groups, or for places, cost as much precision as it gained recall.
 * Weaker than a pattern: confidence 0.4 and rule "cooccurrence:*", so an analyst can leave them
 * out (--min-confidence 0.5).
 */
function fallbackTies(entities: WorkEntity[], anchors: Anchor[][], shaped: Shaped[], drafts: Draft[], kinOnly: boolean): void {
  const related = new Set<string>();
  for (const d of drafts) { related.add(`${d.source}|${d.target}`); related.add(`${d.target}|${d.source}`); }
  // A killer and the one killed are no associates; nor are two victims of one incident.
  const perpetratorOf = drafts.filter((d) => d.type === 'perpetrator_of');
  const victimOf = drafts.filter((d) => d.type === 'victim_of');
  for (const v of victimOf) {
    for (const p of [...perpetratorOf, ...victimOf]) if (p.target === v.target) { related.add(`${p.source}|${v.source}`); related.add(`${v.source}|${p.source}`); }
  }
  const added: Draft[] = [];
  anchors.forEach((list, si) => {
    const sh = shaped[si];
    if (!sh || list.length < 2) return;
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      if (entities[a.entity].type !== 'Person') continue;
      for (let j = i + 1; j < list.length; j++) {
        const b = list[j];
        if (a.entity === b.entity || entities[b.entity].type !== 'Person' || related.has(`${a.entity}|${b.entity}`)) continue;
        const gap = sh.text.slice(sh.anchorPos[i][1], sh.anchorPos[j][0]);
        // One clause, not too far apart, and not one person reporting on the other.
        if (/[;:]| but | while | whereas | although |\( /.test(gap) || gap.split(' ').length > 25) continue;
        if (/(?:^| )(?:said|says|told|according to|reported|claimed|denied)(?: |$)/.test(gap)) continue;
        // Counsel and court are no ties: "Mansour's lawyer, Claire Dubois".
        if (/^ 's (?:[a-z-]+ )?(?:lawyer|lawyers|solicitor|attorney|barrister|counsel|judge|prosecutor)\b/.test(gap)) continue;
        // Two people of one surname named together are most often kin ("Mustafa Bouzid and his son Karim Bouzid").
        const kin = sameSurname(entities[a.entity], entities[b.entity]);
        if (kinOnly && !kin) continue;
        related.add(`${a.entity}|${b.entity}`); related.add(`${b.entity}|${a.entity}`);
        added.push({
          type: kin ? 'family_of' : 'associated_with', source: a.entity, target: b.entity, sentence: si, from: sh.anchorPos[i][0], to: sh.anchorPos[j][1],
          rule: kin ? 'cooccurrence:surname' : 'cooccurrence:clause', sourceAnchor: a.star ? undefined : a, targetAnchor: b.star ? undefined : b, confidence: 0.4,
        });
      }
    }
  });
  drafts.push(...added);
}

function sameSurname(a: WorkEntity, b: WorkEntity): boolean {
  const last = (e: WorkEntity) => {
    const full = e.names.reduce((x, y) => (y.split(' ').length > x.split(' ').length ? y : x), '');
    const words = full.split(' ');
    return words.length >= 2 ? words[words.length - 1]!.toLowerCase() : null;
  };
  const la = last(a);
  return la !== null && la === last(b);
}

/**
 * "in Kankara, Katsina State", "from Dayton, Ohio": what is in a place is in the region named
 * right after it too (a list of places, "Paris, Lyon and Nice", is not a region).
 */
function placeInRegion(tokens: Token[], entities: WorkEntity[], anchors: Anchor[][], drafts: Draft[]): void {
  const added: Draft[] = [];
  for (const d of drafts) {
    if (d.type !== 'located_in') continue;
    const list = anchors[d.sentence];
    const at = d.targetAnchor ?? list.find((a) => a.entity === d.target && !a.star);
    if (!at || tokens[at.e]?.text !== ',') continue;
    const region = list.find((a) => a.s === at.e + 1 && !a.star && entities[a.entity].type === 'Location' && a.entity !== d.target);
    if (!region) continue;
    const next = tokens[region.e];
    const after = list.find((a) => a.s === region.e + 1 || a.s === region.e + 2);
    if (next && (next.lower === 'and' || next.lower === 'or' || (next.text === ',' && after && entities[after.entity].type === 'Location'))) continue;
    added.push({ ...d, target: region.entity, targetAnchor: region, rule: `${d.rule}+region` });
  }
  drafts.push(...added);
}

/** The entity is the named victim of the event's phrase ("killing X") in this sentence. */
function isVictim(info: EventInfo, entity: number, entityOf: number[], sentence: number): boolean {
  return info.candidates.some((c) => c.sentence === sentence && c.complement && entityOf[c.complement.mention] === entity);
}

/** A name that reads as an armed group's (known, a group word, or an acronym): "the Hamas attack", not "the Boston Marathon bombing". */
function militantName(e: WorkEntity): boolean {
  return e.names.some((n) => {
    const k = normalizeName(n);
    const words = k.split(' ');
    return KNOWN_ORGS.has(placeKey(n)) || KNOWN_ORG_ALIASES.has(k) || /^\p{Lu}{2,6}$/u.test(n)
      || words.some((w) => GROUP_FIRSTS.has(w) || /^(?:group|front|brigade|brigades|army|state|movement|militia|network|jamaat|taliban|mujahideen|division|battalion|cell|faction)$/.test(w))
      || /^(?:al|el) /.test(k);
  });
}

/** Relations the event's own phrase states: its place, its victim, an organisation named as its author. */
function eventRelations(entities: WorkEntity[], events: Map<number, EventInfo>, entityOf: number[], anchors: Anchor[][], shaped: Shaped[], drafts: Draft[]): void {
  const places = entities.map((e, i) => [e, i] as const).filter(([e]) => e.type === 'Location');
  for (const [ei, info] of events) {
    // A place whose name is written inside the event's name ("the Westminster Bridge attack").
    const names = entities[ei].names.map((n) => ` ${normalizeName(n)} `);
    const c0 = info.candidates[0];
    for (const [pe, pi] of places) {
      if (![...pe.keys].some((k) => names.some((n) => n.includes(` ${k} `)))) continue;
      const a0 = anchors[c0.sentence].find((a) => a.entity === ei);
      drafts.push({ type: 'located_in', source: ei, target: pi, sentence: c0.sentence, from: 0, to: 0, rule: 'event:place-in-name', sourceAnchor: a0, confidence: 0.65 });
      if (info.place === undefined) info.place = pi;
    }
    for (const c of info.candidates) {
      const anchor = anchors[c.sentence].find((a) => a.entity === ei && a.s === c.s);
      const pos = anchor ? shaped[c.sentence].anchorPos[anchors[c.sentence].indexOf(anchor)] : [0, 0];
      const base = { sentence: c.sentence, from: pos[0], to: pos[1], targetAnchor: undefined, confidence: 0.7 };
      for (const mi of c.modifierMentions) {
        const me = entityOf[mi];
        if (me < 0) continue;
        if (entities[me].type === 'Location') {
          drafts.push({ ...base, type: 'located_in', source: ei, target: me, rule: 'event:place-modifier', sourceAnchor: anchor });
          if (info.place === undefined) info.place = me;
        } else if (entities[me].type === 'Organization' && kindFamily(info.kind) === 'violence' && militantName(entities[me])) {
          drafts.push({ ...base, type: 'perpetrator_of', source: me, target: ei, rule: 'event:author-modifier', targetAnchor: anchor });
        }
      }
      if (c.rule === 'event:kill-verb-object' && info.place === undefined && anchor) {
        // "shot X as he cycled to work in Amsterdam": the first place after "in/at" in the sentence.
        const rest = shaped[c.sentence].text.slice(pos[1]).trimStart();
        // The victim, then words of the same clause (no "and"/"but" into another one), then the place.
        const pm = /^(?:[^⟦⟧ ]+ ){0,4}?⟦P[*^]?#\d+⟧ (?:(?!and |but |while |; )(?:[^⟦⟧ ]+ |⟦P\*#\d+⟧ )){0,10}?(?:in|at|near|outside) (?:the |central |northern |southern |eastern |western )?⟦L\*?#(\d+)⟧/.exec(rest);
        if (pm) {
          const pe = anchors[c.sentence][Number(pm[1])].entity;
          drafts.push({ ...base, type: 'located_in', source: ei, target: pe, rule: 'event:place-after-verb', sourceAnchor: anchor });
          info.place = pe;
        }
      }
      for (const mi of c.alsoPlaces ?? []) {
        if (entityOf[mi] >= 0) drafts.push({ ...base, type: 'located_in', source: ei, target: entityOf[mi], rule: 'event:second-place', sourceAnchor: anchor });
      }
      if (c.wider !== undefined && entityOf[c.wider] >= 0) {
        drafts.push({ ...base, type: 'located_in', source: ei, target: entityOf[c.wider], rule: 'event:wider-place', sourceAnchor: anchor });
      }
      if (c.complement) {
        const ce = entityOf[c.complement.mention];
        if (ce < 0) continue;
        const ct: EntityType = entities[ce].type;
        if (ct === 'Location') {
          drafts.push({ ...base, type: 'located_in', source: ei, target: ce, rule: `event:place-${c.complement.prep}`, sourceAnchor: anchor });
          if (info.place === undefined) info.place = ce;
        } else if (ct === 'Person' && (c.kind === 'murder' || (c.kind === 'attack' && c.complement.prep !== 'of'))) {
          drafts.push({ ...base, type: 'victim_of', source: ce, target: ei, rule: `event:victim-${c.complement.prep}`, targetAnchor: anchor });
        }
      }
    }
  }
}

const EXAMPLE_OPENERS = /^(?:for example|for instance|among them|one of (?:them|⟦[A-Z]\*#\d+⟧)|one such|such as|including) (?:, )?/;
const GROUP_MEMBERS = /(?:⟦O\*?#(\d+)⟧ (?:'s )?(?:members|militants|fighters|supporters|followers|operatives|recruits)|(?:members|militants|fighters|supporters|followers|operatives) of (?:the )?⟦O\*?#(\d+)⟧)/;
/** "X set up Y and recruited six members": X recruited them, and they joined Y. */
const RECRUITED_MEMBERS = /^(?:.*? )?⟦P\*?#(\d+)⟧ (?:.*? )?(?:recruited|enlisted|attracted|signed up|drew in|gathered) (?:[^⟦⟧ ]+ ){0,4}?(?:members|followers|recruits|fighters|supporters|young men|people)\b/;

/** "Members of Y have ... For example, X did ..." : the people given as examples are members. */
function exemplification(sentences: TokenSentence[], anchors: Anchor[][], shaped: Shaped[], entities: WorkEntity[], drafts: Draft[], incidentAt: number[]): void {
  for (let i = 1; i < sentences.length; i++) {
    const sh = shaped[i];
    if (!EXAMPLE_OPENERS.test(sh.text)) continue;
    // "Four of the attackers died ... One of them, X, ...": X is one of the attackers.
    if (/\b(?:attackers|gunmen|bombers|assailants|hijackers|perpetrators|killers)\b/.test(shaped[i - 1].text) && incidentAt[i - 1] >= 0) {
      const first = /^(?:one of (?:them|⟦[A-Z]\*#\d+⟧)|among them) (?:, )?⟦P#(\d+)⟧/.exec(sh.text);
      if (first) {
        const a = anchors[i][Number(first[1])];
        drafts.push({ type: 'perpetrator_of', source: a.entity, target: incidentAt[i - 1], sentence: i, from: 0, to: first[0].length,
          rule: 'pattern:perpetrator-exemplification', sourceAnchor: a, confidence: 0.55 });
      }
      continue;
    }
    const prev = GROUP_MEMBERS.exec(shaped[i - 1].text);
    const rec = prev ? null : RECRUITED_MEMBERS.exec(shaped[i - 1].text);
    if (!prev && !rec) continue;
    let org = -1;
    let recruiter = -1;
    if (prev) org = anchors[i - 1][Number(prev[1] ?? prev[2])].entity;
    else {
      recruiter = anchors[i - 1][Number(rec![1])].entity;
      for (const a of anchors[i - 1]) if (entities[a.entity].type === 'Organization' && !a.star) org = a.entity;
    }
    // Subjects: a person opening the sentence (after the opener) or a clause after "and"/";".
    const rx = /(?:^(?:for example|for instance|among them|one of (?:them|⟦[A-Z]\*#\d+⟧)|one such) (?:, )?|(?:, and|and|;|, while|while|but) )(⟦P#(\d+)⟧) (?!'s)[a-z,]/g;
    let m: RegExpExecArray | null;
    while ((m = rx.exec(sh.text)) !== null) {
      const a = anchors[i][Number(m[2])];
      if (recruiter >= 0 && recruiter !== a.entity) drafts.push({ type: 'recruited', source: recruiter, target: a.entity, sentence: i, from: m.index, to: m.index + m[0].length,
        rule: 'pattern:recruited-exemplification', sourceAnchor: a, confidence: 0.5 });
      if (org < 0 || !endpointsAllowed('member_of', entities[a.entity].type, entities[org].type)) continue;
      drafts.push({ type: 'member_of', source: a.entity, target: org, sentence: i, from: m.index, to: m.index + m[0].length,
        rule: 'pattern:member-of-exemplification', sourceAnchor: a, confidence: 0.55 });
    }
  }
}

function build(
  text: string, tokens: Token[], sentences: TokenSentence[], mentions: ReturnType<typeof findMentions>, entityOf: number[],
  entities: WorkEntity[], events: Map<number, EventInfo>, anchors: Anchor[][], shaped: Shaped[], drafts: Draft[],
): Extraction {
  // Entities that the text names (or events it describes), with every mention and reference.
  const mentionLists: Mention[][] = entities.map(() => []);
  mentions.forEach((m, i) => {
    const ei = entityOf[i];
    if (ei < 0) return;
    mentionLists[ei].push({ start: tokens[m.s].start, end: tokens[m.e - 1].end, text: text.slice(tokens[m.s].start, tokens[m.e - 1].end), sentence: m.sentence, rule: m.rule });
  });
  anchors.forEach((list, si) => {
    for (const a of list) {
      if (!a.star && entities[a.entity].type !== 'Event') continue;
      mentionLists[a.entity].push({ start: tokens[a.s].start, end: tokens[a.e - 1].end, text: text.slice(tokens[a.s].start, tokens[a.e - 1].end), sentence: si, rule: a.rule });
    }
  });
  // A place named only inside event names ("the Westminster attack", "the attack on
  // Westminster") is part of those names, not a place the text talks about.
  const eventInternal = new Set<number>();
  const asModifier = new Set<number>();
  for (const info of events.values()) {
    for (const c of info.candidates) {
      if (c.rule !== 'event:verb-with-place') for (const mi of c.modifierMentions) { eventInternal.add(mi); asModifier.add(entityOf[mi]); }
      if (c.complement && (c.complement.prep === 'on' || c.complement.prep === 'against')) eventInternal.add(c.complement.mention);
    }
  }
  // Countries and cities of the gazetteer are always places the text talks about; so is a
  // place only ever named as an attack's target ("the attack on Las Ramblas").
  const eventNames: string[] = [];
  for (const ei of events.keys()) for (const n of entities[ei].names) eventNames.push(` ${normalizeName(n)} `);
  const namesEvent = (e: WorkEntity) => e.names.some((n) => {
    const k = normalizeName(n);
    return eventNames.some((en) => en.includes(` ${k} `) && !en.includes(` on ${k} `) && !en.includes(` against ${k} `));
  });
  const keep = entities.map((e, i) => mentionLists[i].length > 0
    && !(e.type === 'Organization' && e.mentionIdx.length > 0 && e.mentionIdx.every((mi) => eventInternal.has(mi)) && asModifier.has(i) && !militantName(e))
    && !(e.type === 'Location' && e.mentionIdx.length > 0 && e.mentionIdx.every((mi) => eventInternal.has(mi))
      && (asModifier.has(i) || namesEvent(e)) && !e.names.some((n) => PLACES.has(placeKey(n)))));
  const idOf = new Map<number, string>();
  const outEntities: ExtractedEntity[] = [];
  entities.forEach((e, i) => {
    if (!keep[i]) return;
    const id = `e${outEntities.length + 1}`;
    idOf.set(i, id);
    const ms = mentionLists[i].sort((a, b) => a.start - b.start);
    const ent: ExtractedEntity = {
      id, type: e.type, name: e.names[0], aliases: e.names.slice(1), mentions: ms,
      confidence: e.type === 'Event' ? 0.6 : Math.min(0.95, 0.6 + 0.05 * ms.length),
    };
    const info = events.get(i);
    if (info) {
      // "the 14 February suicide bombing in Pulwama" is also "the Pulwama bombing": the place
      // and the trigger noun make a name readers use, kept as an alias.
      const noun = normalizeName(ent.name).split(' ').reverse().find((w) => EVENT_TRIGGERS.has(w));
      const places = new Set<number>();
      for (const c of info.candidates) if (c.complement && mentions[c.complement.mention].type === 'Location' && entityOf[c.complement.mention] >= 0) places.add(entityOf[c.complement.mention]);
      if (info.place !== undefined) places.add(info.place);
      for (const pi of places) {
        const place = keep[pi] ? entities[pi].names[0] : undefined;
        const alias = `${place} ${noun}`;
        if (place && noun && ent.name !== alias && !ent.aliases.includes(alias)) ent.aliases.push(alias);
      }
      ent.event = { kind: info.kind };
      if (info.date) ent.event.date = info.date;
      if (info.place !== undefined && idOf.has(info.place)) ent.event.place = idOf.get(info.place);
    }
    outEntities.push(ent);
  });
  // Places are assigned after ids exist for every entity.
  for (const [i, info] of events) {
    const ent = outEntities.find((e) => e.id === idOf.get(i));
    if (ent && info.place !== undefined && idOf.has(info.place)) ent.event!.place = idOf.get(info.place);
  }

  const relations: ExtractedRelation[] = [];
  const seen = new Set<string>();
  // One role per person and incident: a named perpetrator is not also its victim ("two of the
  // attackers died in the blast").
  const perpetrators = new Set(drafts.filter((d) => d.type === 'perpetrator_of').map((d) => `${d.source}|${d.target}`));
  // "radicalised by X" says recruited; the weaker association from the same words is dropped.
  const recruitedPairs = new Set(drafts.filter((d) => d.type === 'recruited').flatMap((d) => [`${d.source}|${d.target}`, `${d.target}|${d.source}`]));
  // "X was killed" said of a perpetrator (of any incident in the text) is how the attacker died,
  // not a victim of the incident under discussion.
  const militants = new Set(drafts.filter((d) => d.type === 'perpetrator_of').map((d) => d.source));
  // A leader or founder is not listed as a mere member of the same group as well.
  const heads = new Set(drafts.filter((d) => d.type === 'leader_of' || d.type === 'founder_of').map((d) => `${d.source}|${d.target}`));
  for (const d of drafts) {
    if (d.type === 'victim_of' && perpetrators.has(`${d.source}|${d.target}`)) continue;
    if (d.type === 'member_of' && heads.has(`${d.source}|${d.target}`)) continue;
    if (d.type === 'victim_of' && d.rule === 'pattern:victim-passive' && militants.has(d.source)) continue;
    if (d.type === 'associated_with' && d.rule === 'pattern:assoc-inspired-by' && recruitedPairs.has(`${d.source}|${d.target}`)) continue;
    const src = idOf.get(d.source), tgt = idOf.get(d.target);
    if (!src || !tgt) continue;
    const sent = sentences[d.sentence];
    const sh = shaped[d.sentence];
    // What an event's own name says (its place, its victim) is the author's naming: asserted.
    const mod = d.modality === 'reported'
      ? { modality: 'reported' as const, cue: 'pattern', attributedTo: undefined }
      : d.rule.startsWith('event:') ? { modality: 'asserted' as const, cue: undefined, attributedTo: undefined }
        : modalityOf(sh.text, d.from, d.to, LOCAL_RULE_RX.test(d.rule.split(' ')[0]) || APPOSITION_RX.test(sh.text.slice(d.from, d.to))
          || (d.rule.startsWith('model:') && nounPhraseGap(sh.text, d.from, d.to)));
    let attributedTo: string | undefined;
    if (d.attributedAnchor !== undefined) attributedTo = idOf.get(d.attributedAnchor);
    else if (mod.attributedTo) {
      const am = /#(\d+)⟧/.exec(mod.attributedTo);
      attributedTo = am ? idOf.get(anchors[d.sentence][Number(am[1])]?.entity ?? -1) ?? mod.attributedTo : mod.attributedTo;
    }
    const key = `${d.type}|${src}|${tgt}|${mod.modality}|${d.sentence}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const evidence: Evidence = { start: sent.start, end: sent.end, sentence: sent.index, text: sent.text };
    const rel: ExtractedRelation = {
      type: d.type, source: src, target: tgt, modality: mod.modality, evidence,
      rule: mod.cue ? `${d.rule} [${mod.modality}: ${mod.cue}]` : d.rule, confidence: d.confidence,
    };
    if (attributedTo) rel.attributedTo = attributedTo;
    if (d.sourceAnchor) rel.sourceMention = { start: tokens[d.sourceAnchor.s].start, end: tokens[d.sourceAnchor.e - 1].end };
    if (d.targetAnchor) rel.targetMention = { start: tokens[d.targetAnchor.s].start, end: tokens[d.targetAnchor.e - 1].end };
    relations.push(rel);
  }
  return {
    extractor: { ...EXTRACTOR },
    sentences: sentences.map((s) => ({ index: s.index, start: s.start, end: s.end, text: s.text })),
    entities: outEntities,
    relations,
  };
}

export interface EvaluationDocument {
  name: string;
  text: string;
  extraction: Extraction;
}

/**
 * The JSON of GUIDELINES.md "What an extraction must output" for one or more documents:
 * entity ids made unique across documents, one relation per (type, source, target, modality)
 * with every evidence sentence.
 */
export function toEvaluationJson(docs: EvaluationDocument[]): {
  entities: { id: string; type: EntityType; name: string; aliases: string[]; kind?: string; date?: string }[];
  relations: { type: RelationType; source: string; target: string; modality: string; attributed_to?: string; rule: string; confidence: number;
    evidence: { document: string; text: string; start: number; end: number }[] }[];
} {
  const entities: ReturnType<typeof toEvaluationJson>['entities'] = [];
  const relations: ReturnType<typeof toEvaluationJson>['relations'] = [];
  const multi = docs.length > 1;
  docs.forEach((doc, di) => {
    const pre = multi ? `d${di + 1}-` : '';
    const ids = new Map<string, string>();
    for (const e of doc.extraction.entities) {
      const id = `${pre}${e.id}`;
      ids.set(e.id, id);
      const out: (typeof entities)[number] = { id, type: e.type, name: e.name, aliases: [...e.aliases] };
      if (e.event?.kind) out.kind = e.event.kind;
      if (e.event?.date) out.date = e.event.date;
      entities.push(out);
    }
    const byKey = new Map<string, (typeof relations)[number]>();
    for (const r of doc.extraction.relations) {
      const source = ids.get(r.source), target = ids.get(r.target);
      if (!source || !target) continue;
      const key = `${r.type}|${source}|${target}|${r.modality}`;
      const ev = { document: doc.name, text: doc.text.slice(r.evidence.start, r.evidence.end), start: r.evidence.start, end: r.evidence.end };
      const hit = byKey.get(key);
      if (hit) {
        if (!hit.evidence.some((x) => x.start === ev.start)) hit.evidence.push(ev);
        hit.confidence = Math.max(hit.confidence, r.confidence);
        continue;
      }
      const out: (typeof relations)[number] = { type: r.type, source, target, modality: r.modality, rule: r.rule, confidence: r.confidence, evidence: [ev] };
      if (r.attributedTo) out.attributed_to = ids.get(r.attributedTo) ?? r.attributedTo;
      byKey.set(key, out);
      relations.push(out);
    }
  });
  return { entities, relations };
}

/** A human-readable trace: entities with how they were found, relations with rule, modality and evidence. */
export function explainExtraction(extraction: Extraction): string {
  const lines: string[] = [];
  const byId = new Map(extraction.entities.map((e) => [e.id, e]));
  lines.push(`${extraction.extractor.name} ${extraction.extractor.version}: ${extraction.sentences.length} sentences, ${extraction.entities.length} entities, ${extraction.relations.length} relations`);
  lines.push('', 'Entities:');
  for (const e of extraction.entities) {
    const rules = [...new Set(e.mentions.map((m) => m.rule))].join(', ');
    let extra = '';
    if (e.event) extra = ` [${e.event.kind ?? 'event'}${e.event.date ? ` ${e.event.date}` : ''}${e.event.place ? ` at ${byId.get(e.event.place)?.name}` : ''}]`;
    lines.push(`  ${e.id} ${e.type} "${e.name}"${e.aliases.length ? ` aka ${e.aliases.map((a) => `"${a}"`).join(', ')}` : ''}${extra} (${e.mentions.length} mentions; ${rules})`);
  }
  lines.push('', 'Relations:');
  for (const r of extraction.relations) {
    const s = byId.get(r.source)?.name ?? r.source, t = byId.get(r.target)?.name ?? r.target;
    const who = r.attributedTo ? ` according to ${byId.get(r.attributedTo)?.name ?? r.attributedTo}` : '';
    lines.push(`  ${r.type}(${s} -> ${t}) ${r.modality}${who}`);
    lines.push(`    rule: ${r.rule}; confidence ${r.confidence.toFixed(2)}`);
    lines.push(`    evidence [${r.evidence.start}-${r.evidence.end}]: ${r.evidence.text.replace(/\s+/g, ' ')}`);
  }
  return lines.join('\n');
}
