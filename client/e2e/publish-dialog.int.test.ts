// The publish dialog in real Chromium (issue 25), by keyboard: the workflow requires a clean check,
// so Publish waits until "Check against the last N runs" has compared the draft with two production
// runs (changed, per run and node); then the note is typed and the draft published.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, ownerApi, screenshot, signedInPage, startHarness, type Harness } from './harness.ts';

function workflow(answer: string) {
  return {
    name: 'Publish with a check',
    settings: { executionOrder: 'v1', requireCleanCheck: true },
    nodes: [
      { id: 'w', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: 'publish-dialog-hook', parameters: { path: 'publish-dialog-hook', httpMethod: 'POST', responseMode: 'lastNode' } },
      {
        id: 'a', name: 'Answer', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [240, 0],
        parameters: { assignments: { assignments: [{ id: 'answer', name: 'answer', value: answer, type: 'string' }] }, options: {} },
      },
    ],
    connections: { Webhook: { main: [[{ node: 'Answer', type: 'main', index: 0 }]] } },
  };
}

describe.skipIf(!chromiumAvailable())('the publish dialog', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('holds Publish back until the draft checked clean, then publishes with the note', async () => {
    const created = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/workflows', workflow('=first {{ $json.body.n }}'));
    await ownerApi(h, 'POST', `/api/v1/workflows/${created.id}/check`, {});
    await ownerApi(h, 'POST', `/api/v1/workflows/${created.id}/activate`, {});
    for (const n of ['1', '2']) {
      const res = await fetch(`${h.server.url}/webhook/publish-dialog-hook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n }) });
      expect(await res.json()).toEqual({ answer: `first ${n}` });
    }
    await ownerApi(h, 'PUT', `/api/v1/workflows/${created.id}`, workflow('=second {{ $json.body.n }}'));

    const { page, context } = await signedInPage(h);
    await page.goto(`/workflows/${created.id}`);
    const opener = page.locator('[data-testid="publish"]');
    await opener.waitFor();

    // Enter opens the dialog with the focus on the note; Escape closes it and gives the focus back.
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('[data-testid="publish-dialog"]');
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('publish-message');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('publish');

    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.locator('[data-testid="publish-needs-check"]').waitFor();
    expect(await dialog.locator('[data-testid="publish-confirm"]').isDisabled()).toBe(true);

    // Tab to the check button and run it: both runs changed at Answer; clean, so Publish opens up.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('publish-check');
    await page.keyboard.press('Enter');
    const result = dialog.locator('[data-testid="publish-check-result"]');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/Clean:\s+0 same, 2 changed, 0 new error, 0 stopped/);
    const runs = dialog.locator('[data-testid="publish-check-runs"] > li');
    expect(await runs.count()).toBe(2);
    expect(await runs.first().textContent()).toMatch(/changed\s+Answer: changed/);
    expect(await dialog.locator('[data-testid="publish-confirm"]').isDisabled()).toBe(false);
    await screenshot(page, 'publish-dialog-checked');

    // Type the note and press Enter: published with it, the dialog closes.
    await dialog.locator('[data-testid="publish-message"]').focus();
    await page.keyboard.type('second answer');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const wf = await ownerApi<{ published: { message?: string } }>(h, 'GET', `/api/v1/workflows/${created.id}`);
    expect(wf.published.message).toBe('second answer');
    const res = await fetch(`${h.server.url}/webhook/publish-dialog-hook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n: '3' }) });
    expect(await res.json()).toEqual({ answer: 'second 3' });
    expect(h.consoleErrors).toEqual([]);
    await context.close();
  }, 90_000);
});
