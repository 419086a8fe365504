// Refresh-and-retry on 401 in the service nodes that call the 429 loop with their own clients:
// HubSpot, Pipedrive and Dropbox on the real engine, each against its local stand-in (written from
// the vendor's API documentation), which takes only its good token and answers an old one with
// its documented 401. A local RFC 6749 token endpoint issues that good token for the refresh grant;
// the engine's credential source plays the vault, as in oauth2-retry.int.test.ts.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseWorkflowDefinition } from '../../domain/index.ts';
import type { CredentialGetOptions } from '../../engine/index.ts';
import { GOOD_TOKEN as DROPBOX_TOKEN, startDropboxStandIn, type DropboxStandIn } from '../dropbox/dropbox-stand-in.ts';
import { APP_TOKEN as HUBSPOT_TOKEN, startHubspotStandIn, type HubspotStandIn } from '../hubspot/hubspot-stand-in.ts';
import { getNodeType } from '../index.ts';
import { createFixtureEngine } from '../testing/fixture-engine.ts';
import { PIPEDRIVE_TOKEN, startPipedriveStandIn, type PipedriveStandIn } from '../pipedrive/pipedrive-stand-in.ts';

const ENV = ['WEFT_HUBSPOT_API_URL', 'WEFT_PIPEDRIVE_API_URL', 'WEFT_DROPBOX_API_API_URL', 'WEFT_DROPBOX_CONTENT_API_URL'] as const;
const saved = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));
let hubspot: HubspotStandIn;
let pipedrive: PipedriveStandIn;
let dropbox: DropboxStandIn;
let tokenEndpoint: Server;
let tokenUrl = '';
/** The token the endpoint issues next: the stand-in's good token. */
let next = '';
const grants: Array<Record<string, string>> = [];

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => resolve(text));
  });
}

beforeAll(async () => {
  [hubspot, pipedrive, dropbox] = await Promise.all([startHubspotStandIn(), startPipedriveStandIn(), startDropboxStandIn()]);
  tokenEndpoint = createServer(async (req, res) => {
    const params = Object.fromEntries(new URLSearchParams(await body(req)));
    grants.push(params);
    const ok = params.grant_type === 'refresh_token' && params.refresh_token === 'rt-1';
    res.writeHead(ok ? 200 : 400, { 'content-type': 'application/json' })
      .end(JSON.stringify(ok ? { access_token: next, token_type: 'bearer', refresh_token: 'rt-2', expires_in: 3600 } : { error: 'invalid_grant' }));
  });
  await new Promise<void>((resolve) => tokenEndpoint.listen(0, '127.0.0.1', resolve));
  tokenUrl = `http://127.0.0.1:${(tokenEndpoint.address() as AddressInfo).port}/oauth/token`;
  Object.assign(process.env, { WEFT_HUBSPOT_API_URL: hubspot.url, WEFT_PIPEDRIVE_API_URL: pipedrive.url, WEFT_DROPBOX_API_API_URL: dropbox.url, WEFT_DROPBOX_CONTENT_API_URL: dropbox.url });
});
afterAll(async () => {
  for (const name of ENV) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  await Promise.all([hubspot.close(), pipedrive.close(), dropbox.close(), new Promise((resolve) => tokenEndpoint.close(resolve))]);
});

/** The vault: one OAuth2 credential whose token `old-token` was revoked though not yet expired. */
let vault: Record<string, Record<string, unknown>>;
const renewals: string[] = [];
beforeEach(() => {
  grants.length = 0;
  renewals.length = 0;
  hubspot.seen.length = 0;
  pipedrive.reset();
  dropbox.seen.length = 0;
});
function holding(type: string, extra: Record<string, unknown> = {}) {
  vault = { [type]: { ...extra, oauthTokenData: { access_token: 'old-token', refresh_token: 'rt-1', expires_at: Date.now() + 3600_000 } } };
}

async function credentials(type: string, options?: CredentialGetOptions): Promise<Record<string, unknown>> {
  if (!vault[type]) throw new Error(`Credential of type '${type}' not found`);
  if (options?.refreshOAuth2Token) {
    renewals.push(type);
    const answer = await fetch(tokenUrl, { method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'rt-1' }) });
    if (!answer.ok) throw new Error(`refresh refused: ${await answer.text()}`);
    vault[type] = { ...vault[type], oauthTokenData: await answer.json() };
  }
  return vault[type];
}

async function run(node: { type: string; typeVersion: number; credentials: Record<string, { id: string; name: string }>; parameters: Record<string, unknown> }, items = 1) {
  const definition = parseWorkflowDefinition({
    name: 'OAuth2 retry', settings: { executionOrder: 'v1' },
    nodes: [
      { id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      { id: 'c', name: 'Code', type: 'n8n-nodes-base.code', typeVersion: 2, position: [100, 0], parameters: { jsCode: `return Array.from({ length: ${items} }, (_, i) => ({ json: { i } }));` } },
      { id: 's', name: 'Service', position: [200, 0], ...node },
    ],
    connections: { Start: { main: [[{ node: 'Code', type: 'main', index: 0 }]] }, Code: { main: [[{ node: 'Service', type: 'main', index: 0 }]] } },
  });
  const engine = createFixtureEngine();
  try {
    const result = await engine.run({ name: 'OAuth2 retry', file: '', workflow: definition }, getNodeType, { credentials: (_node, type, options) => credentials(type, options) });
    const error = result.data.resultData.error as (Error & { description?: string }) | undefined;
    return { error, output: result.data.resultData.runData.Service?.[0]?.data?.main[0]?.map((item) => item.json) };
  } finally {
    engine.dispose();
  }
}

describe('a 401 to an OAuth2 token renews it once and resends', () => {
  it('HubSpot: the contact is read with the renewed Bearer token after the documented INVALID_AUTHENTICATION 401', async () => {
    holding('hubspotOAuth2Api');
    next = HUBSPOT_TOKEN;
    const { error, output } = await run({ type: 'n8n-nodes-base.hubspot', typeVersion: 2, credentials: { hubspotOAuth2Api: { id: '1', name: 'HubSpot' } },
      parameters: { authentication: 'oAuth2', resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: '102' }, additionalFields: {} } });
    expect(error).toBeUndefined();
    expect(output?.[0]).toMatchObject({ vid: 102 });
    expect(hubspot.seen.map((r) => [r.path, r.authorization])).toEqual([
      ['/contacts/v1/contact/vid/102/profile', 'Bearer old-token'], ['/contacts/v1/contact/vid/102/profile', `Bearer ${HUBSPOT_TOKEN}`]]);
    expect(renewals).toEqual(['hubspotOAuth2Api']);
    expect(grants).toEqual([{ grant_type: 'refresh_token', refresh_token: 'rt-1' }]);
  });

  it('HubSpot: a renewed token that is refused too ends in the service\'s 401, after one renewal', async () => {
    holding('hubspotOAuth2Api');
    next = 'also-refused';
    const { error } = await run({ type: 'n8n-nodes-base.hubspot', typeVersion: 2, credentials: { hubspotOAuth2Api: { id: '1', name: 'HubSpot' } },
      parameters: { authentication: 'oAuth2', resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: '102' }, additionalFields: {} } });
    expect(error?.description).toContain('Authentication credentials not found.');
    expect(hubspot.seen.map((r) => r.authorization)).toEqual(['Bearer old-token', 'Bearer also-refused']);
    expect(renewals).toEqual(['hubspotOAuth2Api']);
  });

  it('Pipedrive: two items, one renewal; the second item is sent with the renewed token from the vault', async () => {
    holding('pipedriveOAuth2Api');
    next = PIPEDRIVE_TOKEN;
    pipedrive.store.deals.push({ id: 7, title: 'Big deal' });
    const { error, output } = await run({ type: 'n8n-nodes-base.pipedrive', typeVersion: 1, credentials: { pipedriveOAuth2Api: { id: '1', name: 'Pipedrive' } },
      parameters: { authentication: 'oAuth2', resource: 'deal', operation: 'get', dealId: 7 } }, 2);
    expect(error).toBeUndefined();
    expect(output).toEqual([{ id: 7, title: 'Big deal' }, { id: 7, title: 'Big deal' }]);
    expect(pipedrive.seen.map((r) => [r.path, r.authorization, r.query.api_token])).toEqual([
      ['/deals/7', 'Bearer old-token', undefined], ['/deals/7', `Bearer ${PIPEDRIVE_TOKEN}`, undefined], ['/deals/7', `Bearer ${PIPEDRIVE_TOKEN}`, undefined]]);
    expect(renewals).toEqual(['pipedriveOAuth2Api']);
  });

  it('Dropbox: the token the node read once is replaced by the renewed one for every later call of the run', async () => {
    holding('dropboxOAuth2Api', { accessType: 'full' });
    next = DROPBOX_TOKEN;
    const { error, output } = await run({ type: 'n8n-nodes-base.dropbox', typeVersion: 1, credentials: { dropboxOAuth2Api: { id: '1', name: 'Dropbox' } },
      parameters: { authentication: 'oAuth2', resource: 'folder', operation: 'create', path: '={{ "/f" + $json.i }}' } }, 2);
    expect(error).toBeUndefined();
    expect(output).toHaveLength(2);
    expect(dropbox.seen.map((r) => [r.path, r.authorization])).toEqual([
      ['/2/users/get_current_account', 'Bearer old-token'], ['/2/users/get_current_account', `Bearer ${DROPBOX_TOKEN}`],
      ['/2/files/create_folder_v2', `Bearer ${DROPBOX_TOKEN}`], ['/2/files/create_folder_v2', `Bearer ${DROPBOX_TOKEN}`]]);
    expect(renewals).toEqual(['dropboxOAuth2Api']);
  });
});
