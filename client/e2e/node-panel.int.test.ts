// The node panel as n8n users know it, in real Chromium: input, parameters and output side by side,
// each view (schema, table, JSON); hovering an output item marks the input items it came from;
// dragging an input field onto a parameter maps it as an expression; the expression editor
// completes `$json.` with the input's fields and shows the value as you type.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { chromiumAvailable, ownerApi, screenshot, settled, signedInPage, startHarness, within, type Harness } from './harness.ts';

const rows = (page: Page, pane: 'input' | 'output') => page.locator(`[data-testid="items-${pane}"] [data-testid="item-row"]`);
const pairedIndexes = async (page: Page) =>
  page.locator('[data-testid="items-input"] [data-testid="item-row"].paired').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-index'))));

/** A native HTML5 drag and drop, its events carrying one DataTransfer as the browser's would. */
async function dragAndDrop(page: Page, source: Locator, target: Locator) {
  const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
  await source.dispatchEvent('dragstart', { dataTransfer });
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer });
  await source.dispatchEvent('dragend', { dataTransfer });
}

describe.skipIf(!chromiumAvailable())('node panel', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('shows input and output in three views, pairs items, maps a dragged field and completes expressions', async () => {
    const created = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/workflows', {
      name: 'Panel',
      nodes: [
        { id: 'n1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { id: 'n2', name: 'People', type: 'n8n-nodes-base.code', typeVersion: 2, position: [240, 0],
          parameters: { jsCode: "return [{ json: { n: 1, name: 'Ada', address: { city: 'London' } } }, { json: { n: 2, name: 'Bob', address: { city: 'Oslo' } } }, { json: { n: 3, name: 'Cy', address: { city: 'Rome' } } }];" } },
        { id: 'n3', name: 'Last two', type: 'n8n-nodes-base.limit', typeVersion: 1, position: [480, 0], parameters: { maxItems: 2, keep: 'lastItems' } },
      ],
      connections: { Start: { main: [[{ node: 'People', type: 'main', index: 0 }]] }, People: { main: [[{ node: 'Last two', type: 'main', index: 0 }]] } },
      settings: { executionOrder: 'v1' },
    });
    const { page, context } = await signedInPage(h);
    await page.goto(`/workflows/${created.id}`);
    await page.waitForSelector('[data-node-name="Last two"]');
    await page.click('[data-testid="run-workflow"]');
    await within(15_000, async () => (await page.locator('[data-testid="run-banner"][data-status="success"]').count()) === 1, 'the run succeeds');
    await (await settled(page.locator('[data-node-name="Last two"]'))).dblclick();
    await page.waitForSelector('[data-testid="node-panel"] [data-testid="input-pane"]');

    // The input starts as its schema: fields with types and samples, nested ones expanded.
    const input = page.locator('[data-testid="items-input"]');
    await within(5_000, async () => (await input.getAttribute('data-mode')) === 'schema', 'the input shows its schema');
    await expect(input.locator('[data-testid="schema-field"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-field')))).resolves
      .toEqual(['n', 'name', 'address', 'address.city']);
    await expect(input.textContent()).resolves.toContain('London');
    await input.locator('button[aria-label="Collapse address"]').click();
    await expect(input.locator('[data-field="address.city"]').count()).resolves.toBe(0);

    // Table and JSON views of both sides.
    await input.locator('[data-testid="view-table"]').click();
    await expect(rows(page, 'input').count()).resolves.toBe(3);
    await expect(input.locator('th').allTextContents()).resolves.toEqual(['#', 'n', 'name', 'address']);
    const output = page.locator('[data-testid="items-output"]');
    await expect(rows(page, 'output').count()).resolves.toBe(2);
    await expect(output.textContent()).resolves.toContain('2 items');
    await output.locator('[data-testid="view-json"]').click();
    await expect(output.textContent()).resolves.toContain('"Cy"');
    await output.locator('[data-testid="view-schema"]').click();
    await expect(output.locator('[data-testid="schema-field"]').count()).resolves.toBe(4);
    await output.locator('[data-testid="view-table"]').click();
    await screenshot(page, 'node-panel-three-panes');

    // Paired items: the last two items came from input items 1 and 2.
    await rows(page, 'output').nth(0).hover();
    await within(2_000, async () => JSON.stringify(await pairedIndexes(page)) === '[1]', 'output item 0 marks input item 1');
    await rows(page, 'output').nth(1).hover();
    await within(2_000, async () => JSON.stringify(await pairedIndexes(page)) === '[2]', 'output item 1 marks input item 2');
    await page.locator('[data-testid="node-name-input"]').hover();
    await within(2_000, async () => (await pairedIndexes(page)).length === 0, 'leaving the output clears the marks');
    await screenshot(page, 'node-panel-paired-items');

    // Drag the input's `n` column onto Max Items: it becomes an expression, stored with n8n's `=`.
    await dragAndDrop(page, input.locator('th[data-field="n"]'), page.locator('[data-param="maxItems"] input'));
    const storedMaxItems = async () => {
      const wf = await ownerApi<{ nodes: { name: string; parameters: { maxItems?: unknown } }[] }>(h, 'GET', `/api/v1/workflows/${created.id}`);
      return wf.nodes.find((n) => n.name === 'Last two')?.parameters.maxItems;
    };
    await within(5_000, async () => (await storedMaxItems()) === '={{ $json.n }}', 'the mapped expression is stored');
    const editor = page.locator('[data-param="maxItems"] [data-testid="expression-input"]');
    await expect(editor.textContent()).resolves.toBe('{{ $json.n }}');
    await within(5_000, async () => ((await page.locator('[data-param="maxItems"] [data-testid="expression-preview"] pre').textContent()) ?? '').trim() === '1', 'the preview shows 1');

    // Type an expression and pick a field from the completions.
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('{{ $json.');
    const options = page.locator('.cm-tooltip-autocomplete li[role="option"]');
    await within(3_000, async () => (await options.count()) === 3, 'three fields are offered');
    await expect(options.allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringContaining('address'), expect.stringContaining('name')]));
    await screenshot(page, 'node-panel-completions');
    await options.filter({ hasText: /^name/ }).click();
    await page.keyboard.type('.toUpperCase() }}');
    await within(5_000, async () => (await storedMaxItems()) === '={{ $json.name.toUpperCase() }}', 'the typed expression is stored');
    await within(5_000, async () => ((await page.locator('[data-param="maxItems"] [data-testid="expression-preview"] pre').textContent()) ?? '').trim() === 'ADA', 'the preview shows ADA');

    // `$('` offers the workflow's other nodes.
    await page.keyboard.type(" {{ $('");
    await within(3_000, async () => (await options.allTextContents()).join('|').includes('People'), 'node names are offered');
    await options.filter({ hasText: 'People' }).click();
    await within(5_000, async () => String(await storedMaxItems()).endsWith("{{ $('People')"), 'the node name is inserted');
    await context.close();
  });

  it('edits a date-time parameter with a date-time input', async () => {
    const created = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/workflows', {
      name: 'Dates',
      nodes: [
        { id: 'n1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { id: 'n2', name: 'Wait', type: 'n8n-nodes-base.wait', typeVersion: 1.1, position: [240, 0], parameters: { resume: 'specificTime', dateTime: '2030-01-02T03:04' } },
      ],
      connections: { Start: { main: [[{ node: 'Wait', type: 'main', index: 0 }]] } },
    });
    const { page, context } = await signedInPage(h);
    await page.goto(`/workflows/${created.id}`);
    await (await settled(page.locator('[data-node-name="Wait"]'))).dblclick();
    const picker = page.locator('[data-param="dateTime"] [data-testid="datetime-input"]');
    await expect(picker.getAttribute('type')).resolves.toBe('datetime-local');
    // Chromium leaves out zero seconds.
    await expect(picker.inputValue()).resolves.toMatch(/^2030-01-02T03:04(:00)?$/);
    await picker.fill('2031-05-06T07:08:09');
    await within(5_000, async () => {
      const wf = await ownerApi<{ nodes: { name: string; parameters: { dateTime?: unknown } }[] }>(h, 'GET', `/api/v1/workflows/${created.id}`);
      return wf.nodes.find((n) => n.name === 'Wait')?.parameters.dateTime === '2031-05-06T07:08:09';
    }, 'the chosen date is stored');
    // It still takes an expression.
    await page.locator('[data-param="dateTime"] .mode').click();
    await page.waitForSelector('[data-param="dateTime"] [data-testid="expression-input"]');
    await context.close();
  });
});
