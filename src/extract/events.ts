// Events: specific incidents named by a trigger noun with something that pins it down (a
// proper modifier "the 7/7 London bombing", a complement "the murder of X" / "the attack on
// Y", a possessor "his conviction"), by a killing verb with a named victim ("for killing X"),
// or by a definite reference ("the attack") to one already seen.
import type { EventKind } from '../schema/index.js';
import type { Token } from './tokens.js';
import type { TokenSentence } from './sentences.js';
import { COMMON_WORDS, DEMONYMS, FUNCTION_WORDS, PERSON_ROLE_NOUNS, PERSON_TITLES } from './lexicons.js';

export const EVENT_TRIGGERS: Map<string, EventKind> = new Map(Object.entries({
  attack: 'attack', attacks: 'attack', bombing: 'bombing', bombings: 'bombing', murder: 'murder',
  killing: 'murder', killings: 'murder', assassination: 'murder', stabbing: 'attack', stabbings: 'attack',
  shooting: 'attack', shootings: 'attack', massacre: 'attack', plot: 'plot', plots: 'plot', arrest: 'arrest',
  arrests: 'arrest', trial: 'trial', conviction: 'conviction', sentencing: 'sentence', designation: 'designation',
  proscription: 'proscription', hijacking: 'attack', hijackings: 'attack', siege: 'attack', explosion: 'bombing',
  blast: 'bombing', beheading: 'murder', assault: 'attack', assaults: 'attack', airstrike: 'attack', airstrikes: 'attack', strike: 'attack', kidnapping: 'attack', abduction: 'attack', abductions: 'attack', kidnappings: 'attack', rampage: 'attack', ambush: 'attack',
  // A raid is as often the police's as the attackers': its own kind, never merged with attacks.
  raid: 'other', raids: 'other',
}) as [string, EventKind][]);

/** Verbs that, with a named person as object, describe a killing ("for killing X"). */
export const KILL_VERBS: Map<string, string> = new Map(Object.entries({
  killing: 'killing', killed: 'killing', murdering: 'murder', murdered: 'murder', assassinating: 'assassination',
  assassinated: 'assassination', stabbing: 'stabbing', stabbed: 'stabbing', beheading: 'beheading',
  beheaded: 'beheading', shooting: 'shooting', shot: 'shooting', kidnapping: 'kidnapping', kidnapped: 'kidnapping',
}));

/** Event kinds that can be the same incident under different nouns. */
export function kindFamily(k: EventKind | undefined): string {
  // A plot is an attack planned: "the plot" can be the bombing the text is about.
  if (k === 'attack' || k === 'bombing' || k === 'murder' || k === 'plot') return 'violence';
  if (k === 'arrest' || k === 'charge' || k === 'trial' || k === 'conviction' || k === 'sentence') return 'justice';
  if (k === 'designation' || k === 'proscription') return 'listing';
  return k ?? 'other';
}

/** Lower-case words that can sit between a proper modifier and the trigger ("London metro attacks"). */
const INNER_MODIFIERS = new Set(`terror terrorist suicide knife vehicle van truck lorry car metro tube bus bridge
nightclub concert arena market train subway underground mosque church synagogue embassy hotel airport school
bomb gun chemical jihadist jihadi failed foiled attempted deadly twin coordinated mass street festival
christmas rail railway station stadium office consulate base barracks border prison attack`.split(/\s+/));

/** A proper-looking modifier token not in a mention: "7/7", "9/11". */
const COMPOUND_HEADS = new Set(['warrant', 'warrants', 'suspect', 'suspects', 'plotter', 'plotters', 'victims', 'victim',
  'survivors', 'survivor', 'inquiry', 'investigation', 'case', 'charges', 'charge', 'site', 'scene', 'anniversary',
  'memorial', 'threat', 'threats', 'plan', 'plans', 'squad', 'unit', 'campaign', 'wave', 'spree', 'attempt', 'attempts',
  'capability', 'capabilities', 'drill', 'drills', 'risk', 'law', 'laws', 'powers', 'order', 'orders']);
const MONTHS_RX = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;
const MONTH_OR_YEAR_RX = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:19|20)\d\d)$/;
const NUMBER_NAME_RX = /^\d{1,2}\/\d{1,2}$/;

export interface EventCandidate {
  /** Token span standing for the event in its sentence. */
  s: number;
  e: number;
  sentence: number;
  kind: EventKind;
  /** The trigger token index. */
  trigger: number;
  /** Name pieces: literal words or a named mention's index (its entity's full name is used). */
  name: (string | { mention: number })[];
  /** Mentions that are part of the modifier (a place or an organisation before the noun). */
  modifierMentions: number[];
  /** "of X" / "on X" / the killing verb's object. */
  complement?: { mention: number; prep: string };
  /** "his attack", "X's trial": the possessor token index (pronoun) or mention. */
  possessor?: { mention?: number; pronoun?: number };
  /** Further places of the same incident ("and in Borough Market"). */
  alsoPlaces?: number[];
  /** Told by a verb with no place: kept only as part of an incident already described. */
  needsAntecedent?: boolean;
  /** A wider place named after the complement ("on Las Ramblas in Barcelona"). */
  wider?: number;
  /** A definite reference with nothing to name it ("the attack"): resolved by coreference. */
  anaphoric: boolean;
  /** How it was found. */
  rule: string;
}

export interface MentionRef {
  s: number;
  e: number;
  type: string;
}

export function findEventCandidates(
  tokens: Token[], sentences: TokenSentence[], mentions: MentionRef[],
): EventCandidate[] {
  const mentionAt = new Map<number, number>(); // first token -> mention index
  const mentionEnd = new Map<number, number>(); // last token + 1 -> mention index
  const inMention = new Int32Array(tokens.length).fill(-1);
  mentions.forEach((m, i) => {
    mentionAt.set(m.s, i);
    mentionEnd.set(m.e, i);
    for (let k = m.s; k < m.e; k++) inMention[k] = i;
  });
  const out: EventCandidate[] = [];
  for (const sent of sentences) {
    for (let k = sent.tokStart; k < sent.tokEnd; k++) {
      const t = tokens[k];
      const kind = EVENT_TRIGGERS.get(t.lower);
      // A strike is an incident when it comes from the air ("a French drone strike"), not a walkout.
      const strike = t.lower === 'strike' && !/^(?:drone|air|missile|rocket|aerial)$/.test(tokens[k - 1]?.lower ?? '');
      if (kind && inMention[k] < 0 && !strike) {
        const c = nounEvent(tokens, sent, k, kind, mentionAt, mentionEnd, inMention, mentions);
        if (c) { out.push(c); continue; }
      }
      const verb = KILL_VERBS.get(t.lower);
      const before = out.length;
      if (verb && inMention[k] < 0) {
        // The object: a named person after at most three lower-case words ("British soldier").
        let j = k + 1;
        // Role words and titles before the name may be capitalised ("the Conservative MP Sir X").
        while (j < sent.tokEnd && j - k <= 6 && inMention[j] < 0 && tokens[j].word
          && (!tokens[j].cap || DEMONYMS.has(tokens[j].lower) || PERSON_TITLES.has(tokens[j].lower) || COMMON_WORDS.has(tokens[j].lower))
          && !/^(?:and|or|in|on|at|by|with|for|to|from|after|before|three|two|four|five|several|many|some|was|were|is|are|be|been|\d+)$/.test(tokens[j].lower)) j++;
        const mi = inMention[j];
        if (j < sent.tokEnd && mi >= 0 && mentions[mi].type === 'Person' && mentions[mi].s === j) {
          out.push({
            s: k, e: k + 1, sentence: sent.index, kind: 'murder', trigger: k,
            name: [verb === 'killing' ? 'killing' : verb, 'of', { mention: mi }], modifierMentions: [],
            complement: { mention: mi, prep: 'object' }, anaphoric: false, rule: 'event:kill-verb-object',
          });
        }
      }
      if (out.length === before && inMention[k] < 0) {
        let v = verbEvent(tokens, k, sent.tokEnd);
        // "plotted to bomb Rotterdam station": a plot, named by its target.
        if (!v && /^(?:plotted|plotting|planned|planning|conspired|conspiring|plots|plans)$/.test(t.lower) && tokens[k + 1]?.lower === 'to') {
          const target = plotTarget(tokens, k + 2, sent.tokEnd, mentionAt, mentions);
          if (target) {
            out.push({
              s: k, e: k + 2 + target.verb.length, sentence: sent.index, kind: 'plot', trigger: k,
              name: ['plot', 'to', ...target.verb, { mention: target.mention }], modifierMentions: [],
              complement: mentions[target.mention].type === 'Location' ? { mention: target.mention, prep: 'in' } : undefined,
              anaphoric: false, rule: 'event:verb-with-place',
            });
            k += 1 + target.verb.length;
            continue;
          }
        }
        // "bombers struck Brussels Airport": struck/targeted with a place right after.
        if (!v && (t.lower === 'struck' || t.lower === 'targeted' || t.lower === 'hit') && mentions[mentionAt.get(k + 1) ?? -1]?.type === 'Location') v = { kind: 'attack', noun: 'attack', len: 1 };
        if (v && out.filter((c) => c.sentence === sent.index && !c.anaphoric).length < 2) {
          // "Gunmen stormed a school in Kuriga": the incident, named by its place and kind.
          let place = -1;
          let best = Infinity;
          for (let q = sent.tokStart; q < sent.tokEnd; q++) {
            const mi = mentionAt.get(q);
            if (mi === undefined || mentions[mi].type !== 'Location') continue;
            // "a man from Birmingham drove into ...": where someone comes from is not where it happened.
            if (q < k && tokens[q - 1]?.lower === 'from') continue;
            // "MAIDUGURI, Nigeria - Two bombers ...": a dateline says where the report was filed.
            if (q < k && datelineEnd(tokens, sent) > q) continue;
            // A place after the verb behind a locative preposition ("at a market in the town of X")
            // is most likely where it happened.
            let locative = false;
            for (let b = q - 1; b >= Math.max(k + 1, q - 4); b--) if (/^(?:in|at|on|near|outside|inside)$/.test(tokens[b]!.lower)) locative = true;
            const raw = q > k ? q - k : (k - q) * 2;
            const d = q > k && locative ? raw / 2 : raw;
            if (d < best && raw <= 24) { best = d; place = mi; }
          }
          if (place >= 0) {
            // "on the Promenade des Anglais in Nice": the wider place names the incident too.
            const pe = mentions[place].e;
            const w = /^(?:in|at)$/.test(tokens[pe]?.lower ?? '') ? mentionAt.get(pe + 1) : undefined;
            // "on London Bridge and in Borough Market": a second place of the same incident.
            const also: number[] = [];
            if (tokens[pe]?.lower === 'and' && /^(?:in|at|on|near)$/.test(tokens[pe + 1]?.lower ?? '')) {
              const a2 = mentionAt.get(tokens[pe + 2]?.lower === 'the' ? pe + 3 : pe + 2);
              if (a2 !== undefined && mentions[a2].type === 'Location') also.push(a2);
            }
            out.push({
              s: k, e: k + v.len, sentence: sent.index, kind: v.kind, trigger: k, name: [{ mention: place }, v.noun],
              modifierMentions: [place], anaphoric: false, rule: 'event:verb-with-place',
              wider: w !== undefined && mentions[w].type === 'Location' ? w : undefined, alsoPlaces: also,
            });
            k += v.len - 1;
          } else {
            // No place: only part of an incident already under discussion ("X killed 86 people").
            out.push({
              s: k, e: k + v.len, sentence: sent.index, kind: v.kind, trigger: k, name: [v.noun],
              modifierMentions: [], anaphoric: false, rule: 'event:verb-with-place', needsAntecedent: true,
            });
            k += v.len - 1;
          }
        }
      }
    }
  }
  return out;
}

/** Verbs that report an attack as it happened ("stormed", "opened fire", "blew himself up"). */
function verbEvent(tokens: Token[], k: number, end: number): { kind: EventKind; noun: string; len: number } | null {
  const w = tokens[k].lower;
  const n1 = k + 1 < end ? tokens[k + 1].lower : '';
  const n2 = k + 2 < end ? tokens[k + 2].lower : '';
  if (w === 'opened' && n1 === 'fire') return { kind: 'attack', noun: 'shooting', len: 2 };
  if (w === 'blew' && /^(?:himself|herself|themselves)$/.test(n1) && n2 === 'up') return { kind: 'bombing', noun: 'bombing', len: 3 };
  if (w === 'shot' && n1 === 'dead') return { kind: 'attack', noun: 'shooting', len: 2 };
  if ((w === 'gunned' || w === 'mowed') && n1 === 'down') return { kind: 'attack', noun: 'attack', len: 2 };
  // "a roadside bomb ripped through a convoy", "the device went off": a bomb that exploded.
  if ((w === 'exploded' || (w === 'went' && n1 === 'off') || ((w === 'ripped' || w === 'tore') && n1 === 'through')) && k > 0) {
    for (let q = k - 1; q >= Math.max(0, k - 4); q--) {
      if (/^(?:bomb|bombs|device|explosive|explosives|ied|blast|explosion|vest|car-bomb)$/.test(tokens[q].lower)) return { kind: 'bombing', noun: 'bombing', len: w === 'exploded' ? 1 : 2 };
      if (!tokens[q].word) break;
    }
  }
  // "drove a truck into crowds", "ploughed into pedestrians"
  if (/^(?:drove|driven|ploughed|plowed|smashed|crashed)$/.test(w)) {
    for (let q = k + 1; q < Math.min(end, k + 6); q++) if (tokens[q].lower === 'into') return { kind: 'attack', noun: 'attack', len: 1 };
  }
  // "killed 51 worshippers", "killing four people": a killing counted in people.
  // "was seized from a hotel in Timbuktu": a person taken is a kidnapping.
  const prev = k > 0 ? tokens[k - 1].lower : '';
  if ((w === 'seized' || w === 'snatched' || w === 'abducted' || w === 'kidnapped') && (prev === 'was' || prev === 'were' || prev === 'been')) return { kind: 'attack', noun: w === 'abducted' ? 'abduction' : 'kidnapping', len: 1 };
  if (/^(?:killed|killing|murdered|massacred|shot)$/.test(w) && /^(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|hundreds|at)$/.test(n1)) return { kind: 'attack', noun: 'attack', len: 1 };
  // "killed a passer-by", "shot a police officer": an unnamed victim of the incident.
  if (/^(?:killed|murdered|stabbed|shot)$/.test(w) && /^(?:a|an)$/.test(n1) && /^(?:passer-by|passerby|man|woman|policeman|policewoman|officer|police|soldier|tourist|worshipper|student|child|teacher|guard|priest|imam|rabbi|bystander|pedestrian|boy|girl)$/.test(n2)) return { kind: 'attack', noun: 'attack', len: 1 };
  const simple = VERB_EVENTS.get(w);
  return simple ? { ...simple, len: 1 } : null;
}

/** Where a dateline ("MAIDUGURI, Nigeria -", "KABUL (Reuters) -") opening the sentence ends, or -1. */
function datelineEnd(tokens: Token[], sent: TokenSentence): number {
  for (let q = sent.tokStart + 1; q < Math.min(sent.tokEnd, sent.tokStart + 8); q++) {
    if (/^[-–—]$/.test(tokens[q]!.text)) return q;
    if (tokens[q]!.word && !tokens[q]!.cap) return -1;
  }
  return -1;
}

/** "bomb the Rotterdam station", "blow up a synagogue in Halle", "kill X": what a plot is to do, and to what. */
function plotTarget(tokens: Token[], j: number, end: number, mentionAt: Map<number, number>, mentions: MentionRef[]): { verb: string[]; mention: number } | null {
  const verb: string[] = [];
  const w = tokens[j]?.lower ?? '';
  const w2 = `${w} ${tokens[j + 1]?.lower ?? ''}`;
  if (w2 === 'blow up' || w2 === 'set off' || w2 === 'set fire') {
    verb.push(...w2.split(' '));
    j += 2;
    if (w2 === 'set fire' && tokens[j]?.lower === 'to') { verb.push('to'); j++; }
  } else if (/^(?:bomb|attack|kill|murder|assassinate|target|strike|behead|kidnap|abduct|storm|firebomb|burn|shoot|stab|detonate|plant)$/.test(w)) { verb.push(w); j++; }
  else return null;
  // "set off a homemade nail bomb inside the Highcross shopping centre": the device, then where.
  if (/^(?:set off|detonate|plant)$/.test(verb.join(' '))) {
    let q = j;
    while (q < Math.min(end, j + 5) && tokens[q].word && !/^(?:inside|in|at|outside|near|on)$/.test(tokens[q].lower)) q++;
    if (q >= end || !/^(?:inside|in|at|outside|near|on)$/.test(tokens[q].lower)) return null;
    j = q + 1;
  }
  // A few words of description before the name: "a synagogue in", "the Highcross shopping centre in".
  for (let q = j; q < Math.min(end, j + 7); q++) {
    const mi = mentionAt.get(q);
    if (mi !== undefined) return mentions[mi].type === 'none' ? null : { verb, mention: mi };
    if (!tokens[q].word || /^(?:and|or|but|who|which|that|was|were|is|are|by|with|for)$/.test(tokens[q].lower)) return null;
  }
  return null;
}

const VERB_EVENTS: Map<string, { kind: EventKind; noun: string }> = new Map([
  ['stormed', { kind: 'attack', noun: 'attack' }], ['attacked', { kind: 'attack', noun: 'attack' }],
  ['rammed', { kind: 'attack', noun: 'attack' }], ['abducted', { kind: 'attack', noun: 'abduction' }],
  ['kidnapped', { kind: 'attack', noun: 'kidnapping' }], ['stabbed', { kind: 'attack', noun: 'stabbing' }],
  ['massacred', { kind: 'attack', noun: 'massacre' }], ['bombed', { kind: 'bombing', noun: 'bombing' }],
  ['detonated', { kind: 'bombing', noun: 'bombing' }], ['hijacked', { kind: 'attack', noun: 'hijacking' }],
  ['beheaded', { kind: 'murder', noun: 'beheading' }],
]);

function nounEvent(
  tokens: Token[], sent: TokenSentence, k: number, kind: EventKind,
  mentionAt: Map<number, number>, mentionEnd: Map<number, number>, inMention: Int32Array, mentions: MentionRef[],
): EventCandidate | null {
  const trig = tokens[k];
  const plural = /s$/.test(trig.lower) && !/ss$/.test(trig.lower);
  // "an arrest warrant", "the bombing suspect": the noun modifies another noun; no incident.
  if (COMPOUND_HEADS.has(tokens[k + 1]?.lower ?? '')) return null;
  // Pre-modifiers: walk left over inner modifiers, mentions and "7/7"-like names.
  let s = k;
  const modMentions: number[] = [];
  let proper = false;
  const name: (string | { mention: number })[] = [trig.lower];
  let p = k - 1;
  while (p >= sent.tokStart) {
    const tp = tokens[p];
    const mi = mentionEnd.get(p + 1);
    if (mi !== undefined && (mentions[mi].type === 'Location' || mentions[mi].type === 'Organization')) {
      modMentions.unshift(mi);
      name.unshift({ mention: mi });
      proper = true;
      p = mentions[mi].s - 1;
      s = mentions[mi].s;
      continue;
    }
    if (inMention[p] >= 0) break;
    // "the September 11 attacks", "the 13 November attacks": a day without a year names the incident.
    if (/^\d{1,2}$/.test(tp.text) && p > sent.tokStart && MONTHS_RX.test(tokens[p - 1].text) && !/^(?:19|20)\d\d$/.test(tokens[p + 1]?.text ?? '')) {
      name.unshift(tokens[p - 1].text, tp.text); proper = true; s = p - 1; p -= 2; continue;
    }
    if (MONTHS_RX.test(tp.text) && p > sent.tokStart && /^\d{1,2}$/.test(tokens[p - 1].text)) {
      name.unshift(tokens[p - 1].text, tp.text); proper = true; s = p - 1; p -= 2; continue;
    }
    // "the November 2015 attacks": a date before the noun is its date, not its name.
    if (MONTH_OR_YEAR_RX.test(tp.text)) { s = p; p--; continue; }
    if (/^\d{1,2}$/.test(tp.text) && p > sent.tokStart && MONTH_OR_YEAR_RX.test(tokens[p - 1].text)) { s = p - 1; p -= 2; continue; }
    // A capitalised word opening the sentence is a name only if it is not an ordinary word ("Video shows ...").
    const openingWord = ((p === sent.tokStart || tokens[p].nl) && COMMON_WORDS.has(tp.lower)) || DEMONYMS.has(tp.lower);
    if (NUMBER_NAME_RX.test(tp.text) || (tp.cap && tp.word && !openingWord && !/^(?:The|A|An|This|That|His|Her|Their|Its)$/.test(tp.text) && !(p === sent.tokStart && tp.text.length < 4))) {
      if (/^(?:The|A|An)$/.test(tp.text)) break;
      name.unshift(tp.text);
      proper = true;
      s = p;
      p--;
      continue;
    }
    // Lower-case words before the noun: known modifiers, or nouns (not "-ed", "-ly" or a verb's "-s").
    if ((INNER_MODIFIERS.has(tp.lower) || (tp.word && !tp.cap && !FUNCTION_WORDS.has(tp.lower) && k - p <= 2 && !/(?:ed|ly|[^s]s)$/.test(tp.lower))) && tp.lower !== trig.lower) {
      // Only part of the name when a proper modifier stands further left.
      let q = p - 1;
      while (q >= sent.tokStart && INNER_MODIFIERS.has(tokens[q].lower)) q--;
      const qm = q >= sent.tokStart ? mentionEnd.get(q + 1) : undefined;
      const qProper = q >= sent.tokStart && (NUMBER_NAME_RX.test(tokens[q].text) || (tokens[q].cap && tokens[q].word && !/^(?:The|A|An)$/.test(tokens[q].text)) || (qm !== undefined && mentions[qm].type !== 'Person'));
      if (!qProper) break;
      name.unshift(tp.lower);
      s = p;
      p--;
      continue;
    }
    break;
  }
  const det = tokens[p];
  // Complement: "of X" (a named person or group), "on/in X" (a place or a capitalised name).
  let complement: EventCandidate['complement'];
  let e = k + 1;
  const prep = tokens[k + 1];
  if (prep && (prep.lower === 'of' || prep.lower === 'on' || prep.lower === 'against' || prep.lower === 'in' || prep.lower === 'at')) {
    let j = k + 2;
    if (tokens[j] && tokens[j].lower === 'the') j++;
    // "in central Ankara"
    if (tokens[j] && /^(?:central|northern|southern|eastern|western|downtown|north|south|east|west|greater)$/.test(tokens[j].lower) && mentionAt.has(j + 1)) j++;
    // "the beheading of aid worker David Haines": role words before the victim's name.
    // "the assassination of former prime minister X", "the killing of its commander, X".
    if (prep.lower === 'of') {
      let q = j;
      if (/^(?:his|her|its|their)$/.test(tokens[q]?.lower ?? '')) q++;
      while (q < sent.tokEnd && q - j < 5 && !tokens[q].cap && tokens[q].word
        && (PERSON_ROLE_NOUNS.has(tokens[q].lower) || /^(?:aid|british|american|police|local|former|young|retired|off-duty|prime|deputy|senior|top|chief|vice|minister|president|governor|senator|general|colonel|mayor|judge|cleric|imam|commander|leader|journalist|activist|politician|lawmaker)$/.test(tokens[q].lower) || DEMONYMS.has(tokens[q].lower))) q++;
      if (q > j && tokens[q]?.text === ',') q++;
      if (q > j && mentions[mentionAt.get(q) ?? -1]?.type === 'Person') j = q;
    }
    const mi = mentionAt.get(j);
    if (mi !== undefined && j < sent.tokEnd) {
      const mt = mentions[mi].type;
      // "the siege of the Westgate mall": a place after "of" for an attack is its target.
      const ok = prep.lower === 'of' ? (mt === 'Person' || (mt === 'Organization' && (kind === 'designation' || kind === 'proscription')) || (mt === 'Location' && (trig.lower === 'siege' || trig.lower === 'bombing' || trig.lower === 'bombings')))
        : mt === 'Location' || (prep.lower !== 'in' && mt === 'Organization');
      if (ok) complement = { mention: mi, prep: prep.lower };
    } else if (!proper && !plural && (prep.lower === 'on' || prep.lower === 'against') && tokens[j] && tokens[j].cap && tokens[j].word && j < sent.tokEnd && inMention[j] < 0 && !DEMONYMS.has(tokens[j].lower)) {
      // "the attack on Westminster": a capitalised target that is no entity names the event.
      let jj = j;
      while (jj < sent.tokEnd && tokens[jj].cap && tokens[jj].word && inMention[jj] < 0) jj++;
      const words: string[] = [];
      for (let q = j; q < jj; q++) words.push(tokens[q].text);
      name.push(prep.lower, ...words);
      e = jj;
      proper = true;
    }
  }
  // "a plot to bomb Rotterdam station", "the plot to kill X": the target names the plot.
  if (!complement && !proper && kind === 'plot' && prep?.lower === 'to') {
    const target = plotTarget(tokens, k + 2, sent.tokEnd, mentionAt, mentions);
    if (target) {
      name.push('to', ...target.verb, { mention: target.mention });
      if (mentions[target.mention].type === 'Location') complement = { mention: target.mention, prep: 'in' };
      e = mentions[target.mention].e;
      proper = true;
    }
  }
  if (complement && !proper) {
    name.push(complement.prep, { mention: complement.mention });
  } else if (!complement && !proper && !plural && prep && /^(?:on|against|outside|near|at)$/.test(prep.lower) && kindFamily(kind) === 'violence'
    && /^(?:a|an|the)$/.test(tokens[k + 2]?.lower ?? '')) {
    // "the attack on a hotel in Nairobi", "the bombing outside the Russian embassy in Kabul":
    // a described target and its place pin the incident down.
    let j = k + 2;
    const words: string[] = [tokens[j++].lower];
    while (j < sent.tokEnd && words.length < 5 && tokens[j].word && (!tokens[j].cap || DEMONYMS.has(tokens[j].lower)) && inMention[j] < 0 && !FUNCTION_WORDS.has(tokens[j].lower)) words.push(tokens[j++].text);
    const pm = j + 1 < sent.tokEnd && /^(?:in|at|near)$/.test(tokens[j].lower) ? mentionAt.get(j + 1) : undefined;
    if (words.length >= 2 && pm !== undefined && mentions[pm].type === 'Location') {
      name.push(prep.lower, ...words, tokens[j].lower, { mention: pm });
      complement = { mention: pm, prep: tokens[j].lower };
      e = j;
      proper = true;
    }
  } else if (!complement && !proper && !plural && prep && prep.lower === 'of' && (kind === 'murder' || trig.lower === 'kidnapping' || trig.lower === 'abduction' || trig.lower === 'beheading')) {
    // "the kidnapping of two aid workers": a counted or described victim pins the incident down.
    let j = k + 2;
    const words: string[] = [];
    while (j < sent.tokEnd && words.length < 5 && tokens[j].word && !tokens[j].cap && inMention[j] < 0
      && !/^(?:in|on|at|near|by|during|after|before|last|and|or|who|which|that|was|were|is|are|has|had|from)$/.test(tokens[j].lower)) words.push(tokens[j++].text);
    if (words.length >= 2 && /^(?:a|an|two|three|four|five|six|seven|eight|nine|ten|dozens|\d+|several|british|american|foreign)$/i.test(words[0])) {
      name.push('of', ...words);
      e = j;
      proper = true;
      // "... from a school in Chibok", "... from Chibok": the place of the incident.
      let pm = /^(?:in|at|near|from)$/.test(tokens[j]?.lower ?? '') ? mentionAt.get(j + 1) : undefined;
      if (pm === undefined && tokens[j]?.lower === 'from') {
        // "from a school in X", "from their boarding school in X"
        for (let q = j + 1; q < Math.min(sent.tokEnd, j + 7) && pm === undefined; q++) if (/^(?:in|at)$/.test(tokens[q].lower)) pm = mentionAt.get(q + 1);
      }
      if (pm !== undefined && mentions[pm].type === 'Location') {
        complement = { mention: pm, prep: 'in' };
        name.push('in', { mention: pm }); // "abduction of 110 girls in Dapchi"
      }
    }
  }
  // Possessor: "his attack", "Choudary's conviction".
  let possessor: EventCandidate['possessor'];
  if (det && /^(?:his|her|their|its)$/.test(det.lower)) possessor = { pronoun: p };
  else if (det && det.lower === "'s") {
    const mi = mentionEnd.get(p);
    if (mi !== undefined) possessor = { mention: mi };
  }
  // "the attack on X" is one incident; "a third attack in X" or "another plot against X" is not named.
  // Lower-case modifiers between the article and the noun ("the suicide bombing at X") are
  // part of the name.
  let d = p;
  const lowerMods: string[] = [];
  while (d >= sent.tokStart && k - d <= 5 && ((tokens[d].word && !tokens[d].cap && !FUNCTION_WORDS.has(tokens[d].lower) && inMention[d] < 0) || MONTH_OR_YEAR_RX.test(tokens[d].text) || (/^\d{1,2}$/.test(tokens[d].text) && MONTH_OR_YEAR_RX.test(tokens[d - 1]?.text ?? '')))) {
    // Dates before the noun ("the October 2002 nightclub bombings") are its date, not its name.
    if (!MONTH_OR_YEAR_RX.test(tokens[d].text) && !/^\d{1,2}$/.test(tokens[d].text)) lowerMods.unshift(tokens[d].lower);
    d--;
  }
  const article = d >= sent.tokStart ? tokens[d] : undefined;
  // A named place after "a siege at/in ..." pins it down too; "a third attack in X" does not.
  const namedPlace = complement && mentions[complement.mention].type === 'Location' && complement.prep !== 'of';
  const ordinal = lowerMods.some((w) => /^(?:second|third|fourth|fifth|another|first|new|further|similar)$/.test(w));
  if (complement && !proper && !(article && (/^(?:the|this|that|'s)$/.test(article.lower) || (namedPlace && /^(?:a|an)$/.test(article.lower) && !ordinal)))) complement = undefined;
  if (complement && !proper && lowerMods.length && !/(?:ed|ing)$/.test(lowerMods[0])) {
    name.unshift(...lowerMods);
    s = d + 1;
  }
  // "the attack on Las Ramblas in Barcelona": the wider place after the complement.
  let wider: number | undefined;
  if (complement && tokens[e]?.lower === 'on' || complement) {
    const after = mentions[complement!.mention].e;
    if (/^(?:in|at)$/.test(tokens[after]?.lower ?? '')) {
      const w = mentionAt.get(after + 1);
      if (w !== undefined && mentions[w].type === 'Location') wider = w;
    }
  }
  const specific = proper || complement !== undefined || possessor !== undefined;
  if (!specific && !plural && kindFamily(kind) === 'violence') {
    // "X was killed in a French drone strike in 2021": an incident someone named died in is a
    // specific one, named by its kind ("drone strike").
    let q = k - 1;
    const mods: string[] = [];
    while (q >= sent.tokStart && k - q <= 4 && tokens[q].word && inMention[q] < 0 && !/^(?:a|an)$/.test(tokens[q].lower)
      && (DEMONYMS.has(tokens[q].lower) || (!tokens[q].cap && !FUNCTION_WORDS.has(tokens[q].lower)))) {
      if (!DEMONYMS.has(tokens[q].lower)) mods.unshift(tokens[q].lower);
      q--;
    }
    const art = tokens[q]?.lower ?? '';
    const how = `${tokens[q - 2]?.lower ?? ''} ${tokens[q - 1]?.lower ?? ''}`;
    if (/^(?:a|an)$/.test(art) && (mods.length > 0 || /^(?:airstrike|ambush)$/.test(trig.lower)) && /^(?:killed|died|wounded|injured|murdered|hurt|slain) (?:in|during|by)$/.test(how) && !mods.some((w) => /^(?:second|third|another|similar|separate|previous|later|earlier|failed)$/.test(w))) {
      return {
        s: q + 1, e: k + 1, sentence: sent.index, kind, trigger: k, name: [...mods, trig.lower], modifierMentions: [],
        anaphoric: false, rule: 'event:died-in',
      };
    }
  }
  if (!specific) {
    // "the attack": refers back to an incident already described (resolved by coreference).
    // "the metro bombing": lower-case modifiers may stand between the article and the noun.
    const art = article ?? det;
    if (art && (art.lower === 'the' || art.lower === 'this' || art.lower === 'that' || (plural && art.lower === 'these'))) {
      return { s: art === det ? k : d + 1, e: k + 1, sentence: sent.index, kind, trigger: k, name, modifierMentions: [], anaphoric: true, rule: 'event:definite-anaphor' };
    }
    return null;
  }
  // A plural with no proper name ("attacks on British soil") is a set of incidents, not one.
  if (plural && !proper && !(complement && article && article.lower === 'the')) return null;
  // "the sentence" alone or "his arrest" are fine; a bare possessed "attack" without a name is
  // resolved by coreference too.
  const anaphoric = !proper && !complement && possessor !== undefined;
  return {
    s, e, sentence: sent.index, kind, trigger: k, name, modifierMentions: modMentions, complement, possessor, wider,
    anaphoric, rule: proper ? 'event:named-modifier' : complement ? `event:${trig.lower}-${complement.prep}` : 'event:possessed',
  };
}
