// A new user's first hour in real Chromium, from an empty data folder: the owner set-up screen
// (shown only while no one has an account) signs the owner in, and the audit log names them; an
// imported workflow with an unknown node is marked on the canvas and cannot be activated; a new
// workflow's first step is a Webhook, tried from the editor with a call to its test URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshot, signedInPage, startHarness, type Harness } from './harness.ts';

describe.skipIf(!chromiumAvailable())('the first hour', () => {
  let h: Harness;
  beforeAll(async () => {
    // No OWNER_EMAIL: the instance starts with no accounts, as `npx weft start` does.
    h = await startHarness({ OWNER_EMAIL: '', OWNER_PASSWORD: '', OWNER_API_KEY: '' });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('sets up the owner on a fresh instance, signs them in, and offers sign-in only afterwards', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 720 }, baseURL: h.server.url });
    context.setDefaultTimeout(8_000);
    const page = await context.newPage();
    await page.goto('/');
    await page.waitForSelector('[data-testid="setup-form"]');
    expect(await page.locator('h1').textContent()).toBe('Set up owner account');
    await screenshot(page, '29-owner-set-up-screen');
    await page.fill('#setup-email', 'ada@example.com');
    await page.fill('#setup-first', 'Ada');
    await page.fill('#setup-last', 'Lovelace');
    await page.fill('#setup-password', 'short');
    await page.click('button[type=submit]');
    // The browser refuses a password under 8 characters before anything is sent.
    expect(await page.locator('#setup-password').evaluate((el: HTMLInputElement) => el.validity.valid)).toBe(false);
    await page.fill('#setup-password', 'analytical-engine-1843');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid="workflow-list"], .empty');
    await screenshot(page, '30-owner-set-up');

    const me = await (await context.request.get('/api/v1/auth/session')).json();
    expect(me.user).toMatchObject({ email: 'ada@example.com', name: 'Ada Lovelace', instanceRole: 'owner' });
    const audit = await (await context.request.get('/api/v1/audit?scope=instance&limit=50')).json();
    const setUp = audit.data.filter((e: { type: string }) => ['UserRegistered', 'WorkspaceCreated'].includes(e.type));
    expect(setUp.length).toBe(2);
    for (const entry of setUp) expect(entry).toMatchObject({ actorKind: 'user', actorId: me.user.id });

    // Once the owner exists, a new visitor gets the sign-in form, and set-up is refused.
    const stranger = await h.browser.newContext({ viewport: { width: 1280, height: 720 }, baseURL: h.server.url });
    const other = await stranger.newPage();
    await other.goto('/');
    await other.waitForSelector('[data-testid="signin-form"]');
    expect(await other.locator('[data-testid="setup-form"]').count()).toBe(0);
    const again = await stranger.request.post('/api/v1/setup', { data: { email: 'eve@example.com', name: 'Eve', password: 'longenough1' } });
    expect(again.status()).toBe(409);
    await stranger.close();

    // An n8n export with a node this instance lacks, and a credential named that does not exist.
    const imported = await context.request.post('/api/v1/workflows/import', { data: {
      name: 'From n8n',
      nodes: [
        { name: 'Hook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], parameters: { path: 'first-hour', httpMethod: 'POST' } },
        { name: 'Enrich contact', type: 'n8n-nodes-base.dropcontact', typeVersion: 1, position: [260, 0], parameters: {} },
        { name: 'Call API', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [520, 0], parameters: { url: 'http://127.0.0.1:9/', authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth' }, credentials: { httpHeaderAuth: 'Team token' } },
      ],
      connections: { Hook: { main: [[{ node: 'Enrich contact', type: 'main', index: 0 }]] }, 'Enrich contact': { main: [[{ node: 'Call API', type: 'main', index: 0 }]] } },
    } });
    expect(imported.status(), await imported.text()).toBe(201);
    const workflowId = (await imported.json()).imported[0].id;
    await page.goto(`/workflows/${workflowId}`);
    await page.waitForSelector('[data-node-name="Enrich contact"] [data-testid="node-issues"]');
    expect(await page.locator('[data-node-name="Call API"] [data-testid="node-issues"]').getAttribute('title')).toContain("Call API: no Header Auth credential is chosen ('Team token' was not found)");
    expect(await page.locator('[data-node-name="Hook"] [data-testid="node-issues"]').count()).toBe(0);
    await page.locator('.active-toggle input').click();
    await page.waitForSelector('[data-testid="toast"].error');
    expect(await page.locator('[data-testid="toast"]').textContent()).toContain("The workflow cannot be activated: fix 'Enrich contact', 'Call API' first");
    expect(await page.locator('.active-toggle input').isChecked()).toBe(false);
    await screenshot(page, '31-unknown-node-refused');
    // A run started anyway fails before its first step; the replay says why and names the node.
    const run = await context.request.post(`/api/v1/workflows/${workflowId}/run?wait=true`, { data: { startNode: 'Hook', triggerItems: [{ json: {} }] } });
    expect(run.status(), await run.text()).toBe(201);
    await page.goto(`/workflows/${workflowId}/executions/${(await run.json()).id}`);
    expect(await page.locator('[data-testid="replay-error"]').textContent()).toContain('Unknown node type on: "Enrich contact"');
    await screenshot(page, '32-run-failed-before-any-step');

    // The list says so too, and its Active box stays unticked when the server refuses.
    await page.goto('/workflows');
    const row = page.locator('[data-testid="workflow-row"]', { hasText: 'From n8n' });
    expect(await row.locator('[data-testid="workflow-issues"]').textContent()).toContain('2 issues');
    await row.locator('input[aria-label="Active"]').click();
    await page.waitForSelector('[data-testid="toast"].error');
    expect(await row.locator('input[aria-label="Active"]').isChecked()).toBe(false);
    await context.close();
  });

  it('builds a webhook workflow from an empty canvas and tries it with a call to its test URL', async () => {
    const { page, context } = await signedInPage(h, { email: 'ada@example.com', password: 'analytical-engine-1843' });
    await page.click('[data-testid="create-workflow"]');
    await page.click('[data-testid="add-first-step"]');
    await page.fill('[data-testid="palette-search"]', 'Webhook');
    await page.click('[data-testid="palette-item"][data-type="n8n-nodes-base.webhook"]');
    await page.waitForSelector('[data-testid="webhook-urls"]');
    expect(await page.locator('[data-testid="add-first-step"]').count()).toBe(0);
    // A new Webhook answers on its own id, as in n8n; the production URL is the same path under /webhook/.
    const testUrl = (await page.locator('[data-testid="webhook-url"]').textContent())!;
    expect(testUrl).toMatch(new RegExp(`^${h.server.url}/webhook-test/[0-9a-f-]{36}$`));
    await page.click('[data-testid="url-production"]');
    expect(await page.locator('[data-testid="webhook-url"]').textContent()).toBe(testUrl.replace('/webhook-test/', '/webhook/'));

    // Run waits for a call, since nothing else can start this workflow.
    await page.click('[data-testid="run-workflow"]');
    await page.waitForSelector('[data-testid="listening-banner"]');
    expect(await page.locator('[data-testid="listening"]').count()).toBe(1);
    await screenshot(page, '33-listening-for-test-call');
    const answer = await fetch(`${testUrl}?greeting=hello`);
    expect(answer.status, await answer.text()).toBe(200);
    // The run shows live, and the call's request is the node's output.
    await page.waitForSelector('[data-testid="run-banner"][data-status="success"]');
    expect(await page.locator('[data-testid="listening-banner"]').count()).toBe(0);
    expect(await page.locator('[data-node-name="Webhook"] [data-testid="node-status"]').getAttribute('class')).toContain('success');
    await page.click('[data-testid="tab-data"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="node-panel"]')?.textContent?.includes('greeting'));
    await screenshot(page, '34-test-call-ran');
    // The listener answered its one call: a second call is refused with a hint.
    const again = await fetch(testUrl);
    expect(again.status).toBe(404);
    expect((await again.json()).message).toContain('Start listening for a test call first');
    await context.close();
  });
});
