import { expect, test } from '@playwright/test';
import { formAlert, navigate, signIn } from './helpers';

test('an admin adds a unit with its names per language, fixing a taken name without retyping, and sells a product by it', async ({ page }, info) => {
  const tag = `${info.project.name}-${Date.now().toString(36)}`;
  const english = `drum ${tag}`;
  await signIn(page, 'admin@demo.test');
  await navigate(page, '/admin/units');
  await expect(page.getByRole('heading', { level: 1, name: 'Units' })).toBeVisible();

  const form = page.getByTestId('new-unit-form');
  // The demo already has "ชิ้น" (piece): a taken name is a field error, the names typed stay.
  await form.getByLabel('Unit name').fill('ชิ้น');
  await form.getByLabel('Name in English').fill(english);
  await form.getByLabel('Name in ไทย').fill(`ถัง ${tag}`);
  await form.getByLabel('Name in Tiếng Việt').fill(`thùng phuy ${tag}`);
  await form.getByLabel('Name in Русский').fill(`бочка ${tag}`);
  await form.getByRole('button', { name: 'Create' }).click();
  await expect(formAlert(page)).toBeVisible();
  await expect(form.getByText('This name is already in use.')).toBeVisible();
  await expect(form.getByLabel('Name in Tiếng Việt')).toHaveValue(`thùng phuy ${tag}`);
  await expect(form.getByLabel('Name in Русский')).toHaveValue(`бочка ${tag}`);
  await page.screenshot({ path: `test-results/units-error-${info.project.name}.png`, fullPage: true });

  await form.getByLabel('Unit name').fill(`ถัง ${tag}`);
  await form.getByRole('button', { name: 'Create' }).click();
  const unit = page.getByTestId('unit').filter({ hasText: `бочка ${tag}` });
  // Shown in the viewer's language (English), with every language beside it.
  await expect(unit.getByRole('heading', { name: english })).toBeVisible();
  await expect(unit).toContainText(`thùng phuy ${tag}`);
  await page.screenshot({ path: `test-results/units-${info.project.name}.png`, fullPage: true });

  // A product takes it from a select of the organization's units, named in the viewer's language.
  const code = `DRUM-${tag}`.toUpperCase();
  await page.goto('/products/new');
  const product = page.getByTestId('product-form');
  await product.getByLabel('Code').fill(code);
  await product.getByLabel('Name', { exact: true }).fill(`Oil drum ${tag}`);
  await product.getByLabel('Unit').selectOption({ label: english });
  await product.getByLabel('Default price (THB, before VAT)').fill('1,500');
  await product.getByLabel('Floor price (THB, before VAT)').fill('1,350.50');
  await page.screenshot({ path: `test-results/units-product-${info.project.name}.png`, fullPage: true });
  await product.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/products$/);
  await page.getByLabel('Code or name').fill(code);
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByTestId('product-list').locator('li').filter({ hasText: code });
  await expect(row).toContainText(`/ ${english}`);

  // Opened again: the unit and the floor price are the ones saved.
  await row.getByRole('link').click();
  const edit = page.getByTestId('product-form');
  await expect(edit.getByLabel('Unit').locator('option:checked')).toHaveText(english);
  await expect(edit.getByLabel('Floor price (THB, before VAT)')).toHaveValue('1350.5');
});
