import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

/**
 * The Content-Security-Policy is nonce-based and strict for scripts; the app's pages must pass it
 * with no violation, and the app must still work (hydrated, interactive). Violations are caught
 * from the page itself (securitypolicyviolation events, registered before any page script) and from
 * the console.
 */
async function watchCsp(page: Page) {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return async () => [...violations, ...((await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])) as string[])];
}

test('the pages a rep and an admin open pass the CSP, and scripts carry its nonce', async ({ page }) => {
  const seen = await watchCsp(page);
  const res = await page.goto('/signin');
  const csp = res!.headers()['content-security-policy'];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(res!.headers()['permissions-policy']).toContain('camera=()');
  // Over plain HTTP there is no HSTS (it would be ignored, and wrong locally).
  expect(res!.headers()['strict-transport-security']).toBeUndefined();
  // Every script tag the server rendered carries that response's nonce (chunks they load later are
  // trusted through 'strict-dynamic').
  const html = await page.request.get('/signin');
  const nonce = /'nonce-([^']+)'/.exec(html.headers()['content-security-policy'])![1];
  const tags = (await html.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);

  await signIn(page, 'rep.bangrak@demo.test');
  for (const path of ['/', '/customers', '/opportunities', '/opportunities/board', '/quotations', '/tasks', '/search?q=a', '/account']) {
    await page.goto(path);
    await expect(page.locator('main, body').first()).toBeVisible();
  }
  // Scripts run under the policy: React hydrated the page (a client-side navigation works).
  await page.goto('/customers');
  const hrefs = await page.locator('a[href^="/customers/"]').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
  const one = hrefs.find((h) => /^\/customers\/[0-9a-f-]{36}$/.test(h))!;
  await page.locator(`a[href="${one}"]`).filter({ visible: true }).first().click();
  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
  expect(await seen()).toEqual([]);
});

test('admin and catalogue pages pass the CSP', async ({ page }) => {
  const seen = await watchCsp(page);
  await signIn(page, 'admin@demo.test');
  for (const path of ['/admin/users', '/admin/teams', '/admin/territories', '/admin/settings', '/admin/tax-rates', '/admin/outbox', '/products', '/price-lists', '/pipelines']) {
    await page.goto(path);
    await expect(page.locator('body')).toBeVisible();
  }
  expect(await seen()).toEqual([]);
});
