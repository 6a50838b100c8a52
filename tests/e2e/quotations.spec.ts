import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { formAlert, signIn, unique } from './helpers';

test('a rep quotes a deal, sends it, and the customer downloads the PDF and accepts: the deal is won', async ({ page, browser }, info) => {
  const title = unique('Rice mill cooling', info.project.name);
  // A regions rep, so the Bangkok team's counts in other journeys stay as seeded.
  await signIn(page, 'rep.northeast@demo.test');
  await page.goto('/customers');
  await page.getByRole('link', { name: 'Isan Rice Mill Co., Ltd.' }).click();
  await page.getByRole('link', { name: 'New deal' }).click();
  await page.getByTestId('deal-form').getByLabel('Title').fill(title);
  await page.getByTestId('deal-form').getByLabel('Expected amount').fill('60000');
  await page.getByTestId('deal-form').getByRole('button', { name: 'Create deal' }).click();
  await expect(page.getByTestId('deal-title')).toHaveText(title);

  // From the deal: the customer and contact are carried over.
  await page.getByTestId('quotations-panel').getByRole('link', { name: 'New quotation' }).click();
  const form = page.getByTestId('quote-form');
  await expect(form.getByText('Isan Rice Mill Co., Ltd.')).toBeVisible();
  await expect(form.getByLabel('Contact')).not.toHaveValue('');
  await form.getByTestId('product-search').fill('AC-12000');
  await form.getByTestId('product-hits').getByRole('button', { name: /AC-12000/ }).click();
  await form.getByRole('button', { name: 'Add a free-text line' }).click();
  const free = form.getByTestId('quote-line').nth(1);
  await free.getByLabel('Description').fill('Site survey and cooling load report');
  await free.getByLabel('Qty').fill('-1');
  await free.getByLabel('Unit price').fill('3,500');
  await form.getByRole('button', { name: 'Save draft' }).click();
  await expect(formAlert(page)).toBeVisible();
  await expect(free.getByText('The quantity cannot be negative.')).toBeVisible();
  // Nothing typed is lost.
  await expect(free.getByLabel('Description')).toHaveValue('Site survey and cooling load report');
  await free.getByLabel('Qty').fill('2');
  const previewTotal = (await form.getByTestId('grand-total').textContent())!.trim();
  await form.getByRole('button', { name: 'Save draft' }).click();

  // The draft: no number yet, the totals the preview showed.
  await expect(page.getByTestId('quote-number')).toHaveText('Draft');
  await expect(page.getByTestId('quote-grand-total')).toHaveText(previewTotal);
  const pdfByRep = page.waitForEvent('download');
  await page.getByTestId('quote-pdf').click();
  expect(readFileSync((await (await pdfByRep).path())!).subarray(0, 5).toString()).toBe('%PDF-');

  // The mail shows first (issue 11); sent as the template wrote it.
  await page.getByTestId('send-open').click();
  await page.getByTestId('send-submit').click();
  await expect(page.getByTestId('send-done')).toContainText('Sent QT-');
  const number = (await page.getByTestId('quote-number').textContent())!.trim();
  expect(number).toMatch(/^QT-\d{4}-\d{5}$/);
  await expect(page.getByTestId('quote-status').first()).toHaveText('Sent');
  // Easy to find again: by its number in the search box.
  await page.goto(`/search?q=${number}`);
  await expect(page.getByTestId('search-quotations')).toContainText(number);
  await page.goBack();

  // The mail, as the local outbox holds it (no RESEND_API_KEY in tests).
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await signIn(admin, 'admin@demo.test');
  await admin.goto('/admin/outbox');
  const mail = admin.getByTestId('outbox').locator('li').filter({ hasText: number }).first();
  await expect(mail).toBeVisible();
  const body = (await mail.locator('pre').textContent())!;
  const link = /\/q\/[A-Za-z0-9_-]{43}/.exec(body)?.[0];
  expect(link).toBeTruthy();
  await adminCtx.close();

  // The customer: no account, just the link. Their browser (or anyone) may send X-Forwarded-For; without
  // TRUSTED_PROXY it is ignored and the socket's address is recorded.
  const customerCtx = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.66' } });
  const customer = await customerCtx.newPage();
  const response = await customer.goto(link!);
  expect(response?.headers()['referrer-policy']).toBe('no-referrer');
  await expect(customer.getByTestId('public-number')).toContainText(number);
  await expect(customer.getByTestId('public-customer')).toHaveText('Isan Rice Mill Co., Ltd.');
  await expect(customer.getByTestId('public-total')).toHaveText(previewTotal.replace(/^THB\s?/, '฿'));
  const download = customer.waitForEvent('download');
  await customer.getByTestId('public-pdf').click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toBe(`${number}.pdf`);
  expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');

  const accept = customer.getByTestId('accept-form');
  await accept.getByRole('button').click();
  await expect(accept.getByRole('alert')).toBeVisible();
  await accept.locator('input[name=name]').fill('Somsak Boonmee');
  await accept.locator('input[name=agree]').check();
  await accept.getByRole('button').click();
  await expect(customer.getByTestId('answer-done')).toContainText('Somsak Boonmee');
  await customer.reload();
  await expect(customer.getByTestId('link-state')).toContainText('Somsak Boonmee');
  await expect(customer.getByTestId('accept-form')).toHaveCount(0);
  // A wrong token tells nothing.
  expect((await customer.goto(`/q/${'A'.repeat(43)}`))?.status()).toBe(404);
  await customerCtx.close();

  // Back with the rep: accepted, and the deal is won.
  await page.reload();
  await expect(page.getByTestId('quote-status').first()).toHaveText('Accepted');
  await expect(page.getByTestId('accepted-by')).toContainText('Somsak Boonmee');
  await expect(page.getByTestId('accepted-by')).toContainText('127.0.0.1');
  await expect(page.getByTestId('accepted-by')).not.toContainText('203.0.113.66');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByTestId('deal-stage')).toContainText('Won');
});

/** The customer link in the newest outbox mail about a quotation number, read as an admin. */
async function linkFor(browser: import('@playwright/test').Browser, number: string, nth = 0) {
  const ctx = await browser.newContext();
  const admin = await ctx.newPage();
  await signIn(admin, 'admin@demo.test');
  await admin.goto('/admin/outbox');
  const body = (await admin.getByTestId('outbox').locator('li').filter({ hasText: number }).nth(nth).locator('pre').textContent())!;
  await ctx.close();
  return /\/q\/[A-Za-z0-9_-]{43}/.exec(body)![0];
}

test('a sent quotation is revised into v2: the old link stops working, the customer declines the new one', async ({ page, browser }) => {
  await signIn(page, 'rep.north@demo.test');
  await page.goto('/customers?q=Lanna');
  await page.getByRole('link', { name: 'Lanna Crafts Export' }).click();
  await page.getByTestId('quotations-panel').getByRole('link', { name: 'New quotation' }).click();
  const form = page.getByTestId('quote-form');
  await form.getByRole('button', { name: 'Add a free-text line' }).click();
  await form.getByTestId('quote-line').first().getByLabel('Description').fill('Export packaging, 40 ft container');
  await form.getByTestId('quote-line').first().getByLabel('Unit price').fill('12000');
  await form.getByRole('button', { name: 'Save draft' }).click();
  await page.getByTestId('send-open').click();
  await page.getByTestId('send-submit').click();
  await expect(page.getByTestId('send-done')).toBeVisible();
  const number = (await page.getByTestId('quote-number').textContent())!.trim();
  const oldLink = await linkFor(browser, number);

  await page.getByTestId('revise-form').getByRole('button', { name: 'Revise (new version)' }).click();
  await expect(page).toHaveURL(/\/quotations\/[0-9a-f-]{36}\/edit$/);
  await page.getByTestId('quote-form').getByTestId('quote-line').first().getByLabel('Qty').fill('2');
  await page.getByTestId('quote-form').getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('quote-number')).toHaveText(`${number}-v2`);
  await expect(page.getByTestId('quote-versions')).toContainText('v1');
  await page.getByTestId('send-open').click();
  await page.getByTestId('send-submit').click();
  await expect(page.getByTestId('send-done')).toContainText(`${number}-v2`);
  const newLink = await linkFor(browser, `${number}-v2`);

  const ctx = await browser.newContext();
  const customer = await ctx.newPage();
  await customer.goto(oldLink);
  await expect(customer.getByTestId('link-state')).toBeVisible();
  await expect(customer.getByTestId('accept-form')).toHaveCount(0);
  await customer.goto(newLink);
  await expect(customer.getByTestId('public-number')).toContainText(`${number}-v2`);
  await customer.getByTestId('decline-form').locator('textarea[name=reason]').fill('Budget moved to next year');
  await customer.getByTestId('decline-form').getByRole('button').click();
  await expect(customer.getByTestId('answer-done')).toBeVisible();
  await ctx.close();

  await page.reload();
  await expect(page.getByTestId('quote-status').first()).toHaveText('Declined');
  await expect(page.getByText('Budget moved to next year')).toBeVisible();
});
