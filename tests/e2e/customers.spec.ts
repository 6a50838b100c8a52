import { expect, test } from '@playwright/test';
import { formAlert, navigate, signIn, unique } from './helpers';

test('a rep creates a customer, fixing a bad email without retyping, then adds a contact', async ({ page, browser }, info) => {
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

  // Attach a drawing; it downloads for the rep and is not found for a rep of another territory.
  const upload = page.getByTestId('upload-form');
  await upload.getByLabel('File').setInputFiles({ name: 'site-plan.txt', mimeType: 'text/plain', buffer: Buffer.from('Site plan v1') });
  await upload.getByRole('button', { name: 'Upload' }).click();
  const link = page.getByTestId('attachments').getByRole('link', { name: 'site-plan.txt' });
  await expect(link).toBeVisible();
  const href = (await link.getAttribute('href'))!;
  const ok = await page.request.get(href);
  expect(ok.status()).toBe(200);
  expect(await ok.text()).toBe('Site plan v1');
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, 'rep.bangrak@demo.test');
  expect((await otherPage.request.get(href)).status()).toBe(404);
  await other.close();

  // Found again by phone typed in another format.
  await navigate(page, '/customers');
  await page.getByLabel('Search').first().fill('+66 81 555 0199');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('customer-list').getByRole('link', { name })).toBeVisible();
});
