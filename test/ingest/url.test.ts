// URL ingest against a real HTTP server on 127.0.0.1, and refusal of non-public addresses
// before any connection is made. No traffic goes anywhere but 127.0.0.1: refusals are checked
// by counting the TCP sockets Node opens (diagnostics channel) and the server's connections.

import assert from 'node:assert/strict';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { addressRefusal, fetchUrl } from '../../src/ingest/fetch.js';
import { IngestError, readDocument, type IngestOptions } from '../../src/ingest/index.js';
import { makeDocx, makePdf } from '../fixtures/ingest/build.js';

const ARTICLE = `<!doctype html><html><head><meta charset="utf-8">
<title>Museum returns bronze mask | Riverside Courier</title>
<meta property="og:title" content="Museum returns bronze mask">
<meta property="article:published_time" content="2022-10-21T12:00:00Z">
</head><body>
<nav><a href="/">Front page</a> <a href="/weather">Weather desk</a></nav>
<article><h1>Museum returns bronze mask</h1>
<p>The Calloway Museum handed a bronze mask back to the town of Ostrava Nova on Thursday, ending a dispute that began in 1998.</p>
<p>Curator Jonas Mbeki said the mask had been bought in good faith from a dealer who could not show where it came from.</p>
</article>
<footer>Riverside Courier, all rights reserved</footer></body></html>`;

let server: Server;
let base: string;
let port: number;
let connections = 0;
let requests: string[] = [];
const open = new Set<Socket>();

// Every TCP client socket Node creates in this process, whoever creates it.
let socketsOpened = 0;
const onSocket = () => {
  socketsOpened++;
};

before(async () => {
  const pdf = makePdf([[['The Harlow district court jailed two men for the Eastgate warehouse fire.']]], {
    title: 'Warehouse fire sentencing',
    created: 'D:20210315',
  });
  const docx = await makeDocx(['Teachers in Corran voted to accept the new pay offer on Wednesday.'], { title: 'Pay offer accepted' });
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push(url);
    const loop = /^\/loop\/(\d+)$/.exec(url);
    if (loop) {
      res.writeHead(302, { location: `/loop/${Number(loop[1]) + 1}` }).end();
      return;
    }
    switch (url) {
      case '/article.html':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
        return;
      case '/notes':
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('Ferry timetable changes\n\nThe Isle of Brannock ferry will sail twice a day from May.\n');
        return;
      case '/latin1':
        res.writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' }).end(Buffer.from('Caf\xe9 in Lorvin closes after forty years.', 'latin1'));
        return;
      case '/report':
        res.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf);
        return;
      case '/files/pay.docx':
        res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(docx);
        return;
      case '/gzipped':
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(ARTICLE));
        return;
      case '/redirect':
        res.writeHead(301, { location: '/article.html' }).end();
        return;
      case '/to-private':
        res.writeHead(302, { location: 'http://10.0.0.1/internal' }).end();
        return;
      case '/big':
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2000' }).end('x'.repeat(2000));
        return;
      case '/big-chunked':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('y'.repeat(800));
        res.end('y'.repeat(800));
        return;
      case '/bomb':
        res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end(gzipSync('z'.repeat(200_000)));
        return;
      case '/slow':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('The first part arrives, the rest never does.'); // and the response is never ended
        return;
      case '/silent':
        return; // no answer at all
      case '/image':
        res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
        return;
      case '/empty':
        res.writeHead(200, { 'content-type': 'text/plain' }).end();
        return;
      default:
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
    }
  });
  server.on('connection', (socket: Socket) => {
    connections++;
    open.add(socket);
    socket.on('close', () => open.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  subscribe('net.client.socket', onSocket);
});

after(async () => {
  unsubscribe('net.client.socket', onSocket);
  for (const s of open) s.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  connections = 0;
  socketsOpened = 0;
  requests = [];
});

const LOCAL: IngestOptions = { allowPrivate: true };
const fetchDoc = (url: string, options: IngestOptions = LOCAL) => readDocument({ kind: 'url', url }, options);

async function failsWith(url: string, reason: RegExp, options: IngestOptions = LOCAL) {
  await assert.rejects(fetchDoc(url, options), (err: unknown) => {
    assert.ok(err instanceof IngestError, `expected IngestError, got ${String(err)}`);
    assert.match(err.reason, reason);
    return true;
  });
}

describe('URL ingest from a local server (--allow-private)', () => {
  test('an HTML page: main content, title and date from metadata', async () => {
    const doc = await fetchDoc(`${base}/article.html`);
    assert.equal(doc.origin, `${base}/article.html`);
    assert.equal(doc.mediaType, 'text/html');
    assert.equal(doc.title, 'Museum returns bronze mask');
    assert.equal(doc.published, '2022-10-21');
    assert.match(doc.text, /^The Calloway Museum handed a bronze mask back/);
    assert.ok(!doc.text.includes('Weather desk') && !doc.text.includes('all rights reserved'));
    assert.equal(doc.byteLength, Buffer.byteLength(ARTICLE));
    assert.equal(connections, 1);
    assert.equal(socketsOpened, 1, 'the socket counter sees real connections');
  });

  test('the media type decides the parser: plain text, PDF, and a docx served as octet-stream', async () => {
    const notes = await fetchDoc(`${base}/notes`, { ...LOCAL, defaultDate: '2023-04-01' });
    assert.equal(notes.mediaType, 'text/plain');
    assert.equal(notes.title, 'Ferry timetable changes');
    assert.equal(notes.published, '2023-04-01');
    const pdf = await fetchDoc(`${base}/report`);
    assert.equal(pdf.mediaType, 'application/pdf');
    assert.equal(pdf.title, 'Warehouse fire sentencing');
    assert.equal(pdf.published, '2021-03-15');
    assert.match(pdf.text, /Eastgate warehouse fire/);
    const docx = await fetchDoc(`${base}/files/pay.docx`);
    assert.equal(docx.mediaType, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.equal(docx.title, 'Pay offer accepted');
  });

  test('the charset named by Content-Type is honoured', async () => {
    assert.equal((await fetchDoc(`${base}/latin1`)).text, 'Café in Lorvin closes after forty years.');
  });

  test('a gzip-encoded body is decoded', async () => {
    const doc = await fetchDoc(`${base}/gzipped`);
    assert.equal(doc.title, 'Museum returns bronze mask');
    assert.equal(doc.byteLength, Buffer.byteLength(ARTICLE));
  });

  test('a redirect is followed and the final URL is the origin', async () => {
    const doc = await fetchDoc(`${base}/redirect`);
    assert.equal(doc.origin, `${base}/article.html`);
    assert.deepEqual(requests, ['/redirect', '/article.html']);
  });

  test('more than 5 redirects are refused', async () => {
    await failsWith(`${base}/loop/0`, /^too many redirects \(more than 5\)$/);
    assert.equal(requests.length, 6, 'the first request and five redirects');
  });

  test('a body over the size limit is refused, declared or not, compressed or not', async () => {
    const opts = { ...LOCAL, maxBytes: 1000 };
    await failsWith(`${base}/big`, /^too large: 2\.0 KB exceeds the 1000 bytes limit \(--max-bytes\)$/, opts);
    await failsWith(`${base}/big-chunked`, /^too large: more than the 1000 bytes limit \(--max-bytes\)$/, opts);
    await failsWith(`${base}/bomb`, /^too large: more than the 1000 bytes limit/, opts);
  });

  test('a server that stalls is given up on at the time limit', async () => {
    for (const path of ['/slow', '/silent']) {
      const started = Date.now();
      await failsWith(`${base}${path}`, /^timed out after 0\.3 s$/, { ...LOCAL, timeoutMs: 300 });
      assert.ok(Date.now() - started < 3000, `${path} took ${Date.now() - started} ms`);
    }
  });

  test('HTTP errors, unsupported media types, empty bodies and closed ports', async () => {
    await failsWith(`${base}/nothing-here`, /^HTTP 404 Not Found$/);
    await failsWith(`${base}/image`, /^unsupported media type "image\/png"/);
    await failsWith(`${base}/empty`, /^empty response/);
    // A port nobody listens on: bind one, note it, close it.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const closed = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    await failsWith(`http://127.0.0.1:${closed}/`, /^cannot fetch: .*ECONNREFUSED/);
  });

  test('only http and https', async () => {
    await failsWith('file:///etc/passwd', /^unsupported URL scheme "file:"/);
    await failsWith('ftp://127.0.0.1/x', /^unsupported URL scheme "ftp:"/);
    await failsWith('http://', /^not a valid URL$/);
  });
});

describe('refusal of non-public addresses without --allow-private', () => {
  test('loopback by IP, by name and by IPv6, with no connection made', async () => {
    const cases: Array<[string, RegExp]> = [
      [`${base}/article.html`, /^refused: 127\.0\.0\.1 is a loopback address \(use --allow-private to permit it\)$/],
      [`http://localhost:${port}/article.html`, /^refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address/],
      [`http://[::1]:${port}/article.html`, /^refused: ::1 is a loopback address/],
      [`http://[::ffff:127.0.0.1]:${port}/article.html`, /^refused: ::ffff:7f00:1 is a loopback address/],
      [`http://2130706433:${port}/article.html`, /^refused: 127\.0\.0\.1 is a loopback address/],
    ];
    for (const [url, reason] of cases) {
      await failsWith(url, reason, {});
    }
    assert.equal(connections, 0, 'the local server saw no connection');
    assert.equal(socketsOpened, 0, 'no socket was opened at all');
    assert.deepEqual(requests, []);
  });

  test('private, link-local, CGNAT, multicast, unspecified: refused before any socket opens', async () => {
    const cases: Array<[string, string]> = [
      ['http://10.0.0.1/', 'a private'],
      ['http://172.16.5.4/', 'a private'],
      ['http://192.168.1.1/', 'a private'],
      ['http://169.254.169.254/latest/meta-data/', 'a link-local'],
      ['http://100.64.0.1/', 'a carrier-grade NAT (shared)'],
      ['http://224.0.0.1/', 'a multicast'],
      ['http://0.0.0.0/', 'an unspecified'],
      ['https://[fe80::1]/', 'a link-local'],
      ['https://[fc00::1]/', 'a unique-local'],
      ['https://[fd12:3456::1]/', 'a unique-local'],
      ['http://[ff02::1]/', 'a multicast'],
      ['http://[::]/', 'an unspecified'],
      ['http://[::ffff:10.0.0.1]/', 'a private'],
      ['http://[::ffff:169.254.1.1]/', 'a link-local'],
    ];
    for (const [url, kind] of cases) {
      await failsWith(url, new RegExp(`^refused: \\S+ is ${kind.replace(/[()]/g, '\\$&')} address \\(use --allow-private`), {});
    }
    assert.equal(socketsOpened, 0);
  });

  test('a redirect to a private address is refused before it is followed', async () => {
    // The real check, with only our test server's address let through.
    const policy = (address: string) => (address === '127.0.0.1' ? null : addressRefusal(address));
    await assert.rejects(
      fetchUrl(`${base}/to-private`, { maxBytes: 10_000, timeoutMs: 5000, allowPrivate: false, policy }),
      (err: unknown) => {
        assert.ok(err instanceof IngestError);
        assert.equal(err.origin, `${base}/to-private`);
        assert.equal(err.reason, 'redirect to http://10.0.0.1/internal: refused: 10.0.0.1 is a private address (use --allow-private to permit it)');
        return true;
      },
    );
    assert.equal(socketsOpened, 1, 'only the first request connected');
    assert.deepEqual(requests, ['/to-private']);
  });
});

describe('addressRefusal', () => {
  test('public unicast addresses pass, IPv4 and IPv6', () => {
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '::ffff:93.184.216.34']) {
      assert.equal(addressRefusal(a), null, a);
    }
  });
  test('every special range is refused', () => {
    for (const a of [
      '127.0.0.1', '127.255.255.254', '10.1.2.3', '172.31.255.255', '192.168.0.1', '169.254.0.1', '100.127.255.254',
      '0.0.0.0', '255.255.255.255', '239.1.1.1', '240.0.0.1', '192.0.2.5', '::1', '::', 'fe80::abcd', 'fc00::',
      'fdff::1', 'ff0e::1', '::ffff:192.168.0.1', '::ffff:127.0.0.1', '::127.0.0.1', '64:ff9b::a00:1', '2002:a00:1::1',
      '2001:db8::1', 'not-an-ip',
    ]) {
      assert.notEqual(addressRefusal(a), null, a);
    }
  });
});
