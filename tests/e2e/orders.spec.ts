import { expect, test } from '@playwright/test';
import { formAlert, signIn } from './helpers';

/** The customer link in the newest outbox mail about a quotation number, read as an admin. */
async function linkFor(browser: import('@playwright/test').Browser, number: string) {
  const ctx = await browser.newContext();
  const admin = await ctx.newPage();
  await signIn(admin, 'admin@demo.test');
  await admin.goto('/admin/outbox');
  const body = (await admin.getByTestId('outbox').locator('li').filter({ hasText: number }).first().locator('pre').textContent())!;
  await ctx.close();
  return /\/q\/[A-Za-z0-9_-]{43}/.exec(body)![0];
}

test('an accepted quotation becomes a sales order: PO number added, confirmed with its SO number, linked both ways, hidden from another team', async ({ page, browser }, info) => {
  await signIn(page, 'rep.north@demo.test');
  await page.goto('/customers?q=Nimman');
  await page.getByRole('link', { name: 'Nimman Coworking' }).click();
  await page.getByTestId('quotations-panel').getByRole('link', { name: 'New quotation' }).click();
  const form = page.getByTestId('quote-form');
  await form.getByRole('button', { name: 'Add a free-text line' }).click();
  const first = form.getByTestId('quote-line').first();
  await first.getByLabel('Description').fill('Dedicated desks, 12 months');
  await first.getByLabel('Qty').fill('3');
  await first.getByLabel('Unit price').fill('4500');
  await form.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('quote-number')).toHaveText('Draft');
  // A draft cannot become an order yet.
  await expect(page.getByTestId('create-order-form')).toHaveCount(0);
  const total = (await page.getByTestId('quote-grand-total').textContent())!.trim();
  await page.getByTestId('send-open').click();
  await page.getByTestId('send-submit').click();
  await expect(page.getByTestId('send-done')).toContainText('Sent QT-');
  const quoteNumber = (await page.getByTestId('quote-number').textContent())!.trim();
  const quoteUrl = page.url();

  // The customer accepts through the mailed link.
  const customerCtx = await browser.newContext();
  const customer = await customerCtx.newPage();
  await customer.goto(await linkFor(browser, quoteNumber));
  const accept = customer.getByTestId('accept-form');
  await accept.locator('input[name=name]').fill('Ploy Srisuk');
  await accept.locator('input[name=agree]').check();
  await accept.getByRole('button').click();
  await expect(customer.getByTestId('answer-done')).toContainText('Ploy Srisuk');
  await customerCtx.close();

  // One step: the rep converts it; the draft order opens for the PO number.
  await page.reload();
  await expect(page.getByTestId('quote-status').first()).toHaveText('Accepted');
  await page.getByTestId('create-order-form').getByRole('button', { name: 'Create sales order' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\/edit$/);
  const orderForm = page.getByTestId('order-form');
  await expect(orderForm.getByLabel('Description')).toHaveValue('Dedicated desks, 12 months');
  await orderForm.getByLabel('Customer PO number').fill('x'.repeat(61));
  await orderForm.getByRole('button', { name: 'Save' }).click();
  await expect(formAlert(page)).toBeVisible();
  await orderForm.getByLabel('Customer PO number').fill('PO-NIM-2026-118');
  await orderForm.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  const orderUrl = page.url();
  await expect(page.getByTestId('order-number')).toHaveText('Draft order');
  await expect(page.getByTestId('order-po')).toHaveText('PO-NIM-2026-118');
  await expect(page.getByTestId('order-grand-total')).toHaveText(total);
  await expect(page.getByTestId('order-quotation-link')).toContainText(quoteNumber);

  // Confirmed: the SO number, and no more editing.
  await page.getByTestId('confirm-order-form').getByRole('button', { name: 'Confirm order' }).click();
  await expect(page.getByTestId('order-confirmed')).toContainText(/Order SO-\d{4}-\d{5} confirmed/);
  const orderNumber = (await page.getByTestId('order-number').textContent())!.trim();
  expect(orderNumber).toMatch(/^SO-\d{4}-\d{5}$/);
  await expect(page.getByTestId('order-status')).toHaveText('Confirmed');
  await expect(page.getByTestId('order-edit')).toHaveCount(0);
  await page.screenshot({ path: `test-results/order-${info.project.name}.png`, fullPage: true });

  // The chain, both ways.
  await page.getByTestId('order-quotation-link').click();
  await expect(page).toHaveURL(quoteUrl);
  await expect(page.getByTestId('quote-order-link')).toContainText(orderNumber);
  await expect(page.getByTestId('create-order-form')).toHaveCount(0);
  await page.getByTestId('quote-order-link').click();
  await expect(page).toHaveURL(orderUrl);
  // The customer's page lists it.
  await page.getByRole('link', { name: 'Nimman Coworking' }).click();
  await expect(page.getByTestId('orders-panel')).toContainText(orderNumber);
  await expect(page.getByTestId('orders-panel')).toContainText('Confirmed');
  // And the search box finds it by its number.
  await page.goto(`/search?q=${orderNumber}`);
  await expect(page.getByTestId('search-orders')).toContainText(orderNumber);

  // Scoped like the customer: another team's rep gets a 404 and no list row.
  const otherCtx = await browser.newContext();
  const other = await otherCtx.newPage();
  await signIn(other, 'rep.south@demo.test');
  expect((await other.goto(orderUrl))?.status()).toBe(404);
  await other.goto(`/orders?q=${orderNumber}`);
  await expect(other.getByTestId('order-list')).toHaveCount(0);
  await otherCtx.close();
});
