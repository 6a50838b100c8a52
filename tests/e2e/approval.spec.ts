import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

/** A draft for the first customer the rep sees, with the air conditioner at a line discount. */
async function draftWithAircon(page: Page, discount: string) {
  await page.goto('/quotations/new');
  await page.getByRole('link', { name: 'Quote', exact: true }).first().click();
  const form = page.getByTestId('quote-form');
  await form.getByTestId('product-search').fill('AC-12000');
  await form.getByTestId('product-hits').getByRole('button', { name: /AC-12000/ }).click();
  const line = form.getByTestId('quote-line').first();
  await line.locator('label', { hasText: 'Discount' }).locator('input').fill(discount);
  return form;
}

test('a rep beyond their discount limit asks for approval; the team manager approves; then it can be sent', async ({ page, browser }) => {
  await signIn(page, 'rep.south@demo.test');
  const form = await draftWithAircon(page, '25');
  await form.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('quote-number')).toHaveText('Draft');
  const quoteUrl = page.url();

  // The demo lets reps give 15 % a line: the page says why it cannot go out yet.
  const panel = page.getByTestId('approval-panel');
  await expect(panel.getByTestId('approval-issues')).toContainText('Line 1: discount 25 % is above your limit of 15 %');
  await page.getByTestId('send-open').click();
  await page.getByTestId('send-submit').click();
  await expect(page.getByTestId('send-dialog')).toContainText('a manager must approve this quotation');
  await page.keyboard.press('Escape');
  await panel.getByRole('button', { name: 'Ask for approval' }).click();
  await expect(panel.getByTestId('approval-status')).toContainText('Approval asked by Dao Andaman');

  // The regions manager finds it among those awaiting approval and approves it with a note.
  const ctx = await browser.newContext();
  const manager = await ctx.newPage();
  await signIn(manager, 'manager.regions@demo.test');
  await manager.goto('/quotations?approval=1');
  const waiting = manager.getByTestId('quote-list').locator('li').filter({ has: manager.getByTestId('awaiting-approval-badge') });
  await expect(waiting.first()).toBeVisible();
  await manager.goto(quoteUrl);
  const decide = manager.getByTestId('decide-approval-form');
  await decide.getByLabel('Note (optional)').fill('Strategic account in Phuket');
  await decide.getByRole('button', { name: 'Record decision' }).click();
  await expect(manager.getByTestId('approval-status')).toContainText('Approved by Preecha Regions');
  await ctx.close();

  await page.reload();
  await expect(page.getByTestId('approval-status')).toContainText('Approved by Preecha Regions');
  await expect(page.getByTestId('approval-panel')).toContainText('Strategic account in Phuket');
  await page.getByTestId('send-open').click();
  await page.getByTestId('send-submit').click();
  await expect(page.getByTestId('send-done')).toContainText('Sent QT-');
});

test('changing the currency re-prices catalogue lines; a line with no price there is marked and must be confirmed', async ({ page }) => {
  await signIn(page, 'rep.south@demo.test');
  const form = await draftWithAircon(page, '0');
  const line = form.getByTestId('quote-line').first();
  // The THB price this customer gets (list or group price).
  await expect(line.getByLabel('Unit price')).toHaveValue(/^\d+$/);
  const thb = await line.getByLabel('Unit price').inputValue();
  // No USD price for it in the demo: kept and marked, never silently sent as $18,900.
  await form.getByLabel('Currency').selectOption('USD');
  await expect(line.getByTestId('price-to-confirm')).toBeVisible();
  await expect(line.getByLabel('Unit price')).toHaveValue(thb);
  await form.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('quote-number')).toHaveText('Draft');
  await expect(page.getByTestId('prices-to-confirm')).toContainText('no catalogue price in USD');
  await page.getByTestId('send-open').click();
  await page.getByTestId('send-submit').click();
  await expect(page.getByTestId('send-dialog')).toContainText('Some lines have no price in this currency');
  await page.keyboard.press('Escape');

  // The rep types the USD price in the editor: the mark goes and the quotation can be sent.
  await page.goto(`${page.url()}/edit`);
  const edit = page.getByTestId('quote-form');
  const again = edit.getByTestId('quote-line').first();
  await expect(again.getByTestId('price-to-confirm')).toBeVisible();
  await again.getByLabel('Unit price').fill('560');
  await expect(again.getByTestId('price-to-confirm')).toHaveCount(0);
  await edit.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('prices-to-confirm')).toHaveCount(0);
  await page.getByTestId('send-open').click();
  await page.getByTestId('send-submit').click();
  await expect(page.getByTestId('send-done')).toContainText('Sent QT-');
});
