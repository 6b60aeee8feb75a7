/**
 * The same path as play.spec.ts with the keyboard only (no mouse events at all): shortcuts for panels, End turn and
 * Undo, Tab/typing/Enter inside the forms, the turn report closed with Enter, and the map panned and zoomed by keys.
 */
import { expect, test, type Page } from '@playwright/test';
import { SHOTS, expectMapRendered, expectReport, formIn, kpi, watchPage } from './helpers';

/** The accessible-ish name of the focused element: aria-label, its label, or its text. */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const labelled = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
    return labelled.trim();
  });
}

/** Presses Tab until the focused control has this name. */
async function tabTo(page: Page, name: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await focusedName(page)) === name) return;
  }
  throw new Error(`Tab never reached "${name}" (now on "${await focusedName(page)}")`);
}

async function replaceValue(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

async function endTurnByKey(page: Page, quarter: string): Promise<void> {
  await page.keyboard.press('e');
  const report = await expectReport(page, quarter);
  await expect(report.getByRole('button', { name: 'Continue' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(report).toBeHidden();
  await expect(page.getByRole('button', { name: 'End turn' })).toBeFocused();
}

test('play four quarters with the keyboard only', async ({ page }) => {
  const watch = await watchPage(page);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'New game' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'The Inference Gambit' })).toBeVisible();
  await tabTo(page, 'Seed');
  await replaceValue(page, '1234');
  await page.keyboard.press('Enter');
  await expect(kpi(page, 'quarter')).toHaveText('2024 Q1');
  await expect(page.getByRole('button', { name: 'End turn' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'End turn' })).toHaveAttribute('aria-keyshortcuts', 'E Enter');

  // 3 = Power: sign 1 MW more at Quebec.
  await page.keyboard.press('3');
  await expect(page.getByRole('heading', { name: 'Power', exact: true })).toBeFocused();
  await tabTo(page, 'Power (MW)');
  await replaceValue(page, '1');
  await page.keyboard.press('Enter');
  await expect(formIn(page, 'Sign a power purchase agreement').getByRole('status')).toContainText('PPA signed: 1.0 MW at Quebec');

  // Escape closes the panel even from a field; 2 = Sites: retrofit 20 MW in West Texas.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Power', exact: true })).toBeFocused();
  await page.keyboard.press('2');
  await tabTo(page, 'Site');
  await page.keyboard.press('End'); // sites are listed by name: West Texas is last
  await expect(formIn(page, 'Build capacity').getByLabel('Site', { exact: true })).toHaveValue('texas');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Retrofit' })).toBeChecked();
  await tabTo(page, 'Capacity (MW, incl. cooling)');
  await replaceValue(page, '20');
  await page.keyboard.press('Enter');
  await expect(formIn(page, 'Build capacity').getByRole('status')).toContainText('Construction of 20 MW at West Texas started');

  // 1 = Chips: a refused order, then 40,000 LPUs.
  await page.keyboard.press('Escape');
  await page.keyboard.press('1');
  await tabTo(page, 'Quantity');
  await replaceValue(page, '1000000');
  await page.keyboard.press('Enter');
  await expect(formIn(page, 'Order chips').getByRole('status')).toContainText('cost $3.50B (prepaid); cash is');
  await replaceValue(page, '40000');
  await page.keyboard.press('Enter');
  await expect(formIn(page, 'Order chips').getByRole('status')).toContainText('Ordered 40.0k × Lattice LPU v1 (14 nm)');

  // 4 = Markets: mid tier at $0.50; Ctrl+Z (outside a field) takes it back, then it is set again.
  await page.keyboard.press('Escape');
  await page.keyboard.press('4');
  await tabTo(page, 'Mid (70B) price, USD per million tokens');
  await replaceValue(page, '0.5');
  await page.keyboard.press('Enter');
  await expect(formIn(page, 'Your prices').getByRole('status')).toContainText('Mid (70B) price set to $0.5');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByText('3 commands this turn')).toBeVisible();
  await page.keyboard.press('4');
  await tabTo(page, 'Mid (70B) price, USD per million tokens');
  await replaceValue(page, '0.5');
  await page.keyboard.press('Enter');
  await expect(page.getByText('4 commands this turn')).toBeVisible();
  await page.keyboard.press('Escape');

  await endTurnByKey(page, '2024 Q1');
  await endTurnByKey(page, '2024 Q2');
  await expect(kpi(page, 'quarter')).toHaveText('2024 Q3');

  // Deploy: facility and workload chosen with the keyboard in the selects, Max, then Deploy.
  await page.keyboard.press('1');
  await tabTo(page, 'Facility');
  await page.keyboard.press('End'); // Quebec, then the new West Texas facility
  await page.keyboard.press('Tab');
  await page.keyboard.press('m'); // type-ahead: Mid (70B)
  await expect(formIn(page, 'Deploy chips').getByLabel('Workload')).toHaveValue('mid');
  await tabTo(page, 'Max');
  await page.keyboard.press('Enter');
  const count = Number(await formIn(page, 'Deploy chips').getByLabel('Chips to deploy').inputValue());
  expect(count % 544, 'whole mid-tier replicas').toBe(0);
  expect(count).toBeGreaterThan(39_000);
  await tabTo(page, 'Deploy chips');
  await page.keyboard.press('Enter');
  await expect(formIn(page, 'Deploy chips').getByRole('status')).toContainText('× Lattice LPU v1 (14 nm) at West Texas on mid.');
  await page.keyboard.press('Escape');
  await page.keyboard.press('e');
  await expectReport(page, '2024 Q3');
  await page.keyboard.press('Enter');
  await endTurnByKey(page, '2024 Q4');
  await expect(kpi(page, 'quarter')).toHaveText('2025 Q1');
  await expect(kpi(page, 'share')).not.toHaveText('—');

  // The map: M focuses it, then D/→ pan and + zooms; the picture changes.
  await expectMapRendered(page);
  const before = await page.locator('.map-layer canvas').screenshot();
  await page.keyboard.press('m');
  await expect(page.locator('.map-layer')).toBeFocused();
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('d');
  await page.waitForTimeout(500);
  const after = await page.locator('.map-layer canvas').screenshot();
  expect(after.equals(before), 'the map view changed after keyboard pan and zoom').toBe(false);
  await page.screenshot({ path: `${SHOTS}/10-keyboard-zoomed.png` });
  await page.keyboard.press('0');

  // R re-opens the last report; Escape closes it.
  await page.keyboard.press('r');
  await expect(page.getByRole('dialog', { name: '2024 Q4 results' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: '2024 Q4 results' })).toBeHidden();
  expect(watch.problems).toEqual([]);
});
