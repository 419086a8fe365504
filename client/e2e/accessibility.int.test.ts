// An axe-core check of the main screens in real Chromium: owner set-up, sign-in, the workflows list,
// the editor with a node panel open, the executions list and credentials. A serious or critical
// violation fails the test, named with the rule, what axe says about it and the elements at fault.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshot, startHarness, type Harness } from './harness.ts';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const OWNER = { email: 'alan@example.com', password: 'enigma-machine-1939' };

interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }

/** The serious and critical violations on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SCRIPT });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.skipIf(!chromiumAvailable())('accessibility of the main screens', () => {
  let h: Harness;
  beforeAll(async () => {
    // An instance with no accounts, so that the owner set-up screen shows first.
    h = await startHarness({ OWNER_EMAIL: '', OWNER_PASSWORD: '', OWNER_API_KEY: '' });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  // axe is injected as an inline script, which the app's Content-Security-Policy would refuse.
  const newPage = async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 720 }, baseURL: h.server.url, bypassCSP: true });
    context.setDefaultTimeout(8_000);
    return { context, page: await context.newPage() };
  };

  it('has no serious or critical violations on owner set-up and sign-in', async () => {
    const { context, page } = await newPage();
    await page.goto('/');
    await page.waitForSelector('[data-testid="setup-form"]');
    expect(await seriousViolations(page)).toEqual([]);
    await page.fill('#setup-email', OWNER.email);
    await page.fill('#setup-first', 'Alan');
    await page.fill('#setup-last', 'Turing');
    await page.fill('#setup-password', OWNER.password);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid="workflow-list"], .empty');
    await context.close();

    const visitor = await newPage();
    await visitor.page.goto('/signin');
    await visitor.page.waitForSelector('[data-testid="signin-form"]');
    expect(await seriousViolations(visitor.page)).toEqual([]);
    await visitor.context.close();
  });

  it('has no serious or critical violations on the signed-in screens', async () => {
    const { context, page } = await newPage();
    await page.goto('/signin');
    await page.fill('#email', OWNER.email);
    await page.fill('#password', OWNER.password);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid="workflow-list"], .empty');
    const created = await context.request.post('/api/v1/workflows', { data: {
      name: 'Checked', settings: {},
      nodes: [
        { id: 'a1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { id: 'a2', name: 'Greet', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [240, 0], parameters: { assignments: { assignments: [{ id: 'g', name: 'greeting', value: 'hi', type: 'string' }] }, options: {} } },
      ],
      connections: { Start: { main: [[{ node: 'Greet', type: 'main', index: 0 }]] } },
    } });
    expect(created.status(), await created.text()).toBe(201);
    const workflowId = (await created.json()).id as string;
    const run = await context.request.post(`/api/v1/workflows/${workflowId}/run?wait=true`, { data: { startNode: 'Start' } });
    expect(run.status(), await run.text()).toBe(201);

    const failures: Record<string, string[]> = {};
    await page.goto('/workflows');
    // The list is a projection: on a busy machine it can lag the API's answer by a few seconds.
    await page.waitForSelector('[data-testid="workflow-row"]', { timeout: 20_000 });
    failures.workflows = await seriousViolations(page);

    await page.goto(`/workflows/${workflowId}`);
    await page.waitForSelector('[data-node-name="Greet"]');
    await page.locator('.svelte-flow__node:has([data-node-name="Greet"])').dblclick();
    await page.waitForSelector('[data-testid="assignments"]');
    await screenshot(page, 'a11y-editor-node-panel');
    failures.editor = await seriousViolations(page);

    await page.goto('/executions');
    await page.waitForSelector('[data-testid="execution-row"]');
    failures.executions = await seriousViolations(page);

    await page.goto('/credentials');
    await page.waitForSelector('h1:text("Credentials")');
    failures.credentials = await seriousViolations(page);

    expect(failures).toEqual({ workflows: [], editor: [], executions: [], credentials: [] });
    await context.close();
  });
});
