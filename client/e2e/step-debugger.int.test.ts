// The step debugger in real Chromium: a breakpoint set on a node's dot, ▶ Run pauses before it,
// the debug bar edits the paused node's input, steps to the next node and continues to the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, ownerApi, screenshot, signedInPage, startHarness, type Harness } from './harness.ts';

const set = (id: string, name: string, x: number, field: string, value: string) => ({
  id, name, type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [x, 0],
  parameters: { includeOtherFields: true, assignments: { assignments: [{ id: field, name: field, value, type: 'number' }] }, options: {} },
});

describe.skipIf(!chromiumAvailable())('step debugger in the editor', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('pauses at a breakpoint, edits the input, steps and continues', async () => {
    const created = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/workflows', {
      name: 'Debug in the editor', settings: { executionOrder: 'v1' },
      nodes: [
        { id: 's', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        set('b', 'B', 240, 'b', '={{ ($json.a ?? 1) * 10 }}'),
        set('c', 'C', 480, 'c', '={{ $json.b + 1 }}'),
      ],
      connections: { Start: { main: [[{ node: 'B', type: 'main', index: 0 }]] }, B: { main: [[{ node: 'C', type: 'main', index: 0 }]] } },
    });
    const { page, context } = await signedInPage(h);
    await page.goto(`/workflows/${created.id}`);
    const nodeB = page.locator('[data-testid="canvas-node"][data-node-name="B"]');
    await nodeB.waitFor();
    await nodeB.hover();
    await nodeB.locator('[data-testid="node-breakpoint"]').click();
    expect(await nodeB.locator('[data-testid="node-breakpoint"]').getAttribute('data-breakpoints')).toBe('before');

    await page.click('[data-testid="run-workflow"]');
    const bar = page.locator('[data-testid="debug-bar"]');
    await bar.and(page.locator('[data-node="B"]')).waitFor({ timeout: 15_000 });
    expect(await bar.getAttribute('data-when')).toBe('before');
    await nodeB.and(page.locator('.paused')).waitFor();
    await screenshot(page, '72-step-debugger-paused');

    await bar.locator('[data-testid="debug-edit-input"]').click();
    const json = page.locator('[data-testid="debug-input-json"]');
    await json.waitFor();
    await json.fill('[{"a": 4}, {"a": 5}]');
    await page.click('[data-testid="debug-input-apply"]');
    await json.waitFor({ state: 'detached' });

    await bar.locator('[data-testid="debug-step"]').click();
    await page.locator('[data-testid="debug-bar"][data-node="C"]').waitFor({ timeout: 15_000 });
    await page.locator('[data-testid="debug-continue"]').click();
    await page.locator('[data-testid="run-banner"][data-status="success"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="debug-bar"]').count()).toBe(0);

    const list = await ownerApi<{ data: { id: string }[] }>(h, 'GET', `/api/v1/executions?workflowId=${created.id}`);
    const run = await ownerApi<{ data: { resultData: { runData: Record<string, { data: { main: { json: unknown }[][] } }[]> } } }>(h, 'GET', `/api/v1/executions/${list.data[0].id}?includeData=true`);
    expect(run.data.resultData.runData.C[0].data.main[0].map((i) => i.json)).toEqual([{ a: 4, b: 40, c: 41 }, { a: 5, b: 50, c: 51 }]);
    await context.close();
  }, 60_000);
});
