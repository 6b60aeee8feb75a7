/** Shared steps for the end-to-end tests: start a game, read KPIs, check the map, save screenshots. */
import { expect, type Locator, type Page } from '@playwright/test';

export const SHOTS = 'test-results/screens';

/** Records CSP violations and page errors so a test can assert there were none. */
export async function watchPage(page: Page): Promise<{ problems: string[] }> {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) problems.push(`CSP: ${m.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to ${e.violatedDirective}: ${e.blockedURI}`));
    localStorage.clear();
  });
  return { problems };
}

export function kpi(page: Page, id: string): Locator {
  return page.locator(`.kpi-${id} .kpi-value`);
}

export function drawer(page: Page, name: string): Locator {
  return page.getByRole('complementary', { name });
}

export function formIn(page: Page, name: string): Locator {
  return page.getByRole('form', { name });
}

/** The map canvas in `container` (the game screen's by default) is WebGL (the renderer the map reports and the
 * canvas's own context) and shows a picture. */
export async function expectMapRendered(page: Page, container = '.map-layer'): Promise<void> {
  const layer = page.locator(container);
  await expect(layer).toHaveAttribute('data-renderer', 'webgl');
  const contextType = await page.evaluate((selector) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`${selector} canvas`);
    if (!canvas) return 'no canvas';
    if (canvas.getContext('webgl2')) return 'webgl2';
    if (canvas.getContext('webgl')) return 'webgl';
    return 'other';
  }, container);
  expect(['webgl2', 'webgl']).toContain(contextType);
  // Sample the rendered pixels: a screenshot of the canvas, decoded in the page (no image library needed).
  const png = await page.locator(`${container} canvas`).screenshot();
  const stats = await page.evaluate(async (dataUrl) => {
    const img = new Image();
    img.src = dataUrl;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const { data } = g.getImageData(0, 0, c.width, c.height);
    const colours = new Set<number>();
    let lit = 0;
    let samples = 0;
    for (let i = 0; i < data.length; i += 4 * 97) {
      samples++;
      colours.add((data[i]! >> 3) * 1024 + (data[i + 1]! >> 3) * 32 + (data[i + 2]! >> 3));
      if (data[i]! + data[i + 1]! + data[i + 2]! > 90) lit++;
    }
    return { colours: colours.size, litShare: lit / samples };
  }, `data:image/png;base64,${png.toString('base64')}`);
  expect(stats.colours, 'distinct colours on the map').toBeGreaterThan(20);
  expect(stats.litShare, 'share of map pixels brighter than the background').toBeGreaterThan(0.05);
}

/** Closes the turn report, expecting it names the quarter that just ended. */
export async function expectReport(page: Page, quarter: string): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: `${quarter} results` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Your operations' })).toBeVisible();
  return dialog;
}
