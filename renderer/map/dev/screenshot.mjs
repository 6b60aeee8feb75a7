// Screenshots of the map harness in Debian's Chromium (playwright-core; no browser download), for looking at the map.
// Needs the harness server running (see vite.config.ts). Run from the repo root:
//   node renderer/map/dev/screenshot.mjs [query] [out.png] [width] [height]
// e.g. node renderer/map/dev/screenshot.mjs "" test-results/map-harness.png
import { chromium } from 'playwright-core';
import { findChromium, chromiumArgs } from '../../../scripts/find-chromium.mjs';

const [query = '', out = 'test-results/map-harness.png', width = '1280', height = '760'] = process.argv.slice(2);
const port = process.env.MAP_HARNESS_PORT ?? '5207';
const browser = await chromium.launch({ executablePath: await findChromium(), args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(`http://localhost:${port}/map-harness.html${query ? `?${query}` : ''}`);
  await page.waitForFunction(() => 'mapHarness' in window, null, { timeout: 30_000 });
  await page.waitForTimeout(Number(process.env.SETTLE_MS ?? 1500));
  if (process.env.ACTIONS) await page.evaluate(process.env.ACTIONS);
  if (process.env.ACTIONS) await page.waitForTimeout(1200);
  const status = await page.textContent('#status');
  await page.screenshot({ path: out });
  console.log(status);
  for (const p of problems) console.log(p);
} finally {
  await browser.close();
}
