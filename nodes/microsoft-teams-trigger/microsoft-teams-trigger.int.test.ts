// The Microsoft Teams Trigger against the Graph stand-in (../microsoft-teams/microsoft-teams-stand-in.ts,
// written from Graph's subscription and change-notification docs). The node's public https URL is
// served here by a small HTTP server that hands each call to the node's webhook(), so Graph's
// validation handshake, notifications and lifecycle events travel over real HTTP.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Item, JsonObject, TriggerContext, WebhookContext } from '../../engine/index.ts';
import { methodContext } from '../node-methods.ts';
import { CHAT_ID, GENERAL, startTeamsStandIn, TEAM_ID, TEAMS_TOKEN, type TeamsStandIn } from '../microsoft-teams/microsoft-teams-stand-in.ts';
import { microsoftTeamsTriggerNode } from './microsoft-teams-trigger.node.ts';
import { LIFETIME_MS, renewalDelay } from './teams-subscriptions.ts';

const HOOK_URL = 'https://weft.example.test/webhook/5f1c2d3e-aaaa-4bbb-8ccc-0123456789ab/webhook';
const hooks = microsoftTeamsTriggerNode.triggers!;
const setup = hooks.webhookSetup!;
let graph: TeamsStandIn;
let endpoint: Server;
let endpointUrl = '';
/** The trigger serving HOOK_URL now, and the runs its notifications started. */
let serving: TriggerContext | undefined;
const runs: Item[][] = [];
const errors: Error[] = [];
const saved = process.env.WEFT_MICROSOFT_GRAPH_API_URL;

const readBody = async (req: IncomingMessage) => { const chunks: Buffer[] = []; for await (const c of req) chunks.push(c as Buffer); return Buffer.concat(chunks).toString('utf8'); };

beforeAll(async () => {
  endpoint = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const text = await readBody(req);
    const json = String(req.headers['content-type'] ?? '').includes('json') && text ? JSON.parse(text) : text;
    const call = { webhookName: 'default', method: req.method ?? '', headers: req.headers, query: Object.fromEntries(url.searchParams), params: {}, body: json, req, res };
    const answer = await hooks.webhook!({ ...serving!, call } as WebhookContext);
    if (answer.workflowData) runs.push(answer.workflowData[0]);
    if (!answer.noWebhookResponse) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Workflow was started' }));
  });
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  endpointUrl = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}`;
  graph = await startTeamsStandIn({ reach: (url) => url.replace('https://weft.example.test', endpointUrl) });
  process.env.WEFT_MICROSOFT_GRAPH_API_URL = graph.url;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.WEFT_MICROSOFT_GRAPH_API_URL;
  else process.env.WEFT_MICROSOFT_GRAPH_API_URL = saved;
  await graph.close();
  await new Promise<void>((resolve) => endpoint.close(() => resolve()));
});
beforeEach(() => {
  graph.seen.length = 0;
  graph.validations.length = 0;
  graph.subscriptions.clear();
  runs.length = 0;
  errors.length = 0;
});

function triggerContext(parameters: Record<string, unknown>, state: JsonObject = {}, hookUrl = HOOK_URL): TriggerContext {
  const ctx = methodContext({
    nodeType: microsoftTeamsTriggerNode, kind: 'loadOptions', method: 'x', typeVersion: 1, currentNodeParameters: parameters,
    credentials: { microsoftTeamsOAuth2Api: { id: '1', name: 'Teams' } },
  }, { getCredentials: async () => ({ oauthTokenData: { access_token: TEAMS_TOKEN } }), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
  serving = { ...ctx, activation: 'activate', getWorkflowStaticData: () => state, emit: () => {}, emitError: (e) => errors.push(e), webhookUrl: () => hookUrl };
  return serving;
}

const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });
const posted = () => graph.seen.filter((r) => r.method === 'POST' && r.path === '/v1.0/subscriptions').map((r) => r.body as JsonObject);
const until = async (test: () => boolean, ms = 5000) => { const end = Date.now() + ms; while (!test() && Date.now() < end) await new Promise((r) => setTimeout(r, 20)); return test(); };

describe('Microsoft Teams Trigger subscriptions', () => {
  it('subscribes a channel on activation after Graph checks the URL, finds it again, and deletes it', async () => {
    const state: JsonObject = {};
    const ctx = triggerContext({ event: 'newChannelMessage', teamId: rl(TEAM_ID), channelId: rl(`https://teams.microsoft.com/l/channel/${encodeURIComponent(GENERAL)}/General?groupId=${TEAM_ID}`, 'url') }, state);
    expect(await setup.checkExists(ctx)).toBe(false);
    const before = Date.now();
    expect(await setup.create(ctx)).toBe(true);
    const [body] = posted();
    expect(body).toMatchObject({ changeType: 'created', notificationUrl: HOOK_URL, lifecycleNotificationUrl: HOOK_URL, resource: `/teams/${TEAM_ID}/channels/${GENERAL}/messages`,
      clientState: expect.stringMatching(/^[0-9a-f]{64}$/), latestSupportedTlsVersion: 'v1_2' });
    expect(Date.parse(String(body.expirationDateTime)) - before).toBeGreaterThanOrEqual(LIFETIME_MS - 1000);
    expect(graph.seen.find((r) => r.path === '/v1.0/subscriptions')?.authorization).toBe(`Bearer ${TEAMS_TOKEN}`);
    // Graph posted its token to the URL and got it back as text/plain.
    expect(graph.validations).toHaveLength(1);
    expect(graph.validations[0]).toMatchObject({ url: HOOK_URL, status: 200, answered: graph.validations[0].token });
    expect(graph.validations[0].contentType).toMatch(/^text\/plain/);
    const [made] = [...graph.subscriptions.values()];
    expect(state).toMatchObject({ subscriptionIds: [made.id], webhookSecret: body.clientState, subscriptions: [{ id: made.id, resource: made.resource, expirationDateTime: made.expirationDateTime }] });

    expect(await setup.checkExists(ctx)).toBe(true);
    // Another channel is another resource: not subscribed yet.
    expect(await setup.checkExists(triggerContext({ event: 'newChannelMessage', teamId: rl(TEAM_ID), channelId: rl('19:dev@thread.tacv2') }, state))).toBe(false);
    graph.seen.length = 0;
    expect(await setup.delete(ctx)).toBe(true);
    expect(graph.seen.map((r) => [r.method, r.path])).toEqual([['DELETE', `/v1.0/subscriptions/${made.id}`]]);
    expect(graph.subscriptions.size).toBe(0);
    expect(state).toEqual({});
  });

  it("subscribes each event's resources as n8n does", async () => {
    const resources = async (parameters: Record<string, unknown>) => {
      graph.seen.length = 0;
      await setup.create(triggerContext(parameters));
      return posted().map((b) => b.resource);
    };
    expect(await resources({ event: 'newChannelMessage', teamId: rl(TEAM_ID), watchAllChannels: true }))
      .toEqual([`/teams/${TEAM_ID}/channels/${GENERAL}/messages`, `/teams/${TEAM_ID}/channels/19:dev@thread.tacv2/messages`]);
    expect(await resources({ event: 'newChannel', teamId: rl(`https://teams.microsoft.com/l/team/19%3Aabc/conversations?groupId=${TEAM_ID}&tenantId=t`, 'url') }))
      .toEqual([`/teams/${TEAM_ID}/channels`]);
    expect(await resources({ event: 'newTeamMember', watchAllTeams: true })).toEqual([`/teams/${TEAM_ID}/members`, '/teams/team-2/members']);
    expect(await resources({ event: 'newChat' })).toEqual(['/me/chats']);
    expect(await resources({ event: 'newChatMessage', chatId: rl(`https://teams.microsoft.com/_#/conversations/${CHAT_ID}?ctx=chat`, 'url') })).toEqual([`/chats/${CHAT_ID}/messages`]);
    expect(await resources({ event: 'newChatMessage', watchAllChats: true })).toEqual(['/me/chats/getAllMessages']);
    // Each activation removed what still delivered to the URL before subscribing again.
    expect(graph.subscriptions.size).toBe(1);
  });

  it('refuses a URL that is not https before calling Graph, and says what Graph said', async () => {
    await expect(setup.create(triggerContext({ event: 'newChat' }, {}, 'http://localhost:5678/webhook/x/webhook'))).rejects.toThrow('Invalid Notification URL');
    expect(graph.seen).toEqual([]);
    const failed = setup.create(triggerContext({ event: 'newChannel', teamId: rl('no-such-team') }));
    await expect(failed).rejects.toMatchObject({ message: 'The resource you are requesting could not be found', details: { description: 'NotFound: No team found with Group Id no-such-team' } });
    expect(graph.subscriptions.size).toBe(0);
  });
});

describe('Microsoft Teams Trigger in the editor', () => {
  it("lists teams, the team's channels and chats for its locators", async () => {
    const list = (method: string, parameters: Record<string, unknown>) => microsoftTeamsTriggerNode.methods!.listSearch![method](triggerContext(parameters));
    expect((await list('getTeams', { event: 'newChannel' })).results.map((r) => r.value)).toEqual(['team-2', TEAM_ID]);
    expect((await list('getChannels', { event: 'newChannelMessage', teamId: rl(TEAM_ID) })).results.map((r) => r.name)).toEqual(['Dev', 'General']);
    expect((await list('getChats', { event: 'newChatMessage' })).results.map((r) => r.value)).toContain(CHAT_ID);
  });
});

describe('Microsoft Teams Trigger notifications', () => {
  it('starts a run with one item per change when the clientState is ours; refuses others', async () => {
    const state: JsonObject = {};
    await setup.create(triggerContext({ event: 'newChatMessage', chatId: rl(CHAT_ID) }, state));
    const [sub] = [...graph.subscriptions.values()];
    const changes = [
      { '@odata.type': '#Microsoft.Graph.chatMessage', '@odata.id': `chats('${CHAT_ID}')/messages('1700000000001')`, id: '1700000000001' },
      { '@odata.type': '#Microsoft.Graph.chatMessage', '@odata.id': `chats('${CHAT_ID}')/messages('1700000000002')`, id: '1700000000002' },
    ];
    const delivered = await graph.notify(sub.id, changes);
    expect(delivered.status).toBe(200);
    expect(runs).toEqual([changes.map((json) => ({ json }))]);
    const forged = await graph.notify(sub.id, changes, 'a'.repeat(64));
    expect(forged).toEqual({ status: 401, text: 'Unauthorized' });
    expect(runs).toHaveLength(1);
    const notGraph = await fetch(`${endpointUrl}/webhook/x/webhook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"hello":1}' });
    expect(notGraph.status).toBe(400);
  });

  it('renews on reauthorizationRequired and subscribes again after subscriptionRemoved, without a run', async () => {
    const state: JsonObject = {};
    await setup.create(triggerContext({ event: 'newChannel', teamId: rl(TEAM_ID) }, state));
    const [sub] = [...graph.subscriptions.values()];
    graph.seen.length = 0;
    expect((await graph.lifecycle(sub.id, 'reauthorizationRequired')).status).toBe(202);
    expect(await until(() => graph.seen.some((r) => r.method === 'PATCH'))).toBe(true);
    expect(graph.seen[0]).toMatchObject({ method: 'PATCH', path: `/v1.0/subscriptions/${sub.id}`, body: { expirationDateTime: expect.any(String) } });

    graph.seen.length = 0;
    expect((await graph.lifecycle(sub.id, 'subscriptionRemoved')).status).toBe(202);
    expect(await until(() => graph.subscriptions.size === 1)).toBe(true);
    const [again] = [...graph.subscriptions.values()];
    expect(again).toMatchObject({ resource: `/teams/${TEAM_ID}/channels`, clientState: state.webhookSecret });
    await until(() => (state.subscriptionIds as string[])[0] === again.id);
    expect(state.subscriptionIds).toEqual([again.id]);
    expect(runs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('renews before expiry while armed, and stops when closed', async () => {
    const state: JsonObject = {};
    await setup.create(triggerContext({ event: 'newChat' }, state));
    const [sub] = [...graph.subscriptions.values()];
    // As if made almost three days ago: a second and a half left.
    const soon = new Date(Date.now() + 1500).toISOString();
    sub.expirationDateTime = soon;
    state.subscriptions = [{ id: sub.id, resource: sub.resource, expirationDateTime: soon }];
    graph.seen.length = 0;
    const armed = await hooks.trigger!(triggerContext({ event: 'newChat' }, state));
    expect(await until(() => graph.seen.some((r) => r.method === 'PATCH'), 3000)).toBe(true);
    armed!.close!();
    expect(Date.parse(sub.expirationDateTime) - Date.now()).toBeGreaterThan(LIFETIME_MS - 60_000);
    await until(() => (state.subscriptions as JsonObject[])[0].expirationDateTime === sub.expirationDateTime);
    expect((state.subscriptions as JsonObject[])[0].expirationDateTime).toBe(sub.expirationDateTime);
    expect(errors).toEqual([]);
  });

  it('schedules renewal an hour before the earliest expiry, or halfway when less is left', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const at = (ms: number) => ({ id: 'x', resource: '/me/chats', expirationDateTime: new Date(now + ms).toISOString() });
    expect(renewalDelay([at(LIFETIME_MS), at(3 * 3_600_000)], now)).toBe(2 * 3_600_000);
    expect(renewalDelay([at(40 * 60_000)], now)).toBe(20 * 60_000);
    expect(renewalDelay([at(-1000)], now)).toBe(0);
    expect(renewalDelay([], now)).toBeUndefined();
  });
});
