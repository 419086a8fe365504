// The Data tables screen in real Chromium: the list, a table's rows, a cell edited inline by
// keyboard, a row added from the form, and a row's history with who changed it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, ownerApi, screenshot, signedInPage, startHarness, within, type Harness } from './harness.ts';

describe.skipIf(!chromiumAvailable())('the Data tables screen', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  it('edits a cell, adds a row and shows a row history', async () => {
    const table = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/data-tables', { name: 'Customers', columns: [{ name: 'email', type: 'string' }, { name: 'score', type: 'number' }] });
    await ownerApi(h, 'POST', `/api/v1/data-tables/${table.id}/rows`, { rows: [{ email: 'a@x.io', score: 1 }] });

    const { page, context } = await signedInPage(h);
    await page.goto('/data-tables');
    await page.getByRole('link', { name: 'Customers' }).click();
    const score = page.getByLabel('score of row 1');
    await within(5_000, async () => (await score.inputValue()) === '1', 'the row is shown');

    // Keyboard only: type into the cell and leave it with Tab; the change is saved.
    await score.focus();
    await score.fill('42');
    await score.press('Tab');
    await within(5_000, async () => {
      const rows = await ownerApi<{ data: Array<{ score: number }> }>(h, 'GET', `/api/v1/data-tables/${table.id}/rows`);
      return rows.data[0].score === 42;
    }, 'the edit is stored');

    await page.getByLabel('New row email').fill('b@x.io');
    await page.getByLabel('New row score').fill('7');
    await page.getByLabel('New row score').press('Enter');
    await within(5_000, async () => (await page.getByLabel('email of row 2').count()) === 1, 'the new row is shown');

    await page.locator('tr[data-row="1"]').getByRole('button', { name: 'History' }).click();
    const history = page.getByRole('region', { name: 'History of row 1' });
    await within(5_000, async () => (await history.locator('li').count()) === 2, 'the history lists both changes');
    const entries = await history.locator('li').allTextContents();
    expect(entries[0]).toContain('inserted');
    expect(entries[1]).toContain('updated');
    expect(entries[1]).toContain('"score":42');
    await screenshot(page, '70-data-tables');
    expect(h.consoleErrors).toEqual([]);
    await context.close();
  });
});
