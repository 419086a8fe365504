// The Microsoft Teams Trigger's whole server path: a microsoftTeamsOAuth2Api credential connected
// through the authorization code flow against a local token endpoint (RFC 6749, as the Microsoft
// identity platform's v2 /authorize and /token are documented; reached through the credential's
// hidden URLs pointed by WEFT_MICROSOFT_LOGIN_API_URL), activation creating the Graph subscription
// with that token after Graph's validation handshake with the real webhook, a notification starting
// a run, renewal on a lifecycle event, and deactivation deleting the subscription. Graph is the
// stand-in written from Graph's subscription docs (nodes/microsoft-teams/microsoft-teams-stand-in.ts).
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTeamsStandIn, type TeamsStandIn } from '../../nodes/index.ts';
import { startTestOAuth2Provider, type TestOAuth2Provider } from '../credentials/test-oauth2-provider.ts';
import { startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';

/** A chat the Graph stand-in knows (its seeded one-on-one chat). */
const CHAT_ID = '19:7e2f1174-e8ee-4859-b8b1-a8d1cc63d276_0c5cfdbb@unq.gbl.spaces';

const PUBLIC = 'https://weft.example.test';
const WEBHOOK_ID = '0b6f2a8e-1c3d-4e5f-8a9b-c0d1e2f3a4b5';
const VARIABLES = ['WEFT_MICROSOFT_LOGIN_API_URL', 'WEFT_MICROSOFT_GRAPH_API_URL'] as const;
const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));

let server: TestServer;
let login: TestOAuth2Provider;
let graph: TeamsStandIn;
let api: () => ReturnType<typeof request>;

beforeAll(async () => {
  // The tokens Graph takes are those the sign-in stand-in issued and still vouches for.
  [server, login] = await Promise.all([startTestServer({ PUBLIC_URL: PUBLIC }), startTestOAuth2Provider({ clientId: 'teams-app', clientSecret: 'teams~secret' })]);
  graph = await startTeamsStandIn({ reach: (url) => url.replace(PUBLIC, server.url), accepts: (token) => login.isActive(token) });
  process.env.WEFT_MICROSOFT_LOGIN_API_URL = login.url;
  process.env.WEFT_MICROSOFT_GRAPH_API_URL = graph.url;
  api = () => request(server.url);
}, 60_000);
afterAll(async () => {
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  await Promise.all([server.close(), login.close(), graph.close()]);
});

const until = async (test: () => boolean | Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await test()) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  return test();
};

/** Connects the credential as a user would: Weft's authorize link, the provider's code, Weft's callback. */
async function connectedCredential(): Promise<string> {
  const created = await api().post('/api/v1/credentials').set('X-API-KEY', TEST_OWNER.apiKey)
    .send({ name: 'Teams', type: 'microsoftTeamsOAuth2Api', data: { clientId: login.clientId, clientSecret: login.clientSecret } });
  expect(created.status, created.text).toBe(201);
  const authorize = new URL((await api().get(`/api/v1/credentials/${created.body.id}/oauth2/authorize`).set('X-API-KEY', TEST_OWNER.apiKey)).body.url);
  // Microsoft's /authorize under the variable's address, with the Teams scopes and response_mode=query.
  expect(`${authorize.origin}${authorize.pathname}`).toBe(`${login.url}/authorize`);
  expect(authorize.searchParams.get('client_id')).toBe(login.clientId);
  // n8n's Teams credential scopes: offline access (a refresh token), chats, channel messages, teams through groups.
  expect(authorize.searchParams.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['offline_access', 'Chat.ReadWrite', 'ChannelMessage.Read.All', 'Group.ReadWrite.All']));
  expect(authorize.searchParams.get('response_mode')).toBe('query');
  // Short-lived access tokens: every use of the credential below renews it first.
  login.setExpiresIn(30);
  const code = login.issueCode(authorize.searchParams.get('redirect_uri')!);
  const back = await api().get('/api/v1/oauth2/callback').query({ code, state: authorize.searchParams.get('state') });
  expect(back.status, back.text).toBe(200);
  expect(login.requests.at(-1)).toMatchObject({ grantType: 'authorization_code', clientAuth: 'body', params: { client_id: login.clientId, client_secret: login.clientSecret } });
  return created.body.id as string;
}

it('subscribes on activation with the OAuth2 token, runs on a notification, renews, and unsubscribes on deactivation', async () => {
  const credentialId = await connectedCredential();
  const workflow = await api().post('/api/v1/workflows').set('X-API-KEY', TEST_OWNER.apiKey).send({
    name: 'Teams chats', settings: { executionOrder: 'v1' }, connections: {},
    nodes: [{
      id: 't', name: 'Microsoft Teams Trigger', type: 'n8n-nodes-base.microsoftTeamsTrigger', typeVersion: 1, position: [0, 0], webhookId: WEBHOOK_ID,
      parameters: { event: 'newChatMessage', watchAllChats: false, chatId: { __rl: true, mode: 'id', value: CHAT_ID } },
      credentials: { microsoftTeamsOAuth2Api: { id: credentialId, name: 'Teams' } },
    }],
  });
  expect(workflow.status, workflow.text).toBe(201);
  const id = workflow.body.id as string;
  const grantsBefore = login.requests.length;

  const activated = await api().post(`/api/v1/workflows/${id}/activate`).set('X-API-KEY', TEST_OWNER.apiKey).send({});
  expect(activated.status, activated.text).toBe(200);
  const hookUrl = `${PUBLIC}/webhook/${WEBHOOK_ID}/webhook`;
  expect(graph.subscriptions.size).toBe(1);
  const [subscription] = [...graph.subscriptions.values()];
  expect(subscription).toMatchObject({ resource: `/chats/${CHAT_ID}/messages`, changeType: 'created', notificationUrl: hookUrl, lifecycleNotificationUrl: hookUrl });
  // Graph checked the URL through the real server, which echoed the token as text/plain.
  expect(graph.validations.map((v) => [v.url, v.status, v.answered === v.token])).toEqual([[hookUrl, 200, true]]);
  expect(graph.validations[0].contentType).toMatch(/^text\/plain/);
  // The access token had run out: it was renewed with the refresh token first, and Graph got the new one.
  const renewals = login.requests.slice(grantsBefore);
  expect(renewals.length).toBeGreaterThan(0);
  expect(renewals[0]).toMatchObject({ grantType: 'refresh_token', clientAuth: 'body', params: { refresh_token: expect.stringMatching(/^rt-/), client_id: login.clientId } });
  const create = graph.seen.find((r) => r.method === 'POST' && r.path === '/v1.0/subscriptions')!;
  expect(create.authorization).toMatch(/^Bearer rf-\d+$/);

  // A change notification with our clientState starts a run with the message as its item.
  const message = { '@odata.type': '#Microsoft.Graph.chatMessage', '@odata.id': `chats('${CHAT_ID}')/messages('1700000000001')`, id: '1700000000001' };
  const delivered = await graph.notify(subscription.id, [message]);
  expect(delivered.status).toBeLessThan(300);
  const executions = async () => (await api().get('/api/v1/executions').query({ workflowId: id }).set('X-API-KEY', TEST_OWNER.apiKey)).body.data as Array<{ id: string; status: string }>;
  expect(await until(async () => (await executions()).some((e) => e.status === 'success'))).toBe(true);
  const [run] = await executions();
  const detail = await api().get(`/api/v1/executions/${run.id}`).query({ includeData: 'true' }).set('X-API-KEY', TEST_OWNER.apiKey);
  expect(detail.body.data.resultData.runData['Microsoft Teams Trigger'][0].data.main[0].map((i: { json: unknown }) => i.json)).toEqual([message]);
  // A forged notification (not our clientState) starts nothing.
  expect((await graph.notify(subscription.id, [message], 'f'.repeat(64))).status).toBe(401);

  // Graph asks for reauthorization: the server renews the subscription with a fresh token.
  graph.seen.length = 0;
  expect((await graph.lifecycle(subscription.id, 'reauthorizationRequired')).status).toBe(202);
  expect(await until(() => graph.seen.some((r) => r.method === 'PATCH'))).toBe(true);
  const patch = graph.seen.find((r) => r.method === 'PATCH')!;
  expect(patch).toMatchObject({ path: `/v1.0/subscriptions/${subscription.id}`, body: { expirationDateTime: expect.any(String) } });
  expect(login.isActive(patch.authorization.replace('Bearer ', ''))).toBe(true);

  const deactivated = await api().post(`/api/v1/workflows/${id}/deactivate`).set('X-API-KEY', TEST_OWNER.apiKey).send({});
  expect(deactivated.status, deactivated.text).toBe(200);
  expect(await until(() => graph.subscriptions.size === 0)).toBe(true);
  expect(graph.seen.some((r) => r.method === 'DELETE' && r.path === `/v1.0/subscriptions/${subscription.id}`)).toBe(true);
  expect((await executions()).length).toBe(1);
}, 120_000);
