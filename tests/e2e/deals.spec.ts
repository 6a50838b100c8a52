import { expect, test } from '@playwright/test';
import { formAlert, navigate, signIn, unique } from './helpers';
import { defaultPipeline } from '../../src/server/pipelines/defaults';

// The demo stages carry a name in every language; these journeys' users read English.
const [QUALIFIED, PROPOSAL, NEGOTIATING, WON, LOST] = defaultPipeline('en').stages.map((s) => s.name);

test('a rep creates a customer inline with a new deal and moves it across stages to won', async ({ page }, info) => {
  const customer = unique('Inline Customer', info.project.name);
  const title = unique('Pumps', info.project.name);
  // A regions rep, so the Bangkok team's counts in other journeys stay as seeded.
  await signIn(page, 'rep.northeast@demo.test');
  await navigate(page, '/opportunities');
  await page.getByRole('link', { name: 'New deal' }).click();
  const form = page.getByTestId('deal-form');
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Customer').fill(customer);
  await form.getByRole('button', { name: `New customer: ${customer}` }).click();
  await expect(form.getByTestId('chosen-customer')).toContainText(customer);
  await form.getByLabel('Expected amount').fill('-10');
  await form.getByRole('button', { name: 'Create deal' }).click();
  await expect(form.getByText('The amount cannot be negative.')).toBeVisible();
  await expect(form.getByLabel('Title')).toHaveValue(title);
  await expect(form.getByTestId('chosen-customer')).toContainText(customer);
  await form.getByLabel('Expected amount').fill('1,250,000.50');
  await form.getByRole('button', { name: 'Create deal' }).click();
  await expect(page.getByTestId('deal-title')).toHaveText(title);
  await expect(page.getByTestId('deal-stage')).toContainText(QUALIFIED);

  // Log a call from the deal, as a rep would right after hanging up.
  const log = page.getByTestId('activity-form');
  // The form starts open while the timeline is empty.
  if (!(await log.isVisible())) await page.getByText('Log a call, meeting or note').click();
  await log.getByRole('button', { name: 'Save' }).click();
  await expect(log.getByText('Required.')).toBeVisible();
  await log.getByLabel('Outcome').fill('Interested, wants a site visit');
  await log.getByLabel('Next step').fill('Visit on Friday');
  await log.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('timeline')).toContainText('Interested, wants a site visit');
  await expect(page.getByTestId('timeline')).toContainText('Visit on Friday');

  // On the board: the thumb-friendly control moves the card, column by column.
  await page.goto('/opportunities/board');
  for (const stage of [PROPOSAL, NEGOTIATING, WON]) {
    const card = page.getByTestId('deal-card').filter({ hasText: title });
    await card.getByLabel('Move to stage').selectOption({ label: stage });
    await card.getByRole('button', { name: 'Move' }).click();
    await expect(page.getByTestId(`column-${stage}`).getByTestId('deal-card').filter({ hasText: title })).toBeVisible();
  }
  await page.getByTestId(`column-${WON}`).getByRole('link', { name: title }).click();
  await expect(page.getByTestId('deal-stage')).toContainText('Won');
  await expect(page.getByTestId('deal-history')).toContainText(`${QUALIFIED} → ${PROPOSAL}`);

  // Losing needs a reason.
  const move = page.getByTestId('move-form');
  await move.getByLabel('Stage').selectOption({ label: LOST });
  await move.getByRole('button', { name: 'Move' }).click();
  await expect(formAlert(page)).toBeVisible();
  await expect(move.getByText('Choose why the deal was lost.')).toBeVisible();
});

test('a deal for an existing customer offers that customer\'s contacts', async ({ page }, info) => {
  const title = unique('Chairs', info.project.name);
  await signIn(page, 'rep.bangrak@demo.test');
  await page.goto('/opportunities/new');
  const form = page.getByTestId('deal-form');
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Customer').fill('Riverside');
  await form.getByRole('option', { name: /Riverside Hotel Group/ }).click();
  const contact = form.getByLabel('Contact');
  await expect(contact).toBeVisible();
  const chosen = await contact.locator('option:checked').innerText();
  expect(chosen).not.toBe('No contact');
  await form.getByRole('button', { name: 'Create deal' }).click();
  await expect(page.getByTestId('deal-title')).toHaveText(title);
  await expect(page.getByText(chosen, { exact: true })).toBeVisible();
});

test('a manager sees the team funnel and narrows it to one rep', async ({ page }) => {
  await signIn(page, 'manager.bangkok@demo.test');
  await page.goto('/opportunities');
  const open = page.getByTestId('funnel-open');
  await expect(open).toBeVisible();
  const teamCount = Number((await open.innerText()).replace(/\D/g, ''));
  expect(teamCount).toBeGreaterThan(0);
  await page.goto('/opportunities?ownerId=' + (await ownerId(page, 'Kanya Sukhumvit')));
  const repCount = Number((await page.getByTestId('funnel-open').innerText()).replace(/\D/g, ''));
  expect(repCount).toBeGreaterThan(0);
  expect(repCount).toBeLessThan(teamCount);
  const rows = page.getByTestId('deal-list').locator('li');
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allInnerTexts()) expect(text).toContain('Kanya Sukhumvit');
});

async function ownerId(page: import('@playwright/test').Page, name: string) {
  const option = page.locator('select[name=ownerId] option', { hasText: name });
  return (await option.getAttribute('value')) ?? '';
}

test('on a desktop a card is dragged to another stage; on a phone the same board offers the move control', async ({ page }, info) => {
  await signIn(page, 'rep.south@demo.test');
  await page.goto('/opportunities/board');
  const open = [QUALIFIED, PROPOSAL, NEGOTIATING];
  let source = '';
  for (const stage of open) {
    if ((await page.getByTestId(`column-${stage}`).getByTestId('deal-card').count()) > 0) {
      source = stage;
      break;
    }
  }
  expect(source, 'the demo rep has an open deal').not.toBe('');
  const target = open.find((s) => s !== source)!;
  const from = page.getByTestId(`column-${source}`).getByTestId('deal-card').first();
  // Seeded titles repeat ("… – บริษัท"), so the card is followed by its deal's address.
  const href = (await from.getByRole('link').getAttribute('href'))!;
  if (info.project.name === 'desktop') {
    // Grab the card by its text, not its centre (which can fall on the card's move control).
    await from.locator('p').first().dragTo(page.getByTestId(`column-${target}`));
  } else {
    await from.getByRole('combobox').selectOption({ label: target });
    await from.getByRole('button').click();
  }
  await expect(page.getByTestId(`column-${target}`).getByTestId('deal-card').filter({ has: page.locator(`a[href="${href}"]`) })).toBeVisible();
});

test('a rep quick-creates a customer with its contact person from the deal form', async ({ page }, info) => {
  const customer = unique('Quick Create Trading', info.project.name);
  const desktop = info.project.name !== 'phone';
  await signIn(page, 'rep.northeast@demo.test');
  await navigate(page, '/opportunities');
  await page.getByRole('link', { name: 'New deal' }).click();
  const form = page.getByTestId('deal-form');
  await form.getByLabel('Title').fill(unique('Conveyors', info.project.name));
  await form.getByLabel('Customer').fill(customer);
  await form.getByRole('button', { name: `New customer: ${customer}` }).click();
  const fields = form.getByTestId('new-customer-fields');
  // The rep's own territory is chosen for them.
  await expect(fields.getByLabel('Territory')).not.toHaveValue('');
  await fields.getByLabel('Contact person').fill('Anan Quick');
  await fields.getByLabel('Phone').fill(desktop ? '044 901 2345' : '044 901 2346');
  await fields.getByLabel('Email').fill(`anan.${info.project.name}@quick.example`);
  await fields.getByLabel('Tax ID').fill(desktop ? '1234567890122' : '3101234567890');
  await form.getByRole('button', { name: 'Create deal' }).click();
  await expect(form.getByText('Not a valid Thai tax ID: 13 digits, the last one a check digit.')).toBeVisible();
  await expect(fields.getByLabel('Contact person')).toHaveValue('Anan Quick');
  await fields.getByLabel('Tax ID').fill(desktop ? '1234567890121' : '3101234567893');
  await form.getByRole('button', { name: 'Create deal' }).click();
  await expect(page.getByTestId('deal-title')).toBeVisible();
  await expect(page.getByText('Anan Quick')).toBeVisible();
});
