import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { formAlert, signIn, unique } from './helpers';
import { defaultPipeline } from '../../src/server/pipelines/defaults';

// The demo stages carry a name in every language; these journeys' users read English.
const [QUALIFIED, PROPOSAL] = defaultPipeline('en').stages.map((s) => s.name);

/** The label of the option a select shows, as the user sees it. */
const shown = (select: Locator) => select.locator('option:checked').innerText();

async function shot(page: Page, name: string, project: string) {
  mkdirSync('/tmp/shots', { recursive: true });
  await page.screenshot({ path: `/tmp/shots/${name}-${project}.png`, fullPage: true });
}

test('a deal form keeps the chosen currency, stage, customer and contact after an error, and shows every error at once', async ({ page }, info) => {
  const title = unique('Lobby chillers', info.project.name);
  await signIn(page, 'rep.bangrak@demo.test');
  await page.goto('/opportunities/new');
  const form = page.getByTestId('deal-form');
  await form.getByLabel('Customer').fill('Riverside');
  await form.getByRole('option', { name: /Riverside Hotel Group/ }).click();
  const contact = form.getByLabel('Contact');
  await expect(contact.locator('option')).not.toHaveCount(0);
  // A contact other than the one offered first.
  const contacts = await contact.locator('option').allInnerTexts();
  const offered = await shown(contact);
  const otherContact = contacts.find((c) => c !== offered && c !== 'No contact') ?? 'No contact';
  await contact.selectOption({ label: otherContact });
  await form.getByLabel('Currency').selectOption('VND');
  await form.getByLabel('Stage').selectOption({ label: PROPOSAL });
  expect(PROPOSAL).not.toBe(QUALIFIED);
  // No title, an amount that is not one, a probability above 100.
  await form.getByLabel('Expected amount').fill('about 1.5 million');
  await form.getByLabel('Win probability (%)').fill('140');
  await form.getByRole('button', { name: 'Create deal' }).click();

  await expect(formAlert(page)).toBeVisible();
  // Every error at once, each beside its field.
  await expect(form.getByText('Required.')).toBeVisible();
  await expect(form.getByText('Enter a whole number from 0 to 100.')).toBeVisible();
  await expect(form.getByText('Enter an amount such as 1250000 or 1,250,000.50.')).toBeVisible();
  // Nothing the user chose has moved.
  await expect(form.getByLabel('Currency')).toHaveValue('VND');
  expect(await shown(form.getByLabel('Stage'))).toBe(PROPOSAL);
  await expect(form.getByTestId('chosen-customer')).toContainText('Riverside Hotel Group');
  expect(await shown(form.getByLabel('Contact'))).toBe(otherContact);
  await expect(form.getByLabel('Expected amount')).toHaveValue('about 1.5 million');
  await shot(page, 'deal-form-error', info.project.name);

  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Expected amount').fill('1,500,000');
  await form.getByLabel('Win probability (%)').fill('40');
  await form.getByRole('button', { name: 'Create deal' }).click();
  await expect(page.getByTestId('deal-title')).toHaveText(title);
  await expect(page.getByTestId('deal-stage')).toContainText(PROPOSAL);
  await expect(page.getByText(/₫\s?1,500,000/)).toBeVisible();
  if (otherContact !== 'No contact') await expect(page.getByText(otherContact, { exact: true })).toBeVisible();
});

test('an error about a field the form does not show is still said, in the form\'s message', async ({ page }) => {
  await signIn(page, 'rep.bangrak@demo.test');
  await page.goto('/customers?q=Riverside');
  await page.getByRole('link', { name: 'Riverside Hotel Group' }).click();
  await page.getByRole('link', { name: 'New deal' }).click();
  const form = page.getByTestId('deal-form');
  await form.getByLabel('Title').fill('Tampered customer');
  // The customer is fixed here (a hidden field); send one that does not exist.
  await form.locator('input[type=hidden][name=customerId]').evaluate((i: HTMLInputElement) => (i.value = '00000000-0000-4000-8000-000000000000'));
  await form.getByRole('button', { name: 'Create deal' }).click();
  await expect(formAlert(page)).toBeVisible();
  await expect(form.getByTestId('form-errors').locator('[data-error-for=customerId]')).not.toBeEmpty();
  await expect(form.getByLabel('Title')).toHaveValue('Tampered customer');
});

test('a price list\'s "set price" keeps the chosen product after an error and saves the price on that product', async ({ page }, info) => {
  // A price of its own per project, so the two runs cannot be confused.
  const price = info.project.name === 'desktop' ? '4111' : '4222';
  await signIn(page, 'admin@demo.test');
  await page.goto('/price-lists');
  await page.getByRole('link', { name: 'Wholesale THB' }).click();
  const form = page.getByTestId('set-price-form');
  const product = form.getByLabel('Product');
  const first = await shown(product);
  const desk = (await product.locator('option').allInnerTexts()).find((o) => o.startsWith('DESK-140'))!;
  expect(desk).toBeTruthy();
  expect(desk).not.toBe(first);
  await product.selectOption({ label: desk });
  await form.getByLabel('Prices (THB)').fill('-40');
  await form.getByRole('button', { name: 'Set price' }).click();
  await expect(formAlert(page)).toBeVisible();
  await expect(form.getByText(/cannot be negative/)).toBeVisible();
  expect(await shown(product)).toBe(desk);
  await expect(form.getByLabel('Prices (THB)')).toHaveValue('-40');

  await form.getByLabel('Prices (THB)').fill(price);
  await form.getByRole('button', { name: 'Set price' }).click();
  const items = page.getByTestId('price-items').locator('li');
  const money = new RegExp(`${price[0]},${price.slice(1)}\\.00`);
  await expect(items.filter({ hasText: 'DESK-140' })).toContainText(money);
  // Only on that product.
  await expect(items.filter({ hasText: money })).toHaveCount(1);
  // A successful save starts a fresh form: no stale price left in the box.
  await expect(form.getByLabel('Prices (THB)')).toHaveValue('');
});

test('a quotation keeps its currency, language, VAT mode and every line after errors in two lines, shown at once', async ({ page }, info) => {
  await signIn(page, 'rep.sukhumvit@demo.test');
  await page.goto('/customers?q=Ekkamai');
  await page.getByRole('link', { name: 'Ekkamai Coffee Roasters' }).click();
  await page.getByTestId('quotations-panel').getByRole('link', { name: 'New quotation' }).click();
  const form = page.getByTestId('quote-form');
  await form.getByLabel('Currency').selectOption('RUB');
  await form.getByLabel('Document language').selectOption('ru');
  await form.getByLabel('Prices include VAT').check();
  await form.getByRole('button', { name: 'Add a free-text line' }).click();
  await form.getByRole('button', { name: 'Add a free-text line' }).click();
  const [one, two] = [form.getByTestId('quote-line').nth(0), form.getByTestId('quote-line').nth(1)];
  await one.getByLabel('Description').fill('Roaster commissioning');
  await one.getByLabel('Qty').fill('-2');
  await one.getByLabel('Unit price').fill('15000');
  await two.getByLabel('Description').fill('Barista training, 2 days');
  await two.getByLabel('Qty').fill('2');
  await two.getByLabel('Unit price').fill('-900');
  const rates = await two.getByLabel('VAT').locator('option').allInnerTexts();
  const otherRate = rates[rates.length - 1];
  await two.getByLabel('VAT').selectOption({ label: otherRate });
  await form.getByRole('button', { name: 'Save draft' }).click();

  await expect(formAlert(page)).toBeVisible();
  // Both lines' errors at once, each in its own line.
  await expect(one.getByText('The quantity cannot be negative.')).toBeVisible();
  await expect(two.getByText('The price cannot be negative.')).toBeVisible();
  await expect(form.getByLabel('Currency')).toHaveValue('RUB');
  await expect(form.getByLabel('Document language')).toHaveValue('ru');
  await expect(form.getByLabel('Prices include VAT')).toBeChecked();
  await expect(form.getByTestId('quote-line')).toHaveCount(2);
  await expect(one.getByLabel('Description')).toHaveValue('Roaster commissioning');
  await expect(two.getByLabel('Description')).toHaveValue('Barista training, 2 days');
  expect(await shown(two.getByLabel('VAT'))).toBe(otherRate);
  await shot(page, 'quote-form-error', info.project.name);

  await one.getByLabel('Qty').fill('1');
  await two.getByLabel('Unit price').fill('900');
  await form.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('quote-number')).toHaveText('Draft');
  await expect(page.getByTestId('quote-grand-total')).toContainText('RUB');
  await expect(page.getByTestId('quote-totals')).toContainText('Prices include VAT');
  await expect(page.getByText('Barista training, 2 days').filter({ visible: true })).toBeVisible();
});

test('a role without the verb gets 404 on the form, like a record out of scope, and sees no link to it', async ({ page }) => {
  await signIn(page, 'finance@demo.test');
  await page.goto('/opportunities');
  const deal = page.getByTestId('deal-list').getByRole('link').first();
  await expect(deal).toBeVisible();
  const href = (await deal.getAttribute('href'))!;
  await page.goto(href);
  await expect(page.getByTestId('deal-title')).toBeVisible();
  await expect(page.locator(`a[href="${href}/edit"]`)).toHaveCount(0);
  await expect(page.locator('a[href^="/opportunities/new"]')).toHaveCount(0);
  expect((await page.goto(`${href}/edit`))?.status()).toBe(404);
  expect((await page.goto('/opportunities/new'))?.status()).toBe(404);
  expect((await page.goto('/quotations/new'))?.status()).toBe(404);
  expect((await page.goto('/pipelines'))?.status()).toBe(404);
  expect((await page.goto('/products/new'))?.status()).toBe(404);
  expect((await page.goto('/admin/users'))?.status()).toBe(404);
});

test('a tampered list cursor gives the first page, never an error', async ({ page }) => {
  await signIn(page, 'admin@demo.test');
  const garbage = [
    'garbage',
    Buffer.from(JSON.stringify({ v: 'not a date', i: '00000000-0000-4000-8000-000000000000' })).toString('base64url'),
    Buffer.from(JSON.stringify({ v: '1e400', n: '\u0000', i: '00000000-0000-4000-8000-000000000000' })).toString('base64url'),
    Buffer.from('null').toString('base64url'),
  ];
  for (const c of garbage) {
    for (const url of ['/customers', '/opportunities', '/opportunities?sort=amount', '/opportunities?sort=close', '/quotations']) {
      const res = await page.goto(`${url}${url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(c)}`);
      expect(res?.status(), `${url} with cursor ${c}`).toBeLessThan(500);
    }
  }
  await page.goto('/opportunities');
  const deal = (await page.getByTestId('deal-list').getByRole('link').first().getAttribute('href'))!;
  await page.goto('/customers');
  const customer = (await page.getByTestId('customer-list').getByRole('link').first().getAttribute('href'))!;
  for (const before of ['garbage', '1|00000000-0000-4000-8000-000000000000', 'Tue|00000000-0000-4000-8000-000000000000', `2026-01-01T00:00:00Z|x`]) {
    for (const url of [deal, customer]) {
      const res = await page.goto(`${url}?before=${encodeURIComponent(before)}`);
      expect(res?.status(), `${url} with before ${before}`).toBeLessThan(500);
    }
  }
});
