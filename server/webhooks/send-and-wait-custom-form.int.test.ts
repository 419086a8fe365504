// Send and Wait's Custom Form on a real Weft server (Slack stand-in for the message): the signed
// link shows the form, an incomplete post shows it again with its errors, a complete one resumes
// the run with the fields under `data`, and the used link says no action is required.
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

/** Webhook → Slack (sendAndWait, Custom Form) → Done, activated; returns the path that starts it. */
async function workflow(path: string, formParameters: Record<string, unknown>): Promise<string> {
  const definition = {
    name: path, settings: { executionOrder: 'v1' },
    nodes: [
      { id: `hook-${path}`, name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: `hook-${path}`, parameters: { path } },
      {
        id: `ask-${path}`, name: 'Ask', type: 'n8n-nodes-base.slack', typeVersion: 2.3, position: [200, 0], credentials: { slackApi: { id: credentialId, name: 'Slack' } },
        parameters: {
          resource: 'message', operation: 'sendAndWait', select: 'channel', channelId: { __rl: true, mode: 'id', value: 'C001' },
          message: '=Review {{ $json.query.release }}', responseType: 'customForm', ...formParameters,
        },
      },
      { id: `done-${path}`, name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [400, 0], parameters: {} },
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

/** Starts the workflow; resolves with the parked run's id and the link button of the Slack message. */
async function startAndPark(path: string, release: string) {
  slack.seen.length = 0;
  const started = await fetch(`${server.url}/webhook/${path}?release=${release}`);
  const executionId = started.headers.get('x-weft-execution-id')!;
  expect((await run(executionId)).status).toBe('waiting');
  const [sent] = slack.seen.filter((r) => r.path === '/api/chat.postMessage');
  expect(sent.authorization).toBe(`Bearer ${GOOD_TOKEN}`);
  const blocks = sent.args.blocks as { type: string; elements?: { text: { text: string }; url: string }[] }[];
  const [button] = blocks.find((b) => b.type === 'actions')!.elements!;
  const link = new URL(button.url);
  return { executionId, label: button.text.text, link, url: `${server.url}${link.pathname}${link.search}` };
}

describe('Send and wait with a Custom Form', () => {
  it('shows the form on the signed link, refuses an incomplete post, resumes with the fields, then says no action is required', async () => {
    const path = await workflow('custom-form-fields', {
      formFields: { values: [
        { fieldLabel: 'Decision', fieldType: 'radio', requiredField: true, fieldOptions: { values: [{ option: 'Ship' }, { option: 'Hold' }] } },
        { fieldLabel: '=Notes for {{ $json.query.release }}', fieldType: 'textarea' },
        { fieldLabel: 'Attachment', fieldType: 'file', multipleFiles: false },
      ] },
      options: { messageButtonLabel: 'Open form', responseFormTitle: 'Release <review>', responseFormButtonLabel: 'Send answer', responseFormCustomCss: ':root { --color-header: #0a0; }' },
    });
    const { executionId, label, link, url } = await startAndPark(path, 'v7');
    expect(label).toBe('Open form');
    expect(link.pathname).toBe(`/webhook-waiting/${executionId}/ask-${path}`);
    expect(link.searchParams.get('signature')).toMatch(/^[0-9a-f]{64}$/);

    const form = await fetch(url);
    expect(form.status).toBe(200);
    expect(form.headers.get('content-type')).toMatch(/^text\/html/);
    expect(form.headers.get('content-security-policy')).toContain("form-action 'self'");
    const html = await form.text();
    expect(html).toContain('<h1>Release &lt;review&gt;</h1>');
    expect(html).toContain('Review v7');
    expect(html).toContain('Notes for v7');
    expect(html).toMatch(/<input[^>]*type="radio"[^>]*name="field-0"[^>]*value="Ship"/);
    expect(html).toContain('--color-header: #0a0;');
    expect(html).toContain('Send answer</button>');

    // An unsigned link is refused; a post without the required choice shows the form again.
    const unsigned = new URL(url);
    unsigned.searchParams.delete('signature');
    expect((await fetch(unsigned, { method: 'POST', body: new URLSearchParams({ 'field-0': 'Ship' }) })).status).toBe(401);
    const incomplete = await fetch(url, { method: 'POST', body: new URLSearchParams({ 'field-1': 'later' }) });
    expect(incomplete.status).toBe(400);
    expect(await incomplete.text()).toContain('Decision is required');
    expect((await run(executionId)).status).toBe('waiting');

    const body = new FormData();
    body.append('field-0', 'Hold');
    body.append('field-1', 'Wait for QA');
    body.append('field-2', new Blob(['qa report'], { type: 'text/plain' }), 'qa.txt');
    const posted = await fetch(url, { method: 'POST', body });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain('Got it, thanks');
    const done = await run(executionId, (s) => s === 'success' || s === 'error');
    expect(done.status).toBe('success');
    const [item] = done.data.resultData.runData.Done[0].data.main[0];
    expect(item.json).toEqual({ data: { Decision: 'Hold', 'Notes for v7': 'Wait for QA', Attachment: { filename: 'qa.txt', mimetype: 'text/plain', size: 9 } } });
    expect(item.binary.Attachment).toMatchObject({ fileName: 'qa.txt', mimeType: 'text/plain' });

    const again = await fetch(url);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('No action required');
  });

  it('builds a JSON-defined form from the data at send time; a definition that cannot be built fails before sending', async () => {
    const path = await workflow('custom-form-json', { defineForm: 'json', jsonOutput: '=[{"fieldLabel":"Version","fieldType":"dropdown","fieldOptions":{"values":[{"option":"{{ $json.query.release }}"}]}}]' });
    const { executionId, url } = await startAndPark(path, 'v8');
    const html = await (await fetch(url)).text();
    expect(html).toContain('<option value="v8">v8</option>');
    expect((await fetch(url, { method: 'POST', body: new URLSearchParams({ 'field-0': 'v8' }) })).status).toBe(200);
    const done = await run(executionId, (s) => s === 'success' || s === 'error');
    expect(done.data.resultData.runData.Done[0].data.main[0][0].json).toEqual({ data: { Version: 'v8' } });

    const broken = await workflow('custom-form-bad-json', { defineForm: 'json', jsonOutput: '[{"fieldLabel":"Version","fieldType":"slider"}]' });
    slack.seen.length = 0;
    const started = await fetch(`${server.url}/webhook/${broken}?release=v9`);
    const failed = await run(started.headers.get('x-weft-execution-id')!);
    expect(failed.status).toBe('error');
    expect(failed.data.resultData.error.message).toBe("Field type 'slider' in field 0 is not valid for form fields");
    expect(slack.seen.filter((r) => r.path === '/api/chat.postMessage')).toHaveLength(0);
  });
});
