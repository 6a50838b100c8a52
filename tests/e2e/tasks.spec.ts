import { expect, test } from '@playwright/test';
import { navigate, signIn, unique } from './helpers';

test('a task that falls due raises a reminder in the bell', async ({ page }, info) => {
  const title = unique('Call Khun Somchai', info.project.name);
  await signIn(page, 'rep.bangrak@demo.test');
  await navigate(page, '/tasks');
  const before = Number((await page.getByTestId('unread-count').textContent({ timeout: 1000 }).catch(() => '0')) || '0');
  const form = page.getByTestId('task-form');
  await form.getByRole('button', { name: 'Add task' }).click();
  await expect(form.getByText('Required.')).toBeVisible();
  await form.getByLabel('Task').fill(title);
  await form.getByLabel('Due').fill('2026-01-05T09:00');
  await form.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByTestId('tasks-overdue')).toContainText(title);

  // The next page raises the reminder.
  await navigate(page, '/');
  await expect(page.getByTestId('unread-count')).toHaveText(String(before + 1));
  await page.getByTestId('bell').click();
  await expect(page.getByTestId('notification-list')).toContainText(`Task due: ${title}`);
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(page.getByTestId('unread-count')).toHaveCount(0);

  await navigate(page, '/tasks');
  await page.getByTestId('tasks-overdue').locator('li', { hasText: title }).getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('tasks-overdue')).not.toContainText(title);
});
