// Two people in two browsers on one workflow: each sees the other's added node, moved node and
// changed parameter within a second, and the other's cursor; undo takes back only one's own
// change; a run started by one is watched live by the other, node by node.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable, inviteUser, ownerApi, screenshot, signedInPage, settled, startHarness, within, type Harness } from './harness.ts';

const LIVE_MS = 1_000;

describe.skipIf(!chromiumAvailable())('collaboration in the editor', () => {
  let h: Harness;
  let workflowId: string;
  let a: { context: BrowserContext; page: Page };
  let b: { context: BrowserContext; page: Page };

  const node = (page: Page, name: string) => page.locator(`.svelte-flow__node:has([data-node-name="${name}"])`);
  const transformOf = (page: Page, name: string) => node(page, name).evaluate((el) => (el as HTMLElement).style.transform);

  beforeAll(async () => {
    h = await startHarness();
    const bea = await inviteUser(h, 'bea@example.com', 'Bea', 'bea password 1234');
    const created = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/workflows', {
      name: 'Together',
      nodes: [
        { id: 's1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { id: 'w1', name: 'Wait', type: 'n8n-nodes-base.wait', typeVersion: 1.1, position: [240, 0], parameters: { amount: 1.2, unit: 'seconds' } },
        { id: 'c1', name: 'Code', type: 'n8n-nodes-base.code', typeVersion: 2, position: [480, 0], parameters: { jsCode: 'return $input.all();' } },
      ],
      connections: { Start: { main: [[{ node: 'Wait', type: 'main', index: 0 }]] }, Wait: { main: [[{ node: 'Code', type: 'main', index: 0 }]] } },
      settings: { executionOrder: 'v1' },
    });
    workflowId = created.id;
    a = await signedInPage(h);
    b = await signedInPage(h, bea);
    for (const { page } of [a, b]) {
      await page.goto(`/workflows/${workflowId}`);
      await page.waitForSelector('[data-testid="save-state"][data-sync="collab"]', { timeout: 10_000 });
    }
  }, 120_000);

  afterAll(async () => {
    await a?.context.close();
    await b?.context.close();
    await h?.close();
  });

  it('shows who is here and where their cursor is', async () => {
    await within(3_000, async () => (await a.page.locator('[data-testid="avatar"][title="Bea"]').count()) === 1, 'A sees Bea');
    await within(3_000, async () => (await b.page.locator('[data-testid="avatar"][title="Owner"]').count()) === 1, 'B sees the owner');
    const box = (await a.page.locator('[data-testid="canvas"]').boundingBox())!;
    await a.page.mouse.move(box.x + 200, box.y + 150);
    await a.page.mouse.move(box.x + 220, box.y + 160, { steps: 4 });
    await within(LIVE_MS, async () => (await b.page.locator('[data-testid="peer-cursor"][data-peer="Owner"]').count()) === 1, "B sees A's cursor");
  });

  it("each sees the other's added node within a second", async () => {
    await a.page.locator('[data-testid="canvas"]').click({ position: { x: 640, y: 500 } });
    await a.page.keyboard.press('n');
    await a.page.fill('[data-testid="palette-search"]', 'No Operation');
    await a.page.keyboard.press('Enter');
    await a.page.waitForSelector('[data-node-name="No Operation, do nothing"]');
    await within(LIVE_MS, async () => (await b.page.locator('[data-node-name="No Operation, do nothing"]').count()) === 1, "B sees A's new node");
    await b.page.keyboard.press('Escape');
    await b.page.locator('[data-testid="canvas"]').click({ position: { x: 640, y: 560 } });
    await b.page.keyboard.press('n');
    await b.page.fill('[data-testid="palette-search"]', 'Limit');
    await b.page.keyboard.press('Enter');
    await b.page.waitForSelector('[data-node-name="Limit"]');
    // New nodes go right of the last one, which may be past the edge of A's view: A fits the view.
    await a.page.keyboard.press('Escape');
    await a.page.keyboard.press('1');
    await within(LIVE_MS, async () => (await a.page.locator('[data-node-name="Limit"]').count()) === 1, "A sees B's new node");
  });

  it("each sees the other's moved node within a second", async () => {
    await a.page.keyboard.press('Escape');
    await b.page.keyboard.press('Escape');
    // Both see the whole workflow (B's view followed its new node to the right).
    await a.page.keyboard.press('1');
    await b.page.keyboard.press('1');
    await settled(node(a.page, 'Start'));
    await settled(node(b.page, 'Start'));
    const before = await transformOf(b.page, 'Start');
    const box = (await node(a.page, 'Start').boundingBox())!;
    await a.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await a.page.mouse.down();
    await a.page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 120, { steps: 8 });
    // The drag in progress travels through awareness: B sees the node move before A drops it.
    await within(LIVE_MS, async () => (await transformOf(b.page, 'Start')) !== before, "B sees A's drag in progress");
    const during = await transformOf(b.page, 'Start');
    await a.page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 140, { steps: 4 });
    await a.page.mouse.up();
    await within(LIVE_MS, async () => (await transformOf(b.page, 'Start')) !== during, "B sees A's move");
    const dropped = await transformOf(a.page, 'Start');
    await within(LIVE_MS, async () => (await transformOf(b.page, 'Start')) === dropped, 'B has the node where A dropped it');
    const beforeA = await transformOf(a.page, 'Code');
    const boxB = (await node(b.page, 'Code').boundingBox())!;
    await b.page.mouse.move(boxB.x + boxB.width / 2, boxB.y + boxB.height / 2);
    await b.page.mouse.down();
    await b.page.mouse.move(boxB.x + boxB.width / 2 - 40, boxB.y + boxB.height / 2 + 140, { steps: 8 });
    await b.page.mouse.up();
    await within(LIVE_MS, async () => (await transformOf(a.page, 'Code')) !== beforeA, "A sees B's move");
  });

  it("each sees the other's changed parameter within a second, and who is editing", async () => {
    await (await settled(node(a.page, 'Code'))).dblclick();
    await (await settled(node(b.page, 'Code'))).dblclick();
    await a.page.waitForSelector('[data-testid="code-editor"]');
    await b.page.waitForSelector('[data-testid="code-editor"]');
    await within(LIVE_MS * 2, async () => (await b.page.locator('[data-node-name="Code"] [data-testid="node-editing"]').count()) === 1, 'B sees that A edits Code');
    const code = '[data-testid="code-editor"] .cm-content';
    await a.page.fill(code, 'return [{ json: { from: "A" } }];');
    await within(LIVE_MS, async () => (await b.page.innerText(code)).includes('from: "A"'), "B sees A's code");
    await screenshot(b.page, '08-collaboration');
    await b.page.fill(code, 'return [{ json: { from: "B" } }];');
    await within(LIVE_MS, async () => (await a.page.innerText(code)).includes('from: "B"'), "A sees B's code");
  });

  it('undo takes back only my own change', async () => {
    await a.page.keyboard.press('Escape');
    await b.page.keyboard.press('Escape');
    await a.page.locator('[data-testid="canvas"]').click({ position: { x: 20, y: 20 } });
    await b.page.locator('[data-testid="canvas"]').click({ position: { x: 20, y: 20 } });
    const add = async (page: Page, search: string, name: string) => {
      await page.keyboard.press('n');
      await page.fill('[data-testid="palette-search"]', search);
      await page.keyboard.press('Enter');
      await page.waitForSelector(`[data-node-name="${name}"]`, { timeout: 5_000 }).catch(async (e) => { await screenshot(page, `failed-add-${name}`); throw e; });
      await page.keyboard.press('Escape');
    };
    await add(a.page, 'Sort', 'Sort');
    await a.page.waitForTimeout(500); // a separate undo step from anything before
    await add(b.page, 'Summarize', 'Summarize');
    await within(LIVE_MS, async () => (await a.page.locator('[data-node-name="Summarize"]').count()) === 1, "A sees B's node");
    await a.page.locator('[data-testid="canvas"]').click({ position: { x: 20, y: 20 } });
    await a.page.keyboard.press('Control+z');
    await within(LIVE_MS, async () => (await b.page.locator('[data-node-name="Sort"]').count()) === 0, "A's node is undone, for B too");
    await expect(a.page.locator('[data-node-name="Summarize"]').count()).resolves.toBe(1);
    await expect(b.page.locator('[data-node-name="Summarize"]').count()).resolves.toBe(1);
    await a.page.keyboard.press('Control+Shift+z');
    await within(LIVE_MS, async () => (await b.page.locator('[data-node-name="Sort"]').count()) === 1, 'redo brings it back');
    await within(3_000, async () => {
      const wf = await ownerApi<{ nodes: { name: string }[] }>(h, 'GET', `/api/v1/workflows/${workflowId}`);
      return ['Sort', 'Summarize', 'Limit'].every((n) => wf.nodes.some((x) => x.name === n));
    }, 'the stored workflow has both people\'s nodes');
  });

  it('a run started by one is watched live by the other, node by node', async () => {
    // B looks at the whole workflow (only nodes in view are drawn).
    await b.page.locator('[data-testid="canvas"]').click({ position: { x: 20, y: 20 } });
    await b.page.keyboard.press('1');
    await b.page.waitForTimeout(300);
    // Record, in B's page, every status change of every node as it happens.
    await b.page.evaluate(() => {
      const seen: { node: string; status: string; at: number }[] = [];
      (window as unknown as { __runLog: typeof seen }).__runLog = seen;
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target as HTMLElement;
          const node = el.getAttribute('data-node-name');
          const status = el.getAttribute('data-run-status');
          if (node && status) seen.push({ node, status, at: performance.now() });
        }
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-run-status'] });
    });
    await a.page.click('[data-testid="run-workflow"]');
    const log0 = () => b.page.evaluate(() => JSON.stringify((window as unknown as { __runLog: unknown }).__runLog));
    await within(10_000, async () => (await b.page.locator('[data-testid="run-banner"][data-status="success"]').count()) === 1, 'B sees the run finish')
      .catch(async (e) => { throw new Error(`${(e as Error).message}; B saw ${await log0()}; A shows ${await a.page.locator('[data-testid="run-banner"]').getAttribute('data-status').catch(() => 'no banner')}`); });
    const log = await b.page.evaluate(() => (window as unknown as { __runLog: { node: string; status: string; at: number }[] }).__runLog);
    const firstSuccess = (name: string) => log.find((e) => e.node === name && e.status === 'success')?.at;
    for (const name of ['Start', 'Wait', 'Code']) expect(firstSuccess(name), `B saw ${name} succeed`).toBeDefined();
    // Node by node: Start was done well before Code was (the 1.2 s Wait node sits between them; the
    // margin allows for a busy machine delaying one message).
    expect(firstSuccess('Code')! - firstSuccess('Start')!).toBeGreaterThan(300);
    expect(log.some((e) => e.node === 'Wait' && e.status === 'running')).toBe(true);
    await screenshot(b.page, '09-live-run-watched');
  });

  it('shows everyone a run started by a webhook call, node by node', async () => {
    const hooked = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/workflows', {
      name: 'Hooked',
      nodes: [
        { id: 'h1', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: 'hook-e2e', parameters: { path: 'e2e-orders', httpMethod: 'POST' } },
        { id: 'h2', name: 'Tag', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [260, 0], parameters: { assignments: { assignments: [{ id: 'a', name: 'tagged', value: '={{ $json.body.order }}', type: 'string' }] }, includeOtherFields: true, options: {} } },
      ],
      connections: { Webhook: { main: [[{ node: 'Tag', type: 'main', index: 0 }]] } },
      settings: { executionOrder: 'v1' },
    });
    await ownerApi(h, 'POST', `/api/v1/workflows/${hooked.id}/activate`);
    for (const { page } of [a, b]) {
      await page.goto(`/workflows/${hooked.id}`);
      await page.waitForSelector('[data-testid="save-state"][data-sync="collab"]');
    }
    const response = await fetch(`${h.server.url}/webhook/e2e-orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ order: 7 }) });
    expect(response.status).toBe(200);
    for (const { page } of [a, b]) {
      await within(5_000, async () => (await page.locator('[data-node-name="Tag"][data-run-status="success"]').count()) === 1, 'the webhook run shows');
      await expect(page.locator('[data-node-name="Webhook"]').getAttribute('data-run-status')).resolves.toBe('success');
    }
  });

  it('wrote no errors to the browser console', () => {
    expect(h.consoleErrors).toEqual([]);
  });
});
