import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const PASSWORD = 'demo-pass-2026';

export function messages(locale: string): Record<string, Record<string, string>> {
  return JSON.parse(readFileSync(path.join(process.cwd(), 'src/messages', locale, 'common.json'), 'utf8'));
}

/** The form's own alert (Next also renders a route announcer with role=alert). */
export const formAlert = (page: Page) => page.locator('form [role=alert]');

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);
}

/** On a phone the navigation sits behind the ☰ menu. */
export async function openNav(page: Page) {
  const details = page.getByTestId('nav-menu');
  const menu = details.locator('summary');
  if (await menu.isVisible()) {
    const open = await details.evaluate((d) => (d as HTMLDetailsElement).open);
    if (!open) await menu.click();
  }
}

/** Follows a navigation link by its address, so journeys work whatever language the user has. */
export async function navigate(page: Page, href: string) {
  await openNav(page);
  const visible = page.locator(`nav a[href="${href}"]`).filter({ visible: true });
  if ((await visible.count()) === 0) {
    // On a desktop the admin pages sit in the Admin menu; My account is the user's name.
    const admin = page.getByTestId('admin-menu');
    if (href.startsWith('/admin') && (await admin.isVisible())) await admin.locator('summary').click();
    else if (href === '/account' && (await page.getByTestId('current-user').isVisible())) {
      await page.getByTestId('current-user').click();
      await expect(page).toHaveURL(/\/account$/);
      return;
    }
  }
  await page.locator(`nav a[href="${href}"]`).filter({ visible: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`${href.replace(/\//g, '\\/')}$`));
}

/**
 * The newest link of a kind mailed to an address, read from Admin › Outbox (no mail service in tests).
 * `page` must be signed in as the demo admin.
 */
export async function mailedLink(page: Page, to: string, kind: 'invitation' | 'reset-password') {
  await page.goto('/admin/outbox');
  const mail = page.getByTestId('outbox').locator('li').filter({ hasText: `: ${to} ·` }).first();
  await expect(mail).toBeVisible();
  const body = (await mail.locator('pre').textContent())!;
  const path = new RegExp(`/${kind}/[A-Za-z0-9_-]{43}`).exec(body)?.[0];
  expect(path, `a ${kind} link in the mail to ${to}`).toBeTruthy();
  return path!;
}

export function unique(prefix: string, project: string) {
  return `${prefix} ${project} ${Date.now().toString(36)}`;
}
