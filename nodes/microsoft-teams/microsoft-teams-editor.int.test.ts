// What the editor asks of the Teams node (v2's locator lists, v1's dropdowns), and the renewal of a
// refused OAuth2 token during a run, against the Graph stand-in and a local RFC 6749 token endpoint.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseWorkflowDefinition } from '../../domain/index.ts';
import { getNodeType } from '../index.ts';
import { methodContext } from '../node-methods.ts';
import { startTokenVault, type TokenVault } from '../shared/oauth2-test-vault.ts';
import { createFixtureEngine } from '../testing/fixture-engine.ts';
import { CHAT_ID, GENERAL, startTeamsStandIn, TEAM_ID, TEAMS_TOKEN, type TeamsStandIn } from './microsoft-teams-stand-in.ts';
import { microsoftTeamsNode, microsoftTeamsNodeV1 } from './microsoft-teams.node.ts';

let graph: TeamsStandIn;
let tokens: TokenVault;
const saved = process.env.WEFT_MICROSOFT_GRAPH_API_URL;

beforeAll(async () => {
  [graph, tokens] = await Promise.all([startTeamsStandIn(), startTokenVault()]);
  process.env.WEFT_MICROSOFT_GRAPH_API_URL = graph.url;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.WEFT_MICROSOFT_GRAPH_API_URL;
  else process.env.WEFT_MICROSOFT_GRAPH_API_URL = saved;
  await Promise.all([graph.close(), tokens.close()]);
});
beforeEach(() => {
  graph.seen.length = 0;
  tokens.reset();
});

const env = { getCredentials: async () => ({ oauthTokenData: { access_token: TEAMS_TOKEN } }), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' };
const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const context = (node: typeof microsoftTeamsNode, kind: 'listSearch' | 'loadOptions', method: string, currentNodeParameters: Record<string, unknown>, typeVersion?: number) =>
  methodContext({ nodeType: node, kind, method, currentNodeParameters, typeVersion, credentials: { microsoftTeamsOAuth2Api: { id: '1', name: 'x' } } }, env);
const list = (method: string, parameters: Record<string, unknown>, filter?: string) =>
  microsoftTeamsNode.methods!.listSearch![method](context(microsoftTeamsNode, 'listSearch', method, parameters), filter);

describe('the editor lists', () => {
  it('teams, channels (General left out where it cannot be changed) and chats, filtered and sorted by name', async () => {
    expect((await list('getTeams', { resource: 'channel', operation: 'get' })).results).toEqual([{ name: 'Design', value: 'team-2' }, { name: 'Marketing', value: TEAM_ID }]);
    expect((await list('getTeams', { resource: 'channel', operation: 'get' }, 'mark')).results.map((r) => r.value)).toEqual([TEAM_ID]);
    const channels = await list('getChannels', { resource: 'channel', operation: 'get', teamId: rl(TEAM_ID) });
    expect(channels.results.map((r) => r.name)).toEqual(['Dev', 'General']);
    expect(channels.results[1].url).toBe('https://teams.microsoft.com/l/channel/general');
    expect((await list('getChannels', { resource: 'channel', operation: 'deleteChannel', teamId: rl(TEAM_ID) })).results.map((r) => r.value)).toEqual(['19:dev@thread.tacv2']);
    expect(graph.seen.filter((r) => r.path === `/v1.0/teams/${TEAM_ID}/channels`)).toHaveLength(2);
    const chats = await list('getChats', { resource: 'chatMessage', operation: 'create' });
    expect(chats.results.map((r) => [r.name, r.value])).toEqual([['Launch (group)', '19:group@thread.v2'], ['Megan Bowen, Alex Wilber (oneOnOne)', CHAT_ID]]);
    expect(graph.seen.find((r) => r.path === '/v1.0/chats')?.query).toEqual({ $expand: 'members' });
  });

  it('Planner groups (without All Company), plans, buckets and members; plans of the group picked among the update fields', async () => {
    expect((await list('getGroups', { resource: 'task', operation: 'create' })).results).toEqual([{ name: 'Product', value: 'grp-1' }]);
    expect((await list('getPlans', { resource: 'task', operation: 'create', groupId: rl('grp-1') })).results.map((r) => r.name)).toEqual(['Backlog', 'Roadmap']);
    expect((await list('getPlans', { resource: 'task', operation: 'update', taskId: 'task-1', updateFields: { groupId: rl('grp-1') } })).results).toHaveLength(2);
    expect((await list('getBuckets', { resource: 'task', operation: 'create', planId: rl('plan-1') })).results).toEqual([{ name: 'To do', value: 'bucket-1' }]);
    expect((await list('getMembers', { resource: 'task', operation: 'create', groupId: rl('grp-1') })).results.map((r) => r.value)).toEqual(['user-2', 'user-1']);
  });

  it('v1 dropdowns: my groups with their mail, a plan\'s labels', async () => {
    const load = (method: string, parameters: Record<string, unknown>) =>
      microsoftTeamsNodeV1.methods!.loadOptions![method](context(microsoftTeamsNodeV1, 'loadOptions', method, parameters, 1));
    expect(await load('getGroups', { resource: 'task', operation: 'create', groupSource: 'mine' })).toEqual([{ name: 'Product', value: 'grp-1', description: 'product@contoso.com' }]);
    expect(graph.seen.map((r) => r.path)).toEqual(['/v1.0/me/transitiveMemberOf']);
    expect(await load('getLabels', { resource: 'task', operation: 'create', planId: 'plan-1' })).toEqual([{ name: 'Urgent', value: 'category1' }]);
    expect(await load('getChannels', { resource: 'channel', operation: 'delete', teamId: TEAM_ID })).toHaveLength(2);
  });
});

describe('a refused OAuth2 token', () => {
  it('is renewed once through the token endpoint and the call goes out again with the new one', async () => {
    tokens.holding('microsoftTeamsOAuth2Api');
    tokens.next = TEAMS_TOKEN;
    const definition = parseWorkflowDefinition({
      name: 'Teams renewal', settings: { executionOrder: 'v1' },
      nodes: [
        { id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { id: 's', name: 'Teams', type: 'n8n-nodes-base.microsoftTeams', typeVersion: 2, position: [200, 0], credentials: { microsoftTeamsOAuth2Api: { id: '1', name: 'Teams' } },
          parameters: { resource: 'channel', operation: 'get', teamId: rl(TEAM_ID), channelId: rl(GENERAL) } },
      ],
      connections: { Start: { main: [[{ node: 'Teams', type: 'main', index: 0 }]] } },
    });
    const engine = createFixtureEngine();
    try {
      const result = await engine.run({ name: 'Teams renewal', file: '', workflow: definition }, getNodeType, { credentials: (_node, type, options) => tokens.credentials(type, options) });
      expect(result.data.resultData.error).toBeUndefined();
      expect(result.data.resultData.runData.Teams[0].data?.main[0]?.[0].json).toMatchObject({ id: GENERAL });
    } finally {
      engine.dispose();
    }
    expect(graph.seen.map((r) => r.authorization)).toEqual(['Bearer old-token', `Bearer ${TEAMS_TOKEN}`]);
    expect(tokens.renewals).toEqual(['microsoftTeamsOAuth2Api']);
    expect(tokens.grants).toEqual([{ grant_type: 'refresh_token', refresh_token: 'rt-1' }]);
  });
});
