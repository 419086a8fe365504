// The Insights screen in real Chromium: after production runs through a webhook (one failing) it
// shows the figures in its cards, draws its charts on canvases (under the app's CSP: no console
// errors) and lists the workflow among the busiest and most failing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, ownerApi, screenshot, signedInPage, startHarness, within, type Harness } from './harness.ts';

const hook = 'insights-e2e';
const workflow = {
  name: 'Lead intake',
  nodes: [
    { id: 'w', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: 'hook-insights-e2e', parameters: { path: hook, httpMethod: 'POST', responseMode: 'lastNode' } },
    { id: 'c', name: 'Check', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: "if ($input.first().json.body.fail) throw new Error('bad lead'); return $input.all();" } },
  ],
  connections: { Webhook: { main: [[{ node: 'Check', type: 'main', index: 0 }]] } },
  settings: { executionOrder: 'v1', timeSavedPerExecution: 3 },
};

describe.skipIf(!chromiumAvailable())('the Insights screen', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  it('shows the figures of production runs in cards and charts', async () => {
    const created = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/workflows', workflow);
    await ownerApi(h, 'POST', `/api/v1/workflows/${created.id}/activate`);
    for (const fail of [false, false, true]) {
      await fetch(`${h.server.url}/webhook/${hook}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fail }) });
    }
    await within(10_000, async () => (await ownerApi<{ runs: number }>(h, 'GET', '/api/v1/insights')).runs === 3, 'the runs are counted');

    const { page, context } = await signedInPage(h);
    await page.getByRole('link', { name: 'Insights' }).click();
    const card = (id: string) => page.getByTestId(`insight-${id}`).locator('.value');
    await within(5_000, async () => (await card('runs').textContent()) === '3', 'the runs card shows 3');
    expect(await card('failures').textContent()).toBe('1');
    expect(await card('failure-rate').textContent()).toBe('33.3 %');
    // Two successful runs at 3 minutes each; the failed one saved nothing.
    expect(await card('time-saved').textContent()).toBe('6 min');
    expect(await card('p95').textContent()).toMatch(/\d+(\.\d)? (ms|s)$/);

    // Both charts are drawn: their canvases have painted pixels.
    const painted = await page.locator('canvas').evaluateAll((canvases) => canvases.map((c) => {
      const canvas = c as HTMLCanvasElement;
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      return canvas.width > 0 && pixels.some((v, i) => i % 4 === 3 && v > 0);
    }));
    expect(painted).toEqual([true, true]);

    const busiest = page.getByRole('region', { name: 'Busiest workflows' });
    expect(await busiest.getByRole('link', { name: 'Lead intake' }).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Most failing workflows' }).locator('tbody tr').first().textContent()).toContain('Lead intake');

    // Another period asks again and shows the same runs.
    await page.getByRole('radio', { name: '24 hours' }).click();
    await within(5_000, async () => (await page.getByRole('radio', { name: '24 hours' }).getAttribute('aria-checked')) === 'true', 'the period is chosen');
    expect(await card('runs').textContent()).toBe('3');
    await screenshot(page, '75-insights');
    expect(h.consoleErrors).toEqual([]);
    await context.close();
  });
});
