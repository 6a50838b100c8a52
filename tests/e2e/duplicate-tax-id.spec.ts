import { expect, test, type Page } from '@playwright/test';
import { navigate, signIn, unique } from './helpers';

/** A valid Thai tax ID (13 digits, the last a check digit) of its own per run and project. */
function thaiTaxId(seed: number): string {
  const d = String(1000000000000 + (seed % 899999999999)).slice(1, 13).split('').map(Number);
  const sum = d.reduce((s, x, i) => s + x * (13 - i), 0);
  return d.join('') + String((11 - (sum % 11)) % 10);
}

async function newCustomer(page: Page, name: string, taxId: string, branch: string) {
  await navigate(page, '/customers');
  await page.getByRole('link', { name: 'New customer' }).click();
  const form = page.getByTestId('customer-form');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Tax ID').fill(taxId);
  await form.getByLabel('Branch').fill(branch);
  await form.getByRole('button', { name: 'Create customer' }).click();
  return form;
}

test('a duplicate tax ID is caught: same branch refused, another branch only once confirmed, another team told without the name', async ({ page, browser }, info) => {
  const taxId = thaiTaxId(Date.now() + (info.project.name === 'phone' ? 7 : 0));
  const first = unique('Krabi Marine Supply', info.project.name);
  await signIn(page, 'rep.south@demo.test');
  await newCustomer(page, first, taxId, 'Head office');
  await expect(page.getByTestId('customer-name')).toHaveText(first);

  // Same tax ID and branch: a blocker, with a link to the existing one and nothing typed lost.
  const copy = unique('Krabi Marine Supply copy', info.project.name);
  const form = await newCustomer(page, copy, taxId, 'Head office');
  await expect(form.getByText('A customer with this tax ID and branch already exists.')).toBeVisible();
  await expect(form.getByTestId('duplicate-warning').getByRole('link', { name: first })).toBeVisible();
  await expect(form.getByTestId('duplicate-warning').getByLabel('I have checked')).toHaveCount(0);
  await expect(form.getByLabel('Name')).toHaveValue(copy);
  await expect(form.getByLabel('Tax ID')).toHaveValue(taxId);

  // Another branch of the same company: saved once the user confirms it is a different branch.
  await form.getByLabel('Branch').fill('Branch 00002');
  await form.getByRole('button', { name: 'Create customer' }).click();
  await expect(form.getByText('A customer with this tax ID exists at another branch: confirm this is a different branch.')).toBeVisible();
  await form.getByTestId('duplicate-warning').getByLabel('I have checked').check();
  await form.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByTestId('customer-name')).toHaveText(copy);

  // A rep of the other team learns that it exists, not whose it is.
  const ctx = await browser.newContext();
  const other = await ctx.newPage();
  await signIn(other, 'rep.bangrak@demo.test');
  const theirs = await newCustomer(other, unique('Krabi Marine', info.project.name), taxId, 'Head office');
  const warning = theirs.getByTestId('duplicate-warning');
  await expect(warning).toContainText('owned by another team');
  await expect(warning).not.toContainText(first);
  await expect(warning.getByRole('link')).toHaveCount(0);
  await ctx.close();
});
