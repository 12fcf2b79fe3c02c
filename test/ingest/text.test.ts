// The pieces every format shares: normal form of text, dates, titles, sizes, HTML to text.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseHtml } from '../../src/ingest/html.js';
import {
  decodeText,
  formatBytes,
  isIsoDate,
  normaliseText,
  splitFrontMatter,
  titleFromText,
  toIsoDate,
  tooLargeReason,
} from '../../src/ingest/text.js';

describe('normaliseText', () => {
  test('line ends, trailing spaces, blank-line runs, outer whitespace, BOM', () => {
    assert.equal(
      normaliseText('\uFEFF\n\n  Title  \r\n\r\nOne line.\t \rTwo\r\n\r\n\r\n\r\n\n\nThree.   \n\n'),
      '  Title\n\nOne line.\nTwo\n\nThree.'.trim(),
    );
  });
  test('composed and decomposed accents become the same text', () => {
    assert.equal(normaliseText('Jose\u0301'), normaliseText('Jos\u00e9'));
  });
  test('is idempotent', () => {
    const once = normaliseText('a  \r\n\r\n\r\n b \n\n\n\nc');
    assert.equal(normaliseText(once), once);
  });
});

describe('dates', () => {
  test('metadata dates in their common forms', () => {
    const cases: Array<[string, string | null]> = [
      ['2023-09-14T08:30:00+01:00', '2023-09-14'],
      ['2023-09-14T23:30:00-05:00', '2023-09-14'], // the publisher's own calendar day
      ['2023-09-14', '2023-09-14'],
      ['2023-09-14 10:00', '2023-09-14'],
      ['D:20240212093000Z', '2024-02-12'],
      ['D:20240212', '2024-02-12'],
      ['20240212', '2024-02-12'],
      ['March 5, 2016', '2016-03-05'],
      ['Tue, 05 Mar 2024 10:00:00 GMT', '2024-03-05'],
      ['2023-02-30', null],
      ['2023-13-01T00:00:00Z', null],
      ['Monday', null],
      ['', null],
      ['not a date 2020 at all', null],
    ];
    for (const [input, expected] of cases) assert.equal(toIsoDate(input), expected, input);
  });
  test('--date must be a real YYYY-MM-DD day', () => {
    assert.ok(isIsoDate('2017-04-03'));
    assert.ok(isIsoDate('2024-02-29'));
    for (const bad of ['2023-02-29', '2017-4-3', '2017-04-03T00:00', '03-04-2017', '']) assert.ok(!isIsoDate(bad), bad);
  });
});

describe('titles', () => {
  test('Markdown: ATX and setext headings, emphasis dropped', () => {
    assert.equal(titleFromText('Intro line\n\n## The *second* heading ##\n\ntext', true), 'The second heading');
    assert.equal(titleFromText('Intro line\n\nno heading at all', true), 'Intro line');
    assert.equal(titleFromText('# The **main** story\n\ntext', true), 'The main story');
    assert.equal(titleFromText('Setext title\n============\n\ntext', true), 'Setext title');
    assert.equal(titleFromText('> a quote first\n\n# Heading', true), 'Heading');
  });
  test('plain text: the first line, unless it is a whole paragraph', () => {
    assert.equal(titleFromText('\n\nA title\nbody', false), 'A title');
    assert.equal(titleFromText('word '.repeat(60), false), null);
  });
  test('front matter gives title and date and leaves the text', () => {
    const fm = splitFrontMatter('---\ntitle: "Quarry dispute settled"\ndate: 2021-07-02\ntags: [a, b]\n---\n# Heading\n\nBody.');
    assert.deepEqual(fm, { title: 'Quarry dispute settled', date: '2021-07-02', body: '# Heading\n\nBody.' });
    assert.deepEqual(splitFrontMatter('--- not front matter\ntext'), { title: null, date: null, body: '--- not front matter\ntext' });
  });
});

describe('sizes and decoding', () => {
  test('sizes read as a person says them', () => {
    assert.equal(formatBytes(20 * 1024 * 1024), '20.0 MB');
    assert.equal(formatBytes(10 * 1024 * 1024, true), '10 MB');
    assert.equal(formatBytes(1536), '1.5 KB');
    assert.equal(formatBytes(999), '999 bytes');
    assert.equal(tooLargeReason(20 * 1024 * 1024, 10 * 1024 * 1024), 'too large: 20.0 MB exceeds the 10 MB limit (--max-bytes)');
  });
  test('decodeText: UTF-8, NUL bytes, invalid UTF-8, a named charset, an unknown one', () => {
    assert.deepEqual(decodeText(Buffer.from('Zürich')), { ok: true, text: 'Zürich' });
    assert.equal(decodeText(Buffer.from([0x61, 0, 0x62])).ok, false);
    assert.deepEqual(decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9])), {
      ok: false,
      reason: 'not valid UTF-8 text (binary data or another encoding; convert it to UTF-8)',
    });
    assert.deepEqual(decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'windows-1252'), { ok: true, text: 'café' });
    assert.deepEqual(decodeText(Buffer.from('x'), 'klingon-8'), { ok: false, reason: 'unknown character set "klingon-8"' });
    // UTF-16 with its byte-order mark, as Windows editors write "Unicode" text.
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Zürich council', 'utf16le')]);
    assert.deepEqual(decodeText(le), { ok: true, text: 'Zürich council' });
    const be = Buffer.from(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Zürich council', 'utf16le').swap16()]));
    assert.deepEqual(decodeText(be), { ok: true, text: 'Zürich council' });
    assert.equal(decodeText(Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0])).ok, false);
  });
});

describe('HTML to text', () => {
  test('blocks become paragraphs, inline whitespace collapses, <br> breaks a line, scripts vanish', () => {
    const { text } = parseHtml(
      '<html><body><main><article><h2>Port strike  ends</h2><p>Dock   workers in\n  Selsea <em>voted</em> on Friday.<br>The union said so.</p>' +
        '<script>alert(1)</script><ul><li>First point about the vote in Selsea harbour.</li><li>Second point.</li></ul>' +
        '<table><tr><td>Yes</td><td>412</td></tr></table><p hidden>hidden words</p></article></main></body></html>',
    );
    assert.equal(
      text,
      'Port strike ends\n\nDock workers in Selsea voted on Friday.\nThe union said so.\n\nFirst point about the vote in Selsea harbour.\n\nSecond point.\n\nYes 412',
    );
  });
  test('a fragment without <html> or <body> still yields its text', () => {
    assert.equal(parseHtml('<p>Only a <b>fragment</b> here.</p>').text, 'Only a fragment here.');
  });
  test('"Headline | Site" gives way to the page\'s <h1>', () => {
    const page = (title: string, h1: string) =>
      parseHtml(`<html><head><title>${title}</title></head><body><article><h1>${h1}</h1><p>The town council of Brindle met on Monday.</p></article></body></html>`).title;
    assert.equal(page('Short news | The Brindle Post', 'Short news'), 'Short news');
    assert.equal(page('The Brindle Post — Short news', 'Short news'), 'Short news');
    assert.equal(page('Short news about the council', 'Short news'), 'Short news about the council');
  });
});
