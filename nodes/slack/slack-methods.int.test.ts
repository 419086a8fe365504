// The Slack node's editor methods against the local Web API stand-in (slack-stand-in.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runNodeMethod } from '../node-methods.ts';
import { GOOD_TOKEN, startSlackStandIn, type SlackStandIn } from './slack-stand-in.ts';
import { slackNode } from './slack.node.ts';

let slack: SlackStandIn;
const saved = process.env.WEFT_SLACK_API_URL;
beforeAll(async () => {
  slack = await startSlackStandIn();
  process.env.WEFT_SLACK_API_URL = slack.url;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.WEFT_SLACK_API_URL;
  else process.env.WEFT_SLACK_API_URL = saved;
  await slack.close();
});
beforeEach(() => { slack.seen.length = 0; });

const call = (kind: 'loadOptions' | 'listSearch', method: string, filter?: string, token = GOOD_TOKEN) =>
  runNodeMethod({ nodeType: slackNode, typeVersion: 2.3, kind, method, filter, currentNodeParameters: { resource: 'message', operation: 'post' }, credentials: { slackApi: { id: '1', name: 'slack' } } },
    { getCredentials: async () => ({ accessToken: token }), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });

describe('Slack editor methods', () => {
  it('listSearch.getChannels reads every page of conversations.list and filters by name or id', async () => {
    const all = (await call('listSearch', 'getChannels')) as { results: Array<{ name: string; value: string }> };
    expect(all.results).toHaveLength(150);
    expect(all.results[0]).toEqual({ name: 'channel-1', value: 'C001' });
    expect(all.results[1]).toEqual({ name: 'channel-10', value: 'C010' });
    const pages = slack.seen.filter((r) => r.path.endsWith('/conversations.list'));
    expect(pages).toHaveLength(2);
    expect(pages[0].query).toEqual(expect.objectContaining({ types: 'public_channel,private_channel', limit: '100' }));
    expect(pages[1].query.cursor).toBeTruthy();
    expect(pages[0].authorization).toBe(`Bearer ${GOOD_TOKEN}`);

    expect(((await call('listSearch', 'getChannels', 'CHANNEL-14')) as { results: unknown[] }).results.map((r) => (r as { value: string }).value))
      .toEqual(['C014', 'C140', 'C141', 'C142', 'C143', 'C144', 'C145', 'C146', 'C147', 'C148', 'C149']);
    expect(await call('listSearch', 'getChannels', 'C007')).toEqual({ results: [{ name: 'channel-7', value: 'C007' }] });
  });

  it('loadOptions list users by id and channels by id or by name', async () => {
    expect(await call('loadOptions', 'getUsers')).toEqual({ options: [{ name: 'user1', value: 'U001' }, { name: 'user2', value: 'U002' }, { name: 'user3', value: 'U003' }] });
    expect(((await call('loadOptions', 'getChannels')) as { options: unknown[] }).options[0]).toEqual({ name: 'channel-1', value: 'C001' });
    expect(((await call('loadOptions', 'getChannelsName')) as { options: unknown[] }).options[0]).toEqual({ name: 'channel-1', value: 'channel-1' });
    expect(await call('listSearch', 'getUsers', 'user2')).toEqual({ results: [{ name: 'user2', value: 'U002' }] });
  });

  it('a bad token is Slack\'s error', async () => {
    await expect(call('listSearch', 'getUsers', undefined, 'xoxb-bad')).rejects.toThrow(/invalid_auth|token/i);
  });

  it('loadOptions.getTeamFields lists the team\'s custom profile fields by label (v1 User Profile)', async () => {
    expect(await call('loadOptions', 'getTeamFields')).toEqual({ options: [{ name: 'Title', value: 'Xf01TITLE' }] });
    expect(slack.seen.map((r) => [r.path, r.authorization])).toEqual([['/api/team.profile.get', `Bearer ${GOOD_TOKEN}`]]);
  });
});
