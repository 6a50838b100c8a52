import { expect, test } from '@playwright/test';
import { navigate, signIn } from './helpers';

const BANG_RAK = ['Silom Office Supplies Co., Ltd.', 'บริษัท สีลม เทรดดิ้ง จำกัด', 'Riverside Hotel Group'];
const OTHER_BANGKOK = ['Chatuchak Furniture Co., Ltd.', 'Asoke Digital Agency'];
const REGIONS = ['Lanna Crafts Export', 'Isan Rice Mill Co., Ltd.', 'Andaman Dive Resorts'];

test('a rep sees only their territory, cannot search or open the rest', async ({ page, browser }) => {
  // Find the id of a customer outside Bang Rak as the admin, in a separate session.
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await signIn(admin, 'admin@demo.test');
  await admin.goto('/customers?q=Lanna');
  await admin.getByRole('link', { name: 'Lanna Crafts Export' }).click();
  await expect(admin).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
  const foreignUrl = new URL(admin.url()).pathname;
  await adminCtx.close();

  await signIn(page, 'rep.bangrak@demo.test');
  await navigate(page, '/customers');
  const list = page.getByTestId('customer-list');
  for (const name of BANG_RAK) await expect(list.getByRole('link', { name })).toBeVisible();
  for (const name of [...OTHER_BANGKOK, ...REGIONS]) await expect(list.getByRole('link', { name })).toHaveCount(0);
  await expect(page.getByTestId('customer-total')).toContainText('3');

  await page.getByRole('searchbox', { name: 'Search' }).or(page.getByLabel('Search')).first().fill('Lanna');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('No customers match.')).toBeVisible();

  // The global search box is scoped the same way.
  await navigate(page, '/search');
  await page.getByRole('searchbox').or(page.getByLabel('Search', { exact: true })).first().fill('Silom');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('search-customers')).toContainText('Silom Office Supplies Co., Ltd.');
  await page.goto('/search?q=Lanna');
  // Customers, contacts, deals, quotations and orders: nothing of Lanna for a Bang Rak rep.
  await expect(page.getByText('No matches.')).toHaveCount(5);
  await expect(page.getByTestId('search-quotations')).toHaveCount(0);
  await expect(page.getByTestId('search-orders')).toHaveCount(0);

  const res = await page.goto(foreignUrl);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
});

test('a manager sees the whole Bangkok team and nothing of the regions', async ({ page }) => {
  await signIn(page, 'manager.bangkok@demo.test');
  await navigate(page, '/customers');
  const list = page.getByTestId('customer-list');
  for (const name of [...BANG_RAK, ...OTHER_BANGKOK]) await expect(list.getByRole('link', { name })).toBeVisible();
  for (const name of REGIONS) await expect(list.getByRole('link', { name })).toHaveCount(0);
  await expect(page.getByTestId('customer-total')).toContainText('9');
});
