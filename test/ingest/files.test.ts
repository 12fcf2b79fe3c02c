// Ingest of local files and folders: every format from fixtures we wrote, and every kind of bad
// input refused with its reason.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { expandInputs, IngestError, readDocument, resolveOptions } from '../../src/ingest/index.js';
import { makeDocx, makeImageOnlyPdf, makePdf, PDF_PAGES } from '../fixtures/ingest/build.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'ingest');
const good = (name: string) => join(FIXTURES, 'good', name);
const bad = (name: string) => join(FIXTURES, 'bad', name);
const read = (path: string, options = {}) => readDocument({ kind: 'file', path }, options);

/** Asserts that reading `path` fails with an IngestError naming it, whose reason matches. */
async function refused(path: string, reason: RegExp, options = {}) {
  await assert.rejects(read(path, options), (err: unknown) => {
    assert.ok(err instanceof IngestError, `expected IngestError, got ${String(err)}`);
    assert.equal(err.origin, path);
    assert.match(err.reason, reason);
    assert.ok(err.message.startsWith(path), 'the message names the file');
    return true;
  });
}

let tmp: string;
before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'skein-ingest-'));
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('formats', () => {
  test('plain text: text kept, title from the first line, identity from the bytes', async () => {
    const path = good('bridge-closure.txt');
    const bytes = await readFile(path);
    const doc = await read(path);
    assert.equal(doc.mediaType, 'text/plain');
    assert.equal(doc.title, 'Old Quay bridge to close for repairs');
    assert.equal(doc.origin, path);
    assert.equal(doc.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.equal(doc.byteLength, bytes.length);
    assert.equal(doc.published, null, 'a text file has no date of its own');
    assert.equal(doc.text, bytes.toString('utf8').trim());
  });

  test('plain text: CRLF, trailing spaces and runs of blank lines are normalised', async () => {
    const doc = await read(good('library-crlf.txt'));
    assert.equal(
      doc.text,
      'Library reopens after fire\n\nThe central library in Dunmore reopened on Saturday, a year after an electrical fire\n' +
        'damaged its reading rooms.\n\nHead librarian Priya Nandakumar thanked the volunteers who helped move the rescued books.',
    );
  });

  test('--date fills in a missing publication date, and never overrides the document', async () => {
    assert.equal((await read(good('bridge-closure.txt'), { defaultDate: '2024-03-01' })).published, '2024-03-01');
    assert.equal((await read(good('harbour-report.html'), { defaultDate: '2024-03-01' })).published, '2023-09-14');
  });

  test('an invalid --date is a usage error, not a document failure', async () => {
    for (const bad of ['2024-13-01', '2023-02-29', '03/04/2024', '2024-3-1', 'yesterday']) {
      await assert.rejects(read(good('bridge-closure.txt'), { defaultDate: bad }), (err: Error) => {
        assert.ok(!(err instanceof IngestError));
        assert.match(err.message, new RegExp(`invalid --date "${bad.replace(/[/]/g, '\\/')}".*YYYY-MM-DD`));
        return true;
      });
    }
    assert.equal(resolveOptions({ defaultDate: '2024-02-29' }).defaultDate, '2024-02-29');
  });

  test('markdown: text kept as written, title from the first heading, front matter read and cut', async () => {
    const doc = await read(good('election-count.md'));
    assert.equal(doc.mediaType, 'text/markdown');
    assert.equal(doc.title, 'Recount confirms result in Ashby West');
    assert.equal(doc.published, '2022-05-08');
    assert.ok(doc.text.startsWith('# Recount confirms result in Ashby West\n\nThe electoral commission'));
    assert.match(doc.text, /on \*\*Sunday\*\* and confirmed/);
    assert.doesNotMatch(doc.text, /layout: report/);
  });

  test('HTML: the article without menu or footer; title and date from metadata', async () => {
    const doc = await read(good('harbour-report.html'));
    assert.equal(doc.mediaType, 'text/html');
    assert.equal(doc.title, 'Ferry operator fined over Harbourside collision');
    assert.equal(doc.published, '2023-09-14');
    assert.match(doc.text, /^The maritime tribunal in Port Alder fined Blue Gull Ferries/);
    assert.match(doc.text, /checked its supports\.\n\nTribunal chair Miriam Okafor/, 'paragraphs stay apart');
    for (const chrome of ['News desk', 'Sport pages', 'Subscribe today', 'Copyright', 'corrections']) {
      assert.ok(!doc.text.includes(chrome), `"${chrome}" from the menu or footer leaked into the text`);
    }
  });

  test('HTML: dates from JSON-LD, itemprop and <time>, in that order of preference', async () => {
    const page = (head: string, body: string) =>
      `<!doctype html><html><head><title>Dated page</title>${head}</head><body><article><h1>Dated page</h1>` +
      `<p>The regional assembly of Westvale met on a Thursday to debate the new rail timetable for the valley towns.</p>` +
      `${body}</article></body></html>`;
    const cases: Array<[string, string, string]> = [
      [page('<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2019-11-05T10:00:00Z"}]}</script>', ''), 'ld.html', '2019-11-05'],
      [page('<meta itemprop="datePublished" content="2018-06-30">', ''), 'itemprop.html', '2018-06-30'],
      [page('', '<p>Posted <time datetime="2017-01-09T08:00:00+02:00">9 January</time></p>'), 'time.html', '2017-01-09'],
      [page('<meta property="og:title" content="OG title"><meta name="date" content="March 5, 2016">', ''), 'named.html', '2016-03-05'],
      [page('<script type="application/ld+json">{not json</script>', ''), 'broken-ld.html', ''],
    ];
    for (const [html, name, date] of cases) {
      const path = join(tmp, name);
      await writeFile(path, html);
      const doc = await read(path);
      assert.equal(doc.published, date || null, name);
      assert.match(doc.text, /regional assembly of Westvale/, name);
    }
  });

  test('HTML: a declared legacy charset is honoured', async () => {
    const path = join(tmp, 'latin1.html');
    const html = '<html><head><meta charset="iso-8859-1"><title>Caf\xe9 owners protest</title></head><body>' +
      '<p>Owners of the caf\xe9s on Rue Blanche in Lorvin protested against the new terrace tax on Monday morning.</p></body></html>';
    await writeFile(path, Buffer.from(html, 'latin1'));
    const doc = await read(path);
    assert.equal(doc.title, 'Café owners protest');
    assert.match(doc.text, /Owners of the cafés on Rue Blanche/);
  });

  test('PDF: text layer with paragraphs, title and date from the info dictionary', async () => {
    const doc = await read(good('flood-barrier.pdf'));
    assert.equal(doc.mediaType, 'application/pdf');
    assert.equal(doc.title, 'Flood barrier approved for Northmere');
    assert.equal(doc.published, '2024-02-12');
    const [first, second] = PDF_PAGES[0];
    assert.equal(doc.text, `${first.join('\n')}\n\n${second.join('\n')}`);
  });

  test('PDF: several pages, no info dictionary title: the file name is the title', async () => {
    const path = join(tmp, 'two-pages.pdf');
    await writeFile(path, makePdf([[['Page one says the Tarn ferry resumed service.']], [['Page two names the captain, Ivo Lind.']]]));
    const doc = await read(path);
    assert.equal(doc.title, 'two-pages');
    assert.equal(doc.published, null);
    assert.equal(doc.text, 'Page one says the Tarn ferry resumed service.\n\nPage two names the captain, Ivo Lind.');
  });

  test('PDF: paragraphs found in double-spaced text too', async () => {
    const path = join(tmp, 'double-spaced.pdf');
    await writeFile(path, makePdf(PDF_PAGES, {}, 28));
    const [first, second] = PDF_PAGES[0];
    assert.equal((await read(path)).text, `${first.join('\n')}\n\n${second.join('\n')}`);
  });

  test('Word: raw text in paragraphs, title from core properties', async () => {
    const doc = await read(good('rescue.docx'));
    assert.equal(doc.mediaType, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.equal(doc.title, 'Kayakers rescued on Greyfield lake');
    assert.match(doc.text, /^Volunteers from the Greyfield Rowing Club pulled two kayakers from the lake on Saturday\.\n\nClub secretary Ana Duarte/);
  });

  test('Word: without a title property the first line is the title', async () => {
    const path = join(tmp, 'untitled.docx');
    await writeFile(path, await makeDocx(['Harbour strike ends', 'Dock workers in Selsea returned to work on Friday.']));
    const doc = await read(path);
    assert.equal(doc.title, 'Harbour strike ends');
  });

  test('the same bytes give the same document; other bytes another', async () => {
    const a = await read(good('bridge-closure.txt'));
    const copy = join(tmp, 'copy-of-bridge.txt');
    await writeFile(copy, await readFile(good('bridge-closure.txt')));
    const b = await read(copy);
    assert.equal(a.sha256, b.sha256);
    assert.equal(a.text, b.text);
    assert.notEqual(a.sha256, (await read(good('library-crlf.txt'))).sha256);
  });
});

describe('bad inputs', () => {
  test('an empty file', () => refused(bad('empty.txt'), /^empty file$/));
  test('a file of whitespace only', () => refused(bad('blank.txt'), /^no text/));
  test('a binary file with an unsupported extension', () =>
    refused(bad('pixel.png'), /^unsupported file type "\.png" \(binary content\): supported are \.txt/));
  test('binary content in a .txt', () => refused(bad('disguised.txt'), /^binary content \(NUL bytes\), not text$/));
  test('text that is not UTF-8', () => refused(bad('latin1.txt'), /^not valid UTF-8 text/));
  test('a corrupt PDF', () => refused(bad('corrupt.pdf'), /^not a readable PDF: /));
  test('a truncated PDF', () => refused(bad('truncated.pdf'), /^not a readable PDF: /));
  test('a PDF cut off halfway through', async () => {
    const whole = await readFile(good('flood-barrier.pdf'));
    const path = join(tmp, 'half.pdf');
    await writeFile(path, whole.subarray(0, Math.floor(whole.length / 2)));
    await refused(path, /^not a readable PDF: /);
  });
  test('a PDF without a text layer', async () => {
    const path = join(tmp, 'scan.pdf');
    await writeFile(path, makeImageOnlyPdf());
    await refused(path, /^the PDF has no text layer \(1 page of images only\?\): run OCR on it first$/);
  });
  test('a .docx that is not a Word document', () => refused(bad('broken.docx'), /^not a readable Word document: not a zip archive$/));
  test('a .docx zip without a document part', async () => {
    const { default: JSZip } = await import('jszip');
    const zip = new JSZip();
    zip.file('hello.txt', 'not a word document');
    const path = join(tmp, 'not-word.docx');
    await writeFile(path, await zip.generateAsync({ type: 'nodebuffer' }));
    await refused(path, /^not a readable Word document: /);
  });
  test('an old binary .doc', async () => {
    const path = join(tmp, 'old.doc');
    await writeFile(path, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    await refused(path, /^unsupported file type "\.doc" \(old Word format\): save it as \.docx$/);
  });
  test('a 20 MB text file is refused by size before it is read', async () => {
    const path = join(tmp, 'huge.txt');
    await writeFile(path, Buffer.alloc(20 * 1024 * 1024, 'All work and no play. '));
    await refused(path, /^too large: 20\.0 MB exceeds the 10 MB limit \(--max-bytes\)$/);
  });
  test('the size limit follows --max-bytes', async () => {
    await refused(good('bridge-closure.txt'), /^too large: 401 bytes exceeds the 100 bytes limit \(--max-bytes\)$/, { maxBytes: 100 });
    const doc = await read(good('bridge-closure.txt'), { maxBytes: 401 });
    assert.equal(doc.byteLength, 401);
  });
  test('HTML with no readable text', async () => {
    const path = join(tmp, 'blank.html');
    await writeFile(path, '<html><head><title>Nothing</title><script>var x = 1;</script></head><body><nav><a href="/">Home</a></nav></body></html>');
    await refused(path, /^no readable text found in the page$/);
  });
  test('a folder given as a file, and a missing file', async () => {
    await refused(join(FIXTURES, 'good'), /^is a folder, not a file$/);
    await refused(join(tmp, 'nowhere.txt'), /^no such file$/);
  });
});

describe('expandInputs', () => {
  test('walks folders recursively in sorted order, skipping dotfiles and dot-folders', async () => {
    const root = join(tmp, 'corpus');
    await mkdir(join(root, 'b-sub', 'deeper'), { recursive: true });
    await mkdir(join(root, '.git'), { recursive: true });
    for (const f of ['z.txt', 'a.md', '.hidden.txt', 'b-sub/m.html', 'b-sub/deeper/x.pdf', '.git/config']) {
      await writeFile(join(root, f), 'x');
    }
    await symlink(root, join(root, 'b-sub', 'loop')); // a symlink loop must not hang the walk
    const refs = await expandInputs([root, 'https://example.org/report.html', 'http://example.org/a']);
    assert.deepEqual(refs, [
      { kind: 'file', path: join(root, 'a.md') },
      { kind: 'file', path: join(root, 'b-sub', 'deeper', 'x.pdf') },
      { kind: 'file', path: join(root, 'b-sub', 'm.html') },
      { kind: 'file', path: join(root, 'z.txt') },
      { kind: 'url', url: 'https://example.org/report.html' },
      { kind: 'url', url: 'http://example.org/a' },
    ]);
  });

  test('a file given on its own and again through its folder is listed once', async () => {
    const refs = await expandInputs([good('rescue.docx'), join(FIXTURES, 'good')]);
    assert.equal(refs.filter((r) => r.kind === 'file' && r.path.endsWith('rescue.docx')).length, 1);
    assert.equal(refs.length, 6);
  });

  test('a missing path and a non-http URL are refused by name', async () => {
    await assert.rejects(expandInputs(['no/such/folder']), (err: unknown) => {
      assert.ok(err instanceof IngestError);
      assert.equal(err.origin, 'no/such/folder');
      assert.equal(err.reason, 'no such file or folder');
      return true;
    });
    await assert.rejects(expandInputs(['ftp://example.org/x.txt']), /ftp:.*only http and https/);
  });

  test('the whole fixture folder: good files read, each bad one refused with a reason', async () => {
    const refs = await expandInputs([join(FIXTURES, 'good'), join(FIXTURES, 'bad')]);
    const outcome = new Map<string, string>();
    for (const ref of refs) {
      assert.equal(ref.kind, 'file');
      const name = ref.kind === 'file' ? ref.path.split('/').slice(-2).join('/') : '';
      try {
        outcome.set(name, (await readDocument(ref)).mediaType);
      } catch (err) {
        assert.ok(err instanceof IngestError, `${name}: ${String(err)}`);
        outcome.set(name, `failed: ${err.reason}`);
      }
    }
    for (const [name, result] of outcome) {
      if (name.startsWith('good/')) assert.doesNotMatch(result, /^failed/, name);
      else assert.match(result, /^failed: \S/, name);
    }
    assert.equal([...outcome.keys()].filter((n) => n.startsWith('bad/')).length, 8);
  });
});
