// Credential pickers in real Chromium: a node shows only the picker its Authentication choice calls
// for (n8n's credential displayOptions), labelled with the credential type's display name, and the
// canvas marks the node until that credential is chosen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable, ownerApi, screenshot, settled, signedInPage, startHarness, within, type Harness } from './harness.ts';

async function openPanel(page: Page, name: string) {
  await (await settled(page.locator(`[data-node-name="${name}"]`))).dblclick();
  await within(5_000, async () => (await page.locator(`[data-testid="node-panel"][aria-label="Node ${name}"]`).count()) === 1, `the panel of ${name} opens`);
}

const pickers = (page: Page) => page.locator('[data-testid="credential-picker"]');
const issuesOf = (page: Page, name: string) => page.locator(`[data-node-name="${name}"] [data-testid="node-issues"]`);

describe.skipIf(!chromiumAvailable())('credential pickers', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('shows no picker with Authentication None, and one labelled picker once Basic Auth is chosen', async () => {
    const credential = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/credentials', { name: 'Gate login', type: 'httpBasicAuth', data: { user: 'gate', password: 'pw' } });
    const created = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/workflows', {
      name: 'Pickers',
      nodes: [
        { id: 'w1', name: 'Hook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: 'pickers-hook', parameters: { path: 'pickers-hook' } },
        { id: 'h1', name: 'Call API', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [280, 0], parameters: { url: 'http://127.0.0.1:9/' } },
      ],
      connections: { Hook: { main: [[{ node: 'Call API', type: 'main', index: 0 }]] } },
      settings: { executionOrder: 'v1' },
    });
    const { page, context } = await signedInPage(h);
    await page.goto(`/workflows/${created.id}`);
    await page.waitForSelector('[data-node-name="Call API"]');
    expect(await issuesOf(page, 'Call API').count()).toBe(0);

    // HTTP Request: None → no picker; Generic → Basic Auth → the Basic Auth picker, required.
    await openPanel(page, 'Call API');
    expect(await pickers(page).count()).toBe(0);
    await page.locator('[data-param="authentication"] select').selectOption({ label: 'Generic Credential Type' });
    await within(3_000, async () => (await page.locator('[data-param="genericAuthType"]').count()) === 1, 'Generic Auth Type appears');
    expect(await pickers(page).count()).toBe(0);
    await page.locator('[data-param="genericAuthType"] select').selectOption({ label: 'Basic Auth' });
    await within(3_000, async () => (await pickers(page).count()) === 1, 'one picker appears');
    expect((await pickers(page).locator('label').textContent())?.trim()).toBe('Basic Auth credential *');
    await within(3_000, async () => ((await issuesOf(page, 'Call API').getAttribute('title').catch(() => null)) ?? '').includes("Call API: credential 'Basic Auth' is required"), 'the node is marked');
    await screenshot(page, '42-http-request-basic-auth-picker');
    await page.keyboard.press('Escape');

    // Webhook: None → no picker; Basic Auth → one picker; choosing the credential clears the mark.
    await openPanel(page, 'Hook');
    expect(await pickers(page).count()).toBe(0);
    await page.locator('[data-param="authentication"] select').selectOption({ label: 'Basic Auth' });
    await within(3_000, async () => (await pickers(page).count()) === 1, 'one picker appears');
    expect((await pickers(page).locator('label').textContent())?.trim()).toBe('Basic Auth credential *');
    await within(3_000, async () => (await issuesOf(page, 'Hook').count()) === 1, 'the Webhook is marked');
    await pickers(page).locator('select').selectOption({ label: 'Gate login' });
    await within(3_000, async () => (await issuesOf(page, 'Hook').count()) === 0, 'the mark goes once the credential is chosen');
    await within(5_000, async () => {
      const wf = await ownerApi<{ nodes: { name: string; parameters: Record<string, unknown>; credentials?: Record<string, { id: string }> }[] }>(h, 'GET', `/api/v1/workflows/${created.id}`);
      const hook = wf.nodes.find((n) => n.name === 'Hook');
      return hook?.parameters.authentication === 'basicAuth' && hook.credentials?.httpBasicAuth?.id === credential.id;
    }, 'the choice is saved');
    await context.close();
  });
});
