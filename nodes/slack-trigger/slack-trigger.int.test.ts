// The Slack Trigger's webhook handler with Slack's Events API calls, signed and unsigned, against the
// Slack Web API stand-in (slack/slack-stand-in.ts) for name lookups and the editor lists, and a small
// file host standing in for files.slack.com (url_private_download needs the Bearer token).
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject, TriggerContext, WebhookContext } from '../../engine/index.ts';
import { methodContext } from '../node-methods.ts';
import { GOOD_TOKEN, startSlackStandIn, type SlackStandIn } from '../slack/slack-stand-in.ts';
import { slackSignatureValid, slackTriggerNode } from './slack-trigger.node.ts';

const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
let slack: SlackStandIn;
let files: Server;
let filesUrl = '';
const fileRequests: string[] = [];

beforeAll(async () => {
  slack = await startSlackStandIn();
  process.env.WEFT_SLACK_API_URL = slack.url;
  files = createServer((req, res) => {
    fileRequests.push(`${req.url} ${req.headers.authorization ?? ''}`);
    if (req.headers.authorization !== `Bearer ${GOOD_TOKEN}`) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: 'not_authed' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('hello file');
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
});
afterAll(async () => {
  delete process.env.WEFT_SLACK_API_URL;
  await slack.close();
  await new Promise<void>((resolve) => files.close(() => resolve()));
});
beforeEach(() => { slack.seen.length = 0; fileRequests.length = 0; });

function triggerContext(parameters: Record<string, unknown>, credential: Record<string, unknown> = { accessToken: GOOD_TOKEN, signatureSecret: SECRET }): TriggerContext {
  const ctx = methodContext({
    nodeType: slackTriggerNode, kind: 'loadOptions', method: 'getUsers', typeVersion: 1, currentNodeParameters: parameters,
    credentials: { slackApi: { id: '1', name: 'Slack' } },
  }, { getCredentials: async () => credential, credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
  return { ...ctx, activation: 'activate', getWorkflowStaticData: () => ({}), emit: () => {}, emitError: () => {}, webhookUrl: () => 'https://weft.example.com/webhook/x/webhook' };
}

function sign(body: string, timestamp: number, secret = SECRET): Record<string, string> {
  return {
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`,
  };
}

function delivery(ctx: TriggerContext, body: JsonObject, headers: Record<string, string>) {
  const text = JSON.stringify(body);
  const answer: { status?: number; body?: string } = {};
  const res = { writeHead(code: number) { answer.status = code; return res; }, end(chunk?: string) { answer.body = chunk; return res; } } as unknown as ServerResponse;
  const call = { webhookName: 'default', method: 'POST', headers, query: {}, params: {}, body: JSON.parse(text) as unknown, rawBody: Buffer.from(text), req: {} as IncomingMessage, res };
  return { ctx: { ...ctx, call } as WebhookContext, answer };
}

const now = () => Math.floor(Date.now() / 1000);
const envelope = (event: JsonObject) => ({ token: 'x', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: 'Ev1', event_time: now(), event });
const hook = slackTriggerNode.triggers!.webhook!;

describe('Slack Trigger', () => {
  it('answers the url_verification challenge only when it is signed', async () => {
    const ctx = triggerContext({ trigger: ['message'], watchWorkspace: true });
    const body = { token: 'x', challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P', type: 'url_verification' };
    const good = delivery(ctx, body, sign(JSON.stringify(body), now()));
    expect(await hook(good.ctx)).toEqual({ noWebhookResponse: true });
    expect(good.answer).toEqual({ status: 200, body: JSON.stringify({ challenge: body.challenge }) });

    const forged = delivery(ctx, body, sign(JSON.stringify(body), now(), 'other-secret'));
    expect(await hook(forged.ctx)).toEqual({ noWebhookResponse: true });
    expect(forged.answer.status).toBe(401);
  });

  it('refuses stale, unsigned or tampered events and starts nothing', async () => {
    const ctx = triggerContext({ trigger: ['message'], watchWorkspace: true });
    const event = envelope({ type: 'message', channel: 'C001', user: 'U002', text: 'hi', ts: '1.1' });
    const stale = delivery(ctx, event, sign(JSON.stringify(event), now() - 301));
    expect((await hook(stale.ctx)).workflowData).toBeUndefined();
    expect(stale.answer.status).toBe(401);
    const unsigned = delivery(ctx, event, {});
    expect((await hook(unsigned.ctx)).workflowData).toBeUndefined();
    expect(unsigned.answer.status).toBe(401);
    const headers = sign(JSON.stringify(event), now());
    const tampered = delivery(ctx, { ...event, event_id: 'Ev2' }, headers);
    expect((await hook(tampered.ctx)).workflowData).toBeUndefined();
    expect(tampered.answer.status).toBe(401);
    expect(slackSignatureValid(undefined, {}, undefined)).toBe(true);
  });

  it('starts a run for a signed event that passes the event, channel, user and emoji filters', async () => {
    const run = async (parameters: Record<string, unknown>, event: JsonObject, credential?: Record<string, unknown>) => {
      const body = envelope(event);
      return (await hook(delivery(triggerContext(parameters, credential), body, sign(JSON.stringify(body), now())).ctx)).workflowData;
    };
    const message = { type: 'message', channel: 'C002', user: 'U002', text: 'hello', ts: '1700000000.000100' };
    expect(await run({ trigger: ['message'], channelId: { __rl: true, mode: 'list', value: 'C002' } }, message)).toEqual([[{ json: message }]]);
    expect(await run({ trigger: ['message'], channelId: { __rl: true, mode: 'url', value: 'https://app.slack.com/client/T1/C002' } }, message)).toEqual([[{ json: message }]]);
    expect(await run({ trigger: ['message'], channelId: { __rl: true, mode: 'id', value: 'C003' } }, message)).toBeUndefined();
    expect(await run({ trigger: ['app_mention'], watchWorkspace: true }, message)).toBeUndefined();
    expect(await run({ trigger: ['any_event'], watchWorkspace: true, options: { userIds: ['U002'] } }, message)).toBeUndefined();
    expect(await run({ trigger: ['team_join'] }, { type: 'team_join', user: { id: 'U009', name: 'newbie' } })).toEqual([[{ json: { type: 'team_join', user: { id: 'U009', name: 'newbie' } } }]]);
    const created = { type: 'channel_created', channel: { id: 'C024BE91L', name: 'fun', created: 1360782804, creator: 'U024BE7LH' } };
    expect(await run({ trigger: ['channel_created'], channelId: { __rl: true, mode: 'id', value: 'C003' } }, created)).toEqual([[{ json: created }]]);
    const reaction = { type: 'reaction_added', user: 'U001', reaction: 'eyes', item_user: 'U003', item: { type: 'message', channel: 'C001', ts: '1.1' } };
    expect(await run({ trigger: ['reaction_added'], channelId: { __rl: true, mode: 'id', value: 'C003' } }, reaction)).toBeUndefined();
    expect(await run({ trigger: ['reaction_added'], watchWorkspace: true, options: { reactionEmojis: 'thumbsup, white_check_mark' } }, reaction)).toBeUndefined();
    expect(await run({ trigger: ['reaction_added'], watchWorkspace: true, options: { reactionEmojis: 'thumbsup, Eyes' } }, reaction)).toHaveLength(1);
    // Without a signing secret nothing is checked, as n8n does.
    const plain = delivery(triggerContext({ trigger: ['message'], watchWorkspace: true }, { accessToken: GOOD_TOKEN }), envelope(message), {});
    expect((await hook(plain.ctx)).workflowData).toEqual([[{ json: message }]]);
    expect(slack.seen).toEqual([]);
  });

  it('resolves user and channel names with the Web API and downloads shared files', async () => {
    const reaction = { type: 'reaction_added', user: 'U001', reaction: 'eyes', item_user: 'U003', item: { type: 'message', channel: 'C002', ts: '1.1' } };
    const body = envelope(reaction);
    const resolved = await hook(delivery(triggerContext({ trigger: ['reaction_added'], watchWorkspace: true, options: { resolveIds: true } }), body, sign(JSON.stringify(body), now())).ctx);
    expect(resolved.workflowData?.[0][0].json).toEqual({ ...reaction, user_resolved: 'user1', item_user_resolved: 'user3', channel_resolved: 'channel-2' });
    expect(slack.seen.map((r) => `${r.path}?${new URLSearchParams(r.query).toString()} ${r.authorization}`)).toEqual([
      `/api/users.info?user=U001 Bearer ${GOOD_TOKEN}`, `/api/users.info?user=U003 Bearer ${GOOD_TOKEN}`, `/api/conversations.info?channel=C002 Bearer ${GOOD_TOKEN}`,
    ]);

    const share = { type: 'message', subtype: 'file_share', channel: 'C001', user: 'U002', files: [{ id: 'F1', name: 'notes.txt', mimetype: 'text/plain', url_private_download: `${filesUrl}/files-pri/T1-F1/download/notes.txt` }] };
    const shareBody = envelope(share);
    const withFile = await hook(delivery(triggerContext({ trigger: ['file_share'], watchWorkspace: true, downloadFiles: true }), shareBody, sign(JSON.stringify(shareBody), now())).ctx);
    const item = withFile.workflowData?.[0][0];
    expect(item?.json).toEqual(share);
    expect(Buffer.from(String(item?.binary?.file_0.data), 'base64').toString()).toBe('hello file');
    expect(item?.binary?.file_0).toMatchObject({ mimeType: 'text/plain', fileName: 'notes.txt' });
    expect(fileRequests).toEqual([`/files-pri/T1-F1/download/notes.txt Bearer ${GOOD_TOKEN}`]);
    await expect(hook(delivery(triggerContext({ trigger: ['file_share'], watchWorkspace: true, downloadFiles: true }, { accessToken: 'xoxb-wrong' }), shareBody, {}).ctx))
      .rejects.toThrow('Slack error response: "not_authed"');
  });

  it('lists channels and users for the editor, and keeps the URL registered by hand', async () => {
    const ctx = triggerContext({});
    const channels = await slackTriggerNode.methods!.listSearch!.getChannels(ctx, 'channel-14');
    expect(channels.results.map((r) => r.value)).toEqual(['C014', 'C140', 'C141', 'C142', 'C143', 'C144', 'C145', 'C146', 'C147', 'C148', 'C149']);
    expect(slack.seen.filter((r) => r.path === '/api/conversations.list').length).toBe(2);
    expect(slack.seen[0].query).toMatchObject({ types: 'public_channel,private_channel', limit: '100' });
    expect(await slackTriggerNode.methods!.loadOptions!.getUsers(ctx)).toEqual([
      { name: 'User 1', value: 'U001' }, { name: 'User 2', value: 'U002' }, { name: 'User 3', value: 'U003' },
    ]);
    expect(await slackTriggerNode.triggers!.webhookSetup!.checkExists(ctx)).toBe(true);
  });
});
