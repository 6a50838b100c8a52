import { expect, test } from '@playwright/test';
import { formAlert, navigate, signIn, unique } from './helpers';

test('a rep creates a customer, fixing a bad email without retyping, then adds a contact', async ({ page, browser }, info) => {
  const name = unique('Journey Co', info.project.name);
  // A number of its own per project: the same phone twice is a duplicate to confirm.
  const last4 = info.project.name === 'phone' ? '0299' : '0199';
  await signIn(page, 'rep.south@demo.test');
  await navigate(page, '/customers');
  await page.getByRole('link', { name: 'New customer' }).click();
  const form = page.getByTestId('customer-form');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Phone').fill(`081-555-${last4}`);
  await form.getByLabel('Email').fill('not-an-email');
  await form.getByRole('button', { name: 'Create customer' }).click();
  await expect(formAlert(page)).toHaveText('Please correct the highlighted fields.');
  await expect(form.getByText('Enter a valid email address.')).toBeVisible();
  await expect(form.getByLabel('Name')).toHaveValue(name);
  await expect(form.getByLabel('Phone')).toHaveValue(`081-555-${last4}`);

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
  await page.getByLabel('Search').first().fill(`+66 81 555 ${last4}`);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('customer-list').getByRole('link', { name })).toBeVisible();
});

test('a customer with the phone of an existing one is saved only after the user has seen the look-alike', async ({ page }, info) => {
  const first = unique('Lotus Pharmacy', info.project.name);
  const second = unique('Wat Arun Clinic', info.project.name);
  const last4 = info.project.name === 'phone' ? '0298' : '0198';
  await signIn(page, 'rep.south@demo.test');
  const create = async (name: string, phone: string) => {
    await navigate(page, '/customers');
    await page.getByRole('link', { name: 'New customer' }).click();
    const form = page.getByTestId('customer-form');
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Phone').fill(phone);
    await form.getByRole('button', { name: 'Create customer' }).click();
    return form;
  };
  await create(first, `02-777-${last4}`);
  await expect(page.getByTestId('customer-name')).toHaveText(first);

  const form = await create(second, `+66 2 777 ${last4}`);
  const warning = form.getByTestId('duplicate-warning');
  await expect(warning.getByRole('link', { name: first })).toBeVisible();
  await expect(form.getByText('A customer with this phone number already exists.')).toBeVisible();
  await expect(form.getByLabel('Name')).toHaveValue(second);
  await warning.getByLabel('I have checked').check();
  await form.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByTestId('customer-name')).toHaveText(second);
});
