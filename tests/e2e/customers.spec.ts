import { expect, test } from '@playwright/test';
import { formAlert, navigate, signIn, unique } from './helpers';

test('a rep creates a customer, fixing a bad email without retyping, then adds a contact', async ({ page }, info) => {
  const name = unique('Journey Co', info.project.name);
  await signIn(page, 'rep.south@demo.test');
  await navigate(page, '/customers');
  await page.getByRole('link', { name: 'New customer' }).click();
  const form = page.getByTestId('customer-form');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Phone').fill('081-555-0199');
  await form.getByLabel('Email').fill('not-an-email');
  await form.getByRole('button', { name: 'Create customer' }).click();
  await expect(formAlert(page)).toHaveText('Please correct the highlighted fields.');
  await expect(form.getByText('Enter a valid email address.')).toBeVisible();
  await expect(form.getByLabel('Name')).toHaveValue(name);
  await expect(form.getByLabel('Phone')).toHaveValue('081-555-0199');

  await form.getByLabel('Email').fill('buyer@journey.example');
  await form.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByTestId('customer-name')).toHaveText(name);

  const add = page.getByTestId('add-contact-form');
  await add.getByLabel('Contact name').fill('Pim Journey');
  await add.getByLabel('Job title').fill('Owner');
  await add.getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByTestId('contact-list')).toContainText('Pim Journey');

  // Found again by phone typed in another format.
  await navigate(page, '/customers');
  await page.getByLabel('Search').first().fill('+66 81 555 0199');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('customer-list').getByRole('link', { name })).toBeVisible();
});
