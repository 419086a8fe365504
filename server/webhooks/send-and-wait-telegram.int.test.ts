// Telegram's Send and Wait on a real Weft server against the Bot API stand-in: the message carries
// an inline keyboard of signed links; the approve link resumes the run with {data: {approved: true}};
// a link of one run does not resume another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';
import { startTelegramStandIn, type TelegramStandIn } from '../../nodes/index.ts';

/** A bot token in the Bot API's shape (nodes/telegram/telegram-test-server.ts). */
const BOT_TOKEN = '123456:TEST-token_abc';

let telegram: TelegramStandIn;
let server: TestServer;
let workflowPath: string;

const api = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, {
  ...init, headers: { 'X-API-KEY': TEST_OWNER.apiKey, 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
});

beforeAll(async () => {
  telegram = await startTelegramStandIn();
  server = await startTestServer();
  const cred = await api('/api/v1/credentials', { method: 'POST', body: JSON.stringify({ name: 'Bot', type: 'telegramApi', data: { accessToken: BOT_TOKEN, baseUrl: telegram.url } }) });
  const credentialId = ((await cred.json()) as { id: string }).id;
  workflowPath = 'telegram-approval';
  const definition = {
    name: 'Telegram approval', settings: { executionOrder: 'v1' },
    nodes: [
      { id: 'hook', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: 'hook-telegram', parameters: { path: workflowPath } },
      {
        id: 'tg-ask', name: 'Ask', type: 'n8n-nodes-base.telegram', typeVersion: 1.2, position: [200, 0], credentials: { telegramApi: { id: credentialId, name: 'Bot' } },
        parameters: { operation: 'sendAndWait', chatId: '42', message: 'Deploy *now*?' },
      },
    ],
    connections: { Webhook: { main: [[{ node: 'Ask', type: 'main', index: 0 }]] } },
  };
  const created = await api('/api/v1/workflows', { method: 'POST', body: JSON.stringify(definition) });
  const { id } = (await created.json()) as { id: string };
  expect((await api(`/api/v1/workflows/${id}/activate`, { method: 'POST' })).status).toBe(200);
});
afterAll(async () => {
  await server?.close();
  await telegram?.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function run(executionId: string, until: (status: string) => boolean): Promise<any> {
  for (let i = 0; i < 300; i++) {
    const res = await api(`/api/v1/executions/${executionId}?includeData=true`);
    const body = (await res.json()) as { status: string };
    if (res.status === 200 && until(body.status)) return body;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`run ${executionId} did not get there`);
}

async function park(): Promise<{ executionId: string; keyboard: { text: string; url: string }[]; params: Record<string, unknown> }> {
  telegram.seen.length = 0;
  const started = await fetch(`${server.url}/webhook/${workflowPath}`);
  const executionId = started.headers.get('x-weft-execution-id')!;
  expect((await run(executionId, (s) => !['new', 'running'].includes(s))).status).toBe('waiting');
  const [sent] = telegram.seen.filter((s) => s.apiMethod === 'sendMessage');
  const markup = sent.params.reply_markup as { inline_keyboard: { text: string; url: string }[][] };
  const local = (url: string) => { const u = new URL(url); return `${server.url}${u.pathname}${u.search}`; };
  return { executionId, params: sent.params, keyboard: markup.inline_keyboard[0].map((b) => ({ text: b.text, url: local(b.url) })) };
}

describe('Telegram send and wait', () => {
  it('sends the question with a signed approve link; the link resumes the run with the approval', async () => {
    const { executionId, keyboard, params } = await park();
    expect(params).toMatchObject({
      chat_id: '42', text: 'Deploy *now*?\n\n_This message was sent automatically with Weft_', parse_mode: 'Markdown', disable_web_page_preview: true,
    });
    expect(keyboard.map((b) => b.text)).toEqual(['✅ Approve']);
    expect(new URL(keyboard[0].url).pathname).toBe(`/webhook-waiting/${executionId}/tg-ask`);

    // Another parked run of the same workflow: the first run's link, pointed at it, is refused.
    const other = await park();
    const borrowed = new URL(keyboard[0].url);
    borrowed.pathname = `/webhook-waiting/${other.executionId}/tg-ask`;
    expect((await fetch(borrowed)).status).toBe(401);

    const res = await fetch(keyboard[0].url);
    expect(res.status).toBe(200);
    const done = await run(executionId, (s) => s === 'success' || s === 'error');
    expect(done.status).toBe('success');
    expect(done.data.resultData.runData.Ask[0].data.main[0]).toEqual([{ json: { data: { approved: true } }, pairedItem: { item: 0 } }]);
    expect((await run(other.executionId, () => true)).status).toBe('waiting');
  });
});
