// npm run bench:web: a generated 5,000-node / 20,000-edge network in headless Chromium, drawn
// by the workbench's own renderer (the #bench page). Prints the time from navigation start to
// sigma's first frame (bar: under 2.5 s) and the longest main-thread block while ForceAtlas2
// runs in its worker (bar: under 200 ms; long-task observer, with the largest gap between
// animation frames as a cross-check), each also as a ratio against a 500 / 2,000 baseline
// measured in the same run.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { defaultStaticDir, packageRoot } from '../src/serve/app.js';
import { startServer } from '../src/serve/index.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
// The page's globals, for code passed to page.evaluate.
declare const window: { __benchResult?: Result; __benchError?: string };

const FIRST_RENDER_BAR_MS = 2500;
const BLOCK_BAR_MS = 200;

interface Result { nodes: number; edges: number; firstRenderMs: number; longestTaskMs: number; longTasks: number; longestFrameGapMs: number; layoutMs: number; webgl: string }

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.error(`bench:web needs headless Chromium at ${CHROMIUM} (apt-get install chromium)`);
    process.exit(1);
  }
  if (!existsSync(join(defaultStaticDir(), 'index.html'))) {
    execFileSync(process.execPath, [join(packageRoot(), 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: packageRoot(), stdio: 'inherit' });
  }
  const server = await startServer({ dbPath: ':memory:', port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const run = async (nodes: number, edges: number, layoutMs: number): Promise<Result> => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      try {
        await page.goto(`${server.url}/#bench?nodes=${nodes}&edges=${edges}&layout=${layoutMs}`);
        await page.waitForFunction(() => window.__benchResult ?? window.__benchError, null, { timeout: 120_000 });
        const error = await page.evaluate(() => window.__benchError);
        if (error) throw new Error(`the bench page failed: ${error}`);
        return (await page.evaluate(() => window.__benchResult))!;
      } finally {
        await page.close();
      }
    };
    const baseline = await run(500, 2000, 3000);
    const big = await run(5000, 20000, 5000);
    const line = (label: string, value: number, base: number, bar: number) =>
      `${label.padEnd(44)} ${value.toFixed(0).padStart(6)} ms   (baseline 500/2,000: ${base.toFixed(0)} ms, ratio ${(value / Math.max(base, 1)).toFixed(2)})   bar < ${bar} ms: ${value < bar ? 'PASS' : 'FAIL'}`;
    console.log(`bench:web: ${big.nodes} nodes, ${big.edges} edges in headless Chromium (WebGL: ${big.webgl})`);
    console.log(line('time to first render', big.firstRenderMs, baseline.firstRenderMs, FIRST_RENDER_BAR_MS));
    console.log(line(`longest main-thread block, ${big.layoutMs / 1000} s of layout`, big.longestTaskMs, baseline.longestTaskMs, BLOCK_BAR_MS));
    console.log(`${'  long tasks (> 50 ms) during layout'.padEnd(44)} ${String(big.longTasks).padStart(6)}      (baseline: ${baseline.longTasks})`);
    console.log(`${'  longest gap between frames (cross-check)'.padEnd(44)} ${big.longestFrameGapMs.toFixed(0).padStart(6)} ms   (baseline: ${baseline.longestFrameGapMs.toFixed(0)} ms)`);
    if (big.firstRenderMs >= FIRST_RENDER_BAR_MS || big.longestTaskMs >= BLOCK_BAR_MS) process.exitCode = 1;
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err) => {
  console.error(`bench:web: ${(err as Error).message}`);
  process.exit(1);
});
