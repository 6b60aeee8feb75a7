/**
 * The guided tutorial of First Tokens through the real UI: the card shows step 1, Next browses, the card's own link
 * opens the panel a step names, giving the step's command advances the card (and says so in the live region), the
 * card hides to a button and comes back, ending the turn finishes the end-the-turn step, and the card never covers
 * the End turn button.
 */
import { expect, test, type Locator } from '@playwright/test';
import { SHOTS, drawer, expectMapRendered, expectReport, formIn, kpi, watchPage } from './helpers';

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not visible');
  return b;
}

test('First Tokens guides the player step by step', async ({ page }) => {
  const watch = await watchPage(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'New game' }).click();
  await page.getByRole('radio', { name: /First Tokens/ }).check();
  await expect(page.getByRole('heading', { name: 'First Tokens' })).toBeVisible();
  await page.getByRole('button', { name: 'Start game' }).click();
  await expect(kpi(page, 'quarter')).toHaveText('2024 Q1');

  const card = page.getByRole('region', { name: 'Tutorial' });
  await expect(card).toContainText('Step 1 of 8');
  await expect(card.getByRole('heading', { name: 'Your company' })).toBeVisible();
  await expect(card.getByRole('button', { name: '← Back' })).toBeDisabled();
  // The card does not take focus from the game: End turn keeps it.
  await expect(page.getByRole('button', { name: 'End turn' })).toBeFocused();
  await expectMapRendered(page);
  // Beside the turn box, never over End turn or Undo.
  const cardBox = await box(card);
  const turnBox = await box(page.getByRole('group', { name: 'Turn' }));
  expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(turnBox.y);
  await page.screenshot({ path: `${SHOTS}/20-tutorial-step1.png` });

  // Next browses to the first action; its hint names the panel, its key and the form.
  await card.getByRole('button', { name: 'Next step: Order chips' }).click();
  await expect(card).toContainText('Step 2 of 8');
  await expect(card.getByRole('heading', { name: 'Order chips' })).toBeVisible();
  await expect(card).toContainText('Chips panel 1 → “Order chips”');

  // The card's link opens the Chips panel; ordering a whole 70B replica completes the step.
  await card.getByRole('button', { name: 'Open Chips' }).click();
  const chips = drawer(page, 'Chips');
  await expect(chips).toBeVisible();
  const order = formIn(page, 'Order chips');
  await chips.getByLabel('Quantity').fill('1000000');
  await order.getByRole('button', { name: 'Order chips' }).click();
  await expect(order.getByRole('status')).toContainText('cash is');
  await expect(card).toContainText('Step 2 of 8'); // a refused order does not count
  await chips.getByLabel('Quantity').fill('544');
  await order.getByRole('button', { name: 'Order chips' }).click();
  await expect(order.getByRole('status')).toContainText('Ordered 544 × Lattice LPU v1 (14 nm)');
  await expect(card).toContainText('Step 3 of 8');
  await expect(card.getByRole('heading', { name: 'Build a hall' })).toBeVisible();
  await expect(card).toContainText('Sites panel 2 → “Build capacity”');
  await expect(page.locator('#app-announcer')).toContainText('Tutorial step done: “Order chips”. Next: step 3, Build a hall.');
  await page.screenshot({ path: `${SHOTS}/21-tutorial-advanced.png` });

  // Undo takes the step back with the command; the order again moves it on.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(card).toContainText('Step 2 of 8');
  await order.getByRole('button', { name: 'Order chips' }).click();
  await expect(card).toContainText('Step 3 of 8');

  // Hidden to a button that remembers the step, and back.
  await card.getByRole('button', { name: 'Hide the tutorial' }).click();
  await expect(card).toBeHidden();
  const reopen = page.getByRole('button', { name: 'Show the tutorial: step 3 of 8, Build a hall' });
  await expect(reopen).toBeFocused();
  await expect(reopen).toHaveText('Tutorial · step 3/8');
  await reopen.click();
  await expect(card).toBeVisible();

  // Sites: a retrofit; Power: a PPA. Then the card asks for End turn, and ending the turn moves it on.
  await page.getByRole('button', { name: 'Sites', exact: true }).click();
  const sites = drawer(page, 'Sites');
  await sites.getByLabel('Site', { exact: true }).selectOption({ label: 'West Texas (North America)' });
  await sites.getByRole('radio', { name: 'Retrofit' }).check();
  await sites.getByLabel('Capacity (MW, incl. cooling)').fill('20');
  await sites.getByRole('button', { name: 'Build' }).click();
  await expect(card.getByRole('heading', { name: 'Lock in power' })).toBeVisible();
  await page.getByRole('button', { name: 'Power', exact: true }).click();
  const power = drawer(page, 'Power');
  await power.getByLabel('Power (MW)').fill('1');
  await power.getByRole('button', { name: 'Sign PPA' }).click();
  await expect(card).toContainText('Step 5 of 8');
  await expect(card.getByRole('heading', { name: 'End the turn' })).toBeVisible();
  await expect(card).toContainText('Press End turn (bottom right, or the key E or Enter).');
  await page.getByRole('button', { name: 'Close Power' }).click();
  await page.screenshot({ path: `${SHOTS}/22-tutorial-end-turn.png` });

  await page.getByRole('button', { name: 'End turn' }).click();
  await (await expectReport(page, '2024 Q1')).getByRole('button', { name: 'Continue' }).click();
  await expect(kpi(page, 'quarter')).toHaveText('2024 Q2');
  await expect(card).toContainText('Step 6 of 8');
  await expect(card.getByRole('heading', { name: 'Deploy the chips' })).toBeVisible();
  // Back shows a finished step as done.
  await card.getByRole('button', { name: '← Back' }).click();
  await expect(card.getByRole('heading', { name: 'End the turn' })).toContainText('✓ Done');
  expect(watch.problems).toEqual([]);
});
