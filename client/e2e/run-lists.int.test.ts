// The run lists in real Chromium: after a failed run and a re-run from one of its nodes (started
// from the replay), the editor's runs panel and the executions page show each run's duration, the
// failed run's message, and "re-run of #… from node …" linking back to the run it came from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, ownerApi, screenshot, settled, signedInPage, startHarness, within, type Harness } from './harness.ts';

describe.skipIf(!chromiumAvailable())('run lists', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('show duration, error and the run a re-run came from, and open that run', async () => {
    const created = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/workflows', {
      name: 'Fails at Check', settings: { executionOrder: 'v1' },
      nodes: [
        { id: 'f1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { id: 'f2', name: 'Stamp', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [240, 0], parameters: {} },
        { id: 'f3', name: 'Check', type: 'n8n-nodes-base.stopAndError', typeVersion: 1, position: [480, 0], parameters: { errorMessage: 'the stock is not in yet' } },
      ],
      connections: { Start: { main: [[{ node: 'Stamp', type: 'main', index: 0 }]] }, Stamp: { main: [[{ node: 'Check', type: 'main', index: 0 }]] } },
    });
    const failed = await ownerApi<{ id: string; status: string }>(h, 'POST', `/api/v1/workflows/${created.id}/run?wait=true`, {});
    expect(failed.status).toBe('error');
    const short = `#${failed.id.slice(0, 6)}`;

    const { page, context } = await signedInPage(h);
    await page.goto(`/workflows/${created.id}/executions/${failed.id}`);
    await page.waitForSelector('[data-testid="replay"]');
    await page.waitForSelector('[data-testid="runs-panel"] [data-testid="run-entry"]');
    // Re-run from Stamp, through the replay as a user does.
    await (await settled(page.locator('.svelte-flow__node:has([data-node-name="Stamp"])'))).click();
    await page.click('[data-testid="rerun-from"]');
    await page.click('[data-testid="rerun-start"]');
    await within(10_000, async () => {
      const list = await ownerApi<{ data: { status: string }[] }>(h, 'GET', `/api/v1/executions?workflowId=${created.id}`);
      return list.data.length === 2 && list.data.every((r) => r.status === 'error');
    }, 'the re-run has ended');

    if (await page.locator('[data-testid="runs-panel"]').count() === 0) await page.click('[data-testid="toggle-runs"]');
    const entries = page.locator('[data-testid="runs-panel"] [data-testid="run-entry"]');
    await within(5_000, async () => (await entries.count()) === 2 && (await entries.locator('[data-testid="run-origin"]').count()) === 1, 'the panel lists both runs');
    const rerun = entries.filter({ has: page.locator('[data-testid="run-origin"]') });
    expect(await rerun.locator('[data-testid="run-origin"]').textContent()).toBe(`re-run of ${short} from node Stamp`);
    for (const entry of await entries.all()) {
      expect(await entry.locator('[data-testid="run-duration"]').textContent()).toMatch(/^\d+ ms$|^\d+([.,]\d)? s$/);
      const error = entry.locator('[data-testid="run-error"]');
      expect(await error.textContent()).toContain('Check: the stock is not in yet');
      expect(await error.getAttribute('title')).toContain('the stock is not in yet');
    }
    await screenshot(page, '40-runs-panel-rerun');
    // The link opens the run it came from.
    await rerun.locator('[data-testid="run-origin"]').click();
    await page.waitForURL(new RegExp(`/executions/${failed.id}$`));
    await within(5_000, async () => (await page.locator('[data-testid="runs-panel"] [data-testid="run-entry"].on').count()) === 1, 'the original is the open run');
    expect(await page.locator('[data-testid="run-entry"].on [data-testid="run-origin"]').count()).toBe(0);

    // The executions page says the same.
    await page.goto(`/executions?workflowId=${created.id}`);
    await page.waitForSelector('[data-testid="execution-row"] [data-testid="run-origin"]');
    expect(await page.locator('[data-testid="execution-row"] [data-testid="run-origin"]').textContent()).toBe(`re-run of ${short} from node Stamp`);
    expect(await page.locator('[data-testid="execution-row"] [data-testid="run-error"]').count()).toBe(2);
    await screenshot(page, '41-executions-rerun');
    await context.close();
  });
});
