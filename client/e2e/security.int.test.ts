// The editor under its own Content-Security-Policy in real Chromium: signing in, the canvas, the
// code editor, live runs and collaboration all work without one violation, and a page on another
// origin cannot frame the editor.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, ownerApi, settled, startHarness, TEST_OWNER, within, type Harness } from './harness.ts';

describe.skipIf(!chromiumAvailable())('editor security headers in the browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  /** A context whose pages report every CSP violation, from the first script on each page. */
  async function watchedContext(violations: string[]): Promise<{ context: BrowserContext; page: Page }> {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 720 }, baseURL: h.server.url });
    context.setDefaultTimeout(8_000);
    await context.exposeBinding('reportCspViolation', (_source, text: string) => void violations.push(text));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
    });
    return { context, page };
  }

  it('signs in, opens a workflow, edits code and runs it live without a CSP violation', async () => {
    const created = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/workflows', {
      name: 'Under CSP',
      nodes: [
        { id: 'n1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { id: 'n2', name: 'Code', type: 'n8n-nodes-base.code', typeVersion: 2, position: [240, 0], parameters: { jsCode: 'return [{ json: { n: 1 } }];' } },
      ],
      connections: { Start: { main: [[{ node: 'Code', type: 'main', index: 0 }]] } },
      settings: { executionOrder: 'v1' },
    });
    const violations: string[] = [];
    const { context, page } = await watchedContext(violations);
    const response = await page.goto('/signin');
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.fill('#email', TEST_OWNER.email);
    await page.fill('#password', TEST_OWNER.password);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid="workflow-list"], .empty');
    await page.goto(`/workflows/${created.id}`);
    await page.waitForSelector('.svelte-flow__node [data-node-name="Code"]');
    // The code editor (CodeMirror, a lazily loaded chunk with its own styles), edited through the
    // collaboration socket: the change reaching the API shows /collab works under the policy.
    await (await settled(page.locator('[data-node-name="Code"]'))).dblclick();
    await page.locator('[data-testid="code-editor"] .cm-content').fill('return [{ json: { n: 2 } }];');
    await within(8_000, async () => {
      const wf = await ownerApi<{ nodes: { name: string; parameters: { jsCode?: string } }[] }>(h, 'GET', `/api/v1/workflows/${created.id}`);
      return wf.nodes.find((n) => n.name === 'Code')?.parameters.jsCode?.includes('n: 2') ?? false;
    }, 'the edit is saved through /collab');
    await page.keyboard.press('Escape');
    // A run watched live goes through Socket.IO.
    await page.click('[data-testid="run-workflow"]');
    await within(15_000, async () => (await page.locator('[data-node-name="Code"][data-run-status="success"]').count()) === 1, 'the run shows live');
    expect(violations).toEqual([]);
    await context.close();
  });

  it('cannot be framed by a page on another origin', async () => {
    const editorUrl = `${h.server.url}/signin`;
    const framer = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><title>framer</title><iframe id="victim" src="${editorUrl}" width="800" height="600"></iframe>`);
    });
    await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve));
    const context = await h.browser.newContext();
    try {
      const page = await context.newPage();
      const refusals: string[] = [];
      page.on('console', (message) => {
        if (/frame-ancestors/.test(message.text())) refusals.push(message.text());
      });
      const editorAnswered = page.waitForResponse((r) => r.url() === editorUrl);
      await page.goto(`http://127.0.0.1:${(framer.address() as AddressInfo).port}/`);
      expect((await editorAnswered).status()).toBe(200);
      await within(5_000, async () => refusals.length > 0, 'Chromium refuses to frame the editor');
      const frame = page.frames().find((f) => f !== page.mainFrame());
      expect(frame).toBeDefined();
      // The blocked frame holds Chromium's error page, never the editor's sign-in form.
      expect(await frame!.locator('#email').count()).toBe(0);
      expect(frame!.url()).not.toBe(editorUrl);
    } finally {
      await context.close();
      await new Promise<void>((resolve) => framer.close(() => resolve()));
    }
  });
});
