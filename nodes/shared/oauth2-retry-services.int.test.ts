// Refresh-and-retry on 401 in the service nodes that call the 429 loop with their own clients:
// HubSpot, Pipedrive and Dropbox on the real engine, each against its local stand-in (written from
// the vendor's API documentation), which takes only its good token and answers an old one with
// its documented 401. A local RFC 6749 token endpoint issues that good token for the refresh grant;
// the engine's credential source plays the vault, as in oauth2-retry.int.test.ts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseWorkflowDefinition } from '../../domain/index.ts';
import { GOOD_TOKEN as DROPBOX_TOKEN, startDropboxStandIn, type DropboxStandIn } from '../dropbox/dropbox-stand-in.ts';
import { APP_TOKEN as HUBSPOT_TOKEN, startHubspotStandIn, type HubspotStandIn } from '../hubspot/hubspot-stand-in.ts';
import { getNodeType } from '../index.ts';
import { createFixtureEngine } from '../testing/fixture-engine.ts';
import { startTokenVault, type TokenVault } from './oauth2-test-vault.ts';
import { PIPEDRIVE_TOKEN, startPipedriveStandIn, type PipedriveStandIn } from '../pipedrive/pipedrive-stand-in.ts';

const ENV = ['WEFT_HUBSPOT_API_URL', 'WEFT_PIPEDRIVE_API_URL', 'WEFT_DROPBOX_API_API_URL', 'WEFT_DROPBOX_CONTENT_API_URL'] as const;
const saved = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));
let hubspot: HubspotStandIn;
let pipedrive: PipedriveStandIn;
let dropbox: DropboxStandIn;
let tokens: TokenVault;

beforeAll(async () => {
  [hubspot, pipedrive, dropbox] = await Promise.all([startHubspotStandIn(), startPipedriveStandIn(), startDropboxStandIn()]);
  tokens = await startTokenVault();
  Object.assign(process.env, { WEFT_HUBSPOT_API_URL: hubspot.url, WEFT_PIPEDRIVE_API_URL: pipedrive.url, WEFT_DROPBOX_API_API_URL: dropbox.url, WEFT_DROPBOX_CONTENT_API_URL: dropbox.url });
});
afterAll(async () => {
  for (const name of ENV) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  await Promise.all([hubspot.close(), pipedrive.close(), dropbox.close(), tokens.close()]);
});

beforeEach(() => {
  tokens.reset();
  hubspot.seen.length = 0;
  pipedrive.reset();
  dropbox.seen.length = 0;
});

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
    const result = await engine.run({ name: 'OAuth2 retry', file: '', workflow: definition }, getNodeType, { credentials: (_node, type, options) => tokens.credentials(type, options) });
    const error = result.data.resultData.error as (Error & { description?: string }) | undefined;
    return { error, output: result.data.resultData.runData.Service?.[0]?.data?.main[0]?.map((item) => item.json) };
  } finally {
    engine.dispose();
  }
}

describe('a 401 to an OAuth2 token renews it once and resends', () => {
  it('HubSpot: the contact is read with the renewed Bearer token after the documented INVALID_AUTHENTICATION 401', async () => {
    tokens.holding('hubspotOAuth2Api');
    tokens.next = HUBSPOT_TOKEN;
    const { error, output } = await run({ type: 'n8n-nodes-base.hubspot', typeVersion: 2, credentials: { hubspotOAuth2Api: { id: '1', name: 'HubSpot' } },
      parameters: { authentication: 'oAuth2', resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: '102' }, additionalFields: {} } });
    expect(error).toBeUndefined();
    expect(output?.[0]).toMatchObject({ vid: 102 });
    expect(hubspot.seen.map((r) => [r.path, r.authorization])).toEqual([
      ['/contacts/v1/contact/vid/102/profile', 'Bearer old-token'], ['/contacts/v1/contact/vid/102/profile', `Bearer ${HUBSPOT_TOKEN}`]]);
    expect(tokens.renewals).toEqual(['hubspotOAuth2Api']);
    expect(tokens.grants).toEqual([{ grant_type: 'refresh_token', refresh_token: 'rt-1' }]);
  });

  it('HubSpot: a renewed token that is refused too ends in the service\'s 401, after one renewal', async () => {
    tokens.holding('hubspotOAuth2Api');
    tokens.next = 'also-refused';
    const { error } = await run({ type: 'n8n-nodes-base.hubspot', typeVersion: 2, credentials: { hubspotOAuth2Api: { id: '1', name: 'HubSpot' } },
      parameters: { authentication: 'oAuth2', resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: '102' }, additionalFields: {} } });
    expect(error?.description).toContain('Authentication credentials not found.');
    expect(hubspot.seen.map((r) => r.authorization)).toEqual(['Bearer old-token', 'Bearer also-refused']);
    expect(tokens.renewals).toEqual(['hubspotOAuth2Api']);
  });

  it('Pipedrive: two items, one renewal; the second item is sent with the renewed token from the vault', async () => {
    tokens.holding('pipedriveOAuth2Api');
    tokens.next = PIPEDRIVE_TOKEN;
    pipedrive.store.deals.push({ id: 7, title: 'Big deal' });
    const { error, output } = await run({ type: 'n8n-nodes-base.pipedrive', typeVersion: 1, credentials: { pipedriveOAuth2Api: { id: '1', name: 'Pipedrive' } },
      parameters: { authentication: 'oAuth2', resource: 'deal', operation: 'get', dealId: 7 } }, 2);
    expect(error).toBeUndefined();
    expect(output).toEqual([{ id: 7, title: 'Big deal' }, { id: 7, title: 'Big deal' }]);
    expect(pipedrive.seen.map((r) => [r.path, r.authorization, r.query.api_token])).toEqual([
      ['/deals/7', 'Bearer old-token', undefined], ['/deals/7', `Bearer ${PIPEDRIVE_TOKEN}`, undefined], ['/deals/7', `Bearer ${PIPEDRIVE_TOKEN}`, undefined]]);
    expect(tokens.renewals).toEqual(['pipedriveOAuth2Api']);
  });

  it('Dropbox: the token the node read once is replaced by the renewed one for every later call of the run', async () => {
    tokens.holding('dropboxOAuth2Api', { accessType: 'full' });
    tokens.next = DROPBOX_TOKEN;
    const { error, output } = await run({ type: 'n8n-nodes-base.dropbox', typeVersion: 1, credentials: { dropboxOAuth2Api: { id: '1', name: 'Dropbox' } },
      parameters: { authentication: 'oAuth2', resource: 'folder', operation: 'create', path: '={{ "/f" + $json.i }}' } }, 2);
    expect(error).toBeUndefined();
    expect(output).toHaveLength(2);
    expect(dropbox.seen.map((r) => [r.path, r.authorization])).toEqual([
      ['/2/users/get_current_account', 'Bearer old-token'], ['/2/users/get_current_account', `Bearer ${DROPBOX_TOKEN}`],
      ['/2/files/create_folder_v2', `Bearer ${DROPBOX_TOKEN}`], ['/2/files/create_folder_v2', `Bearer ${DROPBOX_TOKEN}`]]);
    expect(tokens.renewals).toEqual(['dropboxOAuth2Api']);
  });
});
