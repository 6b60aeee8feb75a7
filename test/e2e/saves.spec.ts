/**
 * Saves through the UI: autosave + Continue, Save game (a download in the browser) + Load, the replay viewer and the
 * compare view — each verifies the game by replaying its command log.
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { SHOTS, expectMapRendered, expectReport, formIn, kpi, watchPage } from './helpers';

test('continue, save, load, replay and compare a game', async ({ page }) => {
  const watch = await watchPage(page);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Continue' })).toHaveAttribute('aria-disabled', 'true');
  await page.getByRole('button', { name: 'New game' }).click();
  await page.getByLabel('Seed').fill('77');
  await page.getByRole('button', { name: 'Start game' }).click();

  await page.getByRole('button', { name: 'Markets', exact: true }).click();
  await page.getByLabel('Mid (70B) price, USD per million tokens').fill('0.5');
  await page.getByRole('button', { name: 'Set prices' }).click();
  await expect(formIn(page, 'Your prices').getByRole('status')).toContainText('Mid (70B) price set to $0.5');
  /** The cash the KPI bar showed once each quarter had closed, for the replay to match. */
  const cashAfter: string[] = [];
  for (const quarter of ['2024 Q1', '2024 Q2']) {
    await page.getByRole('button', { name: 'End turn' }).click();
    await (await expectReport(page, quarter)).getByRole('button', { name: 'Continue' }).click();
    cashAfter.push((await kpi(page, 'cash').textContent())!);
  }
  expect(cashAfter[0]).not.toBe(cashAfter[1]);
  await expect(kpi(page, 'quarter')).toHaveText('2024 Q3');

  // Save game: the browser downloads a .tpw file.
  await page.getByRole('button', { name: 'Menu' }).click();
  const menu = page.getByRole('dialog', { name: 'Menu' });
  const downloading = page.waitForEvent('download');
  await menu.getByRole('button', { name: 'Save game' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('inference-gambit-2024-Q3.tpw');
  const saved = await readFile((await download.path())!, 'utf8');
  expect(JSON.parse(saved)).toMatchObject({ format: 'tokens-per-watt-save', seed: 77 });
  await menu.getByRole('button', { name: 'Quit to title' }).click();

  // Continue resumes the autosave at the same quarter.
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(kpi(page, 'quarter')).toHaveText('2024 Q3');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Menu' }).getByRole('button', { name: 'Quit to title' }).click();

  // Load opens the downloaded file through the file picker.
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Load' }).click();
  await (await choosing).setFiles({ name: 'game.tpw', mimeType: 'application/json', buffer: Buffer.from(saved) });
  await expect(kpi(page, 'quarter')).toHaveText('2024 Q3');
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('dialog', { name: 'Menu' }).getByRole('button', { name: 'Quit to title' }).click();

  // A damaged save is refused with a reason.
  const refusing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Load' }).click();
  await (await refusing).setFiles({ name: 'bad.tpw', mimeType: 'application/json', buffer: Buffer.from(saved.replace('"seed":77', '"seed":78')) });
  await expect(page.locator('.title-message')).toContainText('does not replay');

  // Replays: the autosave, verified, step by step.
  await page.getByRole('button', { name: 'Replays' }).click();
  await page.getByRole('button', { name: 'Open the last autosave' }).click();
  await expect(page.getByText('The last autosave: 2 turns verified (seed 77).')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Decisions in 2024 Q1' })).toContainText('Mid (70B) price $0.50 per M tokens');
  // The KPI bar and the map show the replayed quarter: the same figures the player saw when it closed.
  const replay = page.locator('.replay-screen');
  const replayKpi = (id: string) => replay.locator(`.kpi-${id} .kpi-value`);
  await expect(replayKpi('quarter')).toHaveText('2024 Q1');
  await expect(replayKpi('cash')).toHaveText(cashAfter[0]!);
  await expectMapRendered(page, '.replay-map');
  await page.getByRole('button', { name: 'Next turn' }).click();
  await expect(page.getByRole('region', { name: 'Results of 2024 Q2' })).toContainText('Your operations');
  await expect(replayKpi('quarter')).toHaveText('2024 Q2');
  await expect(replayKpi('cash')).toHaveText(cashAfter[1]!);
  await page.screenshot({ path: `${SHOTS}/11-replay.png` });

  // Speeds, from the keyboard: start at 0.5× (3.2 s per quarter), switch to 4× while playing; the next quarter comes
  // 0.4 s later, well before the 3.2 s (or 1.6 s at 1×) it would take if the change waited or did nothing.
  const slider = page.getByLabel('Turn', { exact: true });
  const speed = page.getByRole('radiogroup', { name: 'Replay speed' });
  const speedLabel = replay.locator('.replay-speed-label');
  await expect(speed.getByRole('radio', { name: '1×' })).toBeChecked();
  await expect(speedLabel).toHaveText('1.6 s per quarter');
  await speed.getByRole('radio', { name: '1×' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(speedLabel).toHaveText('3.2 s per quarter');
  await page.getByRole('button', { name: 'Play' }).click(); // at the last turn, Play starts over from the first
  await expect(slider).toHaveValue('1');
  await speed.getByRole('radio', { name: '0.5×' }).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(speed.getByRole('radio', { name: '4×' })).toBeChecked();
  await expect(speedLabel).toHaveText('0.4 s per quarter');
  await expect(slider).toHaveValue('2', { timeout: 1_200 });
  await expect(replayKpi('quarter')).toHaveText('2024 Q2');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible(); // stopped at the last turn
  await page.getByRole('button', { name: '← Back' }).click();
  await expect(page.locator('.replay-map canvas')).toHaveCount(0); // the map and its WebGL context are gone

  // Compare: the autosave and the saved file are the same game.
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.getByRole('button', { name: 'Add the last autosave' }).click();
  const adding = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add a save file…' }).click();
  await (await adding).setFiles({ name: 'game.tpw', mimeType: 'application/json', buffer: Buffer.from(saved) });
  await expect(page.getByText('Same decisions for the first 2 turns: the games are identical so far.')).toBeVisible();
  await expect(page.locator('.compare-screen canvas')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/12-compare.png` });
  expect(watch.problems).toEqual([]);
});

test('a long save shows its verification progress while it loads, then opens', async ({ page }, testInfo) => {
  const watch = await watchPage(page);
  // 40 sandbox turns, played by the CLI (Playwright's loader cannot import the engine's JSON scenarios): several
  // hundred milliseconds of replay, well past the 150 ms before progress shows
  const file = testInfo.outputPath('long.tpw');
  execFileSync(process.execPath, ['--import', 'tsx', 'cli/tpw.ts', 'sim', '--scenario', 'sandbox', '--seed', '42', '--turns', '40', '--strategy', 'hybrid', '--out', file], { stdio: 'ignore' });
  const save = await readFile(file, 'utf8');
  expect((JSON.parse(save) as { turns: unknown[] }).turns).toHaveLength(40);
  await page.goto('/');

  // Record every visible state of the progress indicator (it may show for well under a second).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const shown = document.querySelector('.load-progress:not([hidden])');
      const bar = shown?.querySelector('progress');
      const label = shown?.querySelector('[role="status"][aria-live="polite"]');
      if (bar && label && bar.getAttribute('aria-labelledby') === label.id) seen.push(`${label.textContent}|${bar.value}/${bar.max}`);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Load' }).click();
  await (await choosing).setFiles({ name: 'long.tpw', mimeType: 'application/json', buffer: Buffer.from(save) });
  await expect(kpi(page, 'quarter')).toBeVisible();
  await expect(page.locator('.load-progress')).toHaveCount(0);

  const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.some((s) => /^Verifying turn \d+ of 40…\|\d+\/40$/.test(s))).toBe(true);
  const values = seen.map((s) => Number(/\|(\d+)\//.exec(s)?.[1] ?? 0));
  expect(values).toEqual([...values].sort((a, b) => a - b)); // progress only moves forward
  expect(watch.problems).toEqual([]);
});
