/**
 * Plays The Inference Gambit through the real UI with the mouse: sign a PPA, build a retrofit, order chips (and see
 * the engine refuse an order the cash cannot cover), set a price, end turns, deploy the delivered chips, and check
 * that the quarter advances, KPIs change, every turn report appears, and the map is a non-blank WebGL canvas.
 */
import { expect, test } from '@playwright/test';
import { SHOTS, drawer, expectMapRendered, expectReport, formIn, kpi, watchPage } from './helpers';

test('play four quarters with the mouse', async ({ page }) => {
  const watch = await watchPage(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Tokens per Watt' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/01-title.png` });

  await page.getByRole('button', { name: 'New game' }).click();
  await expect(page.getByRole('heading', { name: 'The Inference Gambit' })).toBeVisible();
  await expect(page.getByText('Jonathan Ross, Groq founder, 2025 interview')).toBeVisible();
  await page.getByLabel('Seed').fill('1234');
  await page.screenshot({ path: `${SHOTS}/02-picker.png` });
  await page.getByRole('button', { name: 'Start game' }).click();

  await expect(kpi(page, 'quarter')).toHaveText('2024 Q1');
  await expect(kpi(page, 'revenue')).toHaveText('—');
  const startCash = await kpi(page, 'cash').textContent();
  await expectMapRendered(page);
  await page.screenshot({ path: `${SHOTS}/03-game-start.png` });

  // Power: 1 MW more at Quebec (the facility is 2 MW, 1 MW already contracted).
  await page.getByRole('button', { name: 'Power', exact: true }).click();
  const power = drawer(page, 'Power');
  await power.getByLabel('Power (MW)').fill('1');
  await power.getByLabel('Term').selectOption('40');
  await power.getByRole('button', { name: 'Sign PPA' }).click();
  await expect(formIn(page, 'Sign a power purchase agreement').getByRole('status')).toContainText('PPA signed: 1.0 MW at Quebec for 40 quarters');
  await expect(power.getByRole('table').last()).toContainText('Quebec');

  // Sites: a 20 MW retrofit in West Texas (ready in two quarters).
  await page.getByRole('button', { name: 'Sites', exact: true }).click();
  const sites = drawer(page, 'Sites');
  await sites.getByLabel('Site', { exact: true }).selectOption({ label: 'West Texas (North America)' });
  await sites.getByRole('radio', { name: 'Retrofit' }).check();
  await sites.getByLabel('Capacity (MW, incl. cooling)').fill('20');
  await expect(sites.locator('.preview')).toContainText('2 q retrofit');
  await sites.getByRole('button', { name: 'Build' }).click();
  await expect(formIn(page, 'Build capacity').getByRole('status')).toContainText('Construction of 20 MW at West Texas started: ready in 2 quarter(s).');

  // Chips: an order the cash cannot cover is refused with the engine's reason, then a real one.
  await page.getByRole('button', { name: 'Chips', exact: true }).click();
  const chips = drawer(page, 'Chips');
  const order = formIn(page, 'Order chips');
  await chips.getByLabel('Quantity').fill('1000000');
  await order.getByRole('button', { name: 'Order chips' }).click();
  await expect(order.getByRole('status')).toContainText('1.00M × Lattice LPU v1 (14 nm) cost $3.50B (prepaid); cash is');
  await page.screenshot({ path: `${SHOTS}/04-order-rejected.png` });
  await chips.getByLabel('Quantity').fill('40000');
  await order.getByRole('button', { name: 'Order chips' }).click();
  await expect(order.getByRole('status')).toContainText('Ordered 40.0k × Lattice LPU v1 (14 nm); delivery in 2 quarter(s)');
  await expect(kpi(page, 'cash')).not.toHaveText(startCash ?? '');

  // Markets: undercut the mid tier.
  await page.getByRole('button', { name: 'Markets', exact: true }).click();
  const markets = drawer(page, 'Markets');
  await markets.getByLabel('Mid (70B) price, USD per million tokens').fill('0.5');
  await markets.getByRole('button', { name: 'Set prices' }).click();
  await expect(formIn(page, 'Your prices').getByRole('status')).toContainText('Mid (70B) price set to $0.5 per M tokens.');
  await expect(page.getByText('4 commands this turn')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/05-commands.png` });

  // Undo takes back only the last command (the price), then we set it again.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('3 commands this turn')).toBeVisible();
  await expect(page.getByRole('log', { name: 'Events' })).toContainText('Undone: Mid (70B) price $0.50 per M tokens.');
  await expect(markets.getByLabel('Mid (70B) price, USD per million tokens')).toHaveValue('0.59');
  await markets.getByLabel('Mid (70B) price, USD per million tokens').fill('0.5');
  await markets.getByRole('button', { name: 'Set prices' }).click();
  await expect(page.getByText('4 commands this turn')).toBeVisible();

  // Quarter 1 and 2: the reports appear; the chips and the retrofit arrive.
  await page.getByRole('button', { name: 'End turn' }).click();
  const q1 = await expectReport(page, '2024 Q1');
  await page.screenshot({ path: `${SHOTS}/06-report-q1.png` });
  await q1.getByRole('button', { name: 'Continue' }).click();
  await expect(kpi(page, 'quarter')).toHaveText('2024 Q2');
  await expect(kpi(page, 'revenue')).not.toHaveText('—');

  await page.getByRole('button', { name: 'End turn' }).click();
  const q2 = await expectReport(page, '2024 Q2');
  await expect(q2).toContainText('40.0k × Lattice LPU v1 (14 nm) delivered to inventory.');
  await expect(q2).toContainText('20 MW facility at West Texas is ready for chips.');
  await q2.getByRole('button', { name: 'Continue' }).click();
  await expect(kpi(page, 'quarter')).toHaveText('2024 Q3');

  // Deploy whole mid-tier replicas in West Texas.
  await page.getByRole('button', { name: 'Chips', exact: true }).click();
  const deploy = formIn(page, 'Deploy chips');
  await deploy.getByLabel('Facility').selectOption({ label: 'West Texas — 20 MW free of 20 MW' });
  await deploy.getByLabel('Workload').selectOption('mid');
  await expect(deploy.getByLabel('Workload')).toContainText('replica 544 chips');
  await deploy.getByRole('button', { name: 'Max' }).click();
  // Whole replicas only: the largest multiple of 544 that inventory and the facility's free power allow.
  const count = Number(await deploy.getByLabel('Chips to deploy').inputValue());
  expect(count % 544).toBe(0);
  expect(count).toBeGreaterThan(39_000);
  await deploy.getByRole('button', { name: 'Deploy chips' }).click();
  await expect(deploy.getByRole('status')).toContainText('× Lattice LPU v1 (14 nm) at West Texas on mid.');

  for (const quarter of ['2024 Q3', '2024 Q4']) {
    await page.getByRole('button', { name: 'End turn' }).click();
    await (await expectReport(page, quarter)).getByRole('button', { name: 'Continue' }).click();
  }
  await expect(kpi(page, 'quarter')).toHaveText('2025 Q1');
  await expect(page.getByRole('dialog', { name: 'Defeat' })).toHaveCount(0);
  await expect(kpi(page, 'share')).not.toHaveText('—');
  const share = Number((await kpi(page, 'share').textContent())!.replace('%', ''));
  expect(share, 'inference share after deploying 40k LPUs').toBeGreaterThan(1);

  // Charts and their table view.
  await page.getByRole('button', { name: 'Charts', exact: true }).click();
  const charts = drawer(page, 'Charts');
  await charts.getByRole('radio', { name: 'Inference share' }).check();
  await expect(charts.locator('canvas')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/07-charts.png` });
  await charts.getByRole('button', { name: 'Show as table' }).click();
  await expect(charts.getByRole('table')).toContainText('2024 Q4');
  await expect(charts.getByRole('table')).toContainText('Lattice Inference (you)');

  await page.getByRole('button', { name: 'Close Charts' }).click();
  await kpi(page, 'revenue').hover();
  await expect(page.getByRole('tooltip')).toContainText('By source');
  await page.screenshot({ path: `${SHOTS}/08-kpi-tooltip.png` });
  await expectMapRendered(page);
  expect(watch.problems).toEqual([]);
});

test('the game ends with its reason when the 2024 milestone is missed', async ({ page }) => {
  const watch = await watchPage(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'New game' }).click();
  await page.getByRole('button', { name: 'Start game' }).click();
  await expect(kpi(page, 'quarter')).toHaveText('2024 Q1');
  for (const quarter of ['2024 Q1', '2024 Q2', '2024 Q3', '2024 Q4']) {
    await page.getByRole('button', { name: 'End turn' }).click();
    await (await expectReport(page, quarter)).getByRole('button', { name: 'Continue' }).click();
  }
  const over = page.getByRole('dialog', { name: 'Defeat' });
  await expect(over).toContainText('Missed a milestone: 40,000 chips deployed by the end of 2024');
  await page.screenshot({ path: `${SHOTS}/09-game-over.png` });
  await expect(page.getByRole('button', { name: 'End turn' })).toBeDisabled();
  await over.getByRole('button', { name: 'Back to title' }).click();
  await expect(page.getByRole('button', { name: 'Continue' })).toHaveAttribute('aria-disabled', 'false');
  expect(watch.problems).toEqual([]);
});
