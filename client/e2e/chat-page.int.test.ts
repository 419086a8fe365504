// The Chat Trigger's hosted page and embeddable widget in Chromium: a published Chat Trigger → Code
// workflow; the page shows its texts as text, keeps a session id, and shows the workflow's answer;
// the widget, included by a page on another origin, opens the same chat in a frame.
import { createServer, type Server } from 'node:http';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLlmStandIn } from '../../nodes/index.ts';
import { startTestServer, TEST_OWNER, type TestServer } from '../../server/index.ts';
import { CHROMIUM, chromiumAvailable, screenshot } from './harness.ts';

const WEBHOOK_ID = 'c7a1e0d2-00e2-4000-8000-0000000000e2';
const HOSTILE = '<img src=x onerror="window.__owned=1">';

let weft: TestServer;
let browser: Browser;
let host: Server;
let hostUrl = '';

async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(weft.url + path, {
    method, headers: { 'x-api-key': TEST_OWNER.apiKey, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

async function chatTurn(scope: Page | Frame, text: string): Promise<void> {
  const before = await scope.locator('.chat-message-from-bot').count();
  await scope.fill('.chat-input', text);
  await scope.press('.chat-input', 'Enter');
  await scope.locator('.chat-message-from-bot').nth(before).waitFor();
  await scope.locator('.chat-typing').waitFor({ state: 'detached' });
}

describe.skipIf(!chromiumAvailable())('Chat Trigger page in a browser', () => {
  beforeAll(async () => {
    weft = await startTestServer();
    const created = await api('POST', '/api/v1/workflows', {
      name: 'Support chat', settings: { executionOrder: 'v1' },
      nodes: [
        { id: 'chat', name: 'When chat message received', type: '@n8n/n8n-nodes-langchain.chatTrigger', typeVersion: 1.3, position: [0, 0], webhookId: WEBHOOK_ID,
          parameters: { public: true, mode: 'hostedChat', initialMessages: `Hello from support\n${HOSTILE}`, options: { title: 'Support', subtitle: 'We answer fast' } } },
        { id: 'code', name: 'Answer', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0],
          parameters: { jsCode: "return [{ json: { output: 'you said ' + $input.first().json.chatInput } }];" } },
      ],
      connections: { 'When chat message received': { main: [[{ node: 'Answer', type: 'main', index: 0 }]] } },
    });
    await api('POST', `/api/v1/workflows/${created.id}/activate`);
    // A site on another origin that embeds the chat with the widget snippet.
    host = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><title>Shop</title><h1>Shop</h1><script src="${weft.url}/webhook/${WEBHOOK_ID}/chat?widget=js" async></script>`);
    });
    await new Promise<void>((resolve) => host.listen(0, 'localhost', resolve));
    hostUrl = `http://localhost:${(host.address() as { port: number }).port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (host ? host.close(() => resolve()) : resolve()));
    await weft?.close();
  });

  it('shows the texts safely, sends a message and shows the answer in the same session', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    context.setDefaultTimeout(8_000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${weft.url}/webhook/${WEBHOOK_ID}/chat`);
    await expect(page.title()).resolves.toBe('Support');
    await expect(page.locator('.chat-subtitle').textContent()).resolves.toBe('We answer fast');
    await expect(page.locator('.chat-message-from-bot').allTextContents()).resolves.toEqual(['Hello from support', HOSTILE]);
    expect(await page.locator('.chat-body img').count()).toBe(0);

    await chatTurn(page, 'where is my order?');
    await expect(page.locator('.chat-message-from-user').allTextContents()).resolves.toEqual(['where is my order?']);
    await expect(page.locator('.chat-message-from-bot').last().textContent()).resolves.toBe('you said where is my order?');
    await chatTurn(page, '<b>bold?</b>');
    await expect(page.locator('.chat-message-from-bot').last().textContent()).resolves.toBe('you said <b>bold?</b>');
    expect(await page.locator('.chat-body b').count()).toBe(0);
    await screenshot(page, 'chat-hosted-page');

    // Both messages ran in the session the page keeps in localStorage.
    const sessionId = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('weft-chat/sessionId:'))?.[1]);
    expect(sessionId).toBeTruthy();
    await weft.runtime.executions.settle();
    const runs = (await api('GET', '/api/v1/executions?limit=10')).data as Array<{ id: string }>;
    const items = await Promise.all(runs.map(async (r) => (await api('GET', `/api/v1/executions/${r.id}?includeData=true`)).data.resultData.runData['When chat message received'][0].data.main[0][0].json));
    expect(items.map((i: { chatInput: string }) => i.chatInput).sort()).toEqual(['<b>bold?</b>', 'where is my order?']);
    expect(new Set(items.map((i: { sessionId: string }) => i.sessionId))).toEqual(new Set([sessionId]));
    expect(await page.evaluate(() => (window as unknown as { __owned?: number }).__owned)).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens the chat from the widget on another site', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    context.setDefaultTimeout(8_000);
    const page = await context.newPage();
    await page.goto(hostUrl);
    await page.click('#weft-chat-toggle');
    const frame = page.frameLocator('#weft-chat-frame');
    await frame.locator('.chat-title').waitFor();
    const chat = page.frames().find((f) => f.url().includes('embed=1'))!;
    await expect(chat.locator('body').getAttribute('class')).resolves.toBe('chat-embedded');
    await chatTurn(chat, 'hi from the shop');
    await expect(chat.locator('.chat-message-from-bot').last().textContent()).resolves.toBe('you said hi from the shop');
    await screenshot(page, 'chat-widget');
    await page.click('#weft-chat-toggle');
    await expect(page.locator('#weft-chat-frame').isVisible()).resolves.toBe(false);
    await context.close();
  });

  it('shows a streamed answer as it is written (Response Mode "Streaming")', async () => {
    const llm = await startLlmStandIn();
    try {
      const credential = await api('POST', '/api/v1/credentials', { name: 'Stand-in OpenAI', type: 'openAiApi', data: { apiKey: llm.apiKey, url: llm.openAiUrl } });
      const webhookId = 'c7a1e0d2-00e2-4000-8000-0000000000e3';
      const created = await api('POST', '/api/v1/workflows', {
        name: 'Streaming chat', settings: { executionOrder: 'v1' },
        nodes: [
          { id: 'chat', name: 'When chat message received', type: '@n8n/n8n-nodes-langchain.chatTrigger', typeVersion: 1.1, position: [0, 0], webhookId,
            parameters: { public: true, mode: 'hostedChat', options: { responseMode: 'streaming' } } },
          { id: 'agent', name: 'AI Agent', type: '@n8n/n8n-nodes-langchain.agent', typeVersion: 3, position: [200, 0], parameters: { promptType: 'auto', options: {} } },
          { id: 'model', name: 'OpenAI Chat Model', type: '@n8n/n8n-nodes-langchain.lmChatOpenAi', typeVersion: 1.2, position: [200, 200],
            parameters: { model: { __rl: true, mode: 'id', value: 'gpt-4o-mini' }, options: { maxRetries: 0 } }, credentials: { openAiApi: { id: credential.id, name: 'Stand-in OpenAI' } } },
        ],
        connections: {
          'When chat message received': { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
          'OpenAI Chat Model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
        },
      });
      await api('POST', `/api/v1/workflows/${created.id}/activate`);
      llm.script({ text: 'A streamed answer, in several pieces.' });
      const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      await page.goto(`${weft.url}/webhook/${webhookId}/chat`);
      await chatTurn(page, 'stream please');
      // The bubble fills in as the parts arrive.
      await page.waitForFunction((text) => Array.from(document.querySelectorAll('.chat-message-from-bot')).at(-1)?.textContent === text, 'A streamed answer, in several pieces.');
      expect(await page.locator('.chat-message-error').count()).toBe(0);
      expect(llm.chatCalls.at(-1)?.stream).toBe(true);
      await context.close();
    } finally {
      await llm.close();
    }
  });
});
