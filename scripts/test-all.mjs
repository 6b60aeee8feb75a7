// `npm test`: every check a change must pass, in order, stopping at the first failure.
// typecheck → lint → vitest (node + Chromium projects) → Playwright end-to-end (when present). Ends with one
// "N passed, N failed" line summing the test runners.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import { findChromium, noChromiumHelp } from './find-chromium.mjs';

const chromium = await findChromium();
if (!chromium && !process.env.PLAYWRIGHT_BROWSERS_PATH) {
  console.error(noChromiumHelp);
  process.exit(1);
}
process.env.CHROMIUM_PATH ??= chromium;
mkdirSync('test-results', { recursive: true });

let passed = 0;
let failed = 0;
function step(title, command, args) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed`);
    console.log(`${passed} passed, ${failed + 1} failed`);
    process.exit(result.status ?? 1);
  }
}
function countFromJson(file, pick) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const [p, f] = pick(report);
  passed += p;
  failed += f;
}

step('typecheck', 'node', ['scripts/typecheck.mjs']);
step('lint (import boundaries, engine determinism rules)', 'npx', ['eslint', '.']);
step('unit, property, golden and Chromium tests (vitest)', 'npx', [
  'vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json',
]);
countFromJson('test-results/vitest.json', (r) => [r.numPassedTests, r.numFailedTests]);
if (existsSync('playwright.config.ts')) {
  step('browser end-to-end (Playwright)', 'npx', ['playwright', 'test']);
  countFromJson('test-results/playwright.json', (r) => [r.stats.expected + r.stats.flaky, r.stats.unexpected]);
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
