// The editor's Tests tab in real Chromium: the cases listed, a new case added from the panel with an
// expectation written in its form, "Run all", and pass/fail with expected against actual.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, ownerApi, screenshot, signedInPage, startHarness, within, type Harness } from './harness.ts';

describe.skipIf(!chromiumAvailable())('the Tests tab', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('adds a case with an expectation, runs all, and shows expected against actual', async () => {
    const created = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/workflows', {
      name: 'Totals', settings: { executionOrder: 'v1' },
      nodes: [
        { id: 't1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { id: 't2', name: 'Total', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [240, 0],
          parameters: { assignments: { assignments: [{ id: 'x', name: 'total', value: '={{ 2 + 3 }}', type: 'number' }] }, options: {} } },
      ],
      connections: { Start: { main: [[{ node: 'Total', type: 'main', index: 0 }]] } },
    });
    await ownerApi(h, 'POST', `/api/v1/workflows/${created.id}/tests`, {
      name: 'five', expectations: [{ node: 'Total', kind: 'equals', item: 0, value: { total: 5 } }],
    });

    const { page, context } = await signedInPage(h);
    await page.goto(`/workflows/${created.id}`);
    await page.click('[data-testid="toggle-tests"]');
    const cases = page.locator('[data-testid="tests-panel"] [data-testid="test-case"]');
    await within(5_000, async () => (await cases.count()) === 1, 'the stored case is listed');

    // A second case from the panel, with an expectation that does not hold.
    await page.click('[data-testid="tests-add"]');
    await within(5_000, async () => (await cases.count()) === 2, 'the new case is listed');
    const form = page.locator('[data-testid="expectation-form"]');
    await form.locator('[data-testid="expectation-node"]').selectOption('Total');
    await form.locator('[data-testid="expectation-kind"]').selectOption('expression');
    await form.locator('input').fill('');
    await form.locator('[data-testid="expectation-value"]').fill('{{ $json.total > 10 }}');
    // By keyboard: from the value, Tab reaches "Add expectation".
    await form.locator('[data-testid="expectation-value"]').press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('expectation-add');
    await page.keyboard.press('Enter');
    await within(5_000, async () => (await page.locator('[data-testid="test-expectation"]').count()) === 1, 'the expectation is added');
    const stored = await ownerApi<{ data: { expectations: unknown[] }[] }>(h, 'GET', `/api/v1/workflows/${created.id}/tests`);
    expect(stored.data[1].expectations).toEqual([{ node: 'Total', kind: 'expression', expression: '{{ $json.total > 10 }}' }]);

    await page.click('[data-testid="tests-run"]');
    await page.waitForSelector('[data-testid="tests-summary"]', { timeout: 20_000 });
    expect(await page.locator('[data-testid="tests-summary"]').textContent()).toBe('1 passed, 1 failed');
    expect(await cases.locator('[data-testid="test-result"]').allTextContents()).toEqual(['passed', 'failed']);
    const diff = page.locator('[data-testid="expectation-diff"]');
    expect(await diff.textContent()).toContain('expected: "{{ $json.total > 10 }}"');
    expect(await diff.textContent()).toContain('actual: {"total":5}');
    await screenshot(page, '60-workflow-tests');
    await context.close();
  });
});
