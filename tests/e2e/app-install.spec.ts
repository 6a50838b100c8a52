import { expect, test } from '@playwright/test';

test('the app can be added to a phone home screen: manifest, icons and theme colour', async ({ page, request }) => {
  await page.goto('/signin');
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(manifestHref).toBeTruthy();
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute('href', /icon/);
  await expect(page.locator('link[rel="apple-touch-icon"]').first()).toHaveAttribute('href', /apple-icon/);
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#4338ca');
  const manifest = await (await request.get(manifestHref!)).json();
  expect(manifest).toMatchObject({ name: 'Quote2Cash SFA', start_url: '/', display: 'standalone' });
  for (const icon of manifest.icons as { src: string; type: string }[]) {
    const res = await request.get(icon.src);
    expect(res.status(), icon.src).toBe(200);
    expect(res.headers()['content-type']).toContain(icon.type);
  }
});

test('icons are drawn from the icon library, not emoji that need an emoji font', async ({ page }) => {
  const { signIn } = await import('./helpers');
  await signIn(page, 'rep.bangrak@demo.test');
  await expect(page.getByTestId('bell').locator('svg')).toHaveCount(1);
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/[\u{1F300}-\u{1FAFF}\u2630\u2605\u2606]/u);
});
