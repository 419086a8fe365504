// Replaying a run on another version in real Chromium (issue 25): a run fails in its Code node, the
// draft is fixed through the API, the replay bar's "Replay" control re-runs it from the trigger on
// the draft, and the new run opens with each node's diff against the failed one as canvas badges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, ownerApi, screenshot, signedInPage, startHarness, within, type Harness } from './harness.ts';

const failsOnTwo = "if ($json.n === 2) throw new Error('bad item 2');\nreturn { json: { ...$json, out: $json.n * 2 } };";
const fixed = 'return { json: { ...$json, out: $json.n * 2 } };';

function workflow(jsCode: string) {
  return {
    name: 'Replay on the draft',
    settings: { executionOrder: 'v1' },
    nodes: [
      { id: 't', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      {
        id: 's', name: 'Set', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [240, 0],
        parameters: { assignments: { assignments: [{ id: 'a', name: 'n', value: '={{ $json.n }}', type: 'number' }] }, options: {} },
      },
      { id: 'c', name: 'Code', type: 'n8n-nodes-base.code', typeVersion: 2, position: [480, 0], parameters: { mode: 'runOnceForEachItem', jsCode } },
    ],
    connections: {
      'Manual Trigger': { main: [[{ node: 'Set', type: 'main', index: 0 }]] },
      Set: { main: [[{ node: 'Code', type: 'main', index: 0 }]] },
    },
  };
}

describe.skipIf(!chromiumAvailable())('replay on a chosen version', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('replays a failed run on the fixed draft and badges the Code node "fixed"', async () => {
    const created = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/workflows', workflow(failsOnTwo));
    const failed = await ownerApi<{ id: string; status: string }>(h, 'POST', `/api/v1/workflows/${created.id}/run?wait=true`, {
      triggerItems: [1, 2, 3].map((n) => ({ json: { n } })),
    });
    expect(failed.status).toBe('error');
    await ownerApi(h, 'PUT', `/api/v1/workflows/${created.id}`, workflow(fixed));

    const { page, context } = await signedInPage(h);
    await page.goto(`/workflows/${created.id}/executions/${failed.id}`);
    await page.waitForSelector('[data-testid="replay"]');
    // The failed run is no replay: no badges, no legend.
    expect(await page.locator('[data-testid="replay-diff-badge"]').count()).toBe(0);

    await page.click('[data-testid="replay-open"]');
    const menu = page.locator('[data-testid="replay-menu"]');
    expect(await menu.locator('[data-testid="replay-from-start"]').isChecked()).toBe(true);
    expect(await menu.textContent()).toContain('the trigger (Manual Trigger)');
    // Nothing selected on the canvas, and never published: those choices are off.
    expect(await menu.locator('[data-testid="replay-from-selected"]').isDisabled()).toBe(true);
    expect(await menu.locator('[data-testid="replay-version-published"]').isDisabled()).toBe(true);
    await menu.locator('[data-testid="replay-version-draft"]').check();
    await screenshot(page, '59-replay-menu');
    await menu.locator('[data-testid="replay-start"]').click();

    // The new run opens once it has ended: its URL, then its badges.
    await page.waitForURL((url) => /\/executions\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith(failed.id));
    const replayId = page.url().split('/').pop()!;
    const badge = (node: string) => page.locator(`.svelte-flow__node:has([data-node-name="${node}"]) [data-testid="replay-diff-badge"]`);
    await within(10_000, async () => (await badge('Code').count()) === 1, 'the Code node has its badge');
    expect(await badge('Code').getAttribute('data-status')).toBe('fixed');
    expect(await badge('Code').textContent()).toBe('fixed');
    expect(await badge('Code').getAttribute('title')).toContain('failed before; succeeds now');
    expect(await badge('Set').textContent()).toBe('same');
    expect(await badge('Manual Trigger').textContent()).toBe('same');
    const legend = page.locator('[data-testid="replay-diff-legend"]');
    expect(await legend.textContent()).toContain(`Compared with #${failed.id.slice(0, 6)}`);
    expect(await page.locator('[data-testid="replay"] .badge').textContent()).toBe('success');
    await screenshot(page, '60-replay-diff-fixed');

    // The server agrees: a re-run of the failed run, on the draft, that succeeded.
    const run = await ownerApi<{ status: string; rerunOf?: string }>(h, 'GET', `/api/v1/executions/${replayId}`);
    expect(run).toMatchObject({ status: 'success', rerunOf: failed.id });
    await context.close();
    expect(h.consoleErrors).toEqual([]);
  }, 20_000);
});
