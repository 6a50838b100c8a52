import { expect, test } from '@playwright/test';
import { formAlert, messages, navigate, signIn } from './helpers';

test('a wrong password is refused with one generic message and the email stays typed', async ({ page }) => {
  await page.goto('/signin');
  await page.getByLabel('Email').fill('finance@demo.test');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(formAlert(page)).toHaveText('The email or password is not correct.');
  await expect(page.getByLabel('Email')).toHaveValue('finance@demo.test');
  await expect(page).toHaveURL(/\/signin$/);

  // An unknown address gets exactly the same answer.
  await page.getByLabel('Email').fill('nobody@demo.test');
  await page.getByLabel('Password').fill('whatever-it-is');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(formAlert(page)).toHaveText('The email or password is not correct.');
});

test('sign out ends the session', async ({ page }) => {
  await signIn(page, 'rep.sukhumvit@demo.test');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await page.goto('/customers');
  await expect(page).toHaveURL(/\/signin$/);
});

test('the language can be switched to Thai and back, and is kept for the user', async ({ page }) => {
  const th = messages('th');
  await page.goto('/signin');
  await page.getByRole('button', { name: 'ไทย' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(th.signIn.title);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');

  await signIn(page, 'rep.north@demo.test');
  await navigate(page, '/account');
  await page.getByTestId('language-form').getByRole('combobox').selectOption('th');
  await page.getByTestId('language-form').getByRole('button').click();
  await navigate(page, '/customers');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(th.customers.title);

  await navigate(page, '/account');
  await page.getByTestId('language-form').getByRole('combobox').selectOption('en');
  await page.getByTestId('language-form').getByRole('button').click();
  await navigate(page, '/customers');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Customers');
});
