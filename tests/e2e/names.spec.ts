import { expect, test, type Page } from '@playwright/test';
import { navigate, signIn } from './helpers';
import { defaultPipeline } from '../../src/server/pipelines/defaults';

// The demo company is Thai: its stages' own names are Thai, with a name in every language besides.
const RU = defaultPipeline('ru').stages.map((s) => s.name);
const TH = defaultPipeline('th').stages.map((s) => s.name);
const MANAGER = 'manager.regions@demo.test';

/** Chooses the user's language on the account page, the way a user does. */
async function chooseLanguage(page: Page, locale: string) {
  await page.goto('/account');
  const form = page.getByTestId('language-form');
  await form.locator('select[name=locale]').selectOption(locale);
  // The choice is saved by a POST to the page (a server action); wait for it before reloading.
  const saved = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/account');
  await form.getByRole('button').click();
  expect((await saved).ok()).toBe(true);
  await page.goto('/account');
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

/** Nothing on the page pushes it wider than the screen. */
async function fitsWidth(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

test('a manager whose language is Russian sees Russian stage names on the board, the deal list and the deal; the pipelines page shows the team\'s pipeline', async ({ page }, info) => {
  await signIn(page, MANAGER);
  // The manager's own language is put back afterwards, whatever happens, for the other journeys.
  try {
    await chooseLanguage(page, 'ru');

    await page.goto('/opportunities/board');
    const board = page.getByTestId('board');
    for (const name of RU) await expect(page.getByTestId(`column-${name}`).getByRole('heading', { name })).toBeAttached();
    for (const name of TH) await expect(board).not.toContainText(name);
    // The funnel's stage links too.
    await expect(page.locator('nav').filter({ has: page.locator('a[href*="stageId="]') }).getByRole('link', { name: new RegExp(RU[0]) })).toBeVisible();

    // Five columns do not fit 1280 px, let alone 375: the board says it scrolls sideways, and does.
    await expect(page.getByTestId('board-scroll')).toBeAttached();
    await expect(page.getByTestId('board-fade-right')).toHaveCSS('opacity', '1');
    await expect(page.getByTestId('board-fade-left')).toHaveCSS('opacity', '0');
    await expect(page.getByRole('button', { name: 'Прокрутить влево' })).toHaveCount(0);
    await page.screenshot({ path: info.outputPath('board.png') });
    await page.getByRole('button', { name: 'Прокрутить вправо' }).click();
    await expect.poll(() => board.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await expect(page.getByRole('button', { name: 'Прокрутить влево' })).toBeVisible();
    await expect(page.getByTestId('board-fade-left')).toHaveCSS('opacity', '1');
    await page.screenshot({ path: info.outputPath('board-scrolled.png') });
    await fitsWidth(page);
    // The money on the KPI cards stays inside its card.
    for (const id of ['funnel-value', 'funnel-weighted', 'funnel-winrate']) {
      const tile = page.getByTestId(id);
      expect(await tile.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), id).toBe(true);
    }

    await navigate(page, '/opportunities');
    const list = page.getByTestId('deal-list');
    await expect(list).toBeVisible();
    const rows = await list.locator('li').allInnerTexts();
    expect(rows.some((r) => RU.some((n) => r.includes(n)))).toBe(true);
    for (const r of rows) for (const n of TH) expect(r).not.toContain(n);
    await page.screenshot({ path: info.outputPath('list.png'), fullPage: false });

    await list.locator('li a').first().click();
    const stage = await page.getByTestId('deal-stage').innerText();
    expect(RU.some((n) => stage.includes(n))).toBe(true);

    // The regions team has no pipeline of its own: the manager sees the shared one it uses, read-only, and can copy it.
    await page.goto('/pipelines');
    const shared = page.getByTestId('shared-pipeline');
    await expect(shared).toHaveCount(1);
    for (const name of RU) await expect(shared.getByTestId('stage').filter({ hasText: name })).toHaveCount(1);
    await expect(shared.getByRole('button', { name: 'Сделать копию для моей команды' })).toBeVisible();
    await expect(page.getByTestId('pipeline')).toHaveCount(0);
    await fitsWidth(page);
  } finally {
    await chooseLanguage(page, 'en');
  }
});
