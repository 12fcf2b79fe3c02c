// Within-document name resolution: every named mention becomes one entity per real-world
// thing. Short names join the full name they are part of ("Masood" -> "Khalid Masood"),
// acronyms join the name whose initials they are or that defines them ("Islamic State (IS)"),
// well-known alternative names join their canonical form, and "known as Y" adds Y as a name.
import { normalizeName, type EntityType } from '../schema/index.js';
import type { Token } from './tokens.js';
import type { RawMention } from './mentions.js';
import { KNOWN_ORG_ALIASES, PLACES } from './lexicons.js';

export interface WorkEntity {
  id: string;
  type: EntityType;
  /** Names as written, first seen first. */
  names: string[];
  keys: Set<string>;
  /** Token-level key words of the fullest name (Person sub-name matching). */
  words: string[];
  mentionIdx: number[];
}

export interface Resolved {
  entities: WorkEntity[];
  /** Entity index for each raw mention. */
  entityOf: number[];
}

function orgBase(key: string): string {
  return key.replace(/ (?:movement|group|network|organisation|organization|militia|rebels|fighters|cell|faction|gang)$/, '').replace(/(?<=[a-z]{3})s$/, '');
}

const PLACE_KINDS = new Set(['province', 'region', 'district', 'county', 'state', 'governorate', 'city', 'town', 'village']);

const CONNECTOR_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'al', 'el', 'bin', 'ibn', 'de']);

function initials(name: string): string {
  return normalizeName(name).split(' ').filter((w) => w && !CONNECTOR_WORDS.has(w)).map((w) => w[0]).join('');
}

export function mentionText(text: string, tokens: Token[], m: { s: number; e: number }): string {
  return text.slice(tokens[m.s].start, tokens[m.e - 1].end).replace(/\s+/g, ' ');
}

export function resolveNames(text: string, tokens: Token[], mentions: RawMention[]): Resolved {
  const entities: WorkEntity[] = [];
  const entityOf: number[] = new Array(mentions.length).fill(-1);
  const byKey = new Map<string, number>(); // type|key -> entity
  // Longest names first; among equals, names whose type the words or context settled first.
  const settled = (m: RawMention) => (m.rule.startsWith('lexicon:') || m.rule.includes('+') ? 0 : 1);
  const order = mentions.map((_, i) => i).sort((a, b) => (mentions[b].e - mentions[b].s) - (mentions[a].e - mentions[a].s)
    || settled(mentions[a]) - settled(mentions[b]) || a - b);

  // Indexes keep resolution linear on long documents: person words, organisation stems and
  // initials, place stems.
  const personByWord = new Map<string, number[]>();
  const orgByBase = new Map<string, number>();
  const orgByInitials = new Map<string, number>();
  const placeByStem = new Map<string, number>();
  /** Sorted token starts of each entity's mentions (for "the nearest one before"). */
  const starts: number[][] = [];
  const add = (mi: number, ei: number, name: string) => {
    const ent = entities[ei];
    entityOf[mi] = ei;
    ent.mentionIdx.push(mi);
    const st = starts[ei] ?? (starts[ei] = []);
    const at = mentions[mi].s;
    let lo = 0, hi = st.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (st[mid] < at) lo = mid + 1; else hi = mid; }
    st.splice(lo, 0, at);
    const k = normalizeName(name);
    if (!ent.keys.has(k)) {
      ent.keys.add(k); ent.names.push(name); byKey.set(`${ent.type}|${k}`, ei);
      if (ent.type === 'Organization') {
        const b = orgBase(k);
        if (!orgByBase.has(b)) orgByBase.set(b, ei);
        if (k.includes(' ')) { const ini = initials(name); if (!orgByInitials.has(ini)) orgByInitials.set(ini, ei); }
      } else if (ent.type === 'Location') {
        const ws = k.split(' ');
        if (ws.length > 1 && PLACE_KINDS.has(ws[ws.length - 1])) { const st = ws.slice(0, -1).join(' '); if (!placeByStem.has(st)) placeByStem.set(st, ei); }
      }
    }
  };
  const create = (mi: number, type: EntityType, name: string): number => {
    const ei = entities.length;
    entities.push({ id: `e${ei + 1}`, type, names: [], keys: new Set(), words: normalizeName(name).split(' '), mentionIdx: [] });
    add(mi, ei, name);
    if (type === 'Person') for (const w of new Set(entities[ei].words)) { const l = personByWord.get(w) ?? []; l.push(ei); personByWord.set(w, l); }
    return ei;
  };

  // A multi-word name the model typed as a place or body, whose last word is elsewhere a
  // person ("Amadou Koufa" ... "Koufa was not named"), is that person.
  const personWords = new Set<string>();
  for (const m of mentions) if (m.type === 'Person' && !m.tentative && m.e - m.s === 1) personWords.add(normalizeName(mentionText(text, tokens, m)));
  for (const m of mentions) {
    if (m.type !== 'Person' && m.rule === 'ner:perceptron' && m.e - m.s >= 2 && personWords.has(normalizeName(tokens[m.e - 1].text))) {
      m.type = 'Person';
      m.rule = 'ner:perceptron+retyped-by-short-name';
    }
  }
  // "Younes and Bilal Amrani": a lone given name coordinated with a full name shares its surname
  // (it keeps the short form as a name too).
  const sharedSurname = new Map<number, string>();
  const shortNames: [number, string][] = [];
  mentions.forEach((m, mi) => {
    const n = mentions[mi + 1];
    if (m.type !== 'Person' || !n || n.type !== 'Person' || m.e - m.s !== 1 || n.e - n.s < 2 || n.sentence !== m.sentence) return;
    if (tokens[m.e]?.lower !== 'and' || n.s !== m.e + 1) return;
    sharedSurname.set(mi, `${tokens[m.s].text} ${tokens[n.e - 1].text}`);
  });
  for (const mi of order) {
    const m = mentions[mi];
    const short = sharedSurname.has(mi) ? mentionText(text, tokens, m) : null;
    const name = sharedSurname.get(mi) ?? mentionText(text, tokens, m);
    const key = normalizeName(name);
    if (!key) continue;
    // Resolved under the full name; the short form joins its names afterwards.
    if (short) shortNames.push([mi, short]);
    const same = byKey.get(`${m.type}|${key}`);
    if (same !== undefined) { add(mi, same, name); continue; }
    // A body the model named like a place the text calls a place ("the city of Halle") is that place.
    if (m.type === 'Organization' && m.rule === 'ner:perceptron') {
      const place = byKey.get(`Location|${key}`);
      if (place !== undefined) { add(mi, place, name); continue; }
    }
    // The same name typed otherwise elsewhere (a person here, a group there) is the same thing.
    if (m.type !== 'Location' && !m.tentative) {
      const other = byKey.get(`${m.type === 'Person' ? 'Organization' : 'Person'}|${key}`);
      if (other !== undefined && m.rule.startsWith('ner:')) { add(mi, other, name); continue; }
    }
    const words = key.split(' ');
    // "Kunar province" and "Kunar": one place.
    if (m.type === 'Location') {
      const stem = words.length > 1 && PLACE_KINDS.has(words[words.length - 1]) ? words.slice(0, -1).join(' ') : null;
      const hit = stem ? byKey.get(`Location|${stem}`) : placeByStem.get(key);
      if (hit !== undefined && hit >= 0) { add(mi, hit, name); continue; }
    }
    // A person's short name: a run of words of a longer person name (nearest one before wins).
    // A place or body the model typed that is another body's name variant ("Houthis", "Houthi movement").
    if (m.type === 'Location' && m.rule === 'ner:perceptron' && !PLACES.has(key)) {
      const org = orgByBase.get(orgBase(key));
      // (The very same name is no variant: "Halle" as body and as place is settled below.)
      const weakOrg = org !== undefined && entities[org].mentionIdx.every((j) => mentions[j].rule === 'ner:perceptron');
      if (org !== undefined && !(weakOrg && entities[org].keys.has(key))) { add(mi, org, name); continue; }
    }
    if (m.type === 'Person' || (m.type !== 'Location' && (words.length === 1 || m.rule === 'rule:article-name' || /^(?:al|el|abu|bin|ibn)$/.test(words[0])))) {
      const hit = nearestContaining(entities, personByWord.get(words[0]) ?? [], starts, mentions[mi].s, words);
      if (hit !== undefined) { add(mi, hit, name); continue; }
      // "Wagner" after "the Wagner Group": the short form of a body the model took for a person.
      if (m.type === 'Person' && words.length === 1 && m.rule.startsWith('ner:')) {
        const org = orgByBase.get(key);
        if (org !== undefined) { add(mi, org, name); continue; }
      }
    }
    if (m.tentative) {
      // Only a name seen elsewhere typed: the same word as a whole name of any type.
      for (const t of ['Organization', 'Location'] as const) {
        const other = byKey.get(`${t}|${key}`);
        if (other !== undefined) { add(mi, other, name); break; }
      }
      continue;
    }
    if (m.type === 'Organization') {
      // "Houthi", "Houthis", "Houthi movement": one group.
      const base = orgBase(key);
      const same = orgByBase.get(base);
      if (same !== undefined && base.length >= 4) { add(mi, same, name); continue; }
      const canon = KNOWN_ORG_ALIASES.get(key);
      let hit: number | undefined = canon ? byKey.get(`Organization|${canon}`) : undefined;
      if (hit === undefined && /^[\p{Lu}\d]{2,6}$/u.test(name.replace(/[.\s]/g, '')) && words.length === 1) {
        const acr = key.replace(/\s/g, '');
        hit = orgByInitials.get(acr);
      }
      if (hit === undefined) {
        // The long form of a known alias: "Islamic State of Iraq and the Levant" joins "Islamic State".
        for (const [alias, c] of KNOWN_ORG_ALIASES) {
          if (c === key || alias === key) {
            const other = byKey.get(`Organization|${alias === key ? c : alias}`);
            if (other !== undefined) { hit = other; break; }
          }
        }
      }
      if (hit !== undefined) { add(mi, hit, name); continue; }
    }
    create(mi, m.type, name);
  }
  // A name the model took once for a body and once for a place ("Halle synagogue attacker", "the
  // city of Halle") is the place, unless something besides the model called it a body.
  for (let oi = 0; oi < entities.length; oi++) {
    const o = entities[oi];
    if (o.type !== 'Organization' || !o.mentionIdx.length || !o.mentionIdx.every((mi) => mentions[mi].rule === 'ner:perceptron')) continue;
    for (const k of o.keys) {
      const li = byKey.get(`Location|${k}`);
      if (li !== undefined && entities[li].mentionIdx.length) { mergeInto(entities, entityOf, li, oi); break; }
    }
  }
  // Known aliases seen before their canonical form: merge entities pairwise.
  mergeKnownAliases(entities, entityOf);
  definedAliases(text, tokens, mentions, entities, entityOf);
  for (const [mi, short] of shortNames) {
    const ent = entities[entityOf[mi]];
    const k = normalizeName(short);
    if (ent && !ent.keys.has(k)) { ent.keys.add(k); ent.names.push(short); }
  }
  return compact(entities, entityOf);
}

/** The longer person name holding these words and mentioned nearest before the mention (else first after it). */
function nearestContaining(entities: WorkEntity[], candidates: number[], starts: number[][], at: number, words: string[]): number | undefined {
  let best: number | undefined;
  let bestKey = Infinity;
  // A bare family name shared by relatives ("Samir Haddou" ... "his cousin Nabil Haddou" ...
  // "Haddou") is, by news convention, the person introduced first; the others go by first name.
  // Only a full mention a few words before overrides that.
  const surname = words.length === 1;
  let first: number | undefined;
  let firstAt = Infinity;
  let kin = 0;
  for (const ei of candidates) {
    const e = entities[ei];
    if (e.words.length <= words.length || !containsRun(e.words, words)) continue;
    const st = starts[ei] ?? [];
    let lo = 0, hi = st.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (st[mid] < at) lo = mid + 1; else hi = mid; }
    const key = lo > 0 ? at - st[lo - 1] : 1e12 + (st[0] ?? 0);
    if (key < bestKey) { bestKey = key; best = ei; }
    if (surname && e.words[e.words.length - 1] === words[0] && (st[0] ?? Infinity) < at) {
      kin++;
      if (st[0]! < firstAt) { firstAt = st[0]!; first = ei; }
    }
  }
  if (kin > 1 && first !== undefined && bestKey > 6) return first;
  return best;
}

function containsRun(hay: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function mergeInto(entities: WorkEntity[], entityOf: number[], keep: number, drop: number): void {
  if (keep === drop) return;
  const a = entities[keep], b = entities[drop];
  for (const n of b.names) {
    const k = normalizeName(n);
    if (!a.keys.has(k)) { a.keys.add(k); a.names.push(n); }
  }
  for (const mi of b.mentionIdx) { a.mentionIdx.push(mi); entityOf[mi] = keep; }
  b.mentionIdx = [];
  b.names = [];
  b.keys.clear();
}

function mergeKnownAliases(entities: WorkEntity[], entityOf: number[]): void {
  const orgs = entities.map((e, i) => [e, i] as const).filter(([e]) => e.type === 'Organization');
  for (const [e, i] of orgs) {
    for (const k of [...e.keys]) {
      const canon = KNOWN_ORG_ALIASES.get(k);
      if (!canon) continue;
      for (const [f, j] of orgs) {
        if (j !== i && f.mentionIdx.length && (f.keys.has(canon) || [...f.keys].some((fk) => KNOWN_ORG_ALIASES.get(fk) === canon))) {
          // Keep the multi-word (fuller) name as the entity.
          const keepJ = f.names[0].length >= e.names[0].length;
          mergeInto(entities, entityOf, keepJ ? j : i, keepJ ? i : j);
        }
      }
    }
  }
}

/** "Long Name (ACR)" and "X, also known as Y" / 'known as "Y"': Y becomes a name of X. */
function definedAliases(text: string, tokens: Token[], mentions: RawMention[], entities: WorkEntity[], entityOf: number[]): void {
  for (let mi = 1; mi < mentions.length; mi++) {
    const m = mentions[mi];
    const ei = entityOf[mi];
    if (ei < 0) continue;
    const before = text.slice(Math.max(0, tokens[m.s].start - 40), tokens[m.s].start).toLowerCase();
    let target = -1;
    if (/\(\s*$/.test(before)) {
      // Parenthesised right after another name: its acronym or another name.
      const prev = mentions[mi - 1];
      if (prev.sentence === m.sentence && m.s - prev.e === 1 && tokens[prev.e].text === '(') target = entityOf[mi - 1];
    } else if (/(?:also known as|known as|aka|a\.k\.a\.|dubbed|nicknamed|alias|calling himself|under the name|real name is|real name was|née)\s*[“"‘']?\s*$/.test(before) && !/(?:formerly|previously|once|later|now)\s+known as\s*[“"‘']?\s*$/.test(before)) {
      // "the leader of the faction known as Boko Haram": the name is the faction's, not the leader's.
      const namesNoun = /\b(?:faction|group|movement|network|organi[sz]ation|militia|cell|wing|branch|splinter|outfit|campaign|operation)\s*,?\s*(?:also |locally |widely |now |simply )?known as\s*[“"‘']?\s*$/.test(before);
      // The nearest name before it in the sentence, of a type that can share a name.
      for (let j = mi - 1; j >= 0 && mentions[j].sentence === m.sentence && !namesNoun; j--) {
        const t = mentions[j].type;
        const retypable = m.rule === 'ner:perceptron' && m.type === 'Location';
        if ((t === m.type || retypable || (t === 'Person' || t === 'Organization') && (m.type === 'Person' || m.type === 'Organization')) && entityOf[j] !== ei) {
          if (m.type === 'Person' && t !== 'Person') continue;
          // A known organisation is never another name of a person.
          if (t === 'Person' && m.type === 'Organization' && m.rule.startsWith('lexicon:known-org')) continue;
          if (t === 'Location' || t === 'Event') continue;
          target = entityOf[j];
          break;
        }
      }
    }
    if (target >= 0 && target !== ei && entities[target].type !== 'Location' && entities[target].type !== 'Event') {
      mergeInto(entities, entityOf, target, ei);
    }
  }
}

function compact(entities: WorkEntity[], entityOf: number[]): Resolved {
  const remap = new Map<number, number>();
  const out: WorkEntity[] = [];
  entities.forEach((e, i) => {
    if (!e.mentionIdx.length) return;
    remap.set(i, out.length);
    e.id = `e${out.length + 1}`;
    // The fullest name is the entity's name: the longest written form.
    const full = [...e.names].sort((a, b) => b.split(' ').length - a.split(' ').length || b.length - a.length)[0];
    e.names = [full, ...e.names.filter((n) => n !== full)];
    out.push(e);
  });
  return { entities: out, entityOf: entityOf.map((ei) => (ei < 0 ? -1 : remap.get(ei) ?? -1)) };
}
