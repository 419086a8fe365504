// The editor's main paths in Debian's Chromium and in Debian's Firefox ESR, through the
// browser-neutral driver (browsers.ts): a newcomer's first hour on an empty instance (set up the
// owner, build Manual Trigger → Code from the palette, run it, read the output in the node panel)
// and the run history (the editor's runs panel, the executions list, a replayed run).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../server/index.ts';
import { browserAvailable, launchBrowser, type BrowserDriver, type BrowserName, type PageDriver } from './browsers.ts';
import { ensureClientBuilt } from './harness.ts';

const TRIGGER = '.svelte-flow__node:has([data-node-name="When clicking ‘Execute workflow’"])';
const CODE = '.svelte-flow__node:has([data-node-name="Code"])';

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe.skipIf(!browserAvailable(name))(`the editor in ${name}`, () => {
    let server: TestServer;
    let browser: BrowserDriver;
    let page: PageDriver;
    beforeAll(async () => {
      await ensureClientBuilt();
      // No owner: the instance starts with no accounts, as `npx weft start` does.
      server = await startTestServer({ OWNER_EMAIL: '', OWNER_PASSWORD: '', OWNER_API_KEY: '', COLLAB_COMMIT_DEBOUNCE_MS: '100', COLLAB_COMMIT_MAX_WAIT_MS: '500' });
      browser = await launchBrowser(name);
      page = await browser.newPage(server.url);
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('sets up the owner, builds a workflow from the palette, runs it and shows the output', async () => {
      await page.goto('/');
      await page.waitFor('[data-testid="setup-form"]');
      await page.fill('#setup-email', 'grace@example.com');
      await page.fill('#setup-first', 'Grace');
      await page.fill('#setup-last', 'Hopper');
      await page.fill('#setup-password', 'compiler-1952');
      await page.click('button[type=submit]');
      await page.waitFor('[data-testid="workflow-list"], .empty');

      await page.click('[data-testid="create-workflow"]');
      await page.click('[data-testid="add-first-step"]');
      await page.fill('[data-testid="palette-search"]', 'Manual');
      await page.click('[data-testid="palette-item"][data-type="n8n-nodes-base.manualTrigger"]');
      await page.waitFor('[data-testid="node-panel"]');
      await page.press('Escape');
      await page.waitUntil(() => !document.querySelector('[data-testid="node-panel"]'), undefined, 2_000);
      // With the trigger selected, the next node is placed right of it and wired to it.
      await page.click(TRIGGER);
      await page.click('[data-testid="add-node"]');
      await page.fill('[data-testid="palette-search"]', 'Code');
      await page.click('[data-testid="palette-item"][data-type="n8n-nodes-base.code"]');
      await page.fill('[data-testid="code-editor"] .cm-content', "return [{ json: { greeting: 'hello from " + name + "' } }];");
      await page.screenshot('node-panel');
      await page.press('Escape');
      await page.waitFor('.svelte-flow__edge');

      await page.click('[data-testid="run-workflow"]');
      await page.waitFor('[data-testid="run-banner"][data-status="success"]', 15_000);
      await page.waitFor('[data-node-name="Code"][data-run-status="success"]');
      expect(await page.text('[data-node-name="Code"] ~ .caption [data-testid="node-items"], [data-node-name="Code"] + .caption [data-testid="node-items"]')).toContain('1 item');
      // Reading the output: the panel's data tab shows the item the code returned.
      await page.dblclick(CODE);
      await page.click('[data-testid="tab-data"]');
      expect(await page.text('[data-testid="items-output"]')).toContain(`hello from ${name}`);
      await page.screenshot('run-output');
      await page.press('Escape');
    });

    it('lists the run in the editor and on the executions screen, and replays it', async () => {
      await page.click('[data-testid="toggle-runs"]');
      await page.waitFor('[data-testid="run-entry"]');
      expect(await page.count('[data-testid="run-entry"]')).toBe(1);
      await page.goto('/executions');
      await page.waitFor('[data-testid="execution-row"]');
      expect(await page.text('[data-testid="execution-row"]')).toContain('success');
      await page.click('[data-testid="execution-row"]');
      await page.waitFor('[data-testid="replay"]');
      await page.waitFor('[data-node-name="Code"][data-run-status="success"]');
      await page.screenshot('replay');
    });

    it('wrote no errors to the browser console', () => {
      expect(browser.consoleErrors).toEqual([]);
    });
  });
}
