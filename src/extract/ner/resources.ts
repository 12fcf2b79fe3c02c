// Builds the derived lookup tables shipped inside the NER model (training time only):
// gazetteers from npm data packages, lower-case ratios and word clusters computed from
// unlabeled text. Everything is stored keyed by 32-bit word hashes, never as text.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { GAZ_PREFIX, emptyResources, wordKey, type NerResources } from './features.js';
import { readConll, readGmb } from './conll.js';
import { buildClusters } from './clusters.js';

export interface BuildOptions {
  shared: string;
  root: string;
  clusters: boolean;
  gazetteers: boolean;
  log: (msg: string) => void;
}

const require = createRequire(import.meta.url);

function pkgFile(root: string, pkg: string, file: string): string | null {
  const p = join(root, 'node_modules', pkg, file);
  return existsSync(p) ? p : null;
}

function lines(path: string | null): string[] {
  if (!path) return [];
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** Splits a gazetteer entry into CoNLL-like tokens. */
function tokenizeEntry(s: string): string[] {
  return s
    .replace(/([,;:()!?"])/g, ' $1 ')
    .replace(/'s\b/g, " 's")
    .split(/\s+/)
    .filter(Boolean);
}

/** Unlabeled running text: sentences of tokens. */
export function unlabeledText(shared: string): string[][] {
  const sents: string[][] = [];
  const ner = join(shared, 'data/ner');
  for (const f of ['conll2003/train.txt', 'conll2003/valid.txt'])
    for (const d of readConll(join(ner, f))) for (const s of d.sentences) sents.push(s.words);
  const gmb = join(ner, 'gmb/ner_dataset.csv');
  if (existsSync(gmb)) for (const d of readGmb(gmb, {})) for (const s of d.sentences) sents.push(s.words);
  for (const f of ['dev_revised.json', 'test_revised.json', 'train_revised.json']) {
    const p = join(shared, 'data/relation/redocred', f);
    if (!existsSync(p)) continue;
    const docs = JSON.parse(readFileSync(p, 'utf8')) as { sents: string[][] }[];
    for (const d of docs) for (const s of d.sents) sents.push(s);
  }
  return sents;
}

export async function buildResources(o: BuildOptions): Promise<NerResources> {
  const res = emptyResources();
  if (o.gazetteers) {
    const lists: [string, string[]][] = [];
    lists.push(['name', lines(pkgFile(o.root, 'humannames', 'list.txt'))]);
    lists.push(['city', lines(pkgFile(o.root, 'cities-list', 'list.txt'))]);
    lists.push(['company', lines(pkgFile(o.root, '@cspell/dict-companies', 'dict/companies.txt'))]);
    const country: string[] = [];
    const demonym: string[] = [];
    const capital: string[] = [];
    try {
      const wc = require(join(o.root, 'node_modules/world-countries/countries.json')) as {
        name: { common: string; official: string };
        altSpellings?: string[];
        capital?: string[];
        demonyms?: Record<string, { m: string; f: string }>;
      }[];
      for (const c of wc) {
        country.push(c.name.common, c.name.official);
        for (const a of c.altSpellings ?? []) if (a.length > 3) country.push(a);
        for (const cap of c.capital ?? []) capital.push(cap);
        const d = c.demonyms?.eng;
        if (d) demonym.push(d.m, d.f);
      }
    } catch {
      o.log('world-countries not installed: no country gazetteer');
    }
    lists.push(['country', country], ['capital', capital], ['demonym', demonym]);
    // compromise's lexicon (a devDependency, read at training time only)
    try {
      const nlp = (await import('compromise')).default as unknown as {
        world(): { model: { one: { lexicon: Record<string, string | string[]> } } };
      };
      const byTag = new Map<string, string[]>();
      for (const [word, v] of Object.entries(nlp.world().model.one.lexicon))
        for (const t of Array.isArray(v) ? v : [v]) {
          const l = byTag.get(t) ?? [];
          l.push(word);
          byTag.set(t, l);
        }
      const pick = (...tags: string[]) => tags.flatMap((t) => byTag.get(t) ?? []);
      lists.push(
        ['c-org', pick('Organization', 'SportsTeam')],
        ['c-place', pick('City', 'Place', 'Country', 'Region')],
        ['c-title', pick('Actor', 'Honorific')],
        ['c-name', pick('FemaleName', 'MaleName', 'LastName', 'FirstName', 'Person')],
        ['c-demonym', pick('Demonym')],
      );
    } catch {
      o.log('compromise not installed: no compromise lexicon gazetteers');
    }
    res.gazetteerNames = lists.map(([n]) => n);
    if ((1 << lists.length) > GAZ_PREFIX) throw new Error(`${lists.length} gazetteers: at most 15 fit the table's bits`);
    let maxLen = 1;
    for (let g = 0; g < lists.length; g++) {
      for (const entry of lists[g]![1]) {
        const toks = tokenizeEntry(entry.toLowerCase());
        if (!toks.length || toks.length > 6) continue;
        maxLen = Math.max(maxLen, toks.length);
        const k = wordKey(toks.join(' '));
        res.gazetteer.set(k, (res.gazetteer.get(k) ?? 0) | (1 << g));
        // mark the entry's proper prefixes, so matching can stop where no entry continues
        for (let len = 1; len < toks.length; len++) {
          const pk = wordKey(toks.slice(0, len).join(' '));
          res.gazetteer.set(pk, (res.gazetteer.get(pk) ?? 0) | GAZ_PREFIX);
        }
      }
    }
    res.gazetteerMaxLen = maxLen;
    res.gazetteerPrefixes = true;
    o.log(`gazetteers: ${lists.map(([n, l]) => `${n} ${l.length}`).join(', ')}; ${res.gazetteer.size} keys`);
  }

  const text = unlabeledText(o.shared);
  o.log(`unlabeled text: ${text.length} sentences`);
  // lower-case ratio of words in running text (not sentence-initial, mixed-case sentences)
  const lower = new Map<string, number>();
  const total = new Map<string, number>();
  for (const s of text) {
    let lc = 0;
    for (const w of s) if (/[a-z]/.test(w)) lc++;
    if (lc < s.length * 0.3) continue;
    for (let i = 1; i < s.length; i++) {
      const w = s[i]!;
      if (!/^[A-Za-z]/.test(w)) continue;
      const l = w.toLowerCase();
      total.set(l, (total.get(l) ?? 0) + 1);
      if (w === l) lower.set(l, (lower.get(l) ?? 0) + 1);
    }
  }
  for (const [l, t] of total) {
    if (t < 2) continue;
    const r = (lower.get(l) ?? 0) / t;
    const b = r < 0.05 ? 0 : r < 0.3 ? 1 : r < 0.7 ? 2 : r < 0.95 ? 3 : 4;
    res.lowerRatio.set(wordKey(l), b);
  }
  o.log(`lower-case ratios: ${res.lowerRatio.size} words`);

  if (o.clusters) {
    const c = buildClusters(text, o.log);
    res.clusters = c.clusters;
    res.clusterLevels = c.levels;
  }
  return res;
}
