// The notification bell and screen in real Chromium: a channel and a rule made on the screen, a
// failing run rings the bell live over Socket.IO, and "mark all read" clears the count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, ownerApi, screenshot, signedInPage, startHarness, within, type Harness } from './harness.ts';

describe.skipIf(!chromiumAvailable())('notifications in the editor', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ EXECUTIONS_THREAD: 'false' });
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  it('adds an in-app channel and a rule, then counts a failed run on the bell', async () => {
    const workflow = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/workflows', {
      name: 'Invoice export',
      nodes: [
        { id: 'n1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { id: 'n2', name: 'Check', type: 'n8n-nodes-base.stopAndError', typeVersion: 1, position: [200, 0], parameters: { errorMessage: 'no invoices' } },
      ],
      connections: { Start: { main: [[{ node: 'Check', type: 'main', index: 0 }]] } },
      settings: { executionOrder: 'v1' },
    });
    const { page, context } = await signedInPage(h);
    await page.goto('/notifications');
    await page.getByLabel('Channel name').fill('Bell');
    await page.getByLabel('Kind').selectOption('inApp');
    await page.getByRole('button', { name: 'Add channel' }).click();
    await within(5_000, async () => (await page.getByRole('cell', { name: 'The bell in the top bar' }).count()) === 1, 'the channel is listed');

    await page.getByLabel('Rule name').fill('Invoice failures');
    await page.getByLabel('Workflow', { exact: true }).selectOption(workflow.id);
    await page.getByRole('group', { name: 'Send to' }).getByLabel('Bell').check();
    await page.getByRole('button', { name: 'Add rule' }).click();
    await within(5_000, async () => (await page.getByRole('cell', { name: 'Invoice failures' }).count()) === 1, 'the rule is listed');
    const rules = await ownerApi<{ data: Array<{ workflowId: string; on: string[] }> }>(h, 'GET', '/api/v1/notifications/rules');
    expect(rules.data).toEqual([expect.objectContaining({ workflowId: workflow.id, on: ['runFailed'] })]);

    await ownerApi(h, 'POST', `/api/v1/workflows/${workflow.id}/run?wait=true`, {});
    const count = page.getByTestId('notification-count');
    await within(8_000, async () => (await count.count()) === 1 && (await count.textContent()) === '1', 'the bell counts the failure');
    await page.getByTestId('notification-bell').click();
    await within(5_000, async () => (await page.getByRole('dialog', { name: 'Notifications' }).getByText("Workflow 'Invoice export' failed").count()) === 1, 'the menu lists it');
    await screenshot(page, '80-notification-bell');
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await within(5_000, async () => (await count.count()) === 0, 'the count is cleared');
    expect(h.consoleErrors).toEqual([]);
    await context.close();
  });
});
