// Community nodes in real Chromium against a real server and the npm registry: the owner installs
// n8n-nodes-turndown-html-to-markdown through Settings › Community nodes (after the risk warning),
// sees it listed with its node and icon, finds the node in the palette with its icon, adds it to a
// workflow (the canvas shows the icon too), updates it, and removes it; API errors show on the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { chromiumAvailable, inviteUser, ownerApi, screenshot, settled, signedInPage, startHarness, TEST_OWNER, within, type Harness } from './harness.ts';

const PACKAGE = 'n8n-nodes-turndown-html-to-markdown';
const TYPE = `${PACKAGE}.mdTurndown`;
const NPM_MS = 180_000;

/** Whether an <img> has loaded a real picture (not a broken image). */
const loaded = (img: Locator) => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0);

async function openSettings(page: Page) {
  await page.click('header nav a:has-text("Community nodes")');
  await page.waitForSelector('[data-testid="community-nodes"]');
}

describe.skipIf(!chromiumAvailable())('community nodes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('installs a package from the settings page, uses its node with its icon, and removes it', async () => {
    const { page, context } = await signedInPage(h);
    page.on('dialog', (dialog) => void dialog.accept());
    await openSettings(page);
    await page.waitForSelector('[data-testid="no-packages"]');
    expect(await page.locator('[role="note"]').textContent()).toContain("runs with this server's rights");

    // An error answer of the API shows on the page, with its code.
    await page.fill('[data-testid="package-name"]', 'not a package');
    expect(await page.locator('[data-testid="install-package"]').isDisabled()).toBe(true);
    await page.check('[data-testid="understand-risk"]');
    await page.click('[data-testid="install-package"]');
    await page.waitForSelector('[data-testid="package-error"]');
    expect(await page.locator('[data-testid="package-error"]').textContent()).toMatch(/Installing not a package failed.*validation_failed/s);
    // npm's own failure (no such package on the registry) comes back the same way, with npm's reason.
    await page.fill('[data-testid="package-name"]', 'n8n-nodes-weft-e2e-no-such-package');
    await page.click('[data-testid="install-package"]');
    await within(NPM_MS, async () => ((await page.locator('[data-testid="package-error"]').textContent().catch(() => '')) ?? '').includes('n8n-nodes-weft-e2e-no-such-package failed'), 'npm fails');
    expect(await page.locator('[data-testid="package-error"]').textContent()).toContain('npm could not do it');
    await screenshot(page, '59-community-nodes-npm-error');

    // Install: progress while npm works, then the package with its node and icon.
    await page.fill('[data-testid="package-name"]', PACKAGE);
    await page.fill('[data-testid="package-version"]', '1.0.5');
    await page.click('[data-testid="install-package"]');
    await page.waitForSelector('[data-testid="package-progress"]');
    expect(await page.locator('[data-testid="package-error"]').count()).toBe(0);
    const row = page.locator(`[data-testid="package-row"][data-package="${PACKAGE}"]`);
    await row.waitFor({ timeout: NPM_MS });
    expect(await page.locator('[data-testid="package-progress"]').count()).toBe(0);
    expect(await row.locator('[data-testid="package-version-label"]').textContent()).toBe('v1.0.5');
    const node = row.locator(`[data-testid="package-node"][data-type="${TYPE}"]`);
    expect(await node.textContent()).toContain('MarkDown TurnDown');
    await within(5_000, () => loaded(node.locator('img')), 'the node icon loads in the list');
    expect(await row.locator('.badge.error').count()).toBe(0);
    await screenshot(page, '60-community-nodes-installed');

    // No newer version on npm: checking says nothing is available.
    await page.click('[data-testid="check-updates"]');
    await within(30_000, async () => (await page.locator('[data-testid="check-updates"]').textContent()) === 'Check for updates', 'the update check finishes');
    expect(await row.locator('[data-testid="update-available"]').count()).toBe(0);

    // The palette lists the node under Integrations, with the package's picture.
    await page.click('header nav a:has-text("Workflows")');
    await page.click('[data-testid="create-workflow"]');
    await page.click('[data-testid="add-first-step"]');
    const item = page.locator(`[data-testid="palette-item"][data-type="${TYPE}"]`);
    await item.waitFor();
    const group = await item.evaluate((el) => {
      let h = el.previousElementSibling;
      while (h && h.tagName !== 'H4') h = h.previousElementSibling;
      return h?.textContent;
    });
    expect(group).toBe('Integrations');
    await page.fill('[data-testid="palette-search"]', 'turndown');
    await within(5_000, () => loaded(item.locator('[data-testid="palette-icon"]')), 'the palette icon loads');
    await screenshot(page, '61-community-node-in-palette');
    await item.click();
    const canvasNode = page.locator('[data-testid="canvas-node"][data-node-name="MarkDown TurnDown"]');
    await settled(canvasNode);
    await within(5_000, () => loaded(canvasNode.locator('[data-testid="node-icon"]')), 'the canvas icon loads');
    const workflowId = new URL(page.url()).pathname.split('/')[2]!;
    await within(5_000, async () => {
      const wf = await ownerApi<{ nodes: { type: string }[] }>(h, 'GET', `/api/v1/workflows/${workflowId}`);
      return wf.nodes.some((n) => n.type === TYPE);
    }, 'the workflow holds the community node');
    await screenshot(page, '62-community-node-on-canvas');

    // Update (to the same latest version) and remove, each after a confirmation.
    await openSettings(page);
    await row.locator('[data-testid="update-package"]').click();
    await within(NPM_MS, async () => (await page.locator('[data-testid="toast"]').textContent().catch(() => '')) === `Updated ${PACKAGE}`, 'the update finishes');
    expect(await page.locator('[data-testid="package-error"]').count()).toBe(0);
    await row.locator('[data-testid="remove-package"]').click();
    await page.waitForSelector('[data-testid="no-packages"]', { timeout: NPM_MS });
    const types = await ownerApi<{ types: { name: string }[] }>(h, 'GET', '/api/v1/node-types');
    expect(types.types.some((t) => t.name === TYPE)).toBe(false);
    expect((await fetch(`${h.server.url}/api/v1/node-icons/${TYPE}`, { headers: { 'x-api-key': TEST_OWNER.apiKey } })).status).toBe(404);
    await context.close();
  }, 600_000);

  it('shows the page to the owner only', async () => {
    const owner = await signedInPage(h);
    expect(await owner.page.locator('header nav a:has-text("Community nodes")').count()).toBe(1);
    await owner.context.close();
    const editor = await signedInPage(h, await inviteUser(h, 'ed@example.com', 'Ed', 'editor-password-123'));
    expect(await editor.page.locator('header nav a:has-text("Community nodes")').count()).toBe(0);
    await editor.page.goto('/settings/community-nodes');
    await editor.page.waitForSelector('[data-testid="community-nodes"]');
    expect(await editor.page.locator('[data-testid="community-nodes"]').textContent()).toContain('Only the instance owner');
    expect(await editor.page.locator('[data-testid="install-form"]').count()).toBe(0);
    await editor.context.close();
  });
});
