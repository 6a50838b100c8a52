import { expect, test } from '@playwright/test';
import { navigate, signIn, unique } from './helpers';

test('a task that falls due raises a reminder in the bell', async ({ page }, info) => {
  const title = unique('Call Khun Somchai', info.project.name);
  await signIn(page, 'rep.bangrak@demo.test');
  await navigate(page, '/tasks');
  const before = Number((await page.getByTestId('unread-count').textContent({ timeout: 1000 }).catch(() => '0')) || '0');
  const form = page.getByTestId('task-form');
  await form.getByRole('button', { name: 'Add task' }).click();
  // Both the task and its due time are missing: both are said at once.
  await expect(form.getByText('Required.').first()).toBeVisible();
  await form.getByLabel('Task').fill(title);
  await form.getByLabel('Due').fill('2026-01-05T09:00');
  await form.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByTestId('tasks-overdue')).toContainText(title);

  // The job runner raises the reminder in the background (a task entered already due is reminded at
  // once, not at the next minute); no page load does it. The bell shows it on a later page.
  await expect(async () => {
    await page.goto('/');
    await expect(page.getByTestId('unread-count')).toHaveText(String(before + 1), { timeout: 1000 });
  }).toPass({ timeout: 45_000 });
  await page.getByTestId('bell').click();
  await expect(page.getByTestId('notification-list')).toContainText(`Task due: ${title}`);
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(page.getByTestId('unread-count')).toHaveCount(0);

  await navigate(page, '/tasks');
  await page.getByTestId('tasks-overdue').locator('li', { hasText: title }).getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('tasks-overdue')).not.toContainText(title);
});

test('a user who opts in also gets the reminder by email (local outbox without a mail service)', async ({ page, browser }, info) => {
  const title = unique('Send brochure', info.project.name);
  await signIn(page, 'rep.chatuchak@demo.test');
  await navigate(page, '/account');
  const optIn = page.getByTestId('email-form');
  await optIn.getByRole('checkbox').check();
  await optIn.getByRole('button').click();
  await expect(optIn.locator('[role=status]')).toBeVisible();
  await navigate(page, '/tasks');
  const form = page.getByTestId('task-form');
  await form.getByLabel(/.+/).first().fill(title);
  await form.locator('input[name=dueAt]').fill('2026-01-05T09:00');
  await form.locator('button[type=submit]').click();
  await expect(page.getByTestId('tasks-overdue')).toContainText(title);
  await navigate(page, '/');

  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await signIn(admin, 'admin@demo.test');
  await expect(async () => {
    await admin.goto('/admin/outbox');
    await expect(admin.getByTestId('outbox')).toContainText(title, { timeout: 1000 });
  }).toPass({ timeout: 45_000 });
  await expect(admin.getByTestId('outbox')).toContainText('rep.chatuchak@demo.test');
  await adminCtx.close();
});

test('My tasks in a week: seven days, the next week and back, a bad week in the address shows this week', async ({ page }, info) => {
  await signIn(page, 'rep.bangrak@demo.test');
  await navigate(page, '/tasks');
  const views = page.getByTestId('task-views');
  await expect(views.getByRole('link', { name: 'List' })).toHaveAttribute('aria-current', 'page');
  await views.getByRole('link', { name: 'Week' }).click();
  await expect(page).toHaveURL(/\/tasks\?view=week$/);
  const week = page.getByTestId('tasks-week');
  const thisMonday = (await week.getAttribute('data-week'))!;
  const days = week.getByTestId('week-day');
  await expect(days).toHaveCount(7);
  await expect(days.first()).toHaveAttribute('data-day', thisMonday);
  // The demo task due today sits in today's column.
  await expect(week.locator('[aria-current=date]')).toContainText('Call to confirm the order');
  await expect(page.getByTestId('week-this')).toHaveCount(0);
  // Seven columns side by side on a desktop, one day under the other on a phone.
  const first = (await days.nth(0).boundingBox())!;
  const second = (await days.nth(1).boundingBox())!;
  if (info.project.name === 'phone') expect(second.y).toBeGreaterThan(first.y);
  else expect(second.y).toBe(first.y);
  if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/${info.project.name}-tasks-week.png`, fullPage: true });

  await page.getByTestId('week-next').click();
  await expect(page).toHaveURL(/view=week&week=\d{4}-\d{2}-\d{2}$/);
  const next = (await week.getAttribute('data-week'))!;
  expect(next > thisMonday).toBe(true);
  await expect(week.locator('[aria-current=date]')).toHaveCount(0);
  await page.getByTestId('week-previous').click();
  await expect(week).toHaveAttribute('data-week', thisMonday);
  await page.getByTestId('week-next').click();
  await expect(week).toHaveAttribute('data-week', next);
  await page.getByTestId('week-this').click();
  await expect(page).toHaveURL(/\/tasks\?view=week$/);
  await expect(week).toHaveAttribute('data-week', thisMonday);

  // The list is one click away and still works.
  await views.getByRole('link', { name: 'List' }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByTestId('tasks-today')).toContainText('Call to confirm the order');

  for (const bad of ['2026-02-30', 'soon', '2026-13-01']) {
    const res = await page.goto(`/tasks?view=week&week=${bad}`);
    expect(res?.status()).toBe(200);
    await expect(page.getByTestId('tasks-week')).toHaveAttribute('data-week', thisMonday);
  }
});
