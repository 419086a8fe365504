// The Templates gallery in real Chromium: search, a template's canvas preview, "Use template", and
// picking the credential the new workflow needs, which lands in its nodes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, ownerApi, screenshot, signedInPage, startHarness, within, type Harness } from './harness.ts';

describe.skipIf(!chromiumAvailable())('the Templates screen', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  it('searches, previews, uses a template and picks its credential', async () => {
    const credential = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/credentials', { name: 'Sales Slack', type: 'slackApi', data: { accessToken: 'xoxb-e2e' } });
    const { page, context } = await signedInPage(h);
    await page.goto('/templates');
    await page.getByRole('link', { name: 'Templates' }).waitFor();
    await within(5_000, async () => (await page.getByRole('button', { name: /^Template / }).count()) >= 40, 'the gallery lists the templates');

    await page.getByLabel('Search templates').fill('hot leads slack');
    await within(5_000, async () => (await page.getByRole('button', { name: /^Template / }).count()) === 1, 'the search narrows the gallery');
    await page.getByRole('button', { name: 'Template Alert sales on Slack about hot leads' }).click();

    const detail = page.getByRole('dialog', { name: 'Template Alert sales on Slack about hot leads' });
    const preview = detail.getByRole('img', { name: /Preview of the workflow \(5 nodes\)/ });
    await preview.waitFor();
    expect(await preview.locator('[data-node]').count()).toBe(5);
    expect(await preview.locator('path.edge').count()).toBe(4);
    await screenshot(page, '80-templates-preview');
    await detail.getByRole('button', { name: 'Use template' }).click();

    const setup = page.getByRole('dialog', { name: /Set up Alert sales on Slack about hot leads/ });
    await setup.getByLabel('Credential for slackApi').selectOption({ label: 'Sales Slack' });
    await setup.getByRole('button', { name: 'Open workflow' }).click();
    await within(10_000, async () => /\/workflows\/[A-Za-z0-9_-]+$/.test(new URL(page.url()).pathname), 'the new workflow opens');

    const id = new URL(page.url()).pathname.split('/').pop()!;
    const workflow = await ownerApi<{ name: string; nodes: Array<{ name: string; credentials?: Record<string, { id: string }> }> }>(h, 'GET', `/api/v1/workflows/${id}`);
    expect(workflow.name).toBe('Alert sales on Slack about hot leads');
    expect(workflow.nodes.find((n) => n.name === 'Post to #sales')?.credentials?.slackApi?.id).toBe(credential.id);
    expect(h.consoleErrors).toEqual([]);
    await context.close();
  });
});
