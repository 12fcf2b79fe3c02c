// Scores our relation extraction on Re-DocRED dev (../shared/data/relation/redocred), end to end:
// the documents' text is rebuilt from their tokens, extract() finds its own entities and
// relations, and the relations whose Wikidata property maps onto one of our types are scored.
//   npm run eval:relations [-- --limit N] [-- --json] [-- --file PATH] [-- --no-classifier]
// --no-classifier: the relation patterns alone, without the pair classifier (src/extract/pairs.ts),
// which is trained on news-style reports and ties many Wikipedia pairs wrongly.
// SKEIN_SHARED points at another copy of ../shared. The mapping is printed with the results
// (MAIN_MAPPINGS, EXTRA_MAPPINGS in scripts/redocred.ts):
//   P463 member of              -> member_of(member, org)
//   P112 founded by             -> founder_of(founder, org)     gold (org, founder): reversed
//   P488 chairperson            -> leader_of(chair, org)        gold (org, person): reversed
//   P26 spouse, P40 child, P3373 sibling, P22 father, P25 mother -> family_of (symmetric)
//   P551 residence              -> located_in(person, place)
//   P159 headquarters location  -> located_in(org, place)
//   P276 location               -> located_in(item, place)
//   P710 participant            -> perpetrator_of / victim_of / claimed_responsibility(participant,
//                                  event): gold (event, participant): reversed. Our schema has no
//                                  plain "took part in"; these are its event-participant relations.
//   Extras, scored apart and kept out of the main totals: P102 member of political party and
//   P108 employer -> member_of (our member_of covers parties and, loosely, employers).
// Precision counts only predictions whose two ends both stand for a Re-DocRED entity (Re-DocRED
// annotates only its own entities, so ties between others are not counted as false positives).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../src/extract/index.js';
import {
  EXTRA_MAPPINGS, MAIN_MAPPINGS, addCounts, checkDocument, detokenize, goldVertices, prf, scoreDocument,
} from './redocred.js';
import type { Counts, RelationMapping } from './redocred.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.SKEIN_SHARED ? resolve(process.env.SKEIN_SHARED) : resolve(root, '../shared');

function usage(message: string): never {
  console.error(`eval:relations: ${message}\nusage: npm run eval:relations [-- --limit N] [-- --json] [-- --file PATH] [-- --no-classifier]`);
  process.exit(2);
}

const args = process.argv.slice(2);
let limit = Infinity;
let json = false;
let classifier = true;
let file = join(shared, 'data/relation/redocred/dev_revised.json');
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--json') json = true;
  else if (a === '--no-classifier') classifier = false;
  else if (a === '--limit') {
    const n = Number(args[++i]);
    if (!Number.isInteger(n) || n <= 0) usage(`--limit needs a positive whole number, got "${args[i] ?? ''}"`);
    limit = n;
  } else if (a === '--file') {
    if (!args[i + 1]) usage('--file needs a path');
    file = resolve(args[++i]);
  } else usage(`unknown option "${a}"`);
}

if (!existsSync(file)) {
  console.error(`eval:relations needs Re-DocRED dev at ${file}, which is missing.\n`
    + `It lives in ../shared (developers and CI only); set SKEIN_SHARED to point at another copy.`);
  process.exit(2);
}

let raw: unknown;
try {
  raw = JSON.parse(readFileSync(file, 'utf8'));
} catch (err) {
  console.error(`eval:relations: ${file} is not readable JSON: ${(err as Error).message}`);
  process.exit(2);
}
if (!Array.isArray(raw)) {
  console.error(`eval:relations: ${file} must hold a list of DocRED documents`);
  process.exit(2);
}
const relNamesPath = join(dirname(file), 'rel_info.json');
const relNames: Record<string, string> = existsSync(relNamesPath) ? JSON.parse(readFileSync(relNamesPath, 'utf8')) : {};

const mainById = new Map<string, Counts>();
const mainByType = new Map<string, Counts>();
const extraById = new Map<string, Counts>();
const extraByType = new Map<string, Counts>();
const unscored = new Map<string, number>();
const misses = new Map<string, number>();
const allMappings = [...MAIN_MAPPINGS, ...EXTRA_MAPPINGS];
let docs = 0;
let words = 0;
let tokens = 0;
let extractMs = 0;
const t0 = performance.now();
for (const [n, item] of raw.slice(0, limit === Infinity ? undefined : limit).entries()) {
  const doc = checkDocument(item, `${file}: document ${n}`);
  const detok = detokenize(doc.sents);
  const gold = goldVertices(doc, detok);
  const t1 = performance.now();
  const extraction = extract(detok.text, classifier ? {} : { pairModel: null });
  extractMs += performance.now() - t1;
  const main = scoreDocument(doc, extraction, MAIN_MAPPINGS, gold);
  addCounts(mainById, main.byId);
  addCounts(mainByType, main.byType);
  for (const [k, v] of main.unscored) unscored.set(k, (unscored.get(k) ?? 0) + v);
  for (const [k, v] of main.misses) misses.set(k, (misses.get(k) ?? 0) + v);
  // Extras: scored with the main ids too, so that member_of's precision counts party and
  // employer matches as right.
  const extra = scoreDocument(doc, extraction, allMappings, gold);
  for (const m of EXTRA_MAPPINGS) addCounts(extraById, new Map([[m.id, extra.byId.get(m.id)!]]));
  addCounts(extraByType, new Map([['member_of', extra.byType.get('member_of')!]]));
  docs++;
  words += detok.text.split(/\s+/).filter(Boolean).length;
  tokens += doc.sents.reduce((s, x) => s + x.length, 0);
}
const totalMs = performance.now() - t0;

const zero = (): Counts => ({ gold: 0, pred: 0, tp: 0, found: 0 });
const sum = (m: Map<string, Counts>): Counts => {
  const s = zero();
  for (const c of m.values()) { s.gold += c.gold; s.pred += c.pred; s.tp += c.tp; s.found += c.found; }
  return s;
};
// Micro: precision over our types' predictions, recall over the Wikidata ids' gold labels.
const micro: Counts = { gold: sum(mainById).gold, found: sum(mainById).found, pred: sum(mainByType).pred, tp: sum(mainByType).tp };

const row = (c: Counts) => ({ ...c, ...prf(c) });
const mapRows = (ms: readonly RelationMapping[], by: Map<string, Counts>) => ms.map((m) => ({
  id: m.id, label: relNames[m.id] ?? m.label, ours: m.ours, mapping: m.note, ...row(by.get(m.id) ?? zero()),
}));
const typeOrder = [...new Set(MAIN_MAPPINGS.flatMap((m) => m.ours))];
const speed = {
  documents: docs, words, tokens, extractSeconds: extractMs / 1000, totalSeconds: totalMs / 1000,
  wordsPerSecond: words / (extractMs / 1000),
};

// Unmatched scored predictions per type, by what Re-DocRED says holds between the same entities.
const missRows = typeOrder.map((type) => ({
  type,
  by: [...misses].filter(([k]) => k.startsWith(`${type}\t`))
    .map(([k, n]) => ({ id: k.split('\t')[1], label: relNames[k.split('\t')[1]] ?? (k.endsWith('\tnone') ? 'no gold relation' : ''), n }))
    .sort((a, b) => b.n - a.n),
})).filter((r) => r.by.length > 0);

if (json) {
  console.log(JSON.stringify({
    file, classifier, ...speed,
    byWikidata: mapRows(MAIN_MAPPINGS, mainById),
    byType: typeOrder.map((t) => ({ type: t, ...row(mainByType.get(t) ?? zero()), unscored: unscored.get(t) ?? 0 })),
    micro: row(micro),
    unmatchedByGoldRelation: missRows,
    extras: {
      byWikidata: mapRows(EXTRA_MAPPINGS, extraById),
      member_of: row(extraByType.get('member_of') ?? zero()),
    },
  }, null, 2));
} else {
  const pct = (x: number) => (100 * x).toFixed(1).padStart(6);
  const num = (x: number) => String(x).padStart(6);
  const line = (name: string, c: Counts) => {
    const { p, r, f1 } = prf(c);
    return `${name.padEnd(40)}${num(c.gold)}${num(c.pred)}${num(c.tp)}${num(c.found)}${pct(p)}${pct(r)}${pct(f1)}`;
  };
  const head = `${''.padEnd(40)}${'gold'.padStart(6)}${'pred'.padStart(6)}${'tp'.padStart(6)}${'found'.padStart(6)}${'P'.padStart(6)}${'R'.padStart(6)}${'F1'.padStart(6)}`;
  console.log(`Re-DocRED relations, end to end (${file}); ${classifier ? 'patterns and pair classifier' : 'patterns alone (--no-classifier)'}`);
  console.log('Mapping (Wikidata -> ours):');
  for (const m of MAIN_MAPPINGS) console.log(`  ${m.id.padEnd(6)}${(relNames[m.id] ?? m.label).padEnd(24)}${m.note}`);
  console.log('  extras, apart from the totals:');
  for (const m of EXTRA_MAPPINGS) console.log(`  ${m.id.padEnd(6)}${(relNames[m.id] ?? m.label).padEnd(27)}${m.note}`);
  console.log('gold: gold labels (deduplicated; by unordered pair for family ids); pred: our relations with both ends on');
  console.log('Re-DocRED entities (others are not annotated there, so not counted); tp: of those, matching a gold label;');
  console.log('found: gold labels matched. P = tp/pred, R = found/gold. Per id, pred counts our relations of its');
  console.log('type(s) not matched to another id, so P per id is a lower bound where ids share our type.');
  console.log('\nPer Wikidata relation');
  console.log(head);
  for (const m of MAIN_MAPPINGS) console.log(line(`${m.id} ${relNames[m.id] ?? m.label}`, mainById.get(m.id) ?? zero()));
  console.log('\nPer our type (gold and found: labels of the ids mapped onto it)');
  console.log(head + '  unscored');
  for (const t of typeOrder) console.log(line(t, mainByType.get(t) ?? zero()) + String(unscored.get(t) ?? 0).padStart(10));
  console.log(line('micro (P over our types, R over ids)', micro));
  console.log('\nExtras (not in the totals)');
  console.log(head);
  for (const m of EXTRA_MAPPINGS) console.log(line(`${m.id} ${relNames[m.id] ?? m.label}`, extraById.get(m.id) ?? zero()));
  console.log(line('member_of with P102/P108 matches right', extraByType.get('member_of') ?? zero()));
  console.log('\nOur unmatched scored relations, by the gold relation between the same two entities (either way)');
  for (const r of missRows) {
    console.log(`  ${r.type.padEnd(24)}${r.by.slice(0, 6).map((b) => `${b.id === 'none' ? '' : b.id + ' '}${b.label} ${b.n}`).join('; ')}`);
  }
  console.log(`\n${docs} documents, ${words} words (${tokens} tokens); extract ${speed.extractSeconds.toFixed(1)} s, `
    + `${Math.round(speed.wordsPerSecond)} words/s; total ${speed.totalSeconds.toFixed(1)} s`);
}
