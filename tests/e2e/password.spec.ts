import { expect, test, type Browser, type Page } from '@playwright/test';
import { formAlert, mailedLink, navigate, signIn } from './helpers';

/** No sideways scrolling at this width (375 px on the phone project, 1280 px on desktop). */
async function fitsWidth(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

/** The admin invites a fresh user (so each project has its own); returns the admin's page, signed in. */
async function invite(browser: Browser, email: string, name: string) {
  const ctx = await browser.newContext();
  const admin = await ctx.newPage();
  await signIn(admin, 'admin@demo.test');
  await admin.goto('/admin/users/new');
  const form = admin.getByTestId('user-form');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Email').fill(email);
  // The organization's language (Thai) is the default; these journeys read English labels.
  await form.locator('select[name=locale]').selectOption('en');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(admin.getByTestId('user-list')).toContainText(email);
  return { admin, close: () => ctx.close() };
}

async function choosePassword(page: Page, link: string, password: string, button: string) {
  await page.goto(link);
  await fitsWidth(page);
  const set = page.getByTestId('set-password-form');
  await set.getByLabel('New password', { exact: true }).fill(password);
  await set.getByLabel('Repeat new password').fill(password);
  await set.getByRole('button', { name: button }).click();
  await expect(page).toHaveURL(/\/signin\?password=set$/);
}

test('a forgotten password is reset through a mailed single-use link; an unknown email gets the same answer', async ({ page, browser }, info) => {
  const stamp = `${info.project.name}.${Date.now().toString(36)}`;
  const email = `forgot.${stamp}@demo.test`;
  const { admin, close } = await invite(browser, email, `Forgot ${stamp}`);

  await page.goto('/signin');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await fitsWidth(page);
  const form = page.getByTestId('forgot-form');
  const answer = 'If an account uses this email, a link to choose a new password is on its way. Check your inbox (and the spam folder).';
  await form.getByLabel('Email').fill(`nobody.${stamp}@demo.test`);
  await form.getByRole('button', { name: 'Email me a link' }).click();
  await expect(form.getByRole('status')).toHaveText(answer);
  await form.getByLabel('Email').fill(email);
  await form.getByRole('button', { name: 'Email me a link' }).click();
  await expect(form.getByRole('status')).toHaveText(answer);

  const link = await mailedLink(admin, email, 'reset-password');
  await close();
  const password = `Harbour-Kite-${info.project.name}-77`;
  await choosePassword(page, link, password, 'Save password');
  await expect(page.getByTestId('password-set')).toBeVisible();
  await signIn(page, email, password);
  // Used once, the link is dead.
  const other = await (await browser.newContext()).newPage();
  await other.goto(link);
  await expect(other.getByTestId('link-invalid')).toBeVisible();
  await fitsWidth(other);
  await other.context().close();
});

test('changing my password keeps me signed in here and signs out my other sessions', async ({ page, browser }, info) => {
  const stamp = `${info.project.name}.${Date.now().toString(36)}`;
  const email = `change.${stamp}@demo.test`;
  const { admin, close } = await invite(browser, email, `Change ${stamp}`);
  const first = `Juniper-Quay-${info.project.name}-12`;
  await choosePassword(page, await mailedLink(admin, email, 'invitation'), first, 'Set password');
  await close();

  await signIn(page, email, first);
  const phoneCtx = await browser.newContext();
  const phone = await phoneCtx.newPage();
  await signIn(phone, email, first);

  await navigate(page, '/account');
  const form = page.getByTestId('password-form');
  await form.getByLabel('Current password', { exact: true }).fill(first);
  await form.getByLabel('New password', { exact: true }).fill('short-one');
  await form.getByLabel('Repeat new password').fill('short-one');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByText('Use at least 12 characters.')).toBeVisible();
  const second = `Saffron-Dune-${info.project.name}-34`;
  await form.getByLabel('Current password', { exact: true }).fill(first);
  await form.getByLabel('New password', { exact: true }).fill(second);
  await form.getByLabel('Repeat new password').fill(second);
  await form.getByRole('button', { name: 'Change password' }).click();
  // Signed in afresh with the new password, back on the account page, which says so.
  await expect(page).toHaveURL(/\/account\?password=changed$/);
  await expect(page.getByTestId('password-changed')).toHaveText('Your password has been changed.');

  // This browser carries on; the other one is signed out at its next request.
  await page.goto('/customers');
  await expect(page).toHaveURL(/\/customers$/);
  await phone.goto('/customers');
  await expect(phone).toHaveURL(/\/signin$/);
  await signIn(phone, email, second);
  await phoneCtx.close();
});

test('repeated wrong passwords make sign-in wait, with the email kept', async ({ page }, info) => {
  const email = `guess.${info.project.name}.${Date.now().toString(36)}@demo.test`;
  await page.goto('/signin');
  const message = formAlert(page);
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(`wrong-guess-${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(message).toHaveText('The email or password is not correct.');
  }
  await page.getByLabel('Password').fill('wrong-guess-5');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(message).toContainText(/^Too many attempts\. Wait \d+ seconds? and try again\.$/);
  await expect(page.getByLabel('Email')).toHaveValue(email);
});
