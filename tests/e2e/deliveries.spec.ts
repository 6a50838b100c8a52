import { expect, test } from '@playwright/test';
import { formAlert, signIn } from './helpers';

/**
 * A product starts tracking stock with two on hand; an order for three is confirmed (a warning, not
 * a blocker) and delivered: all three refused with the row's message and what was typed kept, then
 * two delivered on a numbered note whose PDF opens, and the product's stock shows the move.
 */
test('deliver part of a confirmed order from stock: shortage refused per row, a numbered note with its PDF, stock down', async ({ page }, info) => {
  test.setTimeout(120_000);
  await signIn(page, 'admin@demo.test');
  // The camera tracks stock from now on, with a count of 2 (its own adjustment, as a manager would).
  await page.goto('/products?q=CAM-4K');
  const productHref = (await page.locator('a[href^="/products/"]').filter({ hasText: /CAM-4K|camera/i }).first().getAttribute('href'))!;
  await page.goto(productHref);
  const product = page.getByTestId('product-form');
  await product.getByLabel('Track stock (on hand and reserved)').check();
  await product.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/\/products$/);
  await page.goto(productHref);
  const before = Number(await page.getByTestId('stock-onHand').textContent());
  const adjust = page.getByTestId('stock-adjust-form');
  await adjust.getByLabel(/Change/).fill(`-${before + 1}`);
  await adjust.getByRole('button', { name: 'Save adjustment' }).click();
  await expect(adjust.getByText('Stock on hand cannot go below zero.')).toBeVisible();
  await adjust.getByLabel(/Change/).fill(String(2 - before));
  await adjust.getByLabel('Reason').fill(`Count ${info.project.name}`);
  await adjust.getByRole('button', { name: 'Save adjustment' }).click();
  await expect(page.getByTestId('stock-onHand')).toHaveText('2');
  // What the other project's run left reserved (one server for both widths) is not available.
  const available = (await page.getByTestId('stock-available').textContent())!.trim();

  // A new order for three cameras, confirmed.
  await page.goto('/orders/new?q=Andaman');
  await page.locator('a[href^="/orders/new?customer="]').first().click();
  const form = page.getByTestId('order-form');
  await form.getByTestId('product-search').fill('CAM-4K');
  await expect(form.getByTestId('product-hits')).toContainText(`available: ${available}`);
  await form.getByTestId('product-hits').getByRole('button', { name: /CAM-4K/ }).click();
  const line = form.getByTestId('quote-line').first();
  await line.getByLabel('Qty').fill('3');
  await expect(line.getByTestId('available-hint')).toHaveAttribute('data-short', 'true');
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await page.getByTestId('confirm-order-form').getByRole('button', { name: 'Confirm order' }).click();
  await expect(page.getByTestId('order-confirmed')).toBeVisible();

  // All three at once: refused on the row, the 3 kept; then two leave.
  const section = page.getByTestId('deliveries-section');
  const row = section.getByTestId('delivery-row').first();
  const qty = row.getByLabel('Deliver now');
  await expect(qty).toHaveValue('3');
  await section.getByRole('button', { name: 'Record delivery' }).click();
  await expect(formAlert(page)).toBeVisible();
  await expect(row.getByText('Not enough in stock for this quantity.')).toBeVisible();
  await expect(qty).toHaveValue('3');
  await qty.fill('2');
  await section.getByLabel('Note (printed on the delivery note)').fill('Gate 3, ask for Khun Malee');
  await section.getByRole('button', { name: 'Record delivery' }).click();
  await expect(section.getByRole('status')).toContainText(/Delivery note DN-\d{4}-\d{5} recorded/);
  const note = section.getByTestId('delivery-notes').locator('li').first();
  await expect(note).toContainText(/DN-\d{4}-\d{5}/);
  // One still to deliver, prefilled.
  await expect(section.getByTestId('delivery-row').first().getByLabel('Deliver now')).toHaveValue('1');
  await page.screenshot({ path: `test-results/deliveries-${info.project.name}.png`, fullPage: true });
  const pdf = await page.request.get((await note.getByRole('link', { name: 'PDF' }).getAttribute('href'))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');

  await page.goto(productHref);
  await expect(page.getByTestId('stock-onHand')).toHaveText('0');
  await expect(page.getByTestId('stock-moves')).toContainText('Delivery');
});
