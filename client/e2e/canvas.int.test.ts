// The canvas in real Chromium: the + on a node's output opens the node creator and links the node
// picked; tidy up lays the nodes out as one undoable change; Ctrl+F finds a node and zooms to it;
// dark mode follows the system until toggled, and the choice survives a reload; "Debug in editor"
// pins a failed run's starting data, so the fixed workflow runs again on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable, ownerApi, screenshot, settled, signedInPage, startHarness, within, type Harness } from './harness.ts';

interface Stored {
  nodes: { name: string; type: string; position: [number, number] }[];
  connections: Record<string, { main?: ({ node: string; index: number }[] | null)[] }>;
}

const node = (name: string, type: string, position: [number, number], parameters: Record<string, unknown> = {}) =>
  ({ id: name, name, type, typeVersion: 1, position, parameters });
const main = (to: string) => ({ node: to, type: 'main', index: 0 });

describe.skipIf(!chromiumAvailable())('canvas', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  const create = (name: string, nodes: unknown[], connections: Record<string, unknown> = {}) =>
    ownerApi<{ id: string }>(h, 'POST', '/api/v1/workflows', { name, nodes, connections, settings: { executionOrder: 'v1' } });
  const stored = (id: string) => ownerApi<Stored>(h, 'GET', `/api/v1/workflows/${id}`);

  async function openEditor(page: Page, id: string, first: string) {
    await page.goto(`/workflows/${id}`);
    await page.waitForSelector(`[data-node-name="${first}"]`);
    // The collaborative room is joined (edits are live) before the test edits.
    await page.waitForSelector('[data-testid="save-state"][data-sync="collab"]');
  }

  it('adds a node from the + on an output, found by search in the node creator, linked from that output', async () => {
    const wf = await create('Plus', [node('Start', 'n8n-nodes-base.manualTrigger', [0, 0]), { ...node('Check', 'n8n-nodes-base.if', [240, 0]), typeVersion: 2 }], { Start: { main: [[main('Check')]] } });
    const { page, context } = await signedInPage(h);
    await openEditor(page, wf.id, 'Check');

    // A linked output's + shows on hover only; the IF's free "false" output shows its own.
    const plus = page.locator('[data-node-name="Check"] [data-testid="add-after"][data-output="1"]');
    await expect(plus.evaluate((el) => getComputedStyle(el).opacity)).resolves.toBe('1');
    await expect(page.locator('[data-node-name="Start"] [data-testid="add-after"]').evaluate((el) => getComputedStyle(el).opacity)).resolves.toBe('0');
    await (await settled(plus)).click();
    await page.waitForSelector('[data-testid="palette"]');
    // Browsing shows the categories, each node with its description.
    const groups = await page.locator('[data-testid="palette"] h4').evaluateAll((hs) => hs.map((h) => h.getAttribute('data-group')));
    expect(groups).toEqual(expect.arrayContaining(['trigger', 'flow', 'transform', 'core']));
    await expect(page.locator('[data-testid="palette-item"][data-type="n8n-nodes-base.set"] .desc').textContent()).resolves.not.toBe('');
    // "Set" (its type's name) and "Edit Fields" (its name) both find it.
    await page.fill('[data-testid="palette-search"]', 'Set');
    await page.waitForSelector('[data-testid="palette-item"][data-type="n8n-nodes-base.set"]');
    await page.fill('[data-testid="palette-search"]', 'Edit Fields');
    await expect(page.locator('[data-testid="palette-item"]').first().getAttribute('data-type')).resolves.toBe('n8n-nodes-base.set');
    await screenshot(page, 'canvas-01-node-creator');
    await page.keyboard.press('Enter');

    let added: Stored['nodes'][number] | undefined;
    await within(10_000, async () => {
      const saved = await stored(wf.id);
      added = saved.nodes.find((n) => n.type === 'n8n-nodes-base.set');
      return added !== undefined && (saved.connections.Check?.main?.[1] ?? []).some((t) => t.node === added!.name);
    }, 'the new node is stored, linked from the false output');
    const check = (await stored(wf.id)).nodes.find((n) => n.name === 'Check')!;
    expect(added!.position[0]).toBeGreaterThan(check.position[0]);
    expect((await stored(wf.id)).connections.Check?.main?.[0] ?? []).toEqual([]);
    await page.waitForSelector(`[data-node-name="${added!.name}"]`);
    await context.close();
  });

  it('tidies up overlapping nodes left to right as one undoable change (button and Shift+Alt+T)', async () => {
    const wf = await create('Tidy', [
      node('Start', 'n8n-nodes-base.manualTrigger', [100, 100]),
      node('A', 'n8n-nodes-base.noOp', [100, 100]),
      node('B', 'n8n-nodes-base.noOp', [100, 100]),
    ], { Start: { main: [[main('A')]] }, A: { main: [[main('B')]] } });
    const { page, context } = await signedInPage(h);
    await openEditor(page, wf.id, 'B');
    const spread = async () => {
      const p = Object.fromEntries((await stored(wf.id)).nodes.map((n) => [n.name, n.position]));
      return p.Start![0] + 100 <= p.A![0] && p.A![0] + 100 <= p.B![0];
    };
    await page.click('[data-testid="tidy-up"]');
    await within(10_000, spread, 'the nodes are laid out left to right, apart');
    await screenshot(page, 'canvas-02-tidied');

    // One undo puts every node back.
    await page.locator('.svelte-flow__pane').click({ position: { x: 20, y: 300 } });
    await page.keyboard.press('Control+z');
    await within(10_000, async () => (await stored(wf.id)).nodes.every((n) => n.position[0] === 100 && n.position[1] === 100), 'one undo restores every position');
    await page.keyboard.press('Shift+Alt+T');
    await within(10_000, spread, 'the shortcut tidies up too');
    await context.close();
  });

  it('finds a node with Ctrl+F, zooms to it and selects it', async () => {
    const wf = await create('Find', [
      node('Start', 'n8n-nodes-base.manualTrigger', [0, 0]),
      node('Far away', 'n8n-nodes-base.noOp', [4000, 2600]),
      node('Near', 'n8n-nodes-base.noOp', [240, 0]),
    ]);
    const { page, context } = await signedInPage(h);
    await openEditor(page, wf.id, 'Far away');
    const scale = async () => Number(/scale\(([\d.]+)\)/.exec((await page.locator('.svelte-flow__viewport').getAttribute('style')) ?? '')?.[1]);
    // The whole workflow fits the view: far apart, the nodes are drawn small.
    expect(await scale()).toBeLessThan(0.5);
    await page.locator('.svelte-flow__pane').click({ position: { x: 20, y: 300 } });
    await page.keyboard.press('Control+f');
    await page.waitForSelector('[data-testid="node-search"]');
    await page.keyboard.type('far');
    await expect(page.locator('[data-testid="node-search-result"]').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-node')))).resolves.toEqual(['Far away']);
    await page.keyboard.press('Enter');
    await within(3_000, async () => (await page.locator('[data-testid="node-search"]').count()) === 0, 'the search closes');
    await within(3_000, async () => (await page.locator('.svelte-flow__node.selected [data-node-name="Far away"]').count()) === 1, 'the node found is selected');
    await expect(page.locator('.svelte-flow__node.selected').count()).resolves.toBe(1);
    await within(3_000, async () => (await scale()) >= 1.2, 'zoomed in to the node');
    // It is in the middle of the canvas.
    const canvasBox = (await page.locator('[data-testid="canvas"]').boundingBox())!;
    const nodeBox = (await (await settled(page.locator('[data-node-name="Far away"]'))).boundingBox())!;
    expect(Math.abs(nodeBox.x + nodeBox.width / 2 - (canvasBox.x + canvasBox.width / 2))).toBeLessThan(40);
    expect(Math.abs(nodeBox.y + nodeBox.height / 2 - (canvasBox.y + canvasBox.height / 2))).toBeLessThan(40);
    await screenshot(page, 'canvas-03-found');
    await context.close();
  });

  it('debugs a failed run in the editor: its starting data is pinned, the fix runs on it', async () => {
    const wf = await create('Debug', [
      node('Start', 'n8n-nodes-base.manualTrigger', [0, 0]),
      { ...node('Greet', 'n8n-nodes-base.code', [240, 0], { jsCode: "throw new Error('not fixed yet');" }), typeVersion: 2 },
    ], { Start: { main: [[main('Greet')]] } });
    const failed = await ownerApi<{ executionId: string }>(h, 'POST', `/api/v1/workflows/${wf.id}/run`, { triggerItems: [{ json: { name: 'Ada' } }] });
    await within(10_000, async () => (await ownerApi<{ status: string }>(h, 'GET', `/api/v1/executions/${failed.executionId}`)).status === 'error', 'the run fails');
    const { page, context } = await signedInPage(h);
    await page.goto(`/workflows/${wf.id}/executions/${failed.executionId}`);
    await page.waitForSelector('[data-testid="replay"]');
    await page.waitForSelector('[data-testid="save-state"][data-sync="collab"]');
    await page.click('[data-testid="debug-in-editor"]');
    await within(3_000, async () => (await page.locator('[data-testid="replay"]').count()) === 0, 'back on the live workflow');
    await within(10_000, async () => {
      const saved = await ownerApi<{ pinData?: Record<string, unknown> }>(h, 'GET', `/api/v1/workflows/${wf.id}`);
      return JSON.stringify(saved.pinData) === JSON.stringify({ Start: [{ json: { name: 'Ada' } }] });
    }, "the run's starting data is pinned on Start");
    await page.waitForSelector('[data-node-name="Start"] .pin');

    // Fix the Code node, run again: it gets the pinned item.
    await (await settled(page.locator('[data-node-name="Greet"]'))).dblclick();
    await page.locator('[data-testid="code-editor"] .cm-content').fill("return $input.all().map((i) => ({ json: { greeting: 'hi ' + i.json.name } }));");
    await within(10_000, async () => {
      const saved = await ownerApi<{ nodes: { name: string; parameters: { jsCode?: string } }[] }>(h, 'GET', `/api/v1/workflows/${wf.id}`);
      return saved.nodes.find((n) => n.name === 'Greet')?.parameters.jsCode?.includes('greeting') ?? false;
    }, 'the fix is saved');
    await page.keyboard.press('Escape');
    await page.click('[data-testid="run-workflow"]');
    await within(15_000, async () => (await page.locator('[data-testid="run-banner"][data-status="success"]').count()) === 1, 'the fixed workflow runs');
    const list = await ownerApi<{ data: { id: string }[] }>(h, 'GET', `/api/v1/executions?workflowId=${wf.id}`);
    const latest = await ownerApi<{ data: { resultData: { runData: Record<string, { data: { main: { json: Record<string, unknown> }[][] } }[]> } } }>(h, 'GET', `/api/v1/executions/${list.data[0]!.id}?includeData=true`);
    expect(latest.data.resultData.runData.Greet?.[0]?.data.main[0]?.map((i) => i.json)).toEqual([{ greeting: 'hi Ada' }]);
    await context.close();
  });

  it('starts in the system colour scheme; the toggle switches to dark mode and the choice survives a reload', async () => {
    const { page, context } = await signedInPage(h);
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    const background = () => page.evaluate(() => getComputedStyle(document.querySelector('header')!).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.reload();
    await page.waitForSelector('[data-testid="theme-toggle"]');
    expect(await theme()).toBe('light');
    const light = await background();
    await page.click('[data-testid="theme-toggle"]');
    expect(await theme()).toBe('dark');
    expect(await background()).not.toBe(light);
    await page.reload();
    await page.waitForSelector('[data-testid="theme-toggle"]');
    expect(await theme()).toBe('dark');
    await expect(page.locator('[data-testid="theme-toggle"]').getAttribute('aria-pressed')).resolves.toBe('true');

    // The main screens in the dark, for a look (test-output/screenshots).
    const wf = await create('Dark', [node('Start', 'n8n-nodes-base.manualTrigger', [0, 0]), node('Note', 'n8n-nodes-base.stickyNote', [0, 200], { content: '## Read me' })]);
    await openEditor(page, wf.id, 'Start');
    expect(await page.locator('.svelte-flow').evaluate((el) => el.classList.contains('dark'))).toBe(true);
    await screenshot(page, 'canvas-04-dark-editor');
    for (const screen of ['workflows', 'executions', 'credentials']) {
      await page.goto(`/${screen}`);
      await page.waitForSelector('main');
      await screenshot(page, `canvas-05-dark-${screen}`);
    }

    // Until a choice is stored, the system's preference decides.
    await page.evaluate(() => localStorage.removeItem('weft.theme'));
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await page.waitForSelector('[data-testid="theme-toggle"]');
    expect(await theme()).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await within(2_000, async () => (await theme()) === 'light', 'it follows the system while nothing is stored');
    await context.close();
  });
});
