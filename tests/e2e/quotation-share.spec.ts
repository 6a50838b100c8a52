import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { signIn, unique } from './helpers';

/** Screenshots for a person to look at, when SHOTS_DIR is set. */
async function shot(page: Page, name: string, project: string) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${project}-${name}.png`), fullPage: false });
}

/**
 * Issue 11: on a phone as on a desk, a rep makes a deal with a new customer and contact, quotes it
 * and sends the quotation from that one page: the mail shown first (edited subject, a CC), the
 * customer's link to copy or share (LINE, Zalo), revoking and sending again confirmed first. The
 * customer accepts through the new link and the deal's amount becomes the quotation's total.
 */
test('a rep sends a quotation from a deal with a new customer, shares the link, revokes and sends again; the customer accepts', async ({ page, browser, context }, info) => {
  const project = info.project.name;
  const customer = unique('Share Trading', project);
  const dealTitle = unique('Cold room', project);
  const email = `nok.${project}.${Date.now().toString(36)}@share.example`;
  const boss = `boss.${project}@share.example`;
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // Headless Chromium has no share sheet; on the phone one stands in for it and records what it got.
  if (project === 'phone') {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'share', {
        configurable: true,
        value: async (data: ShareData) => { (window as unknown as { shared: ShareData[] }).shared = [...((window as unknown as { shared?: ShareData[] }).shared ?? []), data]; },
      });
    });
  }
  await signIn(page, 'rep.northeast@demo.test');

  // A deal with a customer and contact person made on the spot.
  await page.goto('/opportunities/new');
  const deal = page.getByTestId('deal-form');
  await deal.getByLabel('Title').fill(dealTitle);
  await deal.getByLabel('Customer').fill(customer);
  await deal.getByRole('button', { name: `New customer: ${customer}` }).click();
  const fields = deal.getByTestId('new-customer-fields');
  await fields.getByLabel('Contact person').fill('Nok Share');
  await fields.getByLabel('Email').fill(email);
  await deal.getByLabel('Expected amount').fill('1000');
  await deal.getByRole('button', { name: 'Create deal' }).click();
  await expect(page.getByTestId('deal-title')).toHaveText(dealTitle);
  const dealUrl = page.url();

  // A quotation from the deal: customer and contact carried over, one line.
  await page.getByTestId('quotations-panel').getByRole('link', { name: 'New quotation' }).click();
  const form = page.getByTestId('quote-form');
  await expect(form.getByText(customer)).toBeVisible();
  await expect(form.getByLabel('Contact')).not.toHaveValue('');
  await form.getByRole('button', { name: 'Add a free-text line' }).click();
  const line = form.getByTestId('quote-line').first();
  await line.getByLabel('Description').fill('Cold room panels, installed');
  await line.getByLabel('Qty').fill('2');
  await line.getByLabel('Unit price').fill('12,500');
  await form.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('quote-number')).toHaveText('Draft');
  const total = (await page.getByTestId('quote-grand-total').textContent())!.trim();

  // Send: the mail shows first, to the new contact; the subject is edited and a CC added.
  await page.getByTestId('send-open').click();
  const dialog = page.getByTestId('send-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Email the quotation' })).toBeVisible();
  await expect(dialog.getByTestId('send-to')).toHaveText(email);
  await expect(dialog.getByLabel('Message')).toHaveValue(/\{link\}/);
  await dialog.getByLabel('Subject').fill(`Offer {number} for ${customer}`);
  await dialog.getByLabel('CC').fill(`${boss}, not-an-email`);
  await shot(page, 'send-form', project);
  await dialog.getByTestId('send-submit').click();
  await expect(dialog.getByText('not-an-email: Enter a valid email address.')).toBeVisible();
  // Nothing typed is lost.
  await expect(dialog.getByLabel('Subject')).toHaveValue(`Offer {number} for ${customer}`);
  await expect(dialog.getByLabel('CC')).toHaveValue(`${boss}, not-an-email`);
  await shot(page, 'send-form-error', project);
  await dialog.getByLabel('CC').fill(boss);
  await dialog.getByTestId('send-submit').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('send-done')).toContainText('Sent QT-');
  const number = (await page.getByTestId('quote-number').textContent())!.trim();
  await expect(page.getByTestId('quote-status').first()).toHaveText('Sent');

  // The link to copy or share.
  const panel = page.getByTestId('share-panel');
  const first = await panel.getByTestId('share-link').inputValue();
  expect(first).toMatch(/\/q\/[A-Za-z0-9_-]{43}$/);
  await panel.getByTestId('copy-link').click();
  await expect(panel.getByTestId('copy-note')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);
  if (project === 'phone') {
    // The phone's share sheet (LINE, Zalo...) gets the link with a line in the document's language.
    await panel.getByTestId('share-link-button').click();
    const shared = await page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared);
    expect(shared).toEqual([{ title: number, text: expect.stringContaining(`ใบเสนอราคา ${number}`), url: first }]);
  } else {
    // Without a share sheet only Copy is offered.
    await expect(panel.getByTestId('share-link-button')).toHaveCount(0);
  }
  await shot(page, 'share-panel', project);

  // The mail as the outbox holds it: edited subject with the number, the CC, the same link.
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await signIn(admin, 'admin@demo.test');
  await admin.goto('/admin/outbox');
  const mail = admin.getByTestId('outbox').locator('li').filter({ hasText: `Offer ${number} for ${customer}` });
  await expect(mail).toHaveCount(1);
  await expect(mail.getByTestId('mail-cc')).toContainText(boss);
  expect(await mail.locator('pre').textContent()).toContain(first);
  await adminCtx.close();

  // Revoking asks first; Cancel keeps the link.
  await panel.getByTestId('revoke-open').click();
  await expect(panel.getByTestId('revoke-form')).toContainText('stops working at once');
  await expect(panel.getByTestId('revoke-cancel')).toBeFocused();
  await panel.getByTestId('revoke-cancel').click();
  await expect(panel.getByTestId('share-link')).toHaveValue(first);
  await panel.getByTestId('revoke-open').click();
  await panel.getByTestId('revoke-confirm').click();
  await expect(page.getByTestId('link-revoked-banner')).toContainText('was revoked');
  // The note about the send before is gone: it would contradict the banner.
  await expect(page.getByTestId('send-done')).toHaveCount(0);
  await expect(page.getByTestId('quote-status').first()).toHaveText('Sent · Link revoked');
  await expect(page.getByTestId('share-panel')).toHaveCount(0);
  await shot(page, 'revoked', project);

  const customerCtx = await browser.newContext();
  const buyer = await customerCtx.newPage();
  await buyer.goto(first);
  await expect(buyer.getByTestId('link-state')).toBeVisible();
  await expect(buyer.getByTestId('accept-form')).toHaveCount(0);

  // Send again: the dialog says the old link stops working.
  await page.getByTestId('send-open').click();
  await expect(dialog.getByRole('heading', { name: 'Send the quotation again' })).toBeVisible();
  await expect(dialog.getByTestId('send-again-warning')).toContainText('stops working');
  await expect(dialog.getByLabel('Subject')).not.toHaveValue(/\{number\}/);
  // While the send runs the button says so and cannot be pressed again (the answer is held back a moment).
  await page.route(/\/quotations\//, async (route) => {
    if (route.request().method() === 'POST') await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await dialog.getByTestId('send-submit').click();
  await expect(dialog.getByTestId('send-submit')).toBeDisabled();
  await expect(dialog.getByTestId('send-submit')).toHaveText('Sending…');
  await expect(dialog).toBeHidden();
  await page.unroute(/\/quotations\//);
  await expect(page.getByTestId('link-revoked-banner')).toHaveCount(0);
  const second = await page.getByTestId('share-link').inputValue();
  expect(second).not.toBe(first);

  // The customer accepts through the new link.
  await buyer.goto(second);
  await expect(buyer.getByTestId('public-number')).toContainText(number);
  const accept = buyer.getByTestId('accept-form');
  await accept.locator('input[name=name]').fill('Nok Share');
  await accept.locator('input[name=agree]').check();
  await accept.getByRole('button').click();
  await expect(buyer.getByTestId('answer-done')).toContainText('Nok Share');
  await customerCtx.close();

  // The deal is won at the quotation's total.
  await page.reload();
  await expect(page.getByTestId('quote-status').first()).toHaveText('Accepted');
  await expect(page.getByTestId('share-panel')).toHaveCount(0);
  await page.goto(dealUrl);
  await expect(page.getByTestId('deal-stage')).toContainText('Won');
  const amount = page.locator('dl > div').filter({ has: page.locator('dt', { hasText: /^Expected amount$/ }) }).locator('dd');
  await expect(amount).toHaveText(total);
});
