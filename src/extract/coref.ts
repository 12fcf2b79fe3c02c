// One pass over the document in reading order that turns every sentence into anchors: named
// mentions, events (named, or definite references like "the attack" resolved to the last
// compatible incident), and references resolved to the most recent fitting antecedent:
// he/his/him -> person; they/their/its -> organisation; "the group" -> a non-government
// organisation; "the agency"/"the police" -> a government body; "there"/"the city" -> place.
import { normalizeName, type EntityType, type EventKind } from '../schema/index.js';
import type { Token } from './tokens.js';
import type { TokenSentence } from './sentences.js';
import type { RawMention } from './mentions.js';
import type { WorkEntity } from './entities.js';
import type { EventCandidate } from './events.js';
import { kindFamily } from './events.js';
import type { DateMention } from './dates.js';
import {
  AGENCY_NOMINALS, DEMONYMS, FUNCTION_WORDS, GOVERNMENT_WORDS, PERSON_ROLE_NOUNS, GROUP_NOMINALS, ORG_PRONOUNS, PERSON_PRONOUNS, PLACE_NOMINALS, PLURAL_PRONOUNS,
} from './lexicons.js';

export interface Anchor {
  /** Token range. */
  s: number;
  e: number;
  entity: number;
  star: boolean;
  /** A relative pronoun ("who") standing for the person before it. */
  relative?: boolean;
  rule: string;
}

export interface EventInfo {
  kind: EventKind;
  date?: string;
  place?: number;
  /** The proper words of its name, for merging ("westminster"). */
  properWords: Set<string>;
  /** How it was first found. */
  rule: string;
  /** The candidate that created it (relations read its complement and modifiers). */
  candidates: EventCandidate[];
}

export interface CorefResult {
  /** Anchors per sentence, in token order. */
  anchors: Anchor[][];
  /** Event data by entity index. */
  events: Map<number, EventInfo>;
}

const LETTER: Record<EntityType, string> = { Person: 'P', Organization: 'O', Location: 'L', Event: 'V' };
export function typeLetter(t: EntityType): string {
  return LETTER[t];
}

export function isGovernment(e: WorkEntity): boolean {
  return e.names.some((n) => normalizeName(n).split(' ').some((w) => GOVERNMENT_WORDS.has(w)));
}

const GROUPISH = new Set(['group', 'groups', 'organisation', 'organization', 'network', 'movement', 'cell', 'outfit', 'faction',
  'militia', 'sect', 'affiliate', 'offshoot', 'branch', 'wing', 'franchise', 'splinter', 'front']);

/** The head noun of an apposition right after a name: "X, a charity registered in Y" -> "charity". */
function appositionHead(tokens: Token[], e: number, end: number): string | null {
  let j = e;
  if (tokens[j]?.text === '(') { while (j < end && tokens[j].text !== ')') j++; j++; }
  if (tokens[j]?.text !== ',' || !/^(?:a|an|the)$/.test(tokens[j + 1]?.lower ?? '')) return null;
  let head: string | null = null;
  for (let q = j + 2; q < Math.min(end, j + 7); q++) {
    const t = tokens[q];
    if (!t.word || t.cap || FUNCTION_WORDS.has(t.lower) || /(?:ed|ing)$/.test(t.lower)) break;
    head = t.lower;
  }
  return head;
}

/** "X, a ... group", "X (ACR), the ... affiliate", "a network called X", "the group X". */
function describedAsGroup(tokens: Token[], s: number, e: number, end: number): boolean {
  let j = e;
  if (tokens[j]?.text === '(') { while (j < end && tokens[j].text !== ')') j++; j++; }
  if (tokens[j]?.text === ',' && /^(?:a|an|the)$/.test(tokens[j + 1]?.lower ?? '')) {
    for (let q = j + 2; q < Math.min(end, j + 8); q++) {
      if (tokens[q].text === ',' || tokens[q].text === '.') break;
      // Only a group noun itself: "X, Y's branch" describes X by its tie to Y, not as "the group".
      if (GROUP_NOMINALS.has(tokens[q].lower) && tokens[q + 1]?.lower !== "'s") return true;
    }
  }
  for (let q = s - 1; q >= Math.max(0, s - 4); q--) {
    if (GROUPISH.has(tokens[q].lower)) return true;
    if (!/^(?:called|named|calling|itself|known|as|the|["“‘'])$/.test(tokens[q].lower)) break;
  }
  return false;
}

// Perpetrator plurals ("the attackers") are not here: they name a role in the incident instead.
const PLURAL_PEOPLE = new Set(['men', 'women', 'brothers', 'sisters', 'suspects', 'pair', 'couple', 'defendants',
  'cousins', 'trio', 'accused', 'siblings', 'friends', 'teenagers', 'students']);
const COUNTS = /^(?:two|three|four|five|both|all)$/;
const NUMBER_WORDS: Record<string, number> = { two: 2, both: 2, three: 3, four: 4, five: 5 };
function countOf(tokens: Token[], k: number, n: number): number {
  for (let i = k; i < k + n; i++) if (NUMBER_WORDS[tokens[i].lower]) return NUMBER_WORDS[tokens[i].lower];
  return /^(?:brothers|sisters|pair|couple|cousins|siblings)$/.test(tokens[k + n - 1].lower) ? 2 : /^trio$/.test(tokens[k + n - 1].lower) ? 3 : 0;
}
/** Length of a plural reference to people starting at k ("the men", "the two brothers", "all three"), or 0. */
function pluralPeople(tokens: Token[], k: number, end: number): number {
  const t = tokens[k].lower;
  const n = tokens[k + 1];
  if (t === 'all' || t === 'both') {
    if (n && k + 1 < end && /^(?:three|four|five|two)$/.test(n.lower)) return 2;
    // "both men", "both brothers"
    if (t === 'both' && n && k + 1 < end && PLURAL_PEOPLE.has(n.lower) && tokens[k + 2]?.lower !== 'of') return 2;
    return 0;
  }
  if (t !== 'the') return 0;
  let j = k + 1;
  if (j < end && COUNTS.test(tokens[j].lower)) j++;
  if (j < end && PLURAL_PEOPLE.has(tokens[j].lower) && !(tokens[j + 1] && (tokens[j + 1].lower === 'of' || tokens[j + 1].cap))) return j + 1 - k;
  // "arrested the three in a raid": a count alone, where no noun follows it.
  const after = tokens[j];
  if (j === k + 2 && /^(?:two|three|four|five)$/.test(tokens[k + 1].lower) && (!after || j >= end || !after.word || FUNCTION_WORDS.has(after.lower))) return 2;
  return 0;
}

const HOSTILE_VERBS = new Set(['monitoring', 'monitored', 'watching', 'watched', 'investigating', 'investigated', 'targeting',
  'targeted', 'arrested', 'arresting', 'banned', 'proscribed', 'designated', 'sanctioned', 'infiltrated', 'infiltrating',
  'raided', 'surveilling', 'tracking', 'tracked', 'fought', 'fighting', 'attacked', 'attacking', 'charged', 'prosecuted']);

const IT_VERBS = /^(?:said|says|praised|hailed|claimed|claims|denied|denies|announced|announces|operates|operated|controls|controlled|recruited|recruits|carried|split|merged|pledged|declared|changed|renamed|funnelled|funneled|funded|financed|supported|sent|moved|(?:has|had|have) (?:been |also )?(?:[a-z]+ed|[a-z]+en|sent|built|run|fought|split)|(?:was|is) (?:founded|formed|banned|proscribed|designated|listed|sanctioned|set|established|created|led|run|based|headquartered|blamed|linked|accused|responsible|behind|dissolved|disbanded|replaced|renamed|merged|absorbed))\b/;

/** Verbs of what happens to people after an incident: a date after them is theirs. */
const OTHER_CLAUSE_VERB_RX = /\b(?:was|were|is|are|has been|have been|had been) (?:[a-z]+ly )?(?:sentenced|convicted|jailed|arrested|charged|tried|detained|released|extradited|found guilty|acquitted|deported|questioned)\b|\b(?:pleaded|appeared|died|told|said|went on trial|go on trial|goes on trial|stood trial|stand trial)\b/;

/** A sentence told as happening after the incident under discussion. */
const LATER_RX = /\b(?:later|afterwards|subsequently|the next (?:day|week|month|year))\b/i;

const SAY_AFTER_NAME = /^(?:said|says|told|added|stated|argued|insisted|claimed|alleged|wrote|testified)$/;

const CLAUSE_OPENERS = new Set(['but', 'while', 'whereas', 'although', 'though', 'because', ';', 'when', 'after', 'before', 'since', 'until', 'if', 'unless', 'so', 'where', 'which', 'whom', 'whose']);

const EXISTENTIAL_AFTER = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', "'s", 'will', 'would', 'may', 'might', 'seems', 'seem', 'appears', 'remain', 'remains', 'exists', 'exist', 'could', 'should', 'must', 'being', 'be']);

export function resolveReferences(
  text: string, tokens: Token[], sentences: TokenSentence[], mentions: RawMention[], entityOf: number[],
  entities: WorkEntity[], candidates: EventCandidate[], datesBySentence: DateMention[][],
): CorefResult {
  const anchors: Anchor[][] = sentences.map(() => []);
  const events = new Map<number, EventInfo>();
  /** Most recent anchor of each entity: [entity, token index]. */
  const recent: { entity: number; tok: number; sentence: number }[] = [];
  const mentionStartingAt = new Map<number, number>();
  mentions.forEach((m, i) => mentionStartingAt.set(m.s, i));
  const candAt = new Map<number, EventCandidate>();
  for (const c of candidates) candAt.set(c.s, c);
  const eventByName = new Map<string, number>();
  /** Organisations the text calls a group ("X, a Salafist group", "a network called X"). */
  const described = new Set<number>();
  /** Nouns the text used to describe a name ("the charity" -> the org described as "a charity"). */
  const descriptors = new Map<string, number>();

  const lookBack = (sentence: number, maxBack: number, ok: (e: WorkEntity, idx: number) => boolean): number => {
    for (let i = recent.length - 1; i >= 0; i--) {
      const r = recent[i];
      if (sentence - r.sentence > maxBack) break;
      if (ok(entities[r.entity], r.entity)) return r.entity;
    }
    return -1;
  };

  /**
   * Pronoun antecedents: the nearest fitting one before it in its own sentence, else the first
   * (subject-most) fitting one of the closest earlier sentence that has one.
   */
  const lookBackPronoun = (sentence: number, maxBack: number, ok: (e: WorkEntity, idx: number) => boolean): number => {
    let bestSentence = -1;
    let best = -1;
    for (let i = recent.length - 1; i >= 0; i--) {
      const r = recent[i];
      if (sentence - r.sentence > maxBack) break;
      if (!ok(entities[r.entity], r.entity)) continue;
      if (r.sentence === sentence) return r.entity;
      if (bestSentence === -1) bestSentence = r.sentence;
      if (r.sentence !== bestSentence) break;
      best = r.entity;
    }
    return best;
  };

  /** Distinct people of the closest recent sentence (up to 4 back) that names two to five of them. */
  let lastGroup: { people: number[]; sentence: number } | null = null;
  const peopleGroup = (sentence: number, count: number): number[] => {
    const bySentence = new Map<number, number[]>();
    for (let i = recent.length - 1; i >= 0; i--) {
      const r = recent[i];
      if (sentence - r.sentence > 4) break;
      if (entities[r.entity].type !== 'Person') continue;
      const l = bySentence.get(r.sentence) ?? [];
      if (!l.includes(r.entity)) l.unshift(r.entity);
      bySentence.set(r.sentence, l);
    }
    for (let s = sentence; s >= sentence - 4; s--) {
      const l = bySentence.get(s);
      if (l && l.length >= 2 && l.length <= 5 && (!count || l.length === count)) return l;
    }
    return [];
  };

  /** Of the fitting entities named in the last sentences, the one named most often (ties: the latest). */
  const mostNamed = (sentence: number, maxBack: number, ok: (e: WorkEntity) => boolean): number => {
    const counts = new Map<number, number>();
    let latest = -1;
    for (let i = recent.length - 1; i >= 0; i--) {
      const r = recent[i];
      if (sentence - r.sentence > maxBack) break;
      if (!ok(entities[r.entity])) continue;
      if (latest < 0) latest = r.entity;
      counts.set(r.entity, (counts.get(r.entity) ?? 0) + 1);
    }
    let best = latest;
    for (const [ent, n] of counts) if (n > (counts.get(best) ?? 0)) best = ent;
    return best;
  };

  const eventName = (c: EventCandidate): string => {
    const parts = c.name.map((p) => {
      if (typeof p === 'string') return p;
      const m = mentions[p.mention];
      const ei = entityOf[p.mention];
      // Modifiers keep the words as written ("7/7 London bombing"); complements use the full name.
      if (ei >= 0 && c.complement && c.complement.mention === p.mention) return entities[ei].names[0];
      return text.slice(tokens[m.s].start, tokens[m.e - 1].end);
    });
    return parts.join(' ');
  };

  const newEntity = (type: EntityType, name: string): number => {
    const ei = entities.length;
    entities.push({ id: `e${ei + 1}`, type, names: [name], keys: new Set([normalizeName(name)]), words: normalizeName(name).split(' '), mentionIdx: [] });
    return ei;
  };

  const dateNear = (c: EventCandidate): string | undefined => {
    const sent = sentences[c.sentence];
    const ds = datesBySentence[c.sentence];
    if (!ds.length) return undefined;
    const trigStart = tokens[c.trigger].start - sent.start;
    let best: DateMention | undefined;
    let bestD = Infinity;
    const spanStart = tokens[c.s].start - sent.start;
    for (const d of ds) {
      // "the September 11 attacks": a day in the incident's name says nothing of its year, and
      // no other date of the sentence is its date either.
      if (d.start >= spanStart && d.end <= trigStart) return undefined;
      // "The man who murdered 51 people ... was sentenced on Thursday": a date after another
      // clause's verb is that verb's date.
      if (d.start >= trigStart && OTHER_CLAUSE_VERB_RX.test(sent.text.slice(trigStart, d.start))) continue;
      const dist = d.start >= trigStart ? d.start - trigStart : trigStart - d.end;
      // A date after the event phrase ("the attacks in 2005") or opening its sentence ("On March 22nd").
      const before = d.end <= trigStart;
      const weight = before ? dist * 1.5 : dist;
      if (weight < bestD) { bestD = weight; best = d; }
    }
    return best && bestD < 90 ? best.iso : undefined;
  };

  for (const sent of sentences) {
    const list = anchors[sent.index];
    let depth = 0;
    for (let k = sent.tokStart; k < sent.tokEnd; k++) {
      if (tokens[k].text === '(') depth++;
      else if (tokens[k].text === ')' && depth > 0) depth--;
      const cand = candAt.get(k);
      if (cand && cand.sentence === sent.index) {
        const ei = resolveEvent(cand);
        if (ei >= 0) {
          list.push({ s: cand.s, e: cand.e, entity: ei, star: cand.anaphoric, rule: cand.anaphoric ? 'coref:event' : cand.rule });
          recent.push({ entity: ei, tok: k, sentence: sent.index });
          // Named mentions inside the event's span (its place) still count as seen.
          for (let q = cand.s; q < cand.e; q++) {
            const mi = mentionStartingAt.get(q);
            if (mi !== undefined && entityOf[mi] >= 0) recent.push({ entity: entityOf[mi], tok: q, sentence: sent.index });
          }
          k = cand.e - 1;
          continue;
        }
      }
      const mi = mentionStartingAt.get(k);
      if (mi !== undefined && entityOf[mi] >= 0) {
        const m = mentions[mi];
        list.push({ s: m.s, e: m.e, entity: entityOf[mi], star: false, rule: m.rule });
        if (entities[entityOf[mi]].type === 'Organization' && (describedAsGroup(tokens, m.s, m.e, sent.tokEnd) || (GROUP_NOMINALS.has(tokens[m.e - 1].lower) && !tokens[m.e - 1].cap))) described.add(entityOf[mi]);
        const head = entities[entityOf[mi]].type === 'Organization' ? appositionHead(tokens, m.e, sent.tokEnd) : null;
        if (head) descriptors.set(head, entityOf[mi]);
        // "Insurgents in X, known locally as Y": the group noun before "known as" describes Y.
        if (entities[entityOf[mi]].type === 'Organization' && /known (?:locally |widely )?as\s*$/.test(text.slice(Math.max(0, tokens[m.s].start - 24), tokens[m.s].start).toLowerCase())) {
          for (let q = sent.tokStart; q < m.s; q++) {
            if (GROUP_NOMINALS.has(tokens[q].lower)) { descriptors.set(tokens[q].lower, entityOf[mi]); described.add(entityOf[mi]); }
          }
        }
        // A name in parentheses is an aside: later pronouns do not point at it.
        if (depth === 0) recent.push({ entity: entityOf[mi], tok: k, sentence: sent.index });
        k = m.e - 1;
        continue;
      }
      const t = tokens[k];
      let target = -1;
      let e = k + 1;
      let rule = '';
      if (t.lower === 'who' && k > sent.tokStart) {
        // Relative "who": the nearest person named just before it in the sentence.
        // Only right after the name, or after an apposition of it ("X, a preacher based in Y who");
        // "the gunmen who" is about the gunmen.
        for (let i = list.length - 1; i >= 0; i--) {
          const a = list[i];
          if (k - a.e > 8) break;
          if (entities[a.entity].type !== 'Person' || a.relative) continue;
          const adjacent = a.e === k || (a.e === k - 1 && tokens[k - 1].text === ',');
          const appos = tokens[a.e]?.text === ',' && /^(?:a|an|the)$/.test(tokens[a.e + 1]?.lower ?? '');
          // "X, is a senior Y commander who ...": a singular person noun right before "who".
          const roleNoun = PERSON_ROLE_NOUNS.has(tokens[k - 1].lower);
          if (adjacent || appos || roleNoun) target = a.entity;
          break;
        }
        if (target >= 0) {
          list.push({ s: k, e: k + 1, entity: target, star: true, relative: true, rule: 'coref:relative' });
          continue;
        }
      }
      // "the men", "the two brothers", "all three": the people named together most recently.
      const plural = pluralPeople(tokens, k, sent.tokEnd);
      if (plural > 0) {
        const count = countOf(tokens, k, plural);
        // The same people as the last plural reference, if it fits; else the latest named together.
        let group: number[] = lastGroup && sent.index - lastGroup.sentence <= 6 && (!count || lastGroup.people.length === count) ? lastGroup.people : peopleGroup(sent.index, count);
        if (group.length >= 2) lastGroup = { people: group, sentence: sent.index };
        if (group.length >= 2) {
          for (const ent of group) list.push({ s: k, e: k + plural, entity: ent, star: true, rule: 'coref:plural' });
          k += plural - 1;
          continue;
        }
      }
      if (PERSON_PRONOUNS.has(t.lower)) {
        // he/his/she: the subject of its clause when one is named there (binding prefers the
        // subject; "him" cannot be the subject of its own clause, so it takes the nearest).
        const objective = t.lower === 'him' || (t.lower === 'her' && !(tokens[k + 1]?.word && !tokens[k + 1].cap && !FUNCTION_WORDS.has(tokens[k + 1].lower)));
        let clauseStart = sent.tokStart;
        for (let q = k - 1; q > sent.tokStart; q--) if (CLAUSE_OPENERS.has(tokens[q].lower)) { clauseStart = q; break; }
        // A person who speaks in this sentence ("prosecutor X said ... he") is not who "he" is.
        const reporters = new Set<number>();
        // (A pronoun speaker speaks of himself: "He told the jury he had acted ...".)
        for (const a of list) if (!a.star && a.e < k && SAY_AFTER_NAME.test(tokens[a.e]?.lower ?? '')) reporters.add(a.entity);
        if (!objective) {
          for (const a of list) {
            if (a.s >= clauseStart && a.s < k && entities[a.entity].type === 'Person' && !a.relative && !reporters.has(a.entity)) { target = a.entity; break; }
          }
        }
        if (target < 0) target = lookBackPronoun(sent.index, 2, (x, idx) => x.type === 'Person' && !reporters.has(idx));
        if (target < 0) target = lookBackPronoun(sent.index, 2, (x) => x.type === 'Person');
        rule = 'coref:pronoun';
      } else if (PLURAL_PRONOUNS.has(t.lower)) {
        // "their": a group, unless people were named since (then it is those people, whom a
        // single entity cannot stand for).
        let personSince = false;
        for (let i = recent.length - 1; i >= 0; i--) {
          const r = recent[i];
          if (sent.index - r.sentence > 1) break;
          const x = entities[r.entity];
          if (x.type === 'Person') personSince = true;
          else if (x.type === 'Organization') { if (!personSince) target = r.entity; break; }
        }
        if (target < 0 && !personSince) target = lookBackPronoun(sent.index, 2, (x) => x.type === 'Organization');
        rule = 'coref:pronoun';
      } else if (t.lower === 'it' && (IT_VERBS.test(`${tokens[k + 1]?.lower ?? ''} ${tokens[k + 2]?.lower ?? ''}`)
        // "it previously operated", "it later merged": an adverb before the verb.
        || (/^(?:[a-z]+ly|also|later|once|still|then|now|since|soon)$/.test(tokens[k + 1]?.lower ?? '') && IT_VERBS.test(`${tokens[k + 2]?.lower ?? ''} ${tokens[k + 3]?.lower ?? ''}`))
        || /^(?:founded|formed|created|established|launched|led|joined|left|banned|proscribed|designated|sanctioned|funded|financed|backed|supported|heads|headed|runs|ran)$/.test(tokens[k - 1]?.lower ?? ''))) {
        // "it" with an organisation's verb after it ("it claimed", "it was banned in 2016").
        target = lookBackPronoun(sent.index, 1, (x) => x.type === 'Organization');
        rule = 'coref:pronoun-it';
      } else if (ORG_PRONOUNS.has(t.lower)) {
        target = lookBackPronoun(sent.index, 2, (x) => x.type === 'Organization');
        // "The agency had been monitoring several of its members": a body watching, banning or
        // fighting "its" members means another group's members; look to the sentences before.
        const same = list.find((a) => a.entity === target);
        if (same && target >= 0) {
          let hostile = false;
          for (let q = same.e; q < k; q++) if (HOSTILE_VERBS.has(tokens[q].lower)) hostile = true;
          if (hostile) {
            const before = lookBackPronoun(sent.index - 1, 2, (x, idx) => x.type === 'Organization' && idx !== target);
            target = before;
          }
        }
        rule = 'coref:pronoun';
      } else if (t.lower === 'there' && !EXISTENTIAL_AFTER.has(tokens[k + 1]?.lower ?? '')) {
        target = lookBack(sent.index, 1, (x) => x.type === 'Location');
        rule = 'coref:there';
      } else if ((t.lower === 'the' || t.lower === 'this' || t.lower === 'that') && k + 1 < sent.tokEnd) {
        // "the group", "the terrorist organisation", "the agency", "the city"
        let h = k + 1;
        // Adjectives before the head: "the Somali militant group", "the banned organisation".
        while (h + 1 < sent.tokEnd && h - k <= 3 && !mentionStartingAt.has(h) && (DEMONYMS.has(tokens[h].lower)
          || (!tokens[h].cap && /^(?:terrorist|militant|extremist|jihadist|islamist|banned|proscribed|outlawed|same|radical|security|intelligence|spy|local|whole|entire|armed|little-known|shadowy|small|new|former|online|underground|violent|secretive|clandestine|domestic|foreign)$/.test(tokens[h].lower)))) h++;
        const head = tokens[h];
        const next = tokens[h + 1];
        // A nominal followed by a name is a title ("the group Y"), not a reference; right after
        // "Name," it is an apposition describing that name ("Hamas, the Islamist group that ...").
        const apposition = k >= 2 && tokens[k - 1].text === ',' && list.length > 0 && list[list.length - 1].e === k - 1 && !list[list.length - 1].star
          && tokens[h + 1]?.lower !== "'s";
        if (head && !head.cap && !apposition && !(next && next.cap && mentionStartingAt.has(h + 1))) {
          if (descriptors.has(head.lower) && !FUNCTION_WORDS.has(head.lower) && tokens[h + 1]?.lower !== 'of') {
            target = descriptors.get(head.lower)!;
            rule = 'coref:described-as';
            e = h + 1;
          } else if (GROUP_NOMINALS.has(head.lower)) {
            // "the group": the last organisation the text described as a group, else the last one.
            // Opening a sentence, the group the last sentence was about first (its first group);
            // a group described long ago yields to the groups of the last sentences.
            const prev = k === sent.tokStart && sent.index > 0 ? anchors[sent.index - 1].find((a) => entities[a.entity].type === 'Organization') : undefined;
            if (prev && !isGovernment(entities[prev.entity])) target = prev.entity;
            if (target < 0) target = lookBack(sent.index, 2, (x, idx) => x.type === 'Organization' && !isGovernment(x) && described.has(idx));
            // Else the group the text has named most in its last sentences (the one it is about).
            if (target < 0) target = mostNamed(sent.index, 3, (x) => x.type === 'Organization' && !isGovernment(x));
            if (target < 0) target = lookBack(sent.index, 8, (x, idx) => x.type === 'Organization' && !isGovernment(x) && described.has(idx));
            rule = 'coref:nominal';
            e = h + 1;
          } else if (AGENCY_NOMINALS.has(head.lower) && !DEMONYMS.has(tokens[k + 1].lower)) {
            // "the agency", "the ministry": a body of that kind named before ("the British
            // police" is a body of its own, not a reference).
            const word = head.lower;
            target = lookBack(sent.index, 3, (x) => x.type === 'Organization' && isGovernment(x) && (
              x.names.some((n) => normalizeName(n).split(' ').includes(word))
              || ((word === 'agency' || word === 'service' || word === 'services' || word === 'bureau') && x.names.some((n) => /^(?:MI\d|FBI|CIA|NSA|GCHQ|DGSI|DGSE|BND|BfV|ASIO|CSIS|Mossad|Shin Bet|FSB|ISI|NIA|DHS|DEA)$/.test(n) || /\b(?:Agency|Service|Bureau|Intelligence)\b/.test(n)))));
            rule = 'coref:nominal';
            e = h + 1;
          } else if (!head.cap && head.word && !FUNCTION_WORDS.has(head.lower) && head.lower.length > 3) {
            // "the exchange", "the front", "the brigade": an organisation named before with that head word.
            const w = head.lower;
            target = lookBack(sent.index, 6, (x) => x.type === 'Organization' && x.names.some((n) => { const ws = normalizeName(n).split(' '); return ws.length > 1 && ws[ws.length - 1] === w; }));
            if (target >= 0) { rule = 'coref:name-head'; e = h + 1; }
            else if (PLACE_NOMINALS.has(head.lower) && tokens[h + 1]?.lower !== 'of') {
              target = lookBack(sent.index, 2, (x) => x.type === 'Location');
              rule = 'coref:nominal';
              e = h + 1;
            }
          } else if (PLACE_NOMINALS.has(head.lower) && tokens[h + 1]?.lower !== 'of') {
            // ("the city of Halle" names the city; it refers to nothing before.)
            target = lookBack(sent.index, 2, (x) => x.type === 'Location');
            rule = 'coref:nominal';
            e = h + 1;
          }
        }
      }
      if (target >= 0) {
        list.push({ s: k, e, entity: target, star: true, rule });
        recent.push({ entity: target, tok: k, sentence: sent.index });
        k = e - 1;
      }
    }
  }
  return { anchors, events };

  function resolveEvent(c: EventCandidate): number {
    const family = kindFamily(c.kind);
    // An attack told through its verbs ("blew himself up at a cafe") while an incident is under
    // discussion is part of that incident.
    if (c.rule === 'event:verb-with-place') {
      // "X was killed five days later in a police raid": told as later, it is another incident,
      // and when a noun names one in the same sentence (the raid), that one is it.
      const later = LATER_RX.test(sentences[c.sentence].text);
      if (later && candidates.some((o) => o !== c && o.sentence === c.sentence && o.rule !== 'event:verb-with-place' && !o.anaphoric)) return -1;
      // ... and when its date says it is another incident (an abduction a year before the killing).
      const d = dateNear(c);
      const hit = later ? -1 : lookBack(c.sentence, 3, (x, idx) => x.type === 'Event' && kindFamily(events.get(idx)?.kind) === family
        && !(d && events.get(idx)?.date && events.get(idx)!.date!.slice(0, 4) !== d.slice(0, 4)));
      if (hit >= 0) {
        const info = events.get(hit)!;
        info.candidates.push(c);
        // Told again with a narrower place ("abducted in Nigeria" ... "stormed a school in
        // Kankara"): that place names it too.
        if (!c.needsAntecedent) {
          const alt = eventName(c);
          if (alt && !entities[hit].names.includes(alt)) entities[hit].names.push(alt);
        }
        return hit;
      }
      if (c.needsAntecedent) return -1;
    }
    if (c.rule === 'event:kill-verb-object') {
      // "He then stabbed PC Palmer": a killing told right after an attack is part of that attack,
      // unless a date or a place of its own says it is another incident.
      const sent = sentences[c.sentence];
      const placed = mentions.some((m, mi) => m.type === 'Location' && entityOf[mi] >= 0 && m.s >= sent.tokStart && m.e <= sent.tokEnd
        && /^(?:in|at|on|near|outside|inside)$/.test(tokens[tokens[m.s - 1]?.lower === 'the' ? m.s - 2 : m.s - 1]?.lower ?? ''));
      const d = dateNear(c);
      const hit = placed || d ? -1 : lookBack(c.sentence, 2, (x, idx) => x.type === 'Event' && kindFamily(events.get(idx)?.kind) === 'violence'
        && events.get(idx)!.candidates.some((o) => o.rule !== 'event:kill-verb-object'));
      if (hit >= 0) {
        events.get(hit)!.candidates.push(c);
        return hit;
      }
    }
    if (c.anaphoric) {
      // "the attack", "his attack": the last incident of the same family.
      // Same kind first ("the metro bombing" -> the last bombing), then same family.
      let hit = lookBack(c.sentence, 1e9, (x, idx) => x.type === 'Event' && events.get(idx)?.kind === c.kind);
      if (hit < 0) hit = lookBack(c.sentence, 1e9, (x, idx) => x.type === 'Event' && kindFamily(events.get(idx)?.kind) === family);
      if (hit >= 0) return hit;
      // "his conviction": a justice event about a named person stands on its own.
      if (family === 'justice' && c.possessor) {
        let who = -1;
        if (c.possessor.mention !== undefined) who = entityOf[c.possessor.mention];
        else if (c.possessor.pronoun !== undefined) who = lookBack(c.sentence, 2, (x) => x.type === 'Person');
        if (who >= 0 && entities[who].type === 'Person') {
          return createEvent(c, `${c.name[c.name.length - 1]} of ${entities[who].names[0]}`, family);
        }
      }
      return -1;
    }
    const name = eventName(c);
    const ei = createEvent(c, name, family);
    // The wider place gives the incident another name ("Nice attack").
    if (c.rule === 'event:verb-with-place' && c.wider !== undefined && entityOf[c.wider] >= 0) {
      const alt = `${entities[entityOf[c.wider]].names[0]} ${c.name[c.name.length - 1]}`;
      const key = normalizeName(alt);
      if (!entities[ei].keys.has(key)) { entities[ei].keys.add(key); entities[ei].names.push(alt); }
    }
    return ei;
  }

  function createEvent(c: EventCandidate, name: string, family: string): number {
    const key = normalizeName(name);
    const date = dateNear(c);
    const proper = new Set<string>();
    if (c.wider !== undefined && entityOf[c.wider] >= 0) for (const w of normalizeName(entities[entityOf[c.wider]].names[0]).split(' ')) proper.add(w);
    for (const p of c.name) {
      if (typeof p === 'string') {
        if (/^\p{Lu}/u.test(p) || /\d/.test(p)) for (const w of normalizeName(p).split(' ')) proper.add(w);
      } else {
        const ei = entityOf[p.mention];
        if (ei >= 0) for (const w of normalizeName(entities[ei].names[0]).split(' ')) proper.add(w);
      }
    }
    let ei = eventByName.get(key);
    if (ei === undefined) {
      // The same incident named another way: same family, a shared proper word, no date clash.
      for (const [idx, info] of events) {
        if (kindFamily(info.kind) !== family) continue;
        if (info.date && date && info.date.slice(0, 4) !== date.slice(0, 4)) continue;
        let shared = false;
        for (const w of proper) if (info.properWords.has(w)) { shared = true; break; }
        if (shared) { ei = idx; break; }
      }
    }
    if (ei === undefined) {
      ei = newEntity('Event', name);
      events.set(ei, { kind: c.kind, date, properWords: proper, rule: c.rule, candidates: [c] });
    } else {
      const ent = entities[ei];
      if (!ent.keys.has(key)) { ent.keys.add(key); ent.names.push(name); }
      const info = events.get(ei)!;
      if (!info.date && date) info.date = date;
      for (const w of proper) info.properWords.add(w);
      info.candidates.push(c);
    }
    eventByName.set(key, ei);
    return ei;
  }
}
