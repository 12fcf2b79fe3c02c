// Extraction on sentences we wrote: each rule family, the JSON contract, and (when ../shared
// is present) the seed article's score against its gold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract, explainExtraction, toEvaluationJson, EXTRACTOR } from '../../src/extract/index.js';
import type { Extraction } from '../../src/extract/types.js';
import { tokenize } from '../../src/extract/tokens.js';
import { splitSentences } from '../../src/extract/sentences.js';
import { findDates, referenceDate } from '../../src/extract/dates.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function entity(x: Extraction, name: string) {
  return x.entities.find((e) => e.name === name || e.aliases.includes(name));
}
function rel(x: Extraction, type: string, source: string, target: string) {
  const s = entity(x, source), t = entity(x, target);
  assert.ok(s, `no entity "${source}" in ${x.entities.map((e) => e.name).join(', ')}`);
  assert.ok(t, `no entity "${target}" in ${x.entities.map((e) => e.name).join(', ')}`);
  return x.relations.find((r) => r.type === type && ((r.source === s.id && r.target === t.id) || (r.source === t.id && r.target === s.id)));
}
function relTypes(x: Extraction): string[] {
  const byId = new Map(x.entities.map((e) => [e.id, e.name]));
  return x.relations.map((r) => `${r.type}(${byId.get(r.source)}, ${byId.get(r.target)}) ${r.modality}`);
}

test('sentences: abbreviations, initials and paragraph breaks do not end or do end sentences', () => {
  const text = 'Mr. Hale met Dr. J. Okafor in the U.S. Treasury offices on Monday. They talked.\n\nA new paragraph starts here\n\nAnd another.';
  const s = splitSentences(text, tokenize(text));
  assert.deepEqual(s.map((x) => x.text), [
    'Mr. Hale met Dr. J. Okafor in the U.S. Treasury offices on Monday.', 'They talked.',
    'A new paragraph starts here', 'And another.',
  ]);
  for (const x of s) assert.equal(text.slice(x.start, x.end), x.text);
});

test('tokens: possessives split off, hyphenated names and 7/7 kept whole, offsets exact', () => {
  const text = 'Al-Shabaab’s leader and the 7/7 bombers';
  const toks = tokenize(text);
  assert.deepEqual(toks.map((t) => t.text), ['Al-Shabaab', '’s', 'leader', 'and', 'the', '7/7', 'bombers']);
  for (const t of toks) assert.equal(text.slice(t.start, t.end), t.text);
});

test('dates: relative dates resolve against the document date; 7/7 is not a date; bare years count', () => {
  const ref = referenceDate('2020-02-10');
  assert.deepEqual(findDates('He was listed on March 3rd of this year.', ref).map((d) => d.iso), ['2020-03-03']);
  assert.deepEqual(findDates('the 7/7 bombings', ref).map((d) => d.iso), []);
  assert.deepEqual(findDates('the attack in 2011', ref).map((d) => d.iso), ['2011']);
  assert.deepEqual(findDates('23 out of 51 plots', ref).map((d) => d.iso), []);
});

test('apposition: "X, a member of Y" and "X, the leader of Y"', () => {
  const x = extract('Yusuf Dar, a member of the Eastern Brigade, met Colm Reilly, the leader of the Harbour Movement, in Belfast.');
  assert.ok(rel(x, 'member_of', 'Yusuf Dar', 'Eastern Brigade'), relTypes(x).join('; '));
  assert.ok(rel(x, 'leader_of', 'Colm Reilly', 'Harbour Movement'), relTypes(x).join('; '));
  assert.equal(entity(x, 'Belfast')?.type, 'Location');
});

test('possessive leader and coreference of "the group" and "their"', () => {
  const x = extract('The Northern Vanguard, a small militant group, was formed in Leeds. Police say the group recruited students. Their leader Arthur Penhale denies it.');
  assert.ok(rel(x, 'leader_of', 'Arthur Penhale', 'Northern Vanguard'), relTypes(x).join('; '));
  assert.equal(entity(x, 'Northern Vanguard')?.type, 'Organization');
});

test('passive designation by a government body', () => {
  const x = extract('Rashid Omari was designated as a global terrorist by the U.S. State Department in 2019.');
  const r = rel(x, 'designated_by', 'Rashid Omari', 'U.S. State Department');
  assert.ok(r, relTypes(x).join('; '));
  assert.equal(r.source, entity(x, 'Rashid Omari')!.id);
  assert.equal(r.modality, 'asserted');
});

test('modality: hedged, reported with attribution, negated', () => {
  const hedged = extract('It is possible that Lena Vogt was a member of the Red Circle.');
  assert.equal(rel(hedged, 'member_of', 'Lena Vogt', 'Red Circle')?.modality, 'hedged', relTypes(hedged).join('; '));
  const reported = extract('The Interior Ministry said Pavel Kron was a member of the Red Circle.');
  const r = rel(reported, 'member_of', 'Pavel Kron', 'Red Circle');
  assert.equal(r?.modality, 'reported', relTypes(reported).join('; '));
  assert.equal(r?.attributedTo, entity(reported, 'Interior Ministry')!.id);
  const negated = extract('Investigators found that Pavel Kron had no links to the Red Circle.');
  assert.equal(rel(negated, 'associated_with', 'Pavel Kron', 'Red Circle')?.modality, 'negated', relTypes(negated).join('; '));
});

test('coreference: "he" points back to the named person, short names join full names', () => {
  const x = extract('Samir Haddad grew up in Marseille. In 2015 he joined the Southern Front. Haddad later left France.');
  assert.ok(rel(x, 'member_of', 'Samir Haddad', 'Southern Front'), relTypes(x).join('; '));
  assert.equal(x.entities.filter((e) => e.type === 'Person').length, 1);
  assert.ok(entity(x, 'Haddad'));
  assert.ok(rel(x, 'located_in', 'Samir Haddad', 'Marseille'), relTypes(x).join('; '));
});

test('acronyms: defined in brackets or well known join the full name', () => {
  const x = extract('The Popular Defence Front (PDF2) denied the claim. PDF2 fighters were seen near Mosul, where ISIS is also active. Islamic State later claimed it.');
  const pdf = entity(x, 'Popular Defence Front');
  assert.ok(pdf?.aliases.includes('PDF2'), JSON.stringify(x.entities.map((e) => [e.name, e.aliases])));
  const is = x.entities.filter((e) => e.type === 'Organization' && (e.name === 'Islamic State' || e.aliases.includes('ISIS')));
  assert.equal(is.length, 1);
  assert.ok(is[0].aliases.includes('ISIS') || is[0].name === 'ISIS');
});

test('events: a named attack with a relative date, its place, perpetrator and claim', () => {
  const x = extract('Last Friday a gunman opened fire outside a cafe. Omar Lind carried out the Bergen cafe attack, police said. The Northern Legion claimed responsibility for the attack.', { documentDate: '2021-06-14' });
  const ev = x.entities.find((e) => e.type === 'Event');
  assert.ok(ev, JSON.stringify(x.entities));
  assert.match(ev.name, /Bergen cafe attack/);
  assert.equal(ev.event?.kind, 'attack');
  assert.ok(rel(x, 'perpetrator_of', 'Omar Lind', ev.name), relTypes(x).join('; '));
  assert.equal(rel(x, 'perpetrator_of', 'Omar Lind', ev.name)?.modality, 'reported');
  assert.ok(rel(x, 'claimed_responsibility', 'Northern Legion', ev.name), relTypes(x).join('; '));
  const dated = extract('The Harbour bombing on March 2nd of this year killed six people.', { documentDate: '2019-05-01' });
  const b = dated.entities.find((e) => e.type === 'Event');
  assert.equal(b?.event?.date, '2019-03-02');
  assert.equal(b?.event?.kind, 'bombing');
});

test('murder of a named person: victim and perpetrator', () => {
  const x = extract('Ian Moss was convicted of murdering shopkeeper Ravi Patel in 2014.');
  const ev = x.entities.find((e) => e.type === 'Event');
  assert.ok(ev && /Ravi Patel/.test(ev.name), JSON.stringify(x.entities.map((e) => e.name)));
  assert.equal(ev.event?.date, '2014');
  assert.ok(rel(x, 'victim_of', 'Ravi Patel', ev.name), relTypes(x).join('; '));
  assert.ok(rel(x, 'perpetrator_of', 'Ian Moss', ev.name), relTypes(x).join('; '));
});

test('nationality and religion adjectives are not entities', () => {
  const x = extract('A British man and two Pakistani Muslims were questioned by Lebanese police about the Salafist network.');
  const names = x.entities.map((e) => e.name);
  for (const adj of ['British', 'Pakistani', 'Muslims', 'Lebanese', 'Salafist', 'Pakistani Muslims']) assert.ok(!names.includes(adj), names.join(', '));
});

test('family and recruitment: possessive kinship, passive radicalisation', () => {
  const x = extract('Prosecutors said Adam Kerr had been radicalised by Bilal Sayeed. Sayeed\'s brother, Hamza Sayeed, lived in Luton.');
  assert.ok(rel(x, 'recruited', 'Bilal Sayeed', 'Adam Kerr'), relTypes(x).join('; '));
  const r = rel(x, 'recruited', 'Bilal Sayeed', 'Adam Kerr')!;
  assert.equal(r.source, entity(x, 'Bilal Sayeed')!.id);
  assert.equal(r.modality, 'reported');
  assert.ok(rel(x, 'family_of', 'Bilal Sayeed', 'Hamza Sayeed'), relTypes(x).join('; '));
  assert.ok(rel(x, 'located_in', 'Hamza Sayeed', 'Luton'), relTypes(x).join('; '));
});

test('JSON contract: endpoints are entities, ids unique across documents, evidence is the text slice', () => {
  const a = 'Colm Reilly, the leader of the Harbour Movement, lived in Cork. He was arrested by the Garda in 2018.';
  const b = 'Nadia Brel, a member of the Red Circle, was questioned by the Federal Police in Brussels.';
  const json = toEvaluationJson([
    { name: 'a', text: a, extraction: extract(a, { documentDate: '2019-01-01' }) },
    { name: 'b', text: b, extraction: extract(b) },
  ]);
  const ids = new Set(json.entities.map((e) => e.id));
  assert.equal(ids.size, json.entities.length);
  assert.ok(json.relations.length >= 3);
  for (const r of json.relations) {
    assert.ok(ids.has(r.source) && ids.has(r.target), `${r.type} endpoint missing`);
    assert.ok(['asserted', 'hedged', 'reported', 'negated'].includes(r.modality));
    assert.ok(r.evidence.length > 0);
    for (const ev of r.evidence) {
      const text = ev.document === 'a' ? a : b;
      assert.equal(text.slice(ev.start, ev.end), ev.text);
    }
  }
  for (const e of json.entities) assert.ok(['Person', 'Organization', 'Location', 'Event'].includes(e.type));
});

test('explain prints every relation with its rule and evidence; extraction is deterministic', () => {
  const text = 'Colm Reilly, the leader of the Harbour Movement, lived in Cork.';
  const x = extract(text);
  assert.deepEqual(extract(text), x);
  // Nothing of one document leaks into the next one.
  extract('Bilal Sayeed shot dead Omar Vance in Luton. Police arrested Sayeed later.');
  assert.deepEqual(extract(text), x);
  assert.equal(x.extractor.name, EXTRACTOR.name);
  const out = explainExtraction(x);
  for (const r of x.relations) assert.ok(out.includes(r.rule));
  assert.match(out, /leader_of\(Colm Reilly -> Harbour Movement\) asserted/);
  assert.match(out, /evidence \[0-/);
});

test('seed article reaches the core bar against its gold (needs ../shared)', async (t) => {
  const shared = resolve(root, '../shared');
  const goldPath = join(shared, 'eval/gold-dev/westminster-2017.json');
  if (!existsSync(goldPath)) { t.skip(`../shared is missing (${goldPath}): seed score not checked`); return; }
  const gold = JSON.parse(readFileSync(goldPath, 'utf8'));
  const text = readFileSync(resolve(dirname(goldPath), gold.text), 'utf8');
  const pred = toEvaluationJson([{ name: gold.document, text, extraction: extract(text, { documentDate: gold.published }) }]);
  const { scoreDocument } = await import(join(shared, 'eval/score.mjs')) as { scoreDocument: (g: unknown, p: unknown) => { entities: { tp: number; fp: number; fn: number }; relations: { tp: number; fp: number; fn: number } } };
  const s = scoreDocument(gold, pred);
  const f1 = (c: { tp: number; fp: number; fn: number }) => (2 * c.tp) / (2 * c.tp + c.fp + c.fn);
  assert.ok(f1(s.entities) >= 0.7, `entity F1 ${f1(s.entities)}`);
  assert.ok(f1(s.relations) >= 0.4, `relation F1 ${f1(s.relations)}`);
});

test('plural references and an implicit police agent: "the two brothers were arrested"', () => {
  const x = extract('Counter Terrorism Policing East said it had arrested two men. Omar Vance and his brother Idris Vance were held in Luton. The two brothers were charged on Friday.');
  assert.ok(rel(x, 'family_of', 'Omar Vance', 'Idris Vance'), relTypes(x).join('; '));
  for (const who of ['Omar Vance', 'Idris Vance']) {
    assert.ok(rel(x, 'investigated_by', who, 'Counter Terrorism Policing East'), `${who}: ${relTypes(x).join('; ')}`);
  }
});

test('attack told through its verbs: the incident is named by its place, and its attacker found', () => {
  const x = extract('On Sunday a man stormed a market in Valdoria and stabbed six people. The attacker was identified as Piet Rusk. The Iron Crown claimed responsibility.', { documentDate: '2024-05-14' });
  const ev = x.entities.find((e) => e.type === 'Event');
  assert.ok(ev && /Valdoria/.test(ev.name), JSON.stringify(x.entities.map((e) => [e.type, e.name])));
  assert.equal(ev.event?.date, '2024-05-12');
  assert.ok(rel(x, 'perpetrator_of', 'Piet Rusk', ev.name), relTypes(x).join('; '));
  assert.ok(rel(x, 'claimed_responsibility', 'Iron Crown', ev.name), relTypes(x).join('; '));
  assert.ok(rel(x, 'located_in', ev.name, 'Valdoria'), relTypes(x).join('; '));
});

test('relative clauses and renamed groups: "X, who heads Y" and "formerly known as"', () => {
  const x = extract('The Tariq Brigade, formerly known as the Dawn Brigade, is led by Hamza Qadir, who also heads the Red Hand Movement.');
  assert.ok(rel(x, 'alias_of', 'Tariq Brigade', 'Dawn Brigade'), relTypes(x).join('; '));
  assert.ok(rel(x, 'leader_of', 'Hamza Qadir', 'Red Hand Movement'), relTypes(x).join('; '));
  assert.ok(rel(x, 'leader_of', 'Hamza Qadir', 'Tariq Brigade'), relTypes(x).join('; '));
});

test('a named victim of an attack in progress belongs to that attack, and a place of origin is not its place', () => {
  const x = extract('Dorian Vessel, a 41-year-old man from Leeds, drove a van into shoppers on Kelvin Bridge on Saturday. '
    + 'He then stabbed Constable Amy Hart, who was guarding the nearby Palace of Kelvin.', { documentDate: '2023-05-08' });
  const events = x.entities.filter((e) => e.type === 'Event');
  assert.equal(events.length, 1, events.map((e) => e.name).join(', '));
  assert.match(events[0]!.name, /Kelvin Bridge/);
  assert.ok(rel(x, 'perpetrator_of', 'Dorian Vessel', events[0]!.name), relTypes(x).join('; '));
  assert.ok(rel(x, 'victim_of', 'Amy Hart', events[0]!.name), relTypes(x).join('; '));
  assert.ok(!x.relations.some((r) => r.type === 'located_in' && r.source === events[0]!.id && r.target === entity(x, 'Leeds')?.id));
  // "Palace of X" is a building, so a Location.
  assert.equal(entity(x, 'Palace of Kelvin')?.type, 'Location');
});

test('modality: doubt cast on a tie negates it', () => {
  const x = extract('Investigators questioned whether Ivo Brandt had any link to the Red Circle.');
  assert.equal(rel(x, 'associated_with', 'Ivo Brandt', 'Red Circle')?.modality, 'negated', relTypes(x).join('; '));
});

test('coreference: "the organisation" opening a sentence is the group the last sentence was about', () => {
  const x = extract('The Iron Brigade, a rival network based in Bremen, denied any contact with him. '
    + 'Officials believe the Crescent Front receives money from the Desert Army. The organisation\'s founder, Tariq Zubair, lives in Leeds.');
  assert.ok(rel(x, 'founder_of', 'Tariq Zubair', 'Crescent Front'), relTypes(x).join('; '));
});

test('events: a killing told as later, in a raid the sentence names, is not part of the attack', () => {
  const x = extract('Gunmen attacked a concert hall in Lyon on 3 May 2019. Marc Dufresne, a militant of the Iron Brigade, planned the attack. '
    + 'Dufresne was killed two days later in a police raid in Grenoble.', { documentDate: '2019-06-01' });
  const attack = x.entities.find((e) => e.type === 'Event' && /Lyon/.test(e.name));
  assert.ok(attack, x.entities.map((e) => e.name).join(', '));
  assert.ok(!rel(x, 'victim_of', 'Marc Dufresne', attack.name), relTypes(x).join('; '));
  assert.ok(!x.relations.some((r) => r.type === 'located_in' && r.source === attack.id && r.target === entity(x, 'Grenoble')?.id), relTypes(x).join('; '));
});

test('perpetrator: sentenced, after a long gap, for his role in the bombing', () => {
  const x = extract('Gunmen bombed the Rivergate Mall in Leeds on 4 June 2018. '
    + 'Anton Mercer was sentenced on Friday to a minimum of 40 years in prison for his role in the Rivergate Mall bombing.', { documentDate: '2020-01-10' });
  const ev = x.entities.find((e) => e.type === 'Event');
  assert.ok(ev, x.entities.map((e) => e.name).join(', '));
  assert.ok(rel(x, 'perpetrator_of', 'Anton Mercer', ev.name), relTypes(x).join('; '));
});

test('events: a plot named by its target, told as a noun or a verb, is one incident', () => {
  const x = extract('Two men plotted to bomb Vester Station in Aarhus, prosecutors said. Their plot to bomb Vester Station was foiled in May 2022. '
    + 'Danish police had been monitoring Jens Holm since 2021.', { documentDate: '2023-01-10' });
  const plots = x.entities.filter((e) => e.type === 'Event');
  assert.equal(plots.length, 1, plots.map((e) => e.name).join(', '));
  assert.match(plots[0]!.name, /plot/);
  assert.match(plots[0]!.name, /Vester Station/);
  assert.ok(rel(x, 'located_in', plots[0]!.name, 'Vester Station'), relTypes(x).join('; '));
});

test('relations: a role phrase named by an apposition, contact with it, co-defendants, "had been monitoring"', () => {
  const x = extract('Prosecutors said Omar Lind had been in contact with an Islamic State operative in Syria, Abu Musa, who sent him instructions. '
    + 'His co-defendants, Ali Rask and Emil Voss, were jailed. The AIVD had been monitoring Lind since 2021.');
  assert.ok(rel(x, 'member_of', 'Abu Musa', 'Islamic State'), relTypes(x).join('; '));
  assert.ok(rel(x, 'associated_with', 'Omar Lind', 'Abu Musa'), relTypes(x).join('; '));
  assert.ok(rel(x, 'associated_with', 'Omar Lind', 'Ali Rask'), relTypes(x).join('; '));
  assert.ok(rel(x, 'investigated_by', 'Omar Lind', 'AIVD'), relTypes(x).join('; '));
});

test('fallback: two people one clause names together are associated, marked as the weaker rule', () => {
  // (The fallback covers pairs the patterns and the pair classifier both left untied: classifier off here.)
  const x = extract('Rana Holt put the teenager in touch with Piet Daalder, a fighter in Syria.', { pairModel: null });
  const r = rel(x, 'associated_with', 'Rana Holt', 'Piet Daalder');
  assert.ok(r, relTypes(x).join('; '));
  assert.match(r.rule, /^cooccurrence:clause/);
  assert.equal(r.confidence, 0.4);
  // One person reporting on another is no tie.
  const y = extract('Judge Ann Moss said Karl Brandt had acted alone.', { pairModel: null });
  assert.ok(!rel(y, 'associated_with', 'Ann Moss', 'Karl Brandt'), relTypes(y).join('; '));
});

test('located_in: born in a place, a firm with branches in places, a region after a town', () => {
  const x = extract('Born in Casablanca, Yassine Idrissi moved to Brussels as a child. '
    + 'Bakaal Express, a money transfer business with branches in Somalia and Kenya, was also designated. '
    + 'Gunmen stormed a school in Kankara, Katsina State, on Friday.');
  assert.ok(rel(x, 'located_in', 'Yassine Idrissi', 'Casablanca'), relTypes(x).join('; '));
  assert.ok(rel(x, 'located_in', 'Yassine Idrissi', 'Brussels'), relTypes(x).join('; '));
  assert.ok(rel(x, 'located_in', 'Bakaal Express', 'Kenya'), relTypes(x).join('; '));
  assert.equal(entity(x, 'Born'), undefined);
  const ev = x.entities.find((e) => e.type === 'Event');
  assert.ok(ev, x.entities.map((e) => e.name).join(', '));
  assert.ok(rel(x, 'located_in', ev.name, 'Katsina State'), relTypes(x).join('; '));
});

test('relations: denied involvement in an attack, passive radicalisation keeps its direction, kin by surname', () => {
  const x = extract('Masked men attacked a mosque in Hull on 2 May 2023. The Iron Legion has denied any involvement in the Hull attack. '
    + 'According to the prosecution, Omar Tate was radicalised in 2015 by Kamal Reid. Mustafa Bouzid and Karim Bouzid sent the money.',
  { documentDate: '2023-06-01' });
  const ev = x.entities.find((e) => e.type === 'Event');
  assert.ok(ev, x.entities.map((e) => e.name).join(', '));
  assert.equal(rel(x, 'perpetrator_of', 'Iron Legion', ev.name)?.modality, 'negated', relTypes(x).join('; '));
  const r = rel(x, 'recruited', 'Kamal Reid', 'Omar Tate');
  assert.ok(r, relTypes(x).join('; '));
  assert.equal(r.source, entity(x, 'Kamal Reid')!.id);
  assert.equal(x.relations.filter((q) => q.type === 'recruited').length, 1, relTypes(x).join('; '));
  assert.ok(rel(x, 'family_of', 'Mustafa Bouzid', 'Karim Bouzid'), relTypes(x).join('; '));
});

test('implicit parties: "another member, X" joins the group the passage is about; a passive ban is by the body named nearby', () => {
  const x = extract('Nordwind Division began in 2021 as a chat group. Brandt was drawn in by another member, Ethan Kowalski, a friend from Spokane. '
    + 'The Home Office laid the order before Parliament on Monday. The Red Banner was proscribed in 2016.');
  assert.equal(rel(x, 'member_of', 'Ethan Kowalski', 'Nordwind Division')?.modality, 'asserted', relTypes(x).join('; '));
  assert.ok(rel(x, 'designated_by', 'Red Banner', 'Home Office'), relTypes(x).join('; '));
});

test('names: a bare family name shared by relatives is the person introduced first', () => {
  const x = extract('Samir Haddou is said to have led the cell. Prosecutors say he recruited his cousin, Nabil Haddou, at a gym. '
    + 'Karim Lasri met Haddou in Fresnes prison in 2019.');
  assert.ok(entity(x, 'Samir Haddou')!.aliases.includes('Haddou'), JSON.stringify(x.entities.map((e) => [e.name, e.aliases])));
  assert.ok(rel(x, 'associated_with', 'Karim Lasri', 'Samir Haddou'), relTypes(x).join('; '));
});

test('events: a day without a year names the incident ("the September 11 attacks") and gives it no date', () => {
  const x = extract('Moussaoui was later convicted in the United States over the September 11 attacks.', { documentDate: '2024-06-13' });
  const ev = x.entities.find((e) => e.type === 'Event');
  assert.ok(ev, x.entities.map((e) => e.name).join(', '));
  assert.match(ev.name, /September 11/);
  assert.equal(ev.event?.date, undefined);
});

test('modality: an apposition after a report in another clause is the author\'s; a prison term places a person', () => {
  const x = extract('He founded Supporters of Sharia, a group that British officials said promoted violence, and was an associate of Omar Bakri, the founder of Al-Muhajiroun. '
    + 'Abu Hamza is serving a life sentence at a prison in Colorado.');
  assert.equal(rel(x, 'founder_of', 'Omar Bakri', 'Al-Muhajiroun')?.modality, 'asserted', relTypes(x).join('; '));
  assert.ok(rel(x, 'located_in', 'Abu Hamza', 'Colorado'), relTypes(x).join('; '));
});

test('relations: a claim is not its apposition\'s group; "who used the name X"; "founded a group called X"; "X, the Y\'s news agency"', () => {
  const x = extract('Islamic State West Africa Province (ISWAP), the Islamic State\'s affiliate in the region, claimed responsibility for the Konduga bombing through Amaq, the Islamic State\'s news agency. '
    + 'Tariq Malik had been in regular contact with an Islamic State handler in Syria who used the name Abu Suhaib. '
    + 'Rachid Boukhari, a former kickboxer, founded a street preaching group called Ummah Rising in 2012.', { documentDate: '2023-06-12', pairModel: null });
  const ev = x.entities.find((e) => e.type === 'Event');
  assert.ok(ev, x.entities.map((e) => e.name).join(', '));
  assert.ok(rel(x, 'claimed_responsibility', 'Islamic State West Africa Province', ev.name), relTypes(x).join('; '));
  assert.ok(!rel(x, 'claimed_responsibility', 'Islamic State', ev.name), relTypes(x).join('; '));
  assert.ok(rel(x, 'associated_with', 'Amaq', 'Islamic State'), relTypes(x).join('; '));
  assert.ok(rel(x, 'member_of', 'Abu Suhaib', 'Islamic State'), relTypes(x).join('; '));
  assert.ok(rel(x, 'associated_with', 'Tariq Malik', 'Abu Suhaib'), relTypes(x).join('; '));
  assert.ok(rel(x, 'founder_of', 'Rachid Boukhari', 'Ummah Rising'), relTypes(x).join('; '));
});

test('relations: a successor body is tied to the body it replaced', () => {
  // ("X, Austria's domestic intelligence agency" is no located_in: annotators tie a state's own
  // bodies to their country about one time in seven, so the rule that did was dropped.)
  const x = extract('Police informed the Office for Constitutional Protection (OCP), Austria\'s domestic intelligence agency, in July. '
    + 'In December 2021 it was dissolved and replaced by the Directorate of State Protection (DSN).', { pairModel: null });
  assert.ok(!rel(x, 'located_in', 'Office for Constitutional Protection', 'Austria'), relTypes(x).join('; '));
  assert.ok(rel(x, 'associated_with', 'Office for Constitutional Protection', 'Directorate of State Protection'), relTypes(x).join('; '));
});

test('names with digits inside are groups; "banned in 2010 as an alias of X"', () => {
  const x = extract('Al Ghurabaa was banned in 2006, and Islam4UK was banned in 2010 as an alias of Al-Muhajiroun.');
  assert.equal(entity(x, 'Islam4UK')?.type, 'Organization');
  assert.ok(rel(x, 'alias_of', 'Islam4UK', 'Al-Muhajiroun'), relTypes(x).join('; '));
});

// Rules alone (the pair classifier off), on sentences written for these tests.
const rulesOnly = (text: string, documentDate: string | null = null) => extract(text, { documentDate, pairModel: null });

test('names: a group noun names a group in ordinary words; a known group joined to a place by a hyphen is its branch', () => {
  const x = rulesOnly('Far-right group Copper Dawn to be banned\nThe government is to ban the far-right network Copper Dawn, the Home Office said. Copper Dawn was set up in 2021. Islamic State-Somalia, also known as ISIS-Somalia, grew.');
  assert.equal(entity(x, 'Copper Dawn')?.type, 'Organization');
  assert.equal(x.entities.filter((e) => e.name === 'Copper Dawn').length, 1, 'one entity for every mention of the name');
  assert.ok(rel(x, 'designated_by', 'Copper Dawn', 'Home Office'), relTypes(x).join('; '));
  assert.equal(entity(x, 'Islamic State-Somalia')?.type, 'Organization');
  assert.equal(entity(x, 'ISIS-Somalia')?.type, 'Organization');
  // ... but a name after a group noun that a verb follows is the subject of a relative clause.
  const y = rulesOnly('The group Karim Haddad joined was small.');
  assert.notEqual(entity(y, 'Karim Haddad')?.type, 'Organization');
});

test('names: "X and Y Service" and "Office for the Z" are one body; a name ending a text at "for" does not break the tokenizer', () => {
  const x = rulesOnly('The Danish Security and Intelligence Service watched him. The Federal Office for the Protection of the Constitution agreed. Britain and Border Force did not.');
  assert.equal(entity(x, 'Danish Security and Intelligence Service')?.type, 'Organization');
  assert.equal(entity(x, 'Federal Office for the Protection of the Constitution')?.type, 'Organization');
  assert.equal(entity(x, 'Britain')?.type, 'Location');
  assert.doesNotThrow(() => rulesOnly('The report was written by the Home Office for'));
  assert.doesNotThrow(() => rulesOnly('Officials named the Security and'));
});

test('names: a city of the gazetteer or a name after "outside"/"in" is a place, not a person', () => {
  const x = rulesOnly('Police detained two men in Winnipeg. A bomb exploded at a checkpoint outside Galkayo that killed nine soldiers.');
  assert.equal(entity(x, 'Winnipeg')?.type, 'Location');
  assert.equal(entity(x, 'Galkayo')?.type, 'Location');
});

test('designations: lists with appositions, "among those designated", "placed on the sanctions list", "designated for ..."', () => {
  const x = rulesOnly('The U.S. Treasury Department on Tuesday imposed sanctions on five people. Also sanctioned were Hassan Abdi, who runs a shop in Nairobi, and Mariam Osei, a courier. Yusuf Korane and Omar Barre were among those designated, and Sahal Travel was also placed on the sanctions list. A second firm, Bakool Gold Trading, was designated for allegedly laundering money.', '2024-01-10');
  for (const n of ['Hassan Abdi', 'Mariam Osei', 'Yusuf Korane', 'Omar Barre', 'Sahal Travel', 'Bakool Gold Trading'])
    assert.ok(rel(x, 'designated_by', n, 'U.S. Treasury Department'), `${n}: ${relTypes(x).join('; ')}`);
});

test('victims named after the incident; the spouse named in apposition; the driving force behind a plot', () => {
  const x = rulesOnly('A man armed with a knife killed two people at a tram stop in Grenoble on Saturday. The two people who died were named as Claire Fontanel, a nurse, and Ahmed Belkaid, a student.', '2024-03-04');
  assert.ok(rel(x, 'victim_of', 'Claire Fontanel', 'Grenoble attack'), relTypes(x).join('; '));
  assert.ok(rel(x, 'victim_of', 'Ahmed Belkaid', 'Grenoble attack'), relTypes(x).join('; '));
  const y = rulesOnly('Later Mahmoud Salem married a Danish convert, Louise Holt, with whom he has four children.');
  assert.ok(rel(y, 'family_of', 'Mahmoud Salem', 'Louise Holt'), relTypes(y).join('; '));
  const z = rulesOnly('Three men plotted to bomb the Highfield shopping centre in Leeds. The judge said Imran Qasim had been the driving force behind the plot.');
  assert.ok(z.relations.some((r) => r.type === 'perpetrator_of' && entity(z, 'Imran Qasim')?.id === r.source), relTypes(z).join('; '));
});

test('events: killed in an unnamed strike is an incident; "Easter Sunday 2016" dates to 2016; a place gives the event an alias', () => {
  const x = rulesOnly('Al-Sahrawi himself was killed in a French drone strike in 2021.');
  const strike = x.entities.find((e) => e.type === 'Event');
  assert.equal(strike?.name, 'drone strike');
  assert.equal(strike?.event?.date, '2021');
  assert.deepEqual(findDates('They bombed a park on Easter Sunday 2016.', referenceDate('2024-05-01')).map((d) => d.iso), ['2016']);
  const y = rulesOnly('Pressure grew after the 14 February suicide bombing in Pulwama, which killed 40 soldiers.');
  assert.ok(y.entities.some((e) => e.type === 'Event' && e.aliases.includes('Pulwama bombing')), JSON.stringify(y.entities.map((e) => [e.name, e.aliases])));
});

test('alias: "it previously operated under the name Y"', () => {
  const x = rulesOnly('Officials banned the network Copper Dawn on Monday. It previously operated under the name Albion Youth Front.');
  assert.ok(rel(x, 'alias_of', 'Copper Dawn', 'Albion Youth Front'), relTypes(x).join('; '));
});
