import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { signIn } from './helpers';

/** Nothing on the page is wider than the screen (long VND amounts, Thai names). */
async function fitsTheScreen(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll).toBeLessThanOrEqual(width);
}

/** With SHOTS=<folder>, leaves a full-page picture to look at. */
async function shot(page: Page, info: TestInfo, name: string) {
  if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/${info.project.name}-${name}.png`, fullPage: true });
}

test("a rep's home shows today's tasks, the deals closing this month and the latest notifications", async ({ page }, info) => {
  await signIn(page, 'rep.bangrak@demo.test');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome, Somsak Silom');
  const tasks = page.getByTestId('home-tasks');
  await expect(tasks).toContainText("Today's tasks");
  await expect(tasks).toContainText('Call to confirm the order');
  await expect(tasks.locator('li[data-overdue=true]', { hasText: 'Send the revised price list' })).toContainText('Overdue');
  const closing = page.getByTestId('home-closing');
  await expect(closing).toContainText('Closing this month');
  await expect(closing.locator('a[href^="/opportunities/"]').first()).toBeVisible();
  await expect(page.getByTestId('home-closing-total')).toContainText(/THB|฿/);
  await expect(page.getByTestId('home-notifications')).toContainText('Task due: Send the revised price list');
  // Only the rep's own: no other rep's deal or task is on the page.
  await expect(page.locator('main')).not.toContainText('Chatuchak Furniture');
  await expect(page.getByText('Customers you can see')).toHaveCount(0);
  await fitsTheScreen(page);
  await shot(page, info, 'home-rep');

  await tasks.getByRole('link', { name: 'All my tasks' }).click();
  await expect(page).toHaveURL(/\/tasks$/);
});

test("a manager's home shows the team's open pipeline, this month's wins and overdue tasks per person", async ({ page }, info) => {
  await signIn(page, 'manager.regions@demo.test');
  const pipeline = page.getByTestId('home-pipeline');
  await expect(pipeline).toContainText('Open pipeline');
  await expect(pipeline.getByTestId('home-stage').first()).toBeVisible();
  await expect(page.getByTestId('home-won')).toContainText('Annual service contract');
  const overdue = page.getByTestId('home-overdue');
  await expect(overdue).toContainText('Lek Lanna');
  // Only the regions team: the Bangkok reps are not there.
  await expect(overdue).not.toContainText('Somsak Silom');
  await expect(page.getByTestId('home-won')).not.toContainText('Somsak Silom');
  await fitsTheScreen(page);
  await shot(page, info, 'home-manager');

  // The count links to that person's tasks.
  await overdue.locator('li', { hasText: 'Lek Lanna' }).getByRole('link').click();
  await expect(page).toHaveURL(/\/tasks\?assignee=/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tasks of Lek Lanna');
  await expect(page.getByTestId('tasks-overdue')).toContainText('Send the revised price list');
});

test("finance's home lists the accepted quotations waiting for an order, or says there are none", async ({ page }, info) => {
  await signIn(page, 'finance@demo.test');
  const block = page.getByTestId('home-accepted');
  await expect(block).toBeVisible();
  await expect(block.locator('svg').first()).toBeVisible();
  // Either accepted quotations with links (after the quotation journey) or the friendly empty line.
  const rows = block.locator('a[href^="/quotations/"]');
  if ((await rows.count()) === 0) await expect(block.locator('p')).not.toHaveCount(0);
  else await expect(page.getByTestId('home-accepted-total')).toBeVisible();
  await fitsTheScreen(page);
  await shot(page, info, 'home-finance');
});

test("an admin's home shows the company's pipeline", async ({ page }, info) => {
  await signIn(page, 'admin@demo.test');
  await expect(page.getByTestId('home-pipeline')).toContainText('Open pipeline of the company');
  await expect(page.getByTestId('home-overdue')).toContainText('Somsak Silom');
  await expect(page.getByTestId('home-overdue')).toContainText('Lek Lanna');
  await fitsTheScreen(page);
  await shot(page, info, 'home-admin');
});
