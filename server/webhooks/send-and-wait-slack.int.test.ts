// Slack's Send and Wait on a real Weft server: the run parks after the message goes to the Slack
// stand-in; the signed link from the message resumes it with the answer; a changed link is refused;
// a wait limit resumes it with its input; Free Text answers through a form posted to the link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';
import { startSlackStandIn, type SlackStandIn } from '../../nodes/index.ts';

/** The token the stand-in accepts (nodes/slack/slack-stand-in.ts). */
const GOOD_TOKEN = 'xoxb-good-token';

let slack: SlackStandIn;
let server: TestServer;
let credentialId: string;
const saved = process.env.WEFT_SLACK_API_URL;

const api = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, {
  ...init, headers: { 'X-API-KEY': TEST_OWNER.apiKey, 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
});

beforeAll(async () => {
  slack = await startSlackStandIn();
  process.env.WEFT_SLACK_API_URL = slack.url;
  server = await startTestServer();
  const res = await api('/api/v1/credentials', { method: 'POST', body: JSON.stringify({ name: 'Slack', type: 'slackApi', data: { accessToken: GOOD_TOKEN } }) });
  credentialId = ((await res.json()) as { id: string }).id;
});
afterAll(async () => {
  await server?.close();
  await slack?.close();
  if (saved === undefined) delete process.env.WEFT_SLACK_API_URL;
  else process.env.WEFT_SLACK_API_URL = saved;
});

/** Webhook → Slack (sendAndWait) → Done; activated; returns the path that starts it. */
async function workflow(name: string, slackParameters: Record<string, unknown>): Promise<string> {
  const path = name.toLowerCase().replace(/\W+/g, '-');
  const definition = {
    name, settings: { executionOrder: 'v1' },
    nodes: [
      { id: 'hook', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: `hook-${path}`, parameters: { path } },
      {
        id: 'ask-1', name: 'Ask', type: 'n8n-nodes-base.slack', typeVersion: 2.3, position: [200, 0], credentials: { slackApi: { id: credentialId, name: 'Slack' } },
        parameters: { resource: 'message', operation: 'sendAndWait', select: 'channel', channelId: { __rl: true, mode: 'id', value: 'C001' }, message: '=Ship {{ $json.query.release }}?', ...slackParameters },
      },
      { id: 'done', name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [400, 0], parameters: {} },
    ],
    connections: { Webhook: { main: [[{ node: 'Ask', type: 'main', index: 0 }]] }, Ask: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
  };
  const created = await api('/api/v1/workflows', { method: 'POST', body: JSON.stringify(definition) });
  expect(created.status, await created.clone().text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await api(`/api/v1/workflows/${id}/activate`, { method: 'POST' })).status).toBe(200);
  return path;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function run(executionId: string, until: (status: string) => boolean = (s) => !['new', 'running'].includes(s)): Promise<any> {
  for (let i = 0; i < 300; i++) {
    const res = await api(`/api/v1/executions/${executionId}?includeData=true`);
    const body = (await res.json()) as { status: string };
    if (res.status === 200 && until(body.status)) return body;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`run ${executionId} did not get there`);
}

/** Starts the workflow; resolves with its parked run's id and the buttons of the message Slack got. */
async function startAndPark(path: string, release: string) {
  slack.seen.length = 0;
  const started = await fetch(`${server.url}/webhook/${path}?release=${release}`);
  const executionId = started.headers.get('x-weft-execution-id')!;
  expect((await run(executionId)).status).toBe('waiting');
  const [sent] = slack.seen.filter((r) => r.path === '/api/chat.postMessage');
  expect(sent.authorization).toBe(`Bearer ${GOOD_TOKEN}`);
  const blocks = sent.args.blocks as { type: string; elements?: { text: { text: string }; url: string; style?: string }[] }[];
  const buttons = blocks.find((b) => b.type === 'actions')!.elements!;
  // The links name this server's resume URL; the test reaches the server where it listens.
  const local = (url: string) => { const u = new URL(url); return `${server.url}${u.pathname}${u.search}`; };
  return { executionId, sent, buttons: buttons.map((b) => ({ label: b.text.text, style: b.style, url: local(b.url) })) };
}

describe('Slack send and wait (approval)', () => {
  it('sends the message with signed approve/decline links, refuses a changed link, resumes with the answer once', async () => {
    const path = await workflow('Approve release', { approvalOptions: { values: { approvalType: 'double' } } });
    const { executionId, sent, buttons } = await startAndPark(path, 'v2');
    expect(sent.args.channel).toBe('C001');
    expect((sent.args.blocks as { text?: { text: string; type: string } }[])[1].text).toEqual({ type: 'mrkdwn', text: 'Ship v2?' });
    expect(buttons.map((b) => [b.label, b.style])).toEqual([['Decline', undefined], ['Approve', 'primary']]);
    const decline = new URL(buttons[0].url);
    expect(decline.pathname).toBe(`/webhook-waiting/${executionId}/ask-1`);
    expect(decline.searchParams.get('approved')).toBe('false');
    expect(decline.searchParams.get('signature')).toMatch(/^[0-9a-f]{64}$/);

    // The decline link turned into an approval keeps a signature that no longer fits: refused.
    decline.searchParams.set('approved', 'true');
    const forged = await fetch(decline);
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({ error: 'Invalid token' });
    const unsigned = new URL(buttons[1].url);
    unsigned.searchParams.delete('signature');
    expect((await fetch(unsigned)).status).toBe(401);
    // A link preview (Slack unfurling the link) does not answer for the person.
    expect((await fetch(buttons[1].url, { headers: { 'user-agent': 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)' } })).status).toBe(200);
    expect((await run(executionId)).status).toBe('waiting');

    const approved = await fetch(buttons[1].url);
    expect(approved.status).toBe(200);
    expect(approved.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await approved.text()).toContain('Got it, thanks');
    const done = await run(executionId, (s) => s === 'success' || s === 'error');
    expect(done.status).toBe('success');
    expect(done.data.resultData.runData.Ask).toHaveLength(1);
    expect(done.data.resultData.runData.Done[0].data.main[0].map((i: { json: unknown }) => i.json)).toEqual([{ data: { approved: true } }]);

    const again = await fetch(buttons[0].url);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('No action required');
  });

  it('resumes with its input, without an answer, when the wait limit passes', async () => {
    const limit = new Date(Date.now() + 1500).toISOString();
    const path = await workflow('Approve with limit', { options: { limitWaitTime: { values: { limitType: 'atSpecifiedTime', maxDateAndTime: limit } } } });
    const { executionId, buttons } = await startAndPark(path, 'v3');
    expect(buttons.map((b) => b.label)).toEqual(['Approve']);
    const done = await run(executionId, (s) => s === 'success' || s === 'error');
    expect(done.status).toBe('success');
    const out = done.data.resultData.runData.Done[0].data.main[0][0].json;
    expect(out.data).toBeUndefined();
    expect(out.query).toEqual({ release: 'v3' });
  });
});

describe('Slack send and wait (two questions in one run)', () => {
  it('a later question that times out passes its own input on, not the earlier answer', async () => {
    const ask = (id: string, name: string, x: number, extra: Record<string, unknown>) => ({
      id, name, type: 'n8n-nodes-base.slack', typeVersion: 2.3, position: [x, 0], credentials: { slackApi: { id: credentialId, name: 'Slack' } },
      parameters: { resource: 'message', operation: 'sendAndWait', select: 'channel', channelId: { __rl: true, mode: 'id', value: 'C001' }, message: name, ...extra },
    });
    const definition = {
      name: 'Two questions', settings: { executionOrder: 'v1' },
      nodes: [
        { id: 'hook2', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: 'hook-two-questions', parameters: { path: 'two-questions' } },
        ask('first-q', 'First', 200, {}),
        { id: 'tag', name: 'Tag', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [400, 0],
          parameters: { assignments: { assignments: [{ id: 'a', name: 'step', value: 'two', type: 'string' }] }, includeOtherFields: true, options: {} } },
        ask('second-q', 'Second', 600, { options: { limitWaitTime: { values: { limitType: 'atSpecifiedTime', maxDateAndTime: new Date(Date.now() + 4000).toISOString() } } } }),
        { id: 'done2', name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [800, 0], parameters: {} },
      ],
      connections: {
        Webhook: { main: [[{ node: 'First', type: 'main', index: 0 }]] }, First: { main: [[{ node: 'Tag', type: 'main', index: 0 }]] },
        Tag: { main: [[{ node: 'Second', type: 'main', index: 0 }]] }, Second: { main: [[{ node: 'Done', type: 'main', index: 0 }]] },
      },
    };
    const created = await api('/api/v1/workflows', { method: 'POST', body: JSON.stringify(definition) });
    const { id } = (await created.json()) as { id: string };
    expect((await api(`/api/v1/workflows/${id}/activate`, { method: 'POST' })).status).toBe(200);
    const { executionId, buttons } = await startAndPark('two-questions', 'v5');
    expect((await fetch(buttons[0].url)).status).toBe(200);
    // Parked again at the second question, then resumed by its limit.
    const done = await run(executionId, (s) => s === 'success' || s === 'error');
    expect(done.status).toBe('success');
    expect(slack.seen.filter((r) => r.path === '/api/chat.postMessage')).toHaveLength(2);
    expect(done.data.resultData.runData.Done[0].data.main[0][0].json).toEqual({ data: { approved: true }, step: 'two' });
  });
});

describe('Slack send and wait (free text)', () => {
  it('shows a form on the link and resumes with the text posted to it', async () => {
    const path = await workflow('Ask for notes', { responseType: 'freeText', options: { messageButtonLabel: 'Answer', responseFormTitle: 'Release notes' } });
    const { executionId, buttons } = await startAndPark(path, 'v4');
    expect(buttons.map((b) => b.label)).toEqual(['Answer']);
    const form = await fetch(buttons[0].url);
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('<h1>Release notes</h1>');
    expect(html).toContain('name="field-0"');
    expect((await run(executionId)).status).toBe('waiting');
    const posted = await fetch(buttons[0].url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'field-0=Looks+good' });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain('Got it, thanks');
    const done = await run(executionId, (s) => s === 'success' || s === 'error');
    expect(done.data.resultData.runData.Done[0].data.main[0][0].json).toEqual({ data: { text: 'Looks good' } });
  });
});
