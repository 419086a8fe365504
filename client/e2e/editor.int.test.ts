// The editor end to end in real Chromium: sign in, import an n8n workflow file (every node and
// connection drawn), edit in the node panel, run it and see each node's result, the executions
// list, and time travel (an older version with its differences, then restoring it).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, inviteUser, ownerApi, ROOT, screenshot, signedInPage, settled, startHarness, within, type Harness } from './harness.ts';

const FIXTURE = path.join(ROOT, 'server', 'fixtures', 'n8n-export.json');

describe.skipIf(!chromiumAvailable())('editor', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('serves the app for editor paths but never shadows the API', async () => {
    const page = await fetch(`${h.server.url}/workflows/anything`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app">');
    const api = await fetch(`${h.server.url}/api/v1/nope`);
    expect(api.status).toBe(404);
    expect((await api.json()).code).toBe('not_found');
    const health = await fetch(`${h.server.url}/healthz`);
    expect(health.headers.get('content-type')).toContain('json');
  });

  it('imports an n8n workflow file and draws every node and connection', async () => {
    const fixture = JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(FIXTURE, 'utf8'))) as {
      nodes: { name: string }[]; connections: Record<string, { main: ({ node: string }[] | null)[] }>;
    };
    const connectionCount = Object.values(fixture.connections).flatMap((c) => c.main.flatMap((o) => o ?? [])).length;
    const { page, context } = await signedInPage(h);
    await screenshot(page, '01-workflows-empty');
    await page.click('[data-testid="import-open"]');
    await page.setInputFiles('[data-testid="import-file"]', FIXTURE);
    await page.waitForURL(/\/workflows\/[A-Za-z0-9_-]+$/);
    await page.waitForSelector('[data-testid="canvas-node"]');
    await within(5_000, async () => (await page.locator('.svelte-flow__node').count()) === fixture.nodes.length, 'all nodes drawn');
    for (const node of fixture.nodes) await expect(page.locator(`.svelte-flow__node [data-node-name="${node.name}"]`).count()).resolves.toBe(1);
    await expect(page.locator('[data-testid="sticky-note"]').count()).resolves.toBe(fixture.nodes.filter((n) => (n as { type?: string }).type === 'n8n-nodes-base.stickyNote').length);
    await within(5_000, async () => (await page.locator('.svelte-flow__edge').count()) === connectionCount, 'all connections drawn');
    // IF's two outputs are labelled.
    const ifNode = page.locator('[data-node-name="If"]');
    await expect(ifNode.locator('.port-label').allTextContents()).resolves.toEqual(['true', 'false']);
    await screenshot(page, '02-canvas-imported');
    await context.close();
  });

  it('edits a parameter in the node panel, runs the workflow and lists the execution', async () => {
    const created = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/workflows', {
      name: 'Greeter',
      nodes: [
        { id: 'n1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { id: 'n2', name: 'Code', type: 'n8n-nodes-base.code', typeVersion: 2, position: [240, 0], parameters: { jsCode: 'return [{ json: { n: 1 } }, { json: { n: 2 } }];' } },
        { id: 'n3', name: 'Greet', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [480, 0], parameters: { assignments: { assignments: [{ id: 'a', name: 'greeting', value: 'hi', type: 'string' }] }, includeOtherFields: true, options: {} } },
      ],
      connections: { Start: { main: [[{ node: 'Code', type: 'main', index: 0 }]] }, Code: { main: [[{ node: 'Greet', type: 'main', index: 0 }]] } },
      settings: { executionOrder: 'v1' },
    });
    const { page, context } = await signedInPage(h);
    await page.goto(`/workflows/${created.id}`);
    await page.waitForSelector('[data-node-name="Code"]');
    await (await settled(page.locator('[data-node-name="Code"]'))).dblclick();
    await page.waitForSelector('[data-testid="node-panel"]');
    const editor = page.locator('[data-testid="code-editor"] .cm-content');
    await editor.fill('return [{ json: { n: 1 } }, { json: { n: 2 } }, { json: { n: 3 } }];');
    await screenshot(page, '03-node-panel');
    await within(5_000, async () => {
      const wf = await ownerApi<{ nodes: { name: string; parameters: { jsCode?: string } }[] }>(h, 'GET', `/api/v1/workflows/${created.id}`);
      return wf.nodes.find((n) => n.name === 'Code')?.parameters.jsCode?.includes('n: 3') ?? false;
    }, 'the parameter is saved');
    await page.keyboard.press('Escape');
    await within(2_000, async () => (await page.locator('[data-testid="node-panel"]').count()) === 0, 'Esc closes the panel');
    await page.click('[data-testid="run-workflow"]');
    await within(15_000, async () => (await page.locator('[data-testid="run-banner"][data-status="success"]').count()) === 1, 'the run succeeds');
    await within(5_000, async () => (await page.locator('[data-node-name="Greet"][data-run-status="success"]').count()) === 1, 'Greet marked as succeeded');
    await expect(page.locator('[data-node-name="Greet"] ~ .caption [data-testid="node-items"], [data-node-name="Greet"] + .caption [data-testid="node-items"]').first().textContent()).resolves.toContain('3 items');
    await screenshot(page, '04-run-finished');

    await page.goto('/executions');
    await page.waitForSelector('[data-testid="execution-row"]');
    await expect(page.locator('[data-testid="execution-row"]').first().textContent()).resolves.toContain('success');
    await screenshot(page, '05-executions');
    await page.locator('[data-testid="execution-row"]').first().click();
    await page.waitForSelector('[data-testid="replay"]');
    await within(3_000, async () => (await page.locator('[data-node-name="Greet"][data-run-status="success"]').count()) === 1, 'the replay shows the whole run');
    // Scrub back to the first step: only the trigger has run.
    await page.locator('[data-testid="replay-scrubber"]').fill('1');
    await within(2_000, async () => (await page.locator('[data-run-status="success"]').count()) === 1, 'one step shown');
    await expect(page.locator('[data-node-name="Start"]').getAttribute('data-run-status')).resolves.toBe('success');
    await page.waitForTimeout(200); // let the border colours finish their transition
    await screenshot(page, '06-execution-replay');
    // Re-run from Greet with an edited input.
    await page.locator('.svelte-flow__node:has([data-node-name="Greet"])').click();
    await page.click('[data-testid="rerun-from"]');
    await expect(page.inputValue('[data-testid="rerun-input"]')).resolves.toContain('"n": 3');
    await page.fill('[data-testid="rerun-input"]', '[{"json": {"n": 42}}]');
    await page.click('[data-testid="rerun-start"]');
    await within(10_000, async () => {
      const list = await ownerApi<{ data: { id: string; status: string }[] }>(h, 'GET', `/api/v1/executions?workflowId=${created.id}`);
      if (list.data.length < 2 || list.data[0]!.status !== 'success') return false;
      const latest = await ownerApi<{ data: { resultData: { runData: Record<string, { data: { main: { json: Record<string, unknown> }[][] } }[]> } } }>(h, 'GET', `/api/v1/executions/${list.data[0]!.id}?includeData=true`);
      const out = latest.data.resultData.runData.Greet?.[0]?.data.main[0];
      return out?.length === 1 && out[0]!.json.n === 42 && latest.data.resultData.runData.Code === undefined;
    }, 'a new run starts at Greet with the edited input');
    await context.close();
  });

  it('shows an older version with its differences, and restores it', async () => {
    const created = await ownerApi<{ id: string; revision: number }>(h, 'POST', '/api/v1/workflows', {
      name: 'Versions',
      nodes: [{ id: 'v1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }],
      connections: {}, settings: {},
    });
    const firstRevision = created.revision;
    await ownerApi(h, 'PUT', `/api/v1/workflows/${created.id}`, {
      name: 'Versions',
      nodes: [
        { id: 'v1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { id: 'v2', name: 'Later', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [240, 0], parameters: {} },
      ],
      connections: { Start: { main: [[{ node: 'Later', type: 'main', index: 0 }]] } }, settings: {},
    });
    const { page, context } = await signedInPage(h);
    await page.goto(`/workflows/${created.id}`);
    await page.waitForSelector('[data-node-name="Later"]');
    await page.click('[data-testid="toggle-history"]');
    await page.waitForSelector(`[data-testid="history-entry"][data-revision="${firstRevision}"]`);
    await page.click(`[data-testid="history-entry"][data-revision="${firstRevision}"]`);
    await page.waitForSelector('[data-testid="version-view"]');
    await expect(page.locator('[data-testid="version-diff"]').textContent()).resolves.toMatch(/\+1\s*added/);
    // The node added since is drawn as a ghost marked "added"; the canvas is read-only.
    await within(3_000, async () => (await page.locator('[data-node-name="Later"].diff-added').count()) === 1, 'added node highlighted');
    await screenshot(page, '07-history-version');
    await page.click('[data-testid="restore-version"]');
    await within(5_000, async () => {
      const wf = await ownerApi<{ nodes: unknown[] }>(h, 'GET', `/api/v1/workflows/${created.id}`);
      return wf.nodes.length === 1;
    }, 'the old version restored');
    await within(5_000, async () => (await page.locator('[data-node-name="Later"]').count()) === 0, 'the canvas shows the restored version');
    await context.close();
  });

  it('copies nodes as n8n JSON and pastes n8n JSON, previews expressions and pins data', async () => {
    const created = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/workflows', {
      name: 'Clipboard',
      nodes: [
        { id: 'k1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { id: 'k2', name: 'Numbers', type: 'n8n-nodes-base.code', typeVersion: 2, position: [240, 0], parameters: { jsCode: 'return [{ json: { n: 4 } }, { json: { n: 5 } }];' } },
        { id: 'k3', name: 'Limit', type: 'n8n-nodes-base.limit', typeVersion: 1, position: [480, 0], parameters: { maxItems: 1 } },
      ],
      connections: { Start: { main: [[{ node: 'Numbers', type: 'main', index: 0 }]] }, Numbers: { main: [[{ node: 'Limit', type: 'main', index: 0 }]] } },
      settings: { executionOrder: 'v1' },
    });
    await ownerApi(h, 'POST', `/api/v1/workflows/${created.id}/run?wait=true`, {});
    const { page, context } = await signedInPage(h);
    await page.goto(`/workflows/${created.id}`);
    await page.waitForSelector('[data-testid="save-state"][data-sync]');

    // Copy: select Numbers and Limit, then a copy event carries n8n's clipboard JSON.
    await page.locator('.svelte-flow__node:has([data-node-name="Numbers"])').click();
    await page.locator('.svelte-flow__node:has([data-node-name="Limit"])').click({ modifiers: ['Shift'] });
    const copied = await page.evaluate(`(() => {
      const data = new DataTransfer();
      document.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
      return data.getData('text/plain');
    })()`) as string;
    const json = JSON.parse(copied) as { nodes: { name: string }[]; connections: Record<string, unknown> };
    expect(json.nodes.map((n) => n.name).sort()).toEqual(['Limit', 'Numbers']);
    expect(Object.keys(json.connections)).toEqual(['Numbers']);

    // Paste what n8n puts on the clipboard: names made unique, the connection between them kept.
    await page.locator('[data-testid="canvas"]').click({ position: { x: 600, y: 600 } });
    await page.evaluate(`((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    })(${JSON.stringify(copied)})`);
    await within(3_000, async () => (await page.locator('[data-node-name="Numbers1"]').count()) === 1 && (await page.locator('[data-node-name="Limit1"]').count()) === 1, 'pasted nodes');
    await within(3_000, async () => {
      const wf = await ownerApi<{ connections: Record<string, { main: { node: string }[][] }> }>(h, 'GET', `/api/v1/workflows/${created.id}`);
      return wf.connections.Numbers1?.main[0]?.[0]?.node === 'Limit1';
    }, 'the pasted connection is stored');

    // Expression mode on Limit's "Max Items", previewed against the last run's input (n: 4, n: 5).
    await page.keyboard.press('1'); // fit everything in view (pasting scrolled to the new nodes)
    await page.waitForTimeout(300);
    await (await settled(page.locator('.svelte-flow__node:has([data-node-name="Limit"])'))).dblclick({ timeout: 5_000 });
    await page.waitForSelector('[data-testid="node-panel"]');
    await page.locator('[data-param="maxItems"] .mode').click();
    await page.fill('[data-param="maxItems"] [data-testid="expression-input"]', '={{ $json.n * 10 }}');
    await within(3_000, async () => ((await page.locator('[data-testid="expression-preview"] pre').textContent()) ?? '').trim() === '40', 'the preview shows 40');
    await screenshot(page, '11-expression-preview');

    // Pin the output of the last run.
    await page.click('[data-testid="tab-data"]');
    await page.waitForSelector('[data-testid="items-output"]');
    await expect(page.locator('[data-testid="items-output"]').textContent()).resolves.toContain('1 item');
    await page.click('[data-testid="pin-data"]');
    await within(3_000, async () => {
      const wf = await ownerApi<{ pinData?: Record<string, unknown[]> }>(h, 'GET', `/api/v1/workflows/${created.id}`);
      return (wf.pinData?.Limit?.length ?? 0) === 1;
    }, 'the pinned data is stored');
    await screenshot(page, '12-node-data');
    await context.close();
  });

  it('takes screenshots of the other screens', async () => {
    const { page, context } = await signedInPage(h);
    await page.waitForSelector('[data-testid="workflow-row"]');
    await screenshot(page, '00-workflows');
    for (const [path, name] of [['/credentials', '13-credentials'], ['/variables', '14-variables'], ['/audit', '15-audit']] as const) {
      await page.click(`nav a[href="${path}"]`);
      await page.waitForSelector('table');
      await screenshot(page, name);
    }
    await page.click('nav a[href="/workflows"]');
    await page.locator('[data-testid="workflow-row"] a', { hasText: 'Lead routing' }).click();
    await page.waitForSelector('.svelte-flow__node');
    // The structured editors of n8n's filter (IF) and assignments (Edit Fields) parameters.
    await (await settled(page.locator('.svelte-flow__node:has([data-node-name="If"])'))).dblclick();
    await page.waitForSelector('[data-testid="conditions"]');
    await expect(page.locator('[data-testid="conditions"] select[aria-label="Operator"]').inputValue()).resolves.toBe('number:gt');
    await screenshot(page, '18-if-conditions');
    await page.keyboard.press('Escape');
    await (await settled(page.locator('.svelte-flow__node:has([data-node-name="Hot lead"])'))).dblclick();
    await page.waitForSelector('[data-testid="assignments"]');
    await expect(page.locator('[data-testid="assignments"] input[aria-label="Field name"]').inputValue()).resolves.toBe('tier');
    await screenshot(page, '19-set-assignments');
    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    await page.waitForSelector('[data-testid="palette"]');
    await screenshot(page, '16-palette');
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await screenshot(page, '17-shortcuts');
    await context.close();
  });

  it('edits the canvas from the keyboard: sticky note, rename, disable, connect, delete, undo', async () => {
    const created = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/workflows', {
      name: 'Keyboard',
      nodes: [
        { id: 'e1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { id: 'e2', name: 'Tidy', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [300, 0], parameters: {} },
      ],
      connections: {}, settings: {},
    });
    const stored = () => ownerApi<{ nodes: { name: string; type: string; disabled?: boolean; parameters: Record<string, unknown> }[]; connections: Record<string, { main: { node: string }[][] }> }>(h, 'GET', `/api/v1/workflows/${created.id}`);
    const { page, context } = await signedInPage(h);
    await page.goto(`/workflows/${created.id}`);
    await page.waitForSelector('[data-testid="save-state"][data-sync]');
    const node = (name: string) => page.locator(`.svelte-flow__node:has([data-node-name="${name}"])`);

    // Connect Start → Tidy by dragging from the output handle to the input handle.
    const from = (await node('Start').locator('.svelte-flow__handle.source').boundingBox())!;
    const to = (await node('Tidy').locator('.svelte-flow__handle.target').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
    await page.mouse.up();
    await within(3_000, async () => (await stored()).connections.Start?.main[0]?.[0]?.node === 'Tidy', 'the connection is stored');

    // Rename (F2 opens the panel on the name), then disable with D.
    await node('Tidy').click();
    await page.keyboard.press('F2');
    await page.fill('[data-testid="node-name-input"]', 'Tidied');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await within(3_000, async () => (await stored()).connections.Start?.main[0]?.[0]?.node === 'Tidied', 'the rename follows the connection');
    await node('Tidied').click();
    await page.keyboard.press('d');
    await within(3_000, async () => (await stored()).nodes.find((n) => n.name === 'Tidied')?.disabled === true, 'the node is disabled');

    // A sticky note with S, its text edited after a double-click.
    await page.locator('[data-testid="canvas"]').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('s');
    await page.waitForSelector('[data-testid="sticky-note"]');
    await (await settled(page.locator('[data-testid="sticky-note"]'))).dblclick();
    await page.fill('[data-testid="sticky-editor"] textarea', '## Plan\nKeep it tidy');
    await within(3_000, async () => (await stored()).nodes.some((n) => n.type === 'n8n-nodes-base.stickyNote' && n.parameters.content === '## Plan\nKeep it tidy'), 'the note is stored');
    await page.keyboard.press('Escape');

    // Delete removes the node and its connection; undo brings both back.
    await node('Tidied').click();
    await page.keyboard.press('Delete');
    await within(3_000, async () => !(await stored()).nodes.some((n) => n.name === 'Tidied'), 'the node is deleted');
    expect((await stored()).connections.Start).toBeUndefined();
    await page.keyboard.press('Control+z');
    await within(3_000, async () => (await stored()).connections.Start?.main[0]?.[0]?.node === 'Tidied', 'undo restores node and connection')
      .catch(async (e) => { await screenshot(page, 'failed-undo'); throw new Error(`${(e as Error).message}: ${JSON.stringify(await stored())}`); });
    await screenshot(page, '20-keyboard-edits');

    // Workflow settings.
    await page.click('[data-testid="open-settings"]');
    await page.selectOption('#ws-order', 'v1');
    await page.fill('#ws-tz', 'Europe/Berlin');
    await screenshot(page, '21-workflow-settings');
    await page.click('[data-testid="workflow-settings"] button[type=submit]');
    await within(3_000, async () => {
      const wf = await ownerApi<{ settings: Record<string, unknown> }>(h, 'GET', `/api/v1/workflows/${created.id}`);
      return wf.settings.executionOrder === 'v1' && wf.settings.timezone === 'Europe/Berlin';
    }, 'the settings are stored');
    await context.close();
  });

  it('shows a viewer the workflow read-only', async () => {
    const viewer = await inviteUser(h, 'vic@example.com', 'Vic', 'vic password 1234', 'viewer');
    const created = await ownerApi<{ id: string; revision: number }>(h, 'POST', '/api/v1/workflows', {
      name: 'Look only',
      nodes: [{ id: 'r1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }],
      connections: {}, settings: {},
    });
    const { page, context } = await signedInPage(h, viewer);
    await page.goto(`/workflows/${created.id}`);
    await page.waitForSelector('[data-node-name="Start"]');
    await expect(page.locator('[data-testid="run-workflow"]').isDisabled()).resolves.toBe(true);
    await expect(page.locator('[data-testid="add-node"]').isDisabled()).resolves.toBe(true);
    await page.locator('[data-testid="canvas"]').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('n');
    await expect(page.locator('[data-testid="palette"]').count()).resolves.toBe(0);
    await (await settled(page.locator('.svelte-flow__node:has([data-node-name="Start"])'))).dblclick();
    await page.waitForSelector('[data-testid="node-panel"]');
    await expect(page.locator('[data-testid="node-name-input"]').getAttribute('readonly')).resolves.not.toBeNull();
    const wf = await ownerApi<{ revision: number }>(h, 'GET', `/api/v1/workflows/${created.id}`);
    expect(wf.revision).toBe(created.revision);
    await context.close();
  });

  it('without the collaboration room, saves over REST and shows what others saved', async () => {
    const created = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/workflows', {
      name: 'Offline room',
      nodes: [{ id: 'o1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }],
      connections: {}, settings: {},
    });
    const { page, context } = await signedInPage(h);
    const errorsBefore = h.consoleErrors.length;
    // Refuse the room's WebSocket, as a server without collaboration would.
    await context.routeWebSocket(/\/collab\//, (ws) => ws.close({ code: 4404, reason: 'no room here' }));
    await page.goto(`/workflows/${created.id}`);
    await page.waitForSelector('[data-testid="save-state"][data-sync="rest"]', { timeout: 10_000 });
    await page.locator('[data-testid="canvas"]').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('n');
    await page.fill('[data-testid="palette-search"]', 'No Operation');
    await page.keyboard.press('Enter');
    await within(5_000, async () => {
      const wf = await ownerApi<{ nodes: { name: string }[] }>(h, 'GET', `/api/v1/workflows/${created.id}`);
      return wf.nodes.some((n) => n.name === 'No Operation, do nothing');
    }, 'the new node is saved over REST');
    // Someone else saves: the live feed announces it and the editor shows it.
    const current = await ownerApi<{ revision: number; nodes: unknown[]; connections: unknown; settings: unknown }>(h, 'GET', `/api/v1/workflows/${created.id}`);
    await ownerApi(h, 'PUT', `/api/v1/workflows/${created.id}`, {
      name: 'Offline room', connections: current.connections, settings: current.settings,
      nodes: [...current.nodes, { id: 'o9', name: 'From elsewhere', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [0, 300], parameters: {} }],
    }, { 'if-match': `"${current.revision}"` });
    // (Fit the view while waiting: only nodes in view are drawn.)
    await within(3_000, async () => {
      await page.keyboard.press('1');
      return (await page.locator('[data-node-name="From elsewhere"]').count()) === 1;
    }, 'the other save shows');
    // The refused room socket is expected noise here, nothing else.
    const added = h.consoleErrors.splice(errorsBefore);
    expect(added.filter((e) => !e.includes('/collab/'))).toEqual([]);
    await context.close();
  });

  it('wrote no errors to the browser console', () => {
    expect(h.consoleErrors).toEqual([]);
  });
});
