import { expect, test } from '@playwright/test';
import { formAlert, mailedLink, navigate, signIn, unique } from './helpers';

test('an admin invites a user, who chooses their own password and signs in; then the admin deactivates them', async ({ page, browser }, info) => {
  const email = `new.${info.project.name}.${Date.now().toString(36)}@demo.test`;
  const name = unique('New Rep', info.project.name);
  const password = `Lagoon-Pepper-${info.project.name}-42`;
  await signIn(page, 'admin@demo.test');
  await navigate(page, '/admin/users');
  await page.getByRole('link', { name: 'New user' }).click();
  const form = page.getByTestId('user-form');
  // No password field: the person chooses their own.
  await expect(form.getByLabel('Password')).toHaveCount(0);
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Email').fill('not-an-email');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByText('Enter a valid email address.')).toBeVisible();
  await expect(form.getByLabel('Name')).toHaveValue(name);
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Bang Rak').check();
  await form.getByRole('button', { name: 'Create user' }).click();
  const row = page.getByTestId('user-list').locator('li', { hasText: email });
  await expect(row).toContainText('Invited');

  // The invitation, as the local outbox holds it.
  const link = await mailedLink(page, email, 'invitation');
  const ctx = await browser.newContext();
  const other = await ctx.newPage();
  await other.goto(link);
  await expect(other.getByRole('heading', { level: 1 })).toContainText('Welcome to');
  const set = other.getByTestId('set-password-form');
  await set.getByLabel('New password', { exact: true }).fill('password1234');
  await set.getByLabel('Repeat new password').fill('password1234');
  await set.getByRole('button', { name: 'Set password' }).click();
  await expect(set.getByText('This password is too common or too easy to guess. Try a few unrelated words.')).toBeVisible();
  await set.getByLabel('New password', { exact: true }).fill(password);
  await set.getByLabel('Repeat new password').fill(password);
  await set.getByRole('button', { name: 'Set password' }).click();
  await expect(other).toHaveURL(/\/signin\?password=set$/);
  await expect(other.getByTestId('password-set')).toBeVisible();
  await signIn(other, email, password);
  await navigate(other, '/customers');
  await expect(other.getByTestId('customer-total')).toContainText('3');
  // The invitation works once.
  await other.goto(link);
  await expect(other.getByTestId('link-invalid')).toBeVisible();

  await page.goto('/admin/users');
  await expect(row).not.toContainText('Invited');
  await page.getByTestId('user-list').getByRole('link', { name }).click();
  await page.getByTestId('user-form').getByLabel('Active (can sign in)').uncheck();
  await page.getByTestId('user-form').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('user-list')).toContainText('Deactivated');

  // The deactivated user's session stops working and they cannot sign in again.
  await other.goto('/customers');
  await expect(other).toHaveURL(/\/signin$/);
  await other.getByLabel('Email').fill(email);
  await other.getByLabel('Password').fill(password);
  await other.getByRole('button', { name: 'Sign in' }).click();
  await expect(formAlert(other)).toHaveText('The email or password is not correct.');
  await ctx.close();
});

test('an admin edits the territory tree; a territory in use cannot be deleted', async ({ page }, info) => {
  const name = unique('Zone', info.project.name);
  await signIn(page, 'admin@demo.test');
  await navigate(page, '/admin/territories');
  const add = page.getByTestId('territory-form');
  await add.getByLabel('Name').fill(name);
  await add.getByLabel('Inside').selectOption({ label: 'North' });
  await add.getByRole('button', { name: 'Add territory' }).click();
  const tree = page.getByTestId('territory-tree');
  await expect(tree.locator('summary', { hasText: name })).toBeVisible();

  const bangRak = tree.locator('li', { hasText: 'Bang Rak' }).last();
  await bangRak.locator('summary').click();
  await bangRak.getByRole('button', { name: 'Delete' }).click();
  await expect(bangRak.getByText('This is still in use and cannot be deleted.')).toBeVisible();
});

test('admin pages answer not found to a rep', async ({ page }) => {
  await signIn(page, 'rep.northeast@demo.test');
  for (const path of ['/admin/users', '/admin/teams', '/admin/territories', '/admin/settings']) {
    const res = await page.goto(path);
    expect(res?.status()).toBe(404);
  }
});

test('organization settings refuse a bad time zone and validity together and keep what was typed and chosen', async ({ page }) => {
  await signIn(page, 'admin@demo.test');
  await navigate(page, '/admin/settings');
  const form = page.getByTestId('settings-form');
  const currency = form.getByLabel('Default currency');
  const original = await currency.inputValue();
  await form.getByLabel('Address').fill('1 New Road, Bangkok');
  await currency.selectOption('VND');
  await form.getByLabel('Time zone').fill('Asia/Nowhere');
  await form.getByLabel('Quotations stay valid for (days)').fill('0');
  await form.getByRole('button', { name: 'Save settings' }).click();
  // Both errors at once; the choice of currency and the typed address stay.
  await expect(form.getByText('Unknown time zone (e.g. Asia/Bangkok).')).toBeVisible();
  await expect(form.getByText('Enter a number of days from 1 to 365.')).toBeVisible();
  await expect(form.getByLabel('Address')).toHaveValue('1 New Road, Bangkok');
  await expect(currency).toHaveValue('VND');
  // Saved back with the company's own currency, so the other journeys see the demo as seeded.
  await currency.selectOption(original);
  await form.getByLabel('Time zone').fill('Asia/Bangkok');
  await form.getByLabel('Quotations stay valid for (days)').fill('30');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.locator('[role=status]')).toHaveText('Saved.');
});
