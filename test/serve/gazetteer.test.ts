// The offline gazetteer behind the map: countries, cities, namesakes read in context.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { locate, locateAll } from '../../src/serve/gazetteer.js';

const where = (names: string[]) => { const p = locate(names); return p && `${p.name}/${p.country}/${p.kind}`; };

test('countries by common, official and other names', () => {
  assert.equal(where(['the United Kingdom']), 'United Kingdom/GB/country');
  assert.equal(where(['Britain']), 'United Kingdom/GB/country');
  assert.equal(where(['Syria']), 'Syria/SY/country');
});

test('cities: the most populous of a name, English forms, Arabic article', () => {
  assert.equal(where(['Birmingham']), 'Birmingham/GB/city');
  assert.equal(where(['Antwerp']), 'Antwerpen/BE/city');
  assert.equal(where(['Raqqa']), 'Ar Raqqah/SY/city');
  assert.equal(where(['Nowhere Such Place']), null);
  // the second name is tried when the first is unknown
  assert.equal(where(['the Syrian city', 'Aleppo']), 'Aleppo/SY/city');
});

test('namesakes are read against the other places of the corpus', () => {
  const alone = locateAll([['Woolwich']])[0]!.place;
  assert.equal(alone?.country, 'US', 'alone, the most populous Woolwich');
  const [, , woolwich, westminster] = locateAll([['London'], ['Britain'], ['Woolwich'], ['Westminster']]);
  assert.equal(woolwich!.place?.country, 'GB');
  assert.equal(westminster!.place, null, 'not the Westminster in Colorado');
  assert.match(westminster!.note ?? '', /only small places of that name abroad/);
});
