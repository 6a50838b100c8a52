import { expect, test } from '@playwright/test';
import { formAlert, signIn, unique } from './helpers';

test('an admin adds a product, fixing a taken code without retyping, and prices it on a list', async ({ page }, info) => {
  const code = `E2E-${info.project.name}-${Date.now().toString(36)}`.toUpperCase();
  const name = unique('Cold room panel', info.project.name);
  await signIn(page, 'admin@demo.test');
  await page.goto('/products');
  await page.getByRole('link', { name: 'New product' }).click();
  const form = page.getByTestId('product-form');
  await form.getByLabel('Code').fill('AC-12000');
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Default price (THB, before VAT)').fill('-5');
  await form.getByRole('button', { name: 'Create' }).click();
  await expect(formAlert(page)).toBeVisible();
  await expect(form.getByText('The amount cannot be negative.')).toBeVisible();
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue(name);
  await form.getByLabel('Default price (THB, before VAT)').fill('4,250.50');
  await form.getByRole('button', { name: 'Create' }).click();
  await expect(form.getByText('Another product already has this code.')).toBeVisible();
  await expect(form.getByLabel('Default price (THB, before VAT)')).toHaveValue('4,250.50');
  await form.getByLabel('Code').fill(code);
  await form.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/products$/);
  await page.getByRole('searchbox', { name: 'Code or name' }).or(page.getByLabel('Code or name')).first().fill(code);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('product-list')).toContainText(name);

  await page.goto('/price-lists');
  await page.getByRole('link', { name: 'Standard THB 2026' }).click();
  const price = page.getByTestId('set-price-form');
  await price.getByLabel('Product').selectOption({ label: `${code} · ${name}` });
  await price.getByLabel('Prices (THB)').fill('3999');
  await price.getByRole('button', { name: 'Set price' }).click();
  await expect(page.getByTestId('price-items')).toContainText(code);
});
