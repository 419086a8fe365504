// Refresh-and-retry on 401 through the shared HTTP path: the ClickUp node (restCall) on the real
// engine against a local stand-in of ClickUp's API v2 that refuses a revoked OAuth2 token with its
// documented 401 (`{err: "Token invalid", ECODE: "OAUTH_025"}`), and a local RFC 6749 token
// endpoint. The engine's credential source plays the vault: asked to renew, it sends the refresh
// grant, as the server's credential service does (tested in server/credentials/oauth2-refresh.int.test.ts).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseWorkflowDefinition, type WorkflowNode } from '../../domain/index.ts';
import type { CredentialGetOptions } from '../../engine/index.ts';
import { getNodeType } from '../index.ts';
import { createFixtureEngine } from '../testing/fixture-engine.ts';
import { createTransport } from '../http-request/send.ts';
import { sendWaitingOutRateLimits } from './rate-limit.ts';

let server: Server;
let base = '';
const saved = process.env.WEFT_CLICKUP_API_URL;
/** Access tokens the API takes now; the token endpoint adds each one it issues unless `refuseNew`. */
const accepted = new Set<string>();
let refuseNew = false;
let issued = 0;
const apiCalls: Array<{ path: string; authorization: string }> = [];
const grants: Array<Record<string, string>> = [];

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => resolve(text));
  });
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const send = (status: number, json: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    const url = new URL(req.url ?? '/', 'http://stand-in');
    if (req.method === 'POST' && url.pathname === '/oauth/token') {
      const params = Object.fromEntries(new URLSearchParams(await body(req)));
      grants.push(params);
      if (params.grant_type !== 'refresh_token' || params.refresh_token !== `rt-${issued}`) return send(400, { error: 'invalid_grant' });
      issued += 1;
      if (!refuseNew) accepted.add(`at-${issued}`);
      return send(200, { access_token: `at-${issued}`, token_type: 'bearer', refresh_token: `rt-${issued}`, expires_in: 3600 });
    }
    // ClickUp: the token is the whole Authorization header, OAuth2 token and personal token alike.
    const authorization = req.headers.authorization ?? '';
    apiCalls.push({ path: url.pathname, authorization });
    if (!accepted.has(authorization)) return send(401, { err: 'Token invalid', ECODE: 'OAUTH_025' });
    const task = /^\/task\/(\w+)$/.exec(url.pathname);
    if (req.method === 'GET' && task) return send(200, { id: task[1], name: 'Write docs' });
    return send(404, { err: 'Route not found', ECODE: 'APP_001' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.WEFT_CLICKUP_API_URL = base;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.WEFT_CLICKUP_API_URL;
  else process.env.WEFT_CLICKUP_API_URL = saved;
  await new Promise((resolve) => server.close(resolve));
});

/** The vault's part: credential data by type, the OAuth2 one renewed through the token endpoint when asked. */
let vault: Record<string, Record<string, unknown>>;
const gets: Array<[string, boolean]> = [];
beforeEach(() => {
  accepted.clear();
  refuseNew = false;
  issued = 1;
  apiCalls.length = 0;
  grants.length = 0;
  gets.length = 0;
  // at-1 was issued and then revoked: ClickUp refuses it although its expiry is far off.
  vault = {
    clickUpOAuth2Api: { oauthTokenData: { access_token: 'at-1', refresh_token: 'rt-1', expires_at: Date.now() + 3600_000 } },
    clickUpApi: { accessToken: 'pk_personal' },
  };
});

async function credentials(type: string, options?: CredentialGetOptions): Promise<Record<string, unknown>> {
  gets.push([type, options?.refreshOAuth2Token === true]);
  if (!vault[type]) throw new Error(`Credential of type '${type}' not found`);
  if (options?.refreshOAuth2Token) {
    const refresh = (vault[type].oauthTokenData as { refresh_token: string }).refresh_token;
    const answer = await fetch(`${base}/oauth/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refresh }) });
    if (!answer.ok) throw new Error(`refresh refused: ${await answer.text()}`);
    vault[type] = { ...vault[type], oauthTokenData: await answer.json() };
  }
  return vault[type];
}

const clickUpNode = { id: 'c', name: 'ClickUp', type: 'n8n-nodes-base.clickUp', typeVersion: 1, position: [200, 0] as [number, number],
  credentials: { clickUpApi: { id: '1', name: 'Personal' }, clickUpOAuth2Api: { id: '2', name: 'OAuth2' } } };

async function runClickUp(parameters: Record<string, unknown>) {
  const definition = parseWorkflowDefinition({
    name: 'OAuth2 retry', settings: { executionOrder: 'v1' },
    nodes: [{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }, { ...clickUpNode, parameters }],
    connections: { Start: { main: [[{ node: 'ClickUp', type: 'main', index: 0 }]] } },
  });
  const engine = createFixtureEngine();
  try {
    const result = await engine.run({ name: 'OAuth2 retry', file: '', workflow: definition }, getNodeType, { credentials: (_node, type, options) => credentials(type, options) });
    const error = result.data.resultData.error as (Error & { description?: string }) | undefined;
    return { error, output: result.data.resultData.runData.ClickUp?.[0]?.data?.main[0]?.map((item) => item.json) };
  } finally {
    engine.dispose();
  }
}

describe('a 401 to an OAuth2 token, through restCall', () => {
  it('renews the token once and sends the call again with the new one, in the scheme the node used', async () => {
    const { error, output } = await runClickUp({ authentication: 'oAuth2', operation: 'get', id: 't5' });
    expect(error).toBeUndefined();
    expect(output).toEqual([{ id: 't5', name: 'Write docs' }]);
    expect(grants).toEqual([{ grant_type: 'refresh_token', refresh_token: 'rt-1' }]);
    expect(apiCalls).toEqual([{ path: '/task/t5', authorization: 'at-1' }, { path: '/task/t5', authorization: 'at-2' }]);
    expect(gets.filter(([, refresh]) => refresh)).toEqual([['clickUpOAuth2Api', true]]);
    expect((vault.clickUpOAuth2Api.oauthTokenData as { access_token: string }).access_token).toBe('at-2');
  });

  it('fails with the service\'s 401 when the renewed token is refused too: one renewal only', async () => {
    refuseNew = true;
    const { error } = await runClickUp({ authentication: 'oAuth2', operation: 'get', id: 't5' });
    expect(error?.description).toBe('ClickUp answered 401: Token invalid (OAUTH_025)');
    expect(grants).toHaveLength(1);
    expect(apiCalls.map((call) => call.authorization)).toEqual(['at-1', 'at-2']);
  });

  it('leaves a refused personal token alone (no OAuth2 token was sent), though the node also holds an OAuth2 credential', async () => {
    const { error } = await runClickUp({ authentication: 'accessToken', operation: 'get', id: 't5' });
    expect(error?.description).toBe('ClickUp answered 401: Token invalid (OAUTH_025)');
    expect(grants).toEqual([]);
    expect(apiCalls.map((call) => call.authorization)).toEqual(['pk_personal']);
    expect(gets.some(([, refresh]) => refresh)).toBe(false);
    // The OAuth2 credential it holds is gone: still the service's 401, not the missing credential.
    delete vault.clickUpOAuth2Api;
    expect((await runClickUp({ authentication: 'accessToken', operation: 'get', id: 't5' })).error?.description).toBe('ClickUp answered 401: Token invalid (OAUTH_025)');
  });
});

describe('sendWaitingOutRateLimits with the running node', () => {
  const node = { ...clickUpNode, parameters: {} } as WorkflowNode;
  const spec = { method: 'GET', url: `/task/t9`, headers: { Authorization: 'at-1', accept: 'application/json' } };
  const options = () => ({ timeoutMs: 5000, followRedirects: false, maxRedirects: 0, signal: AbortSignal.timeout(5000), blockPrivateNetworks: false });

  it('returns the 401 as it is without the node, and renews and resends with it', async () => {
    const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: false });
    try {
      const plain = await sendWaitingOutRateLimits(transport, { ...spec, url: `${base}${spec.url}` }, options());
      expect(plain.statusCode).toBe(401);
      expect(grants).toEqual([]);
      const retried = await sendWaitingOutRateLimits(transport, { ...spec, url: `${base}${spec.url}` }, { ...options(), oauth2: { node, credentials: { get: credentials } } });
      expect(retried.statusCode).toBe(200);
      expect(JSON.parse(retried.body.toString('utf8'))).toEqual({ id: 't9', name: 'Write docs' });
      expect(apiCalls.map((call) => call.authorization)).toEqual(['at-1', 'at-1', 'at-2']);
      expect(grants).toHaveLength(1);
    } finally {
      await transport.close();
    }
  });
});
