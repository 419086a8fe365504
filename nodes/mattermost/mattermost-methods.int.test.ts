// The Mattermost node's editor methods against the local REST API v4 stand-in (mattermost-stand-in.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runNodeMethod } from '../node-methods.ts';
import { startMattermostStandIn, TEAM_ID, TOKEN, type MattermostStandIn } from './mattermost-stand-in.ts';
import { mattermostNode } from './mattermost.node.ts';

let mm: MattermostStandIn;
beforeAll(async () => { mm = await startMattermostStandIn(); });
afterAll(() => mm.close());
beforeEach(() => { mm.seen.length = 0; mm.systemAdmin = true; });

const call = async (method: string, currentNodeParameters: Record<string, unknown> = {}, token = TOKEN) =>
  ((await runNodeMethod({ nodeType: mattermostNode, typeVersion: 1, kind: 'loadOptions', method, currentNodeParameters, credentials: { mattermostApi: { id: '1', name: 'mm' } } },
    { getCredentials: async () => ({ accessToken: token, baseUrl: `${mm.url}/` }), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' })) as { options: unknown[] }).options;

describe('Mattermost editor methods', () => {
  it('getChannels lists every team\'s live named channels, falling back to the user\'s own without admin rights', async () => {
    const expected = [
      { name: 'Board - Minutes (public)', value: 'chan5555555555555555555555' },
      { name: 'Engineering - Secret (private)', value: 'chan2222222222222222222222' },
      { name: 'Engineering - Town Square (public)', value: 'chan1111111111111111111111' },
    ];
    expect(await call('getChannels')).toEqual(expected);
    expect(mm.seen.map((r) => [r.method, r.path, r.query.page, r.query.per_page])).toEqual([['GET', '/api/v4/channels', '0', '100'], ['GET', '/api/v4/channels', '1', '100']]);
    expect(mm.seen[0].authorization).toBe(`Bearer ${TOKEN}`);

    mm.seen.length = 0;
    mm.systemAdmin = false;
    expect(await call('getChannels')).toEqual(expected);
    expect(mm.seen.map((r) => r.path)).toEqual(['/api/v4/channels', '/api/v4/users/me/channels']);
  });

  it('getChannelsInTeam, getTeams and getUsers', async () => {
    expect(await call('getChannelsInTeam', { resource: 'channel', operation: 'members', teamId: TEAM_ID })).toEqual([
      { name: 'Secret (private)', value: 'chan2222222222222222222222' },
      { name: 'Town Square (public)', value: 'chan1111111111111111111111' },
    ]);
    expect(mm.seen.at(-1)?.path).toBe(`/api/v4/users/me/teams/${TEAM_ID}/channels`);
    expect(await call('getTeams', { resource: 'channel', operation: 'create' })).toEqual([
      { name: 'Board (private)', value: 'team2222222222222222222222' },
      { name: 'Engineering (public)', value: TEAM_ID },
    ]);
    const users = await call('getUsers');
    expect(users).toHaveLength(230);
    expect(users[0]).toEqual({ name: 'user1', value: `user${'1'.padStart(22, '0')}` });
    expect(mm.seen.filter((r) => r.path === '/api/v4/users').map((r) => r.query.page)).toEqual(['0', '1', '2', '3']);
  });

  it('a rejected token is Mattermost\'s error', async () => {
    await expect(call('getTeams', {}, 'bad')).rejects.toThrow(/Invalid or expired session/);
  });
});
