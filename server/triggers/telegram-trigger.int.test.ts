// Telegram Trigger on a real test server, against a local stand-in for the Telegram Bot API written
// from its documentation (core.telegram.org/bots/api: setWebhook, getWebhookInfo, deleteWebhook,
// getFile, /file/bot<token>/<path>, `{ok, result}` answers, the X-Telegram-Bot-Api-Secret-Token
// header on every update it posts). Activation registers the URL, updates start runs, a wrong
// secret is refused, deactivation unregisters.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support.ts';
import { activeWorkflowCreator, ownerApi, SEEN_NODE } from './trigger-test-support.ts';

const PUBLIC_URL = 'http://weft.example.test';
const TOKEN = '987654:stand-in_token';
const PHOTO = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);

interface BotCall { httpMethod: string; apiMethod: string; params: Record<string, unknown> }
const calls: BotCall[] = [];
let registered: { url: string; allowed_updates?: unknown; secret_token?: string; drop_pending_updates?: unknown } = { url: '' };
let telegram: Server;
let base = '';
let weft: TestServer;

beforeAll(async () => {
  telegram = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (url.pathname === `/file/bot${TOKEN}/photos/file_3.jpg`) {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        return res.end(PHOTO);
      }
      const match = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
      if (!match) return reply(404, { ok: false, error_code: 404, description: 'Not Found' });
      if (match[1] !== TOKEN) return reply(401, { ok: false, error_code: 401, description: 'Unauthorized' });
      const raw = Buffer.concat(chunks).toString('utf8');
      const params: Record<string, unknown> = { ...Object.fromEntries(url.searchParams), ...(raw ? JSON.parse(raw) : {}) };
      calls.push({ httpMethod: req.method ?? '', apiMethod: match[2], params });
      switch (match[2]) {
        case 'setWebhook':
          if (!/^[A-Za-z0-9_-]{1,256}$/.test(String(params.secret_token))) return reply(400, { ok: false, error_code: 400, description: 'Bad Request: secret token contains unallowed characters' });
          registered = { url: String(params.url), allowed_updates: params.allowed_updates, secret_token: String(params.secret_token), drop_pending_updates: params.drop_pending_updates };
          return reply(200, { ok: true, result: true, description: 'Webhook was set' });
        case 'getMe':
          return reply(200, { ok: true, result: { id: 42, is_bot: true, first_name: 'Weft test', username: 'weft_test_bot' } });
        case 'getWebhookInfo':
          return reply(200, { ok: true, result: { url: registered.url, has_custom_certificate: false, pending_update_count: 0 } });
        case 'deleteWebhook':
          registered = { url: '' };
          return reply(200, { ok: true, result: true, description: 'Webhook was deleted' });
        case 'getFile':
          if (params.file_id !== 'PH-large') return reply(400, { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
          return reply(200, { ok: true, result: { file_id: 'PH-large', file_unique_id: 'u1', file_size: PHOTO.length, file_path: 'photos/file_3.jpg' } });
        default:
          return reply(404, { ok: false, error_code: 404, description: 'Not Found' });
      }
    });
  });
  await new Promise<void>((resolve) => telegram.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(telegram.address() as { port: number }).port}`;
  weft = await startTestServer({ PUBLIC_URL });
});

afterAll(async () => {
  await weft?.close();
  await new Promise<void>((resolve) => telegram.close(() => resolve()));
});

const api = ownerApi(() => weft);
const createActive = activeWorkflowCreator(api);

function workflow(name: string, webhookId: string, credentialId: string, typeVersion: number, parameters: Record<string, unknown>) {
  return {
    name, settings: { executionOrder: 'v1' },
    nodes: [
      { id: 'tg-node', name: 'Telegram Trigger', type: 'n8n-nodes-base.telegramTrigger', typeVersion, position: [0, 0], webhookId, parameters,
        credentials: { telegramApi: { id: credentialId, name: 'Bot' } } },
      SEEN_NODE,
    ],
    connections: { 'Telegram Trigger': { main: [[{ node: 'Seen', type: 'main', index: 0 }]] } },
  };
}

/** The runs of a workflow, oldest first: mode, status, and what the Seen node got. */
async function runs(workflowId: string) {
  await weft.runtime.executions.settle();
  for (let i = 0; i < 50; i++) {
    const list = await api('GET', `/api/v1/executions?workflowId=${workflowId}&limit=250`);
    if (!list.body.data.some((e: { status: string }) => ['new', 'running'].includes(e.status))) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const list = await api('GET', `/api/v1/executions?workflowId=${workflowId}&limit=250`);
  const out = [];
  for (const e of [...list.body.data].reverse()) {
    const one = await api('GET', `/api/v1/executions/${e.id}?includeData=true`);
    out.push({ mode: one.body.mode, status: one.body.status, items: one.body.data?.resultData?.runData?.Seen?.[0]?.data?.main?.[0] ?? [] });
  }
  return out;
}

const message = (chatId: number, text: string, extra: Record<string, unknown> = {}) => ({
  update_id: 1000 + chatId, message: { message_id: 1, date: 1_700_000_000, chat: { id: chatId, type: 'private' }, from: { id: 7, is_bot: false, first_name: 'Ann' }, text, ...extra },
});

describe('Telegram Trigger', () => {
  it('registers with setWebhook on activation, runs on updates with the secret, refuses others, and deletes the webhook on deactivation', async () => {
    const credential = await api('POST', '/api/v1/credentials', { name: 'Bot', type: 'telegramApi', data: { accessToken: TOKEN, baseUrl: base } });
    expect(credential.status, JSON.stringify(credential.body)).toBe(201);
    const webhookId = '7e1f0c2a-1111-4222-8333-944455556666';
    calls.length = 0;
    const id = await createActive(workflow('Bot inbox', webhookId, credential.body.id, 1.2, { updates: ['message', 'callback_query'], additionalFields: { chatIds: '42, 43' } }));

    const hookUrl = `${PUBLIC_URL}/webhook/${webhookId}/webhook`;
    expect(calls.map((c) => c.apiMethod)).toEqual(['getWebhookInfo', 'setWebhook']);
    expect(calls[1]).toEqual({ httpMethod: 'POST', apiMethod: 'setWebhook', params: { url: hookUrl, allowed_updates: ['message', 'callback_query'], secret_token: `${id}_tg-node`.replace(/[^A-Za-z0-9_-]/g, '') } });
    expect(registered.url).toBe(hookUrl);

    // Telegram posts an update with the secret header: a run with that update.
    const path = new URL(hookUrl).pathname;
    const post = (body: unknown, secret?: string) => fetch(`${weft.url}${path}`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...(secret === undefined ? {} : { 'x-telegram-bot-api-secret-token': secret }) }, body: JSON.stringify(body),
    });
    const update = message(42, 'hello bot');
    const accepted = await post(update, registered.secret_token);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ message: 'Workflow was started' });

    // A wrong or missing secret is refused with 403 and starts nothing.
    const forged = await post(message(42, 'forged'), 'not-the-secret');
    expect([forged.status, await forged.json()]).toEqual([403, { message: 'Provided secret is not valid' }]);
    expect((await post(message(42, 'no header'))).status).toBe(403);
    // A chat outside "Restrict to Chat IDs" is answered but starts no run.
    expect((await post(message(99, 'stranger'), registered.secret_token)).status).toBe(200);

    const seen = await runs(id);
    expect(seen).toEqual([{ mode: 'webhook', status: 'success', items: [{ json: { ...update, seen: true }, pairedItem: { item: 0 } }] }]);

    calls.length = 0;
    expect((await api('POST', `/api/v1/workflows/${id}/deactivate`)).status).toBe(200);
    expect(calls.map((c) => c.apiMethod)).toEqual(['deleteWebhook']);
    expect(registered.url).toBe('');
    expect((await post(update, 'x')).status).toBe(404);
  });

  it('v1.3+ drops pending updates and subscribes to everything for *, downloads the photo of an update, and keeps an existing registration', async () => {
    const credential = await api('POST', '/api/v1/credentials', { name: 'Bot 2', type: 'telegramApi', data: { accessToken: TOKEN, baseUrl: base } });
    const webhookId = '8e1f0c2a-1111-4222-8333-944455556667';
    calls.length = 0;
    const id = await createActive(workflow('Bot photos', webhookId, credential.body.id, 1.3, { updates: ['*'], additionalFields: { download: true, imageSize: 'large' } }));
    expect(calls[1].params).toMatchObject({ allowed_updates: [], drop_pending_updates: true });

    const photo = [{ file_id: 'PH-small', width: 90 }, { file_id: 'PH-medium', width: 320 }, { file_id: 'PH-large', width: 800 }];
    const update = message(42, '', { text: undefined, photo, caption: 'look' });
    const res = await fetch(`${weft.url}/webhook/${webhookId}/webhook`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': registered.secret_token! }, body: JSON.stringify(update),
    });
    expect(res.status).toBe(200);
    const [run] = await runs(id);
    expect(run.status).toBe('success');
    expect(run.items[0].json).toEqual({ ...JSON.parse(JSON.stringify(update)), seen: true });
    expect(run.items[0].binary.data).toMatchObject({ mimeType: 'image/jpeg', fileName: 'file_3.jpg', fileExtension: 'jpg' });
    expect(calls.filter((c) => c.apiMethod === 'getFile')).toEqual([{ httpMethod: 'GET', apiMethod: 'getFile', params: { file_id: 'PH-large' } }]);

    // Deactivated and activated again while Telegram still has the URL: getWebhookInfo finds it, no second setWebhook.
    expect((await api('POST', `/api/v1/workflows/${id}/deactivate`)).status).toBe(200);
    registered.url = `${PUBLIC_URL}/webhook/${webhookId}/webhook`;
    calls.length = 0;
    expect((await api('POST', `/api/v1/workflows/${id}/activate`)).status).toBe(200);
    expect(calls.map((c) => c.apiMethod)).toEqual(['getWebhookInfo']);
    expect((await api('POST', `/api/v1/workflows/${id}/deactivate`)).status).toBe(200);
  });

  it('fails the activation with Telegram\'s answer when the token is wrong', async () => {
    const credential = await api('POST', '/api/v1/credentials', { name: 'Bad bot', type: 'telegramApi', data: { accessToken: 'wrong', baseUrl: base } });
    const created = await api('POST', '/api/v1/workflows', workflow('Bad bot', '9e1f0c2a-1111-4222-8333-944455556668', credential.body.id, 1.2, { updates: ['message'] }));
    const activated = await api('POST', `/api/v1/workflows/${created.body.id}/activate`);
    expect(activated.status).toBe(400);
    expect(activated.body.message).toBe('Workflow could not be activated: Telegram Trigger: Authorization failed - please check your credentials');
  });

  it('tests the credential with getMe through the API: the bot for a good token, Unauthorized for a bad one', async () => {
    const good = await api('POST', '/api/v1/credentials/test', { type: 'telegramApi', data: { accessToken: TOKEN, baseUrl: base } });
    expect(good.body).toMatchObject({ status: 'OK', message: expect.stringContaining('weft_test_bot') });
    const bad = await api('POST', '/api/v1/credentials/test', { type: 'telegramApi', data: { accessToken: 'wrong', baseUrl: base } });
    expect(bad.body).toMatchObject({ status: 'Error', message: expect.stringMatching(/Unauthorized|Authorization failed/) });
    expect(JSON.stringify(bad.body)).not.toContain('wrong');
  });
});
