// Finds a Chromium for the browser tests: $CHROMIUM_PATH, Debian's /usr/bin/chromium, or a Playwright-installed one.
// Run directly it prints the path, or explains what to install and exits 1.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** @returns {string | undefined} an executable Chromium path, or undefined to let Playwright use its own download. */
export async function findChromium() {
  for (const path of candidates) if (path && existsSync(path)) return path;
  try {
    const { chromium } = await import('playwright-core');
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    /* playwright-core not resolvable: fall through to the explanation */
  }
  return undefined;
}

export const noChromiumHelp = `No Chromium found for the browser tests.
Install one of:
  - Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium
  - any OS:         npx playwright install chromium
  - or point CHROMIUM_PATH at a Chromium/Chrome executable.`;

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const found = await findChromium();
  if (!found) {
    console.error(noChromiumHelp);
    process.exit(1);
  }
  console.log(found);
}
