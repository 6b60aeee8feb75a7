#!/usr/bin/env node
// Render benchmark (`npm run bench:render`): builds the web app, serves dist/renderer, and in headless Chromium
// measures on the largest built-in scenario:
//   - JS time per frame (every requestAnimationFrame callback of a frame, timed in the page: PixiJS's ticker and
//     render submit plus the scripted input) during 10 s of panning and zooming — p50/p95;
//   - the map's state-sync time (WorldMap.stats().lastSyncMs) over the turns played;
//   - JS heap after 5 turns and after 50 turns (CDP Performance.getMetrics after a forced GC), turns ended
//     through the app's debug hook (the same path as the End turn button), played by the inference-first strategy;
//   - initial JS (minified bytes of the scripts loaded for the title screen) and JS loaded by the game screen.
// Software WebGL (SwiftShader) is slow, so frame rate is reported but never judged. Options: --json (one JSON line),
// --no-build (reuse dist/renderer), --seconds N (pan/zoom duration, default 10).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium, noChromiumHelp, chromiumArgs } from '../scripts/find-chromium.mjs';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const seconds = Number(args[args.indexOf('--seconds') + 1]) || 10;
const root = resolve('dist/renderer');
const log = (...m) => { if (!asJson) console.error(...m); };

if (!args.includes('--no-build')) {
  log('building the web app (vite build)…');
  const { build } = await import('vite');
  await build({ logLevel: 'error' });
}
await stat(join(root, 'index.html')).catch(() => {
  console.error('dist/renderer/index.html is missing: run `npm run build:web` or drop --no-build.');
  process.exit(1);
});

const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^([/\\])+/, '');
  const file = join(root, path || 'index.html');
  if (!file.startsWith(root)) return res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}/`;

const executablePath = await findChromium();
if (!executablePath && !process.env.PLAYWRIGHT_BROWSERS_PATH) {
  console.error(noChromiumHelp);
  process.exit(1);
}
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
const viewport = { width: 1280, height: 800 };
const page = await browser.newPage({ viewport });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');

// Every rAF callback timed; callbacks of the same frame (same timestamp) summed.
await page.addInitScript(() => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile?.split("/").pop()}:${e.lineNumber}:${e.columnNumber}`));
  const raf = window.requestAnimationFrame.bind(window);
  const frames = new Map();
  window.__frameWork = { frames, reset: () => frames.clear() };
  window.requestAnimationFrame = (cb) =>
    raf((t) => {
      const started = performance.now();
      try {
        cb(t);
      } finally {
        frames.set(t, (frames.get(t) ?? 0) + performance.now() - started);
      }
    });
});

const scripts = new Map();
page.on('response', async (r) => {
  if (r.request().resourceType() !== 'script') return;
  const body = await r.body().catch(() => null);
  if (body) scripts.set(r.url(), body.length);
});
const jsBytes = () => [...scripts.values()].reduce((a, b) => a + b, 0);

// Initial JS: what a player's first visit loads for the title screen (no debug hook).
await page.goto(origin);
await page.waitForSelector('.title-screen:not([hidden])');
await page.waitForLoadState('networkidle');
const initialJs = { bytes: jsBytes(), files: scripts.size };
scripts.clear();

await page.goto(`${origin}?debug`);
await page.waitForFunction(() => window.__tpw && document.querySelector('.title-screen:not([hidden])'));
await page.waitForLoadState('networkidle');

const heapMb = async () => {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize').value / 1048576;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN;
};

const scenario = (await page.evaluate(() => window.__tpw.scenarios())).sort((a, b) => b.sites + b.rivals - (a.sites + a.rivals))[0];
log(`scenario: ${scenario.title}; starting a 60-turn game`);
await page.evaluate((id) => window.__tpw.startGame(id, 42, 60), scenario.id);
await page.waitForFunction(() => window.__tpw.mapStats() !== null || window.__tpw.mapError() !== null, null, { timeout: 60_000 });
const mapError = await page.evaluate(() => window.__tpw.mapError());
if (mapError) throw new Error(`the map did not start: ${mapError}`);
await page.waitForLoadState('networkidle');
const gameJs = { bytes: jsBytes(), files: scripts.size };

const syncMs = [];
const playTo = async (turns) => {
  while ((await page.evaluate(() => window.__tpw.state().turn)) < turns) {
    await page.evaluate(() => window.__tpw.autoplayTurn('inference-first'));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    syncMs.push(await page.evaluate(() => window.__tpw.mapStats().lastSyncMs));
  }
};
await playTo(5);
const heapAt5 = await heapMb();
const objectsAt5 = (await page.evaluate(() => window.__tpw.mapStats())).displayObjects;

log(`panning and zooming for ${seconds} s…`);
const pan = await page.evaluate(async (ms) => {
  const hook = window.__tpw;
  window.__frameWork.reset();
  const start = performance.now();
  await new Promise((done) => {
    const step = (t) => {
      const phase = Math.floor((t - start) / 1000) % 4;
      if (phase === 0) hook.panBy(14, 4);
      else if (phase === 1) hook.zoomBy(1.03);
      else if (phase === 2) hook.panBy(-12, -5);
      else hook.zoomBy(1 / 1.03);
      if (performance.now() - start < ms) requestAnimationFrame(step);
      else done();
    };
    requestAnimationFrame(step);
  });
  return { work: [...window.__frameWork.frames.values()], elapsed: performance.now() - start };
}, seconds * 1000);

await playTo(50);
const heapAt50 = await heapMb();
const stats = await page.evaluate(() => window.__tpw.mapStats());
const cspViolations = await page.evaluate(() => window.__cspViolations);
const version = browser.version();
await browser.close();
server.close();

const result = {
  browser: `Chromium ${version}`,
  renderer: stats.rendererType,
  viewport: `${viewport.width}x${viewport.height}`,
  scenario: scenario.id,
  panZoomSeconds: seconds,
  frames: pan.work.length,
  fps: Number((pan.work.length / (pan.elapsed / 1000)).toFixed(1)),
  jsPerFrameMs: { p50: Number(percentile(pan.work, 0.5).toFixed(2)), p95: Number(percentile(pan.work, 0.95).toFixed(2)) },
  mapSyncMs: { p50: Number(percentile(syncMs, 0.5).toFixed(2)), p95: Number(percentile(syncMs, 0.95).toFixed(2)), turns: syncMs.length },
  displayObjects: { at5: objectsAt5, at50: stats.displayObjects },
  heapMb: { at5: Number(heapAt5.toFixed(2)), at50: Number(heapAt50.toFixed(2)) },
  initialJsKb: Number((initialJs.bytes / 1024).toFixed(1)),
  initialJsFiles: initialJs.files,
  gameJsKb: Number((gameJs.bytes / 1024).toFixed(1)),
  budgetInitialJsKb: 1536,
  cspViolations,
};

if (asJson) {
  console.log(JSON.stringify(result));
} else {
  const rows = [
    ['browser', `${result.browser}, ${result.renderer}, ${result.viewport}`],
    ['scenario', `${scenario.title} (${scenario.sites} sites, ${scenario.rivals} rivals), seed 42`],
    ['frames during pan/zoom', `${result.frames} in ${seconds} s (${result.fps} fps; software WebGL, not judged)`],
    ['JS per frame p50 / p95', `${result.jsPerFrameMs.p50} / ${result.jsPerFrameMs.p95} ms`],
    ['map sync p50 / p95', `${result.mapSyncMs.p50} / ${result.mapSyncMs.p95} ms over ${result.mapSyncMs.turns} turns`],
    ['display objects', `${result.displayObjects.at5} after 5 turns, ${result.displayObjects.at50} after 50`],
    ['JS heap after 5 turns', `${result.heapMb.at5} MB`],
    ['JS heap after 50 turns', `${result.heapMb.at50} MB (${(result.heapMb.at50 - result.heapMb.at5 >= 0 ? '+' : '')}${(result.heapMb.at50 - result.heapMb.at5).toFixed(2)} MB)`],
    ['initial JS (title screen)', `${result.initialJsKb} KB in ${result.initialJsFiles} file(s), budget 1536 KB ${result.initialJsKb <= 1536 ? 'OK' : 'EXCEEDED'}`],
    ['CSP violations', cspViolations.length ? cspViolations.join('; ') : 'none'],
    ['JS once the game runs', `${result.gameJsKb} KB (PixiJS and the map load with the game screen; the debug hook adds a little)`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log('Tokens per Watt — render benchmark');
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
}
if (result.initialJsKb > 1536 || cspViolations.length > 0) process.exitCode = 1;
