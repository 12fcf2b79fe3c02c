// End to end in real headless Chromium (Debian's chromium, driven by playwright-core): ingest
// the examples through the page, see the graph, click an entity, read its evidence, open the
// document, find a path, see the timeline and the map. The injection fixture must run nothing.
// Screenshots go to test-artifacts/web/ (and to docs/screenshots/ with SKEIN_SCREENSHOTS=docs).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { packageRoot } from '../../src/serve/app.js';
import { ensureWebBuilt } from '../../src/serve/webBuild.js';
import { startServer, type RunningServer } from '../../src/serve/index.js';

// Code passed to page.evaluate runs in the page; these name its globals for the type checker.
declare const window: { __skein?: { nodes(): string[]; edges(): string[]; layoutRunning(): boolean; nodePosition(id: number): { x: number; y: number } | null; edgeMidpoint(id: string): { x: number; y: number } | null } };
declare const document: { querySelectorAll(selector: string): { length: number } };
declare const location: { hash: string };

const CHROMIUM = '/usr/bin/chromium';
const ROOT = packageRoot();
const ARTIFACTS = join(ROOT, 'test-artifacts', 'web');
const DOCS = process.env.SKEIN_SCREENSHOTS === 'docs' ? join(ROOT, 'docs', 'screenshots') : null;
const skip = existsSync(CHROMIUM) ? false : `headless Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`;
if (skip) console.log(`# skipping the web end-to-end tests: ${skip}`);

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync'];

describe('web workbench in headless Chromium', { skip, timeout: 600_000 }, () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  const api = async (path: string): Promise<any> => (await fetch(`${server.url}/api/${path}`)).json();
  const shot = async (name: string) => {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
    if (DOCS) await page.screenshot({ path: join(DOCS, `${name}.png`) });
  };
  const go = async (hash: string) => {
    await page.evaluate((h) => { location.hash = h; }, hash);
  };

  before(async () => {
    // The app is built by `npm run build:web`; built here when missing or older than web/.
    ensureWebBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    if (DOCS) mkdirSync(DOCS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'skein-e2e-'));
    server = await startServer({ dbPath: join(dir, 'e2e.db'), port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.url}/#/ingest`);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('ingest the examples and the injection fixture through the page', async () => {
    const examples = join(ROOT, 'examples');
    const files = [
      ...(existsSync(examples) ? readdirSync(examples).filter((f) => !f.startsWith('.')).sort().map((f) => join(examples, f)) : []),
      resolve(ROOT, 'test/fixtures/web/injection.txt'),
      resolve(ROOT, 'test/fixtures/web/injection.html'),
    ];
    await page.setInputFiles('[data-testid=file-input]', files);
    await page.waitForFunction((n) => document.querySelectorAll('tr.job-done, tr.job-failed').length === n, files.length, { timeout: 240_000 });
    await shot('ingest');
    const failed = await page.$$eval('tr.job-failed', (rows) => rows.map((r) => r.textContent));
    assert.deepEqual(failed, [], 'every file ingested');
    assert.equal(await page.locator('tr.job-done').count(), files.length);
    const stats = await api('stats');
    assert.equal(stats.documents, files.length);
    assert.ok(stats.edges > 0, 'the extractor found ties');
  });

  test('the graph shows the network; clicking an entity selects it', async () => {
    await go('/graph');
    await page.waitForFunction(() => (window.__skein?.nodes().length ?? 0) > 0, null, { timeout: 30_000 });
    const graph = await api('graph');
    const tied = new Set(graph.edges.flatMap((e: any) => [e.source, e.target]));
    assert.equal(await page.evaluate(() => window.__skein!.nodes().length), tied.size, 'every entity with a tie is drawn');
    await page.waitForFunction(() => !window.__skein!.layoutRunning(), null, { timeout: 30_000 });
    await page.waitForTimeout(300);
    await shot('graph');
    // The best connected entity, clicked where sigma drew it.
    const degree = new Map<number, number>();
    for (const e of graph.edges) for (const n of [e.source, e.target]) degree.set(n, (degree.get(n) ?? 0) + 1);
    const hub = graph.nodes.reduce((a: any, b: any) => ((degree.get(b.id) ?? 0) > (degree.get(a.id) ?? 0) ? b : a));
    const pos = await page.evaluate((id) => window.__skein!.nodePosition(id), hub.id);
    const box = (await page.locator('[data-testid=graph-canvas]').boundingBox())!;
    assert.ok(pos && pos.x > 0 && pos.y > 0 && pos.x < box.width && pos.y < box.height, 'the node is in view');
    await page.mouse.click(box.x + pos!.x, box.y + pos!.y);
    await page.locator('[data-testid=selected-node] h2').waitFor();
    assert.equal(await page.locator('[data-testid=selected-node] h2').textContent(), hub.label);
    await page.waitForTimeout(300);
    await shot('graph-selected');
  });

  test('the evidence view shows every statement with its sentence in context', async () => {
    await page.locator('[data-testid=selected-node] a', { hasText: 'Evidence' }).click();
    await page.locator('.evidence-item').first().waitFor();
    const selected = await page.locator('[data-testid=selection]').textContent();
    const id = Number(new URL(page.url()).hash.match(/\d+/)?.[0] ?? NaN);
    void id;
    const items = await page.locator('.evidence-item').count();
    assert.ok(items > 0);
    const sentence = await page.locator('.evidence-item .context .sentence').first().textContent();
    assert.ok(sentence && sentence.length > 10, 'a highlighted sentence');
    assert.match(await page.locator('.evidence-item .provenance').first().textContent() ?? '', /rule .*confidence/);
    assert.match(selected ?? '', /selected:/);
    await shot('evidence');
  });

  test('opening the document shows the text with mentions; a mention opens its entity', async () => {
    const link = page.locator('.evidence-item .provenance a').first();
    const title = await link.textContent();
    await link.click();
    await page.locator('[data-testid=document-text]').waitFor();
    assert.equal(await page.locator('[data-testid=document-title]').textContent(), title);
    assert.ok(await page.locator('.evidence-highlight').count() > 0, 'the evidence sentence is marked');
    assert.ok(await page.locator('[data-testid=document-text] .mention').count() > 0, 'mentions are highlighted');
    await shot('document');
    const mention = page.locator('[data-testid=document-text] .mention').first();
    const entityId = await mention.getAttribute('data-entity');
    await mention.click();
    await page.locator('[data-testid=entity-name]').waitFor();
    const entity = await api(`entities/${entityId}`);
    assert.match(await page.locator('[data-testid=entity-name]').textContent() ?? '', new RegExp(entity.entity.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await shot('entity');
  });

  test('paths between two entities, with evidence for every hop', async () => {
    const graph = await api('graph');
    // Two entities joined through a third, found by a breadth-first search here.
    const adj = new Map<number, Set<number>>();
    for (const e of graph.edges) {
      if (e.modality === 'negated') continue;
      (adj.get(e.source) ?? adj.set(e.source, new Set()).get(e.source)!).add(e.target);
      (adj.get(e.target) ?? adj.set(e.target, new Set()).get(e.target)!).add(e.source);
    }
    let pair = null as [number, number] | null;
    for (const [a, ns] of adj) {
      for (const b of ns) for (const c of adj.get(b) ?? []) if (c !== a && !ns.has(c)) { pair = [a, c]; break; }
      if (pair) break;
    }
    assert.ok(pair, 'the example network has a two-hop path');
    const [from, to] = pair!;
    const toName = graph.nodes.find((n: any) => n.id === to).label as string;
    await go(`/paths/${from}`);
    await page.getByLabel('To entity').fill(toName.split(' ')[0]!);
    await page.locator('.suggestions button', { hasText: toName }).first().click();
    await page.locator('[data-testid=path-summary]').waitFor();
    assert.match(await page.locator('[data-testid=path-summary]').textContent() ?? '', /shortest paths? of 2 hops/);
    assert.ok(await page.locator('.path .hop .evidence-item').count() >= 2, 'evidence under each hop');
    await shot('paths');
  });

  test('the timeline shows dated events and statements, and zooms', async () => {
    await go('/timeline');
    await page.locator('[data-testid=timeline]').waitFor();
    const marks = await page.locator('.tl-statement, .tl-event').count();
    assert.ok(marks > 0, 'dated items are drawn');
    const before = await page.locator('.timeline-view .row .muted').textContent();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    assert.notEqual(await page.locator('.timeline-view .row .muted').textContent(), before, 'zooming changes the range');
    await page.getByRole('button', { name: 'Fit' }).click();
    await shot('timeline');
  });

  test('the map places locations from the offline gazetteer', async () => {
    await go('/map');
    await page.locator('[data-testid=map]').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=map] .country').length > 100);
    const map = await api('map');
    assert.ok(map.places.length > 0, 'the examples name places the gazetteer knows');
    assert.equal(await page.locator('[data-testid=map] .place').count(), map.places.length);
    await page.getByRole('button', { name: 'Zoom to places' }).click();
    await shot('map');
  });

  test('the injection fixture shows as text and runs nothing', async () => {
    const docs = (await api('documents')).documents as { id: number; origin: string }[];
    const injected = docs.filter((d) => /injection\.(txt|html)$/.test(d.origin));
    assert.equal(injected.length, 2);
    for (const d of injected) {
      await go(`/document/${d.id}`);
      await page.locator('[data-testid=document-text]').waitFor();
      const text = await page.locator('[data-testid=document-text]').textContent();
      assert.match(text ?? '', /<script>alert\(1\)<\/script>/, 'the script tag shows as text');
      assert.match(text ?? '', /<img src=x onerror=alert\(2\)>/, 'the img tag shows as text');
      assert.equal(await page.locator('[data-testid=document-text] script, [data-testid=document-text] img').count(), 0);
      // Its entities' evidence also renders the words as text.
      const mention = page.locator('[data-testid=document-text] .mention').first();
      if (await mention.count()) {
        await mention.click();
        await page.locator('[data-testid=entity-name]').waitFor();
        await go('/evidence');
        await page.locator('.evidence-item').first().waitFor();
      }
    }
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => document.querySelectorAll('main script, main img').length), 0);
    assert.deepEqual(dialogs, [], 'no alert ran');
    await go(`/document/${injected[0]!.id}`);
    await page.locator('[data-testid=document-text]').waitFor();
    await shot('injection');
  });

  test('graph controls: search, type and modality filters, focus and expand, a tie clicked', async () => {
    await go('/graph');
    await page.waitForFunction(() => (window.__skein?.nodes().length ?? 0) > 0);
    const graph = await api('graph');
    const tied = new Set(graph.edges.flatMap((e: any) => [e.source, e.target]));
    const all = await page.evaluate(() => window.__skein!.nodes().length);
    // search selects
    const target = graph.nodes.find((n: any) => tied.has(n.id) && n.type === 'Person') ?? graph.nodes.find((n: any) => tied.has(n.id));
    await page.getByLabel('search entities').fill(target.label);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.locator('[data-testid=selected-node] h2', { hasText: target.label }).waitFor();
    // focus: the entity and its neighbours; expand keeps them
    await page.getByRole('button', { name: 'Focus' }).click();
    await page.locator('[data-testid=graph-info]', { hasText: '(focused)' }).waitFor();
    const neighbours = new Set([target.id]);
    for (const e of graph.edges) { if (e.source === target.id) neighbours.add(e.target); if (e.target === target.id) neighbours.add(e.source); }
    assert.equal(await page.evaluate(() => window.__skein!.nodes().length), neighbours.size);
    await page.getByRole('button', { name: 'Expand neighbours' }).click();
    assert.ok(await page.evaluate(() => window.__skein!.nodes().length) >= neighbours.size);
    await page.getByRole('button', { name: 'show all' }).click();
    await page.waitForFunction((n) => window.__skein!.nodes().length === n, all);
    // type filter: without people, fewer entities and none of them a person
    await page.getByRole('checkbox', { name: 'Person' }).uncheck();
    const noPeople = (await api('graph?types=Organization,Location,Event')).edges.flatMap((e: any) => [e.source, e.target]);
    await page.waitForFunction((n) => window.__skein!.nodes().length === n, new Set(noPeople).size);
    await page.getByRole('checkbox', { name: 'Person' }).check();
    // modality filter: asserted only
    for (const m of ['hedged', 'reported', 'negated']) await page.getByRole('checkbox', { name: m }).uncheck();
    const asserted = await api('graph?modalities=asserted');
    await page.waitForFunction((n) => window.__skein!.edges().length === n, asserted.edges.length);
    for (const m of ['hedged', 'reported', 'negated']) await page.getByRole('checkbox', { name: m }).check();
    await page.waitForFunction((n) => window.__skein!.edges().length === n, graph.edges.length);
    await page.waitForFunction(() => !window.__skein!.layoutRunning(), null, { timeout: 30_000 });
    // a tie clicked selects it; its evidence is its statements
    const box = (await page.locator('[data-testid=graph-canvas]').boundingBox())!;
    let clicked: any = null;
    for (const e of graph.edges) {
      const mid = await page.evaluate((id) => window.__skein!.edgeMidpoint(id), e.id);
      if (!mid || mid.x < 5 || mid.y < 5 || mid.x > box.width - 5 || mid.y > box.height - 5) continue;
      await page.mouse.click(box.x + mid.x, box.y + mid.y);
      if (await page.locator('[data-testid=selected-edge]').count()) { clicked = e; break; }
    }
    assert.ok(clicked, 'a tie can be clicked');
    const heading = await page.locator('[data-testid=selected-edge] h2').textContent();
    await page.locator('[data-testid=selected-edge] a', { hasText: 'Read the evidence' }).click();
    await page.locator('.evidence-item').first().waitFor();
    const shown = await page.locator('.evidence-item').count();
    assert.equal(shown, clicked.statements.length, `the tie's statements (${heading})`);
    for (const item of await page.locator('.evidence-item').all()) {
      assert.ok(clicked.statements.includes(Number(await item.getAttribute('data-statement'))));
    }
  });

  test('the graph exports as SVG and PNG', async () => {
    await go('/graph');
    await page.waitForFunction(() => (window.__skein?.nodes().length ?? 0) > 0);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG' }).click()]);
    assert.equal(svg.suggestedFilename(), 'skein-graph.svg');
    const text = readFileSync((await svg.path())!, 'utf8');
    assert.match(text, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const graph = await api('graph');
    const tied = new Set(graph.edges.flatMap((e: any) => [e.source, e.target]));
    assert.equal((text.match(/<circle /g) ?? []).length, tied.size, 'one circle per entity drawn');
    assert.equal((text.match(/<line /g) ?? []).length, graph.edges.length, 'one line per tie');
    if (graph.edges.some((e: any) => e.modality === 'hedged' || e.modality === 'reported')) assert.match(text, /stroke-dasharray/);
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
    const bytes = readFileSync((await png.path())!);
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
    assert.ok(bytes.length > 5000);
  });

  test('ingest problems are shown per input, in words', async () => {
    await go('/ingest');
    await page.getByLabel('URL to ingest').fill('http://127.0.0.1:9/private.html');
    await page.getByRole('button', { name: 'Fetch and ingest' }).click();
    await page.locator('tr.job-failed').first().waitFor();
    assert.match(await page.locator('tr.job-failed').first().textContent() ?? '', /failed: .{10,}/);
    // the same example again: unchanged
    const again = join(ROOT, 'test/fixtures/web/injection.txt');
    await page.setInputFiles('[data-testid=file-input]', [again]);
    await page.locator('tr.job-done', { hasText: 'already ingested' }).waitFor();
  });

  test('errors are shown in words, not as a blank page', async () => {
    await go('/entity/999999');
    await page.locator('.error').waitFor();
    assert.match(await page.locator('.error').textContent() ?? '', /no entity with id 999999/);
    await go('/document/424242');
    await page.locator('.error').waitFor();
    assert.match(await page.locator('.error').textContent() ?? '', /no document with id 424242/);
    assert.deepEqual(pageErrors, [], 'no uncaught script error');
  });
});
