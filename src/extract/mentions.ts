// Named mentions of people, organisations and places. The trained NER model (src/extract/ner)
// proposes spans; lexicon rules fix its type where the words settle it (org heads, gazetteer,
// titles), drop nationality/religion adjectives, and add capitalised names it missed.
import type { EntityType } from '../schema/index.js';
import { loadNerModel, spansFromTags, type NerModel } from './ner/index.js';
import type { Token } from './tokens.js';
import type { TokenSentence } from './sentences.js';
import {
  COMMON_WORDS, DAYS, DEMONYMS, GIVEN_NAMES, GROUP_FIRSTS, KNOWN_ORG_ALIASES, FUNCTION_WORDS, KNOWN_ORGS, LOC_HEADS, MONTHS, NAME_CONNECTORS,
  GROUP_NOMINALS, ORG_FIRSTS, ORG_HEADS, PERSON_ROLE_NOUNS, PERSON_TITLES, PLACES, isLargeCity, placeKey,
} from './lexicons.js';
import { EVENT_TRIGGERS } from './events.js';

export interface RawMention {
  /** Token range [s, e). */
  s: number;
  e: number;
  type: EntityType;
  sentence: number;
  rule: string;
  /** A capitalised word the rules could not type: kept only if it is a name already found. */
  tentative?: boolean;
}

let model: NerModel | null | undefined;
let modelError: string | undefined;
/**
 * The shipped NER model. While it cannot be read (a checkout without models/ner, or a model
 * file from another format version) the lexicon rules find mentions alone; `nerStatus()` says so.
 */
function nerModel(): NerModel | null {
  if (model === undefined) {
    try {
      model = loadNerModel();
    } catch (err) {
      model = null;
      modelError = (err as Error).message;
      if (!process.env.SKEIN_QUIET) process.stderr.write(`skein extract: NER model unavailable, using lexicon rules only (${modelError})\n`);
    }
  }
  return model;
}

export function nerStatus(): { model: boolean; error?: string } {
  nerModel();
  return model ? { model: true } : { model: false, error: modelError };
}

/** Feasts and holy days: capitalised, not names of anyone or anywhere. */
const HOLIDAYS = new Set(['yom kippur', 'ramadan', 'eid', 'eid al fitr', 'eid al adha', 'christmas', 'easter', 'hanukkah',
  'passover', 'diwali', 'ashura', 'rosh hashanah', 'new year', 'thanksgiving', 'good friday']);
const HONORIFICS = new Set(['imam', 'sheikh', 'shaykh', 'mullah', 'mufti', 'maulana', 'ayatollah', 'emir', 'amir']);
/** Letters after a name ("Karen Walsh KC"): not part of it, and they say it is a person. */
const POST_NOMINALS = new Set(['kc', 'qc', 'mp', 'mbe', 'obe', 'cbe', 'jr', 'sr', 'phd', 'md', 'mep']);
/** Keys of the well-known organisations, under their names and the names their aliases stand for. */
const KNOWN_ORG_NAMES = new Set([...KNOWN_ORGS.keys(), ...KNOWN_ORG_ALIASES.values()]);
const NOT_NAMES = new Set(['born', 'pdf', 'html', 'url', 'tv', 'ceo', 'pm', 'am', 'gmt', 'utc', 'bst', 'id', 'dna', 'ok',
  'faq', 'rss', 'usd', 'gbp', 'eur', 'i', 'ii', 'iii', 'iv', 'faq', 'ad', 'bc', 'pc']);
const LOC_PREPS = new Set(['in', 'at', 'near', 'outside', 'across', 'throughout', 'from', 'around', 'inside']);
const PERSON_VERBS = new Set(['said', 'says', 'told', 'added', 'wrote', 'who', 'was', 'is', 'has', 'had', 'went',
  'claimed', 'denied', 'admitted', 'pleaded', 'became', 'lived', 'died', 'joined', 'fled', 'married']);
const TYPE_OF: Record<string, EntityType | undefined> = { PER: 'Person', ORG: 'Organization', LOC: 'Location' };

function isNameToken(t: Token): boolean {
  if (!t.word || t.text.length > 40) return false;
  if (t.cap) return !MONTHS.has(t.lower) && !DAYS.has(t.lower);
  // "al-Qaeda", "bin Laden" pieces: lower-case Arabic particles glued to a capitalised name.
  return /^(?:al|el|ad|ash|as|an|ar|at|az|wal|wa|bil|fi|li|bin|ibn|abu|ul)-\p{Lu}/u.test(t.text);
}

function keyOf(tokens: Token[], s: number, e: number): string {
  const parts: string[] = [];
  for (let i = s; i < e; i++) parts.push(tokens[i].text);
  return placeKey(parts.join(' '));
}

/** Decides the type of a capitalised chunk from its words alone (null: the words do not say). */
function typeFromWords(tokens: Token[], s: number, e: number): { type: EntityType | null; s: number; e: number; rule: string } | 'drop' {
  const key = keyOf(tokens, s, e);
  const first = tokens[s].lower, last = tokens[e - 1].lower;
  if (KNOWN_ORGS.has(key)) return { type: 'Organization', s, e, rule: 'lexicon:known-org' };
  // "Islamic State-Somalia", "ISIS-K": a known group's name joined by a hyphen to a place or
  // letter names its branch.
  const lastText = tokens[e - 1].text;
  const hyphen = lastText.indexOf('-');
  if (hyphen > 0 && /^-\p{Lu}/u.test(lastText.slice(hyphen))) {
    const stem = placeKey([...tokens.slice(s, e - 1).map((t) => t.text), lastText.slice(0, hyphen)].join(' '));
    if (KNOWN_ORG_NAMES.has(stem) || KNOWN_ORG_ALIASES.has(stem)) return { type: 'Organization', s, e, rule: 'lexicon:known-org-branch' };
  }
  // "a French Islamic State propagandist": the nationality is not part of the group's name.
  // ("Pakistani Taliban" is a group of its own: only names of two words or more are split off.)
  if (e - s > 2 && DEMONYMS.has(first) && KNOWN_ORG_NAMES.has(keyOf(tokens, s + 1, e))) return { type: 'Organization', s: s + 1, e, rule: 'lexicon:known-org' };
  if (e - s > 2) {
    // A longer name opening with a known organisation's name: "Islamic State West Africa Province".
    for (let k = e - 1; k >= s + 1; k--) {
      const pre = keyOf(tokens, s, k);
      if (KNOWN_ORGS.has(pre) || KNOWN_ORG_ALIASES.has(pre) || [...KNOWN_ORG_ALIASES.values()].includes(pre)) return { type: 'Organization', s, e, rule: 'lexicon:known-org-prefix' };
    }
  }
  if (e - s > 1 && /^(?:greater|north|south|east|west|northern|southern|eastern|western|central|upper|lower)$/.test(first) && PLACES.has(keyOf(tokens, s + 1, e)))
    return { type: 'Location', s, e, rule: 'lexicon:gazetteer-region' };
  // "East Java", "North Waziristan": a compass word before a name makes a region.
  if (e - s === 2 && /^(?:north|south|east|west|northeast|northwest|southeast|southwest|central)$/.test(first) && !ORG_HEADS.has(last) && !LOC_HEADS.has(last) && !DEMONYMS.has(last))
    return { type: 'Location', s, e, rule: 'lexicon:compass-region' };
  if (e - s > 1 && (ORG_HEADS.has(last) || (ORG_FIRSTS.has(first) && tokens[s + 1]?.lower === 'of')))
    return { type: 'Organization', s, e, rule: 'lexicon:org-head' };
  if (e - s > 1 && GROUP_FIRSTS.has(first.replace(/['’]/g, '')))
    return { type: 'Organization', s, e, rule: 'lexicon:group-word' };
  if (e - s > 1 && !LOC_HEADS.has(last)) {
    // An organisation word inside the name: "Counter Terrorism Policing North East", "Police Scotland".
    for (let i = s; i < e; i++) if (ORG_HEADS.has(tokens[i].lower) && !DEMONYMS.has(tokens[i].lower)) return { type: 'Organization', s, e, rule: 'lexicon:org-word' };
  }
  if (PLACES.has(key)) return { type: 'Location', s, e, rule: 'lexicon:gazetteer' };
  if (e - s > 1 && LOC_FIRSTS.has(first)) return { type: 'Location', s, e, rule: 'lexicon:place-first' };
  // "Palace of Westminster", "Tower of London": a place noun heading an of-phrase (a church or
  // temple "of" something is more often a denomination).
  if (e - s > 2 && LOC_HEADS.has(first) && tokens[s + 1].lower === 'of' && first !== 'church' && first !== 'temple')
    return { type: 'Location', s, e, rule: 'lexicon:place-head-of' };
  // ("Dana Hill", "Omar Park": a given name and a surname that is also a place word.)
  if (e - s > 1 && LOC_HEADS.has(last) && !PERSON_TITLES.has(first.replace(/\.$/, ''))
    && !(e - s === 2 && GIVEN_NAMES.has(first) && /^(?:hill|park|hall|lane|wood|field|brook|ford)$/.test(last))) return { type: 'Location', s, e, rule: 'lexicon:place-head' };
  // "Home Secretary", "Foreign Minister": an office named without its holder.
  if (/^(?:secretary|minister|chancellor|commissioner|president|prosecutor|ambassador|spokesman|spokeswoman)$/.test(last)) return 'drop';
  // "English-speaking", "Saudi-backed": an adjective made from a nationality.
  if (e - s === 1 && /^\p{L}+-[a-z]+$/u.test(tokens[s].text) && DEMONYMS.has(tokens[s].lower.split('-')[0])) return 'drop';
  if (HOLIDAYS.has(key)) return 'drop';
  // "Bastille Day", "Easter Sunday", "Christmas Eve": days, not names.
  if (e - s > 1 && /^(?:day|eve|sunday|monday|tuesday|wednesday|thursday|friday|saturday)$/.test(last)) return 'drop';
  // "the Cal Miskaad mountains", "the Dar al-Arqam mosque": a name before the kind of place is a place.
  if (tokens[s - 1]?.lower === 'the' && tokens[e] && !tokens[e].cap && PLACE_KIND_AFTER.has(tokens[e].lower) && tokens[e].lower !== 'state' && !DEMONYMS.has(first))
    return { type: 'Location', s, e, rule: 'rule:the-name-place-kind' };
  // "the Red Circle", "the Northern Legion": a capitalised name after "the" is a body, not a person.
  if (e - s > 1 && tokens[s - 1]?.lower === 'the' && !PERSON_TITLES.has(first)) {
    let allAdj = true;
    for (let i = s; i < e; i++) if (!DEMONYMS.has(tokens[i].lower)) allAdj = false;
    if (!allAdj) return { type: 'Organization', s, e, rule: 'rule:the-name' };
  }
  // Leading nationality adjectives and titles are not part of the name.
  let a = s;
  let titled = false;
  // Religious honorifics stay: "Imam Samudra" and "Sheikh Omar Bakri" are how people are named.
  // (A day or month the model took in, "Tuesday Abubakar Shekau", goes too.)
  while (a < e && (DEMONYMS.has(tokens[a].lower) || (a + 1 < e && (DAYS.has(tokens[a].lower) || (MONTHS.has(tokens[a].lower) && tokens[a].lower !== 'may')))
    || (PERSON_TITLES.has(tokens[a].lower.replace(/\.$/, '')) && !HONORIFICS.has(tokens[a].lower)))) {
    if (PERSON_TITLES.has(tokens[a].lower.replace(/\.$/, ''))) titled = true;
    a++;
  }
  // "Norwegian of Iranian origin": a connector left at the front is no name either.
  if (a > s) while (a < e && NAME_CONNECTORS.has(tokens[a].lower) && !tokens[a].cap) a++;
  let allDemonyms = a < e;
  for (let i = a; i < e && allDemonyms; i++) allDemonyms = DEMONYMS.has(tokens[i].lower);
  if (allDemonyms) return 'drop';
  if (a === e) return 'drop';
  if (a > s) {
    const inner = typeFromWords(tokens, a, e);
    if (inner === 'drop') return 'drop';
    if (inner.type) return inner;
    if (titled) return { type: 'Person', s: a, e, rule: 'rule:title' };
    s = a;
  }
  const n = e - s;
  if (n === 1) {
    const t = tokens[s];
    if (NOT_NAMES.has(t.lower)) return 'drop';
    if (/^\p{Lu}[\p{Lu}\d]{1,5}$/u.test(t.text)) return { type: 'Organization', s, e, rule: 'rule:acronym' };
    // Mixed-case acronyms: "LeT", "MoD", "AQAP" (two capitals at least, short).
    if (/^\p{Lu}[\p{L}\d]{1,4}$/u.test(t.text) && (t.text.match(/\p{Lu}/gu) ?? []).length >= 2 && !/^\p{Lu}+s$/u.test(t.text)) return { type: 'Organization', s, e, rule: 'rule:acronym' };
    if (/^\p{Lu}{2,}s$/u.test(t.text)) return 'drop'; // "MPs", "NGOs": plurals of a kind
    // "Al-Qaeda", "Al-Shabaab": an Arabic article glued to one word names a group; a person's
    // "al-" surname alone is caught earlier as a short form of the full name.
    if (/^(?:al|el|ad|ash|as|an|ar|at|az)-\p{L}{3,}$/iu.test(t.text)) return { type: 'Organization', s, e, rule: 'rule:article-name' };
    return { type: null, s, e, rule: '' };
  }
  // "the Red Circle", "the Harbour Movement": a capitalised name after "the" is a body, not a person.
  if (tokens[s - 1]?.lower === 'the') return { type: 'Organization', s, e, rule: 'rule:the-name' };
  // Every word an ordinary English word ("Print Friendly", "Please Share"): a heading, not a name.
  let allCommon = true;
  for (let i = s; i < e; i++) if (!COMMON_WORDS.has(tokens[i].lower) && !NAME_CONNECTORS.has(tokens[i].lower)) allCommon = false;
  if (allCommon) return 'drop';
  return { type: 'Person', s, e, rule: 'rule:capitalised-name' };
}

/** Capitalised chunks of a sentence: [s, e) token ranges. */
function chunks(tokens: Token[], sent: TokenSentence): [number, number][] {
  const out: [number, number][] = [];
  let i = sent.tokStart;
  while (i < sent.tokEnd) {
    if (!isNameToken(tokens[i])) { i++; continue; }
    let j = i + 1;
    for (;;) {
      if (j < sent.tokEnd && isNameToken(tokens[j]) && tokens[j].start - tokens[j - 1].end <= 1) { j++; continue; }
      // "Densus 88", "Unit 8200": a number closing a name (not a year).
      if (j < sent.tokEnd && /^\d{1,4}$/.test(tokens[j].text) && !/^(?:1[89]|20)\d\d$/.test(tokens[j].text) && tokens[j - 1].cap
        && !(tokens[j + 1] && /^(?:%|percent|people|men|members|years?|days?|months?)$/i.test(tokens[j + 1].text)) && !MONTHS.has(tokens[j - 1].lower)) { j++; continue; }
      // Connectors inside a name: "Ministry of Defence", "Islamic State of Iraq and the Levant".
      let k = j;
      while (k < sent.tokEnd && k - j < 2 && NAME_CONNECTORS.has(tokens[k].lower) && !tokens[k].cap) k++;
      if (k > j && k < sent.tokEnd && isNameToken(tokens[k]) && tokens[j].lower !== 'and' ) { j = k + 1; continue; }
      if (k > j && k < sent.tokEnd && isNameToken(tokens[k]) && tokens[j].lower === 'and' && hasOf(tokens, i, j)) { j = k + 1; continue; }
      // "Federal Office for the Protection of the Constitution", "Institute for Strategic Dialogue":
      // a body's head word, then "for" and what the body is for.
      if (j < sent.tokEnd && tokens[j].lower === 'for' && (ORG_HEADS.has(tokens[j - 1].lower) || /^(?:centre|center)$/.test(tokens[j - 1].lower)) && !DEMONYMS.has(tokens[j - 1].lower)) {
        const q = tokens[j + 1]?.lower === 'the' ? j + 2 : j + 1;
        if (q < sent.tokEnd && isNameToken(tokens[q]) && !KNOWN_ORGS.has(tokens[q].lower) && !PLACES.has(tokens[q].lower)) { j = q + 1; continue; }
      }
      // "Security and Intelligence Service": two words joined by "and" under one body's head word.
      if (k === j + 1 && k < sent.tokEnd && tokens[j].lower === 'and' && isNameToken(tokens[k]) && andJoinsOneBody(tokens, i, j, sent.tokEnd)) { j = k + 1; continue; }
      // "al-Qaeda in the Islamic Maghreb": a known group's name continued by "in the ...".
      if (tokens[j]?.lower === 'in' && tokens[j + 1]?.lower === 'the' && j + 2 < sent.tokEnd && isNameToken(tokens[j + 2]) && KNOWN_ORGS.has(keyOf(tokens, i, j))) { j += 3; continue; }
      break;
    }
    // Sentence-initial words: function words, and ordinary words not followed by another name word.
    let a = i;
    const describedBody = j === i + 1 && !FUNCTION_WORDS.has(tokens[i].lower) && tokens[j]?.text === ',' && /^(?:a|an|the)$/.test(tokens[j + 1]?.lower ?? '')
      && [2, 3, 4, 5].some((d) => /^(?:company|firm|group|network|organisation|organization|charity|bank|agency|party|movement|militia)$/.test(tokens[j + d]?.lower ?? ''));
    while (a < j && !describedBody && isOpening(tokens, sent, a) && !/^\p{Lu}{2,}$/u.test(tokens[a].text) && (FUNCTION_WORDS.has(tokens[a].lower)
      || (COMMON_WORDS.has(tokens[a].lower) && !PLACES.has(tokens[a].lower) && !KNOWN_ORGS.has(tokens[a].lower)
        && !(a + 1 < j && isNameToken(tokens[a + 1]))))) {
      a++;
      while (a < j && NAME_CONNECTORS.has(tokens[a].lower) && !isNameToken(tokens[a])) a++;
    }
    // A trailing connector is never part of the name.
    let b = j;
    while (b > a && NAME_CONNECTORS.has(tokens[b - 1].lower) && !tokens[b - 1].cap) b--;
    if (b > a) out.push([a, b]);
    i = j;
  }
  return out;
}

/** 'known as "Jihadi John"': quoted words after a naming phrase are a name, whatever their words. */
function quotedAlias(tokens: Token[], s: number): boolean {
  const q = tokens[s - 1];
  if (!q || !/^["“‘']$/.test(q.text)) return false;
  const a = tokens[s - 3]?.lower ?? '', b = tokens[s - 2]?.lower ?? '';
  // "known as", "known in the media as"
  let known = false;
  if (b === 'as') for (let i = s - 3; i >= Math.max(0, s - 7); i--) if (tokens[i].lower === 'known' || tokens[i].lower === 'called') { known = true; break; }
  return known || (a === 'also' && b === 'called') || /^(?:dubbed|nicknamed|alias|aka)$/.test(b);
}

/** A capitalised word after "a"/"an" (and at most two adjectives) that modifies no noun: a product or object. */
function introducedAsThing(tokens: Token[], s: number, e: number): boolean {
  let i = s - 1;
  let adj = 0;
  while (i >= 0 && adj < 2 && tokens[i].word && !tokens[i].cap && !/^(?:a|an)$/.test(tokens[i].lower)) { i--; adj++; }
  if (i < 0 || !/^(?:a|an)$/.test(tokens[i].lower)) return false;
  const next = tokens[e];
  return !next || !next.word || FUNCTION_WORDS.has(next.lower);
}

/** ", a neo-Nazi network", ", a banned militant group": the apposition after a name calls it a group. */
function appositiveGroup(tokens: Token[], e: number): boolean {
  if (tokens[e]?.text !== ',' || !/^(?:a|an|the)$/.test(tokens[e + 1]?.lower ?? '')) return false;
  for (let q = e + 2; q < Math.min(tokens.length, e + 7); q++) {
    if (!tokens[q].word) return false;
    if (GROUP_NOMINALS.has(tokens[q].lower)) return true;
  }
  return false;
}

/** ", the French energy company": an apposition calling the name a company or body. */
function appositiveBody(tokens: Token[], e: number): boolean {
  if (tokens[e]?.text !== ',' || !/^(?:a|an|the)$/.test(tokens[e + 1]?.lower ?? '')) return false;
  for (let q = e + 2; q < Math.min(tokens.length, e + 7); q++) {
    if (!tokens[q].word) return false;
    if (/^(?:company|firm|charity|bank|agency|party|corporation|business)$/.test(tokens[q].lower)) return true;
  }
  return false;
}

const NAMING_RX = /^(?:called|named|calling itself|known as|dubbed|styled|styling itself)$/;
function namedByGroupNoun(tokens: Token[], s: number): boolean {
  let i = s - 1;
  if (i >= 0 && /^["“‘']$/.test(tokens[i].text)) i--;
  if (i >= 0 && tokens[i].lower === 'the') i--;
  const two = i >= 1 ? `${tokens[i - 1].lower} ${tokens[i].lower}` : '';
  if (i >= 0 && NAMING_RX.test(tokens[i].lower)) i--;
  else if (NAMING_RX.test(two)) i -= 2;
  else return false;
  return i >= 0 && (GROUP_NOMINALS.has(tokens[i].lower) || tokens[i].lower === 'organisation' || tokens[i].lower === 'outfit');
}

const SINGLE_GROUP_NOUNS = new Set(['group', 'network', 'movement', 'organisation', 'organization', 'outfit', 'faction', 'militia', 'sect', 'cell', 'gang']);
/**
 * "the neo-Nazi network Iron Dawn", "Far-right group Iron Dawn to be banned": a name right after a
 * group noun names the group, even in ordinary words. Not when a verb follows ("the group Masood
 * joined": the name is the subject of a relative clause).
 */
function groupNounBefore(tokens: Token[], sent: TokenSentence, s: number, e: number): boolean {
  if (s - 1 < sent.tokStart || !SINGLE_GROUP_NOUNS.has(tokens[s - 1].lower)) return false;
  const next = tokens[e];
  if (next && next.word && !next.cap && !FUNCTION_WORDS.has(next.lower) && !/^(?:was|is|has|had|will|would|to|as)$/.test(next.lower)) return false;
  if (e - s === 1 && GIVEN_NAMES.has(tokens[s].lower)) return false;
  for (let q = s - 2; q >= Math.max(sent.tokStart - 1, s - 5); q--) {
    if (q < sent.tokStart || /^(?:a|an|the|its|their|his|her)$/.test(tokens[q].lower)) return true;
    if (!tokens[q].word) return false;
  }
  return false;
}

/**
 * "Danish Security and Intelligence Service", "Customs and Border Protection": the name before
 * "and" has no head of its own and the name after it ends in a body's head word, so together
 * they are one body (not "MI5 and the Security Service", not "Britain and Border Force").
 */
function andJoinsOneBody(tokens: Token[], s: number, and: number, end: number): boolean {
  if (and - s > 3) return false;
  for (let i = s; i < and; i++) if (ORG_HEADS.has(tokens[i].lower) || /^\p{Lu}{2,}$/u.test(tokens[i].text)) return false;
  const before = keyOf(tokens, s, and);
  if (PLACES.has(before) || KNOWN_ORGS.has(before) || GIVEN_NAMES.has(tokens[s].lower) || (and - s === 1 && DEMONYMS.has(tokens[s].lower))) return false;
  let m = and + 1;
  while (m < end && m - and <= 3 && isNameToken(tokens[m])) m++;
  return m - and >= 2 && ORG_HEADS.has(tokens[m - 1].lower) && !PLACES.has(keyOf(tokens, and + 1, m));
}

function hasOf(tokens: Token[], s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (tokens[i].lower === 'of') return true;
  return false;
}

/** The token opens its sentence (or a quotation/heading line), so its capital says nothing. */
function isOpening(tokens: Token[], sent: TokenSentence, i: number): boolean {
  if (i === sent.tokStart || tokens[i].nl) return true;
  const p = tokens[i - 1];
  return /^[“"‘'(:\-—–]$/.test(p.text) && (i - 1 === sent.tokStart || tokens[i - 1].nl);
}

export function findMentions(tokens: Token[], sentences: TokenSentence[]): RawMention[] {
  const m = nerModel();
  const docTokens = sentences.map((s) => {
    const arr: string[] = [];
    for (let i = s.tokStart; i < s.tokEnd; i++) arr.push(tokens[i].text.replace(/’/g, "'").replace(/[“”]/g, '"'));
    return arr;
  });
  const out: RawMention[] = [];
  const covered = new Uint8Array(tokens.length);
  /** Types the model gave each name in this document, for names it missed elsewhere. */
  const modelTypes = new Map<string, EntityType>();
  const pending: { s: number; e: number; sentence: number }[] = [];
  /** Names typed by their context ("the network Iron Dawn"), for the same name elsewhere. */
  const ruleTypes = new Map<string, EntityType>();

  for (const sent of sentences) {
    const sentChunks = chunks(tokens, sent);
    // Names whose words settle the type (an organisation word, the gazetteer, 'known as "Y"',
    // "a group called Y") win over the model, which may cut them short ("U.S. Department").
    for (const [s, e] of sentChunks) {
      if (quotedAlias(tokens, s)) {
        out.push({ s, e, type: 'Person', sentence: sent.index, rule: 'rule:quoted-alias' });
      } else if (namedByGroupNoun(tokens, s)) {
        out.push({ s, e, type: 'Organization', sentence: sent.index, rule: 'rule:group-called' });
        ruleTypes.set(keyOf(tokens, s, e), 'Organization');
      } else if (groupNounBefore(tokens, sent, s, e)) {
        out.push({ s, e, type: 'Organization', sentence: sent.index, rule: 'rule:group-noun-name' });
        ruleTypes.set(keyOf(tokens, s, e), 'Organization');
      } else if (e < sent.tokEnd && SITE_HEAD_AFTER.has(tokens[e].lower) && !PLACES.has(keyOf(tokens, s, e)) && !DEMONYMS.has(tokens[s].lower)
        && !/^(?:a|an)$/.test(tokens[s - 1]?.lower ?? '') && !(tokens[e + 1]?.word && !tokens[e + 1].cap && !FUNCTION_WORDS.has(tokens[e + 1].lower))
        && !KNOWN_ORGS.has(keyOf(tokens, s, e)) && e - s <= 2) {
        // "the DusitD2 hotel complex", "the Westminster bridge": a name with the kind of site after it.
        let f = e + 1;
        if (f < sent.tokEnd && SITE_HEAD_AFTER.has(tokens[f].lower)) f++;
        out.push({ s, e: f, type: 'Location', sentence: sent.index, rule: 'rule:name-with-site-noun' });
      } else if (e + 1 < sent.tokEnd && tokens[e].word && !tokens[e].cap && !FUNCTION_WORDS.has(tokens[e].lower) && SITE_HEAD_AFTER.has(tokens[e + 1].lower)
        && !PLACES.has(keyOf(tokens, s, e)) && !DEMONYMS.has(tokens[s].lower) && !FUNCTION_WORDS.has(tokens[s].lower) && e - s <= 2) {
        // "the Westgate shopping mall": a name, a word, and the kind of site.
        out.push({ s, e: e + 2, type: 'Location', sentence: sent.index, rule: 'rule:name-with-site-noun' });
      } else if (e + 1 < sent.tokEnd && tokens[e].lower === 'news' && tokens[e + 1].lower === 'agency' && !FUNCTION_WORDS.has(tokens[s].lower)) {
        // "its Amaq news agency"
        out.push({ s, e, type: 'Organization', sentence: sent.index, rule: 'rule:name-with-group-noun' });
      } else if (e < sent.tokEnd && GROUP_HEAD_AFTER.has(tokens[e].lower) && !PLACES.has(keyOf(tokens, s, e)) && !DEMONYMS.has(tokens[s].lower) && !FUNCTION_WORDS.has(tokens[s].lower)
        && !/^(?:a|an)$/.test(tokens[s - 1]?.lower ?? '')
        && !KNOWN_ORGS.has(keyOf(tokens, s, e)) && !(tokens[e + 1] && (tokens[e + 1].lower === 'of' || tokens[e + 1].cap))) {
        // "the Hofstad network", "the Khalil cell": a name with the kind of group after it.
        out.push({ s, e: e + 1, type: 'Organization', sentence: sent.index, rule: 'rule:name-with-group-noun' });
      } else {
        const fix = typeFromWords(tokens, s, e);
        if (fix === 'drop' || !fix.type || !fix.rule.startsWith('lexicon:') || fix.e - fix.s < 2) continue;
        out.push({ s: fix.s, e: fix.e, type: fix.type, sentence: sent.index, rule: fix.rule });
      }
      const last = out[out.length - 1];
      for (let i = last.s; i < last.e; i++) covered[i] = 1;
    }
    const tags = m ? m.tag(docTokens[sent.index], { documentTokens: docTokens }) : [];
    for (const sp of spansFromTags(tags)) {
      let s = sent.tokStart + sp.start, e = sent.tokStart + sp.end;
      while (s < e && (tokens[s].lower === 'the' || !tokens[s].word)) s++;
      while (e > s && !tokens[e - 1].word) e--;
      if (e <= s) continue;
      let taken = false;
      for (let i = s; i < e; i++) if (covered[i]) taken = true;
      if (taken) continue;
      let junk = false;
      // Markup debris and runs of one letter are not names.
      for (let i = s; i < e; i++) if (NOT_NAMES.has(tokens[i].lower) || tokens[i].text.length > 40) junk = true;
      if (junk) continue;
      // "a rented Hyundai through ...": a name brought in by "a" and not modifying a noun is a thing.
      if (sp.type !== 'PER' && e - s === 1 && introducedAsThing(tokens, s, e)) continue;
      // "the group's co-founder Cemil Bayik": a person noun right before the name.
      if (sp.type !== 'PER' && s > 0 && (PERSON_ROLE_NOUNS.has(tokens[s - 1].lower) || /^(?:co-founder|cofounder|co-leader|deputy|emir|imam|sheikh)$/.test(tokens[s - 1].lower))
        && !PLACES.has(keyOf(tokens, s, e)) && !KNOWN_ORGS.has(keyOf(tokens, s, e)) && !ORG_HEADS.has(tokens[e - 1].lower)) sp.type = 'PER';
      // "the Houthis", "the Tamil Tigers": a plural name after "the" is a group, not a person.
      if (sp.type === 'PER' && tokens[s - 1]?.lower === 'the' && /[^s]s$/.test(tokens[e - 1].text) && !GIVEN_NAMES.has(tokens[s].lower)) sp.type = 'ORG';
      // "Abdullah A.": a name with an initial after it (German court style) is a person.
      if (e < sent.tokEnd && /^\p{Lu}$/u.test(tokens[e].text) && tokens[e + 1]?.text === '.' && tokens[e].start - tokens[e - 1].end <= 1) { e++; sp.type = 'PER'; }
      if (sp.type !== 'PER' && e - s === 1 && GIVEN_NAMES.has(tokens[s].lower) && !KNOWN_ORGS.has(tokens[s].lower) && !PLACES.has(tokens[s].lower)) sp.type = 'PER';
      // "a checkpoint outside Bosaso", "raids in Bandar Lampung": a name after a place preposition,
      // or a city of the gazetteer, is a place, not a person, unless a given name opens it.
      else if (sp.type === 'PER' && e - s <= 3 && !GIVEN_NAMES.has(tokens[s].lower) && tokens[e]?.lower !== "'s" && !/^\p{Lu}+$/u.test(tokens[s].text)
        && (/^(?:outside|near|inside|in|across|throughout)$/.test(tokens[s - 1]?.lower ?? '') || isLargeCity(keyOf(tokens, s, e)))) sp.type = 'LOC';
      // "the arrest of Salah Abdeslam": a given name opening a short name makes it a person.
      if (sp.type !== 'PER' && e - s >= 2 && e - s <= 4 && GIVEN_NAMES.has(tokens[s].lower)) {
        let bodyWord = false;
        for (let i = s; i < e; i++) if (ORG_HEADS.has(tokens[i].lower) || LOC_HEADS.has(tokens[i].lower) || GROUP_FIRSTS.has(tokens[i].lower)) bodyWord = true;
        if (!bodyWord && !PLACES.has(keyOf(tokens, s, e)) && !KNOWN_ORGS.has(keyOf(tokens, s, e))) sp.type = 'PER';
      }
      if (sp.type === 'ORG' && e - s === 1 && s > 0 && /^(?:neighbouring|neighboring|northern|southern|eastern|western|central|northwestern|northeastern|southwestern|southeastern)$/.test(tokens[s - 1].lower)) sp.type = 'LOC';
      // "Densus 88": the model may stop before a number that ends the name.
      if (e < sent.tokEnd && /^\d{1,4}$/.test(tokens[e].text) && !/^(?:1[89]|20)\d\d$/.test(tokens[e].text) && tokens[e].start - tokens[e - 1].end <= 1
        && tokens[e + 1] && !/^(?:%|percent|people|men|members|years?|days?|months?)$/i.test(tokens[e + 1].text)) e++;
      let postNominal = false;
      while (e - s > 1 && POST_NOMINALS.has(tokens[e - 1].lower.replace(/\./g, ''))) { e--; postNominal = true; }
      if (postNominal) sp.type = 'PER';
      const fix = typeFromWords(tokens, s, e);
      let type: EntityType | undefined = TYPE_OF[sp.type];
      let rule = `ner:perceptron`;
      // A city the model took for an organisation ("a former soldier from Swansea").
      if (sp.type === 'ORG' && e - s <= 2 && fix !== 'drop' && !fix.type && isLargeCity(keyOf(tokens, s, e)) && !KNOWN_ORGS.has(keyOf(tokens, s, e))) {
        type = 'Location';
        rule = 'ner:perceptron+lexicon:city';
      }
      if (fix === 'drop') continue;
      if (fix.type && fix.rule !== 'rule:capitalised-name' && fix.rule !== 'rule:acronym') {
        if (fix.type !== type) rule = `ner:perceptron+${fix.rule}`;
        type = fix.type;
        s = fix.s; e = fix.e;
      } else if (fix.s > s) s = fix.s; // a title or adjective the model took in
      if (!type) {
        // MISC: kept only when the words themselves make it an organisation or place.
        continue;
      }
      if (type === 'Person') {
        // "Boy Rafli Amar": the model may leave out a first name that is also a word.
        while (s > sent.tokStart && tokens[s - 1].cap && tokens[s - 1].word && !covered[s - 1] && tokens[s - 1].end + 1 >= tokens[s].start
          && !DAYS.has(tokens[s - 1].lower) && !MONTHS.has(tokens[s - 1].lower)
          && !PERSON_TITLES.has(tokens[s - 1].lower.replace(/\.$/, '')) && !DEMONYMS.has(tokens[s - 1].lower) && !FUNCTION_WORDS.has(tokens[s - 1].lower)
          && !isOpening(tokens, sent, s - 1) && !ORG_HEADS.has(tokens[s - 1].lower)) s--;
        // "Abu Isa al-Amriki": a name particle word right after the span belongs to the name.
        while (e < sent.tokEnd && tokens[e].start - tokens[e - 1].end <= 1 && /^(?:al|el|ad|ash|as|an|ar|at|az|bin|ibn|abu)-\p{L}/iu.test(tokens[e].text)) e++;
      }
      for (let i = s; i < e; i++) covered[i] = 1;
      out.push({ s, e, type, sentence: sent.index, rule });
      modelTypes.set(keyOf(tokens, s, e), type);
    }
    for (const [s, e] of sentChunks) {
      let free = true;
      for (let i = s; i < e; i++) if (covered[i]) { free = false; break; }
      if (free) pending.push({ s, e, sentence: sent.index });
    }
  }

  // Capitalised names the model left out: the words, the model's type for the same name
  // elsewhere in the document, or the context decide.
  for (const p of pending) {
    // "Baghdad's Green Zone": a name possessed by a place is a place in it.
    const possessor = tokens[p.s - 1]?.lower === "'s" ? out.find((x) => x.e === p.s - 1) : undefined;
    const placeLike = possessor?.type === 'Location' && !KNOWN_ORGS.has(keyOf(tokens, p.s, p.e)) && !DEMONYMS.has(tokens[p.s].lower)
      && (p.e - p.s > 1 || !COMMON_WORDS.has(tokens[p.s].lower.replace(/s$/, '')));
    if (placeLike) {
      for (let i = p.s; i < p.e; i++) covered[i] = 1;
      out.push({ s: p.s, e: p.e, type: 'Location', sentence: p.sentence, rule: 'rule:possessed-by-place' });
      continue;
    }
    const named = ruleTypes.get(keyOf(tokens, p.s, p.e));
    if (named) {
      for (let i = p.s; i < p.e; i++) covered[i] = 1;
      out.push({ s: p.s, e: p.e, type: named, sentence: p.sentence, rule: 'rule:document-consistency' });
      continue;
    }
    const fix = typeFromWords(tokens, p.s, p.e);
    if (fix === 'drop') continue;
    let { s, e } = fix;
    let type = fix.type;
    let rule = fix.rule;
    const key = keyOf(tokens, s, e);
    // A capitalised word right before an event noun ("Westminster attack") names the event.
    if (e < tokens.length && EVENT_TRIGGERS.has(tokens[e].lower) && !type) continue;
    if (!type && modelTypes.has(key)) { type = modelTypes.get(key)!; rule = 'ner:document-consistency'; }
    if (!type && e - s === 1) {
      const prev = tokens[s - 1], next = tokens[e];
      const word = tokens[s];
      if (DEMONYMS.has(word.lower)) continue;
      if (prev?.lower === 'the' && appositiveGroup(tokens, e)) { type = 'Organization'; rule = 'rule:described-as-group'; }
      else if (!FUNCTION_WORDS.has(word.lower) && appositiveBody(tokens, e)) { type = 'Organization'; rule = 'rule:described-as-body'; }
      else if (COMMON_WORDS.has(word.lower)) {
        // An ordinary word with a capital: a name only if the document names someone so.
        out.push({ s, e, type: 'Person', sentence: p.sentence, rule: 'rule:known-name', tentative: true });
        continue;
      }
      if (type) { /* typed by its apposition */ }
      // "Islam4UK", "Sharia4Belgium": a word with digits inside is a brand or a group, not a person.
      else if (/\p{L}\d+\p{L}/u.test(word.text)) { type = 'Organization'; rule = 'rule:digit-name'; }
      else if (prev && LOC_PREPS.has(prev.lower) && prev.lower !== 'from') { type = 'Location'; rule = 'rule:place-preposition'; }
      else if (prev && /^(?:neighbouring|neighboring|northern|southern|eastern|western|central|northwestern|northeastern|southwestern|southeastern)$/.test(prev.lower)) { type = 'Location'; rule = 'rule:place-adjective'; }
      else if (prev && (PERSON_TITLES.has(prev.lower.replace(/\.$/, '')) || PERSON_ROLE_NOUNS.has(prev.lower))) { type = 'Person'; rule = 'rule:title-context'; }
      else if (prev && prev.lower === 'from' && !(next && PERSON_VERBS.has(next.lower) && next.lower !== 'who')) { type = 'Location'; rule = 'rule:place-preposition'; }
      else if (next && PERSON_VERBS.has(next.lower)) { type = 'Person'; rule = 'rule:person-verb-context'; }
      else if (next && next.lower === "'s") { type = 'Person'; rule = 'rule:possessive-name'; }
      else if (prev && LOC_PREPS.has(prev.lower)) { type = 'Location'; rule = 'rule:place-preposition'; }
    }
    if (!type) {
      if (e - s === 1 && !DEMONYMS.has(tokens[s].lower) && !FUNCTION_WORDS.has(tokens[s].lower)) {
        out.push({ s, e, type: 'Person', sentence: p.sentence, rule: 'rule:known-name', tentative: true });
      }
      continue;
    }
    for (let i = s; i < e; i++) covered[i] = 1;
    out.push({ s, e, type, sentence: p.sentence, rule });
  }
  // "Kabul airport", "Kunar province": a place name and the lower-case kind of place after it.
  for (const x of out) {
    const n = tokens[x.e];
    const after = tokens[x.e + 1];
    // Not when a noun follows ("Manchester mosque trust": the trust is the name's head).
    // A name followed by "province"/"state"/"district" is a place whatever the model said.
    if (x.type !== 'Location' && x.rule.startsWith('ner:') && n && ADMIN_KINDS.has(n.lower)) { x.type = 'Location'; x.rule += '+admin-kind'; }
    // "Katsina State", "Kunar Province" taken whole by the model (but "Islamic State" is a group).
    const lastWord = tokens[x.e - 1].lower;
    if (x.type !== 'Location' && (x.rule.startsWith('ner:') || x.rule === 'lexicon:org-head') && x.e - x.s === 2 && (ADMIN_KINDS.has(lastWord) || lastWord === 'state') && tokens[x.e - 1].cap
      && !GROUP_FIRSTS.has(tokens[x.s].lower) && tokens[x.s].lower !== 'islamic' && !DEMONYMS.has(tokens[x.s].lower) && !KNOWN_ORGS.has(keyOf(tokens, x.s, x.e))) {
      x.type = 'Location';
      x.rule += '+admin-kind';
    }
    if (x.type === 'Location' && n && !n.cap && n.start - tokens[x.e - 1].end <= 1 && PLACE_KIND_AFTER.has(n.lower)
      && !/^(?:a|an)$/.test(tokens[x.s - 1]?.lower ?? '') && after?.lower !== 'of'
      && !(after && after.word && !after.cap && !FUNCTION_WORDS.has(after.lower))) x.e++;
    // An apposition tells a person from a body: "X, the imam of ...", "X, the French energy company".
    if (x.rule.startsWith('ner:') && tokens[x.e]?.text === ',' && /^(?:a|an|the)$/.test(tokens[x.e + 1]?.lower ?? '')) {
      for (let q = x.e + 2; q < Math.min(tokens.length, x.e + 8); q++) {
        const w = tokens[q].lower;
        // "the group's chief financial officer", "the Islamic State's news agency": a possessor, not the head.
        if (tokens[q + 1]?.lower === "'s") { q++; continue; }
        if (tokens[q].cap && tokens[q + 2]?.lower === "'s") { q += 2; continue; }
        if (DEMONYMS.has(w)) continue; // "a Belgian group"
        if (!tokens[q].word || tokens[q].cap) break;
        if (x.type !== 'Person' && /^(?:imam|preacher|cleric|man|woman|businessman|father|mother|brother|son|daughter|wife|husband|teacher|student|leader|founder|commander|spokesman|judge|prosecutor)$/.test(w)) { x.type = 'Person'; x.rule += '+apposition'; break; }
        if (x.type !== 'Organization' && /^(?:company|firm|group|network|organisation|organization|charity|bank|agency|party|movement|militia|faction|outfit|front|alliance|coalition|brigade|offshoot|splinter|affiliate)$/.test(w)) { x.type = 'Organization'; x.rule += '+apposition'; break; }
        if (FUNCTION_WORDS.has(w)) break;
      }
    }
  }
  // "a smaller splinter group, Ansaru, which ...": a group noun just before a name makes it a body.
  for (const x of out) {
    if (x.type === 'Organization' || !x.rule.startsWith('ner:') || tokens[x.s - 1]?.text !== ',') continue;
    const head = tokens[x.s - 2]?.lower ?? '';
    if (!/^(?:group|faction|network|organisation|organization|movement|militia|outfit|splinter|offshoot|affiliate|charity|company|firm)$/.test(head)) continue;
    for (let q = x.s - 3; q >= Math.max(0, x.s - 7); q--) {
      if (/^(?:a|an|the)$/.test(tokens[q].lower)) { x.type = 'Organization'; x.rule += '+apposition'; break; }
      if (!tokens[q].word || (tokens[q].cap && !DEMONYMS.has(tokens[q].lower))) break;
    }
  }
  // "the city of Halle", "the town of Zeitz": a place whatever the model said.
  for (const x of out) {
    if (x.type !== 'Location' && x.rule.startsWith('ner:') && tokens[x.s - 1]?.lower === 'of' && /^(?:city|town|village|province|region|district|port|capital|island|state|suburb)$/.test(tokens[x.s - 2]?.lower ?? '')) {
      x.type = 'Location';
      x.rule += '+place-of';
    }
  }
  // "Reda Ben" + "Said": pieces of one name the model cut apart (no gap between them) make one person.
  out.sort((a, b) => a.s - b.s);
  for (let i = 0; i + 1 < out.length; i++) {
    const x = out[i], y = out[i + 1];
    if (x.e !== y.s || x.sentence !== y.sentence || tokens[y.s].start - tokens[x.e - 1].end > 1) continue;
    if (x.type !== 'Person' && y.type !== 'Person') continue;
    if (!x.rule.startsWith('ner:') || !y.rule.startsWith('ner:')) continue;
    x.e = y.e; x.type = 'Person'; x.rule = 'ner:perceptron+joined';
    out.splice(i + 1, 1);
    i--;
  }
  // "Afif and Muhammad Ali": a one-word name coordinated with a person, typed as a place or body
  // by the model, is a person too.
  out.sort((a, b) => a.s - b.s);
  for (let i = 0; i < out.length; i++) {
    const x = out[i];
    if (x.type === 'Person' || !x.rule.startsWith('ner:') || x.e - x.s !== 1 || /^\p{Lu}{2,}$/u.test(tokens[x.s].text)) continue;
    const next = out[i + 1], prev = out[i - 1];
    if ((next && next.type === 'Person' && tokens[x.e]?.lower === 'and' && next.s === x.e + 1)
      || (prev && prev.type === 'Person' && tokens[x.s - 1]?.lower === 'and' && prev.e === x.s - 1)) { x.type = 'Person'; x.rule += '+coordinated-with-person'; }
  }
  out.sort((a, b) => a.s - b.s);
  return out;
}

/** First words of place names ("Stade de France", "Boulevard Voltaire", "Mount Sinjar"). */
const LOC_FIRSTS = new Set(['stade', 'boulevard', 'rue', 'avenue', 'piazza', 'plaza', 'via', 'mount', 'lake', 'fort', 'gare', 'promenade', 'las', 'los',
  'palais', 'place', 'cape', 'gulf', 'isle', 'port', 'wadi', 'jebel', 'jabal', 'tel', 'camp', 'kampung']);
const SITE_HEAD_AFTER = new Set(['hotel', 'complex', 'mall', 'airport', 'station', 'market', 'mosque', 'church', 'synagogue',
  'stadium', 'arena', 'bridge', 'square', 'prison', 'hospital', 'embassy', 'consulate', 'barracks', 'nightclub', 'cafe', 'restaurant', 'cathedral', 'temple', 'camp']);
const GROUP_HEAD_AFTER = new Set(['network', 'group', 'movement', 'cell', 'faction', 'militia', 'gang', 'brigade', 'battalion', 'agency']);

const ADMIN_KINDS = new Set(['province', 'governorate', 'district', 'county', 'region', 'prefecture']);
const PLACE_KIND_AFTER = new Set(['airport', 'bridge', 'station', 'province', 'region', 'district', 'county', 'square',
  'street', 'road', 'camp', 'prison', 'market', 'mosque', 'church', 'stadium', 'arena', 'state', 'governorate', 'mall',
  'mountains', 'mountain', 'valley', 'hills', 'desert', 'river', 'island', 'islands', 'lake', 'coast', 'peninsula']);
