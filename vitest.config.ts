import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { findChromium, noChromiumHelp, chromiumArgs } from './scripts/find-chromium.mjs';

// Two projects: `node` (engine, cli, main logic) and `browser` (same engine in real Chromium: cross-runtime hashes).
const wantsBrowser = !process.argv.includes('--project') || process.argv.includes('browser');
const executablePath = wantsBrowser ? await findChromium() : undefined;
if (wantsBrowser && !executablePath && !process.env.PLAYWRIGHT_BROWSERS_PATH) {
  console.error(noChromiumHelp);
  process.exit(1);
}

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', 'test/e2e/**'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath, args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
