// Browser end-to-end tests: the web build of the renderer in Debian's Chromium (never `npx playwright install`).
// Playwright's default flags stay (its --enable-unsafe-swiftshader gives PixiJS a software WebGL2 context); the
// project's own flags come from scripts/find-chromium.mjs.
import { defineConfig } from '@playwright/test';
import { chromiumArgs } from './scripts/find-chromium.mjs';

/** Its own fixed port (the dev server of `npm run web` is 5199), so tests never reuse a hand-started server. */
const PORT = 5198;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  // Software WebGL on two cores is slow: one worker keeps timings predictable.
  workers: 1,
  fullyParallel: false,
  timeout: 480_000,
  expect: { timeout: 30_000 },
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    },
  },
  webServer: {
    command: `npx vite --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    // No HMR or file watching (see vite.config.ts): edits elsewhere in the repo must not reload a running test.
    env: { TPW_E2E: '1' },
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
