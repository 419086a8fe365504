// The Microsoft Teams node (v2, and v1 where it differs) against a local stand-in of Microsoft
// Graph (microsoft-teams-stand-in.ts, written from Graph's documentation).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { CHAT_ID, GENERAL, startTeamsStandIn, TASK_ETAG, TEAM_ID, TEAMS_TOKEN, type TeamsStandIn } from './microsoft-teams-stand-in.ts';

let graph: TeamsStandIn;
const saved = process.env.WEFT_MICROSOFT_GRAPH_API_URL;
const credentials = { microsoftTeamsOAuth2Api: { oauthTokenData: { access_token: TEAMS_TOKEN } } };

beforeAll(async () => {
  graph = await startTeamsStandIn();
  process.env.WEFT_MICROSOFT_GRAPH_API_URL = graph.url;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.WEFT_MICROSOFT_GRAPH_API_URL;
  else process.env.WEFT_MICROSOFT_GRAPH_API_URL = saved;
  await graph.close();
});
beforeEach(() => {
  graph.seen.length = 0;
});

const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });
const team = rl(TEAM_ID);
const run = (parameters: Record<string, unknown>, { typeVersion = 2, continueOnFail = false, items = [{ json: {} }] } = {}) => runChain([{
  name: 'Teams', type: 'n8n-nodes-base.microsoftTeams', typeVersion, parameters, continueOnFail, credentials: { microsoftTeamsOAuth2Api: { id: '1', name: 'Teams' } },
}], { items, credentials });
const out = async (parameters: Record<string, unknown>, options?: Parameters<typeof run>[1]) => outputOf(await run(parameters, options), 'Teams').map((i) => i.json);
const calls = (path: string) => graph.seen.filter((r) => r.path === path);

describe('Microsoft Teams channels', () => {
  it('creates a channel with the Bearer token, description and membership type; outputs Graph\'s channel', async () => {
    const created = await out({ resource: 'channel', operation: 'create', teamId: team, name: 'Launch', options: { description: 'Go-live', type: 'private' } });
    const [call] = calls(`/v1.0/teams/${TEAM_ID}/channels`);
    expect(call).toMatchObject({ method: 'POST', authorization: `Bearer ${TEAMS_TOKEN}`, body: { displayName: 'Launch', description: 'Go-live', membershipType: 'private' } });
    expect(created).toEqual([{ id: '19:new@thread.tacv2', displayName: 'Launch', description: 'Go-live', membershipType: 'private' }]);
  });

  it('gets, lists with a limit, renames (a team link names the team) and deletes', async () => {
    expect((await out({ resource: 'channel', operation: 'get', teamId: team, channelId: rl(GENERAL) }))[0]).toMatchObject({ displayName: 'General' });
    expect(calls(`/v1.0/teams/${TEAM_ID}/channels/${GENERAL}`)[0].method).toBe('GET');
    expect((await out({ resource: 'channel', operation: 'getAll', teamId: team, limit: 1 })).map((c) => c.displayName)).toEqual(['General']);
    const link = `https://teams.microsoft.com/l/team/19%3Aabc%40thread.tacv2/conversations?groupId=${TEAM_ID}&tenantId=t1`;
    graph.seen.length = 0;
    expect(await out({ resource: 'channel', operation: 'update', teamId: rl(link, 'url'), channelId: rl('19:dev@thread.tacv2'), name: 'Devs', options: { description: 'All builders' } }))
      .toEqual([{ success: true }]);
    expect(graph.seen.map((r) => [r.method, r.path, r.body])).toEqual([['PATCH', `/v1.0/teams/${TEAM_ID}/channels/19:dev@thread.tacv2`, { displayName: 'Devs', description: 'All builders' }]]);
    expect(await out({ resource: 'channel', operation: 'deleteChannel', teamId: team, channelId: rl('19:dev@thread.tacv2') })).toEqual([{ success: true }]);
    expect(graph.seen.at(-1)).toMatchObject({ method: 'DELETE', path: `/v1.0/teams/${TEAM_ID}/channels/19:dev@thread.tacv2` });
  });

  it('says what Graph said (its error body) and keeps going with continue on fail', async () => {
    const failed = await run({ resource: 'channel', operation: 'deleteChannel', teamId: team, channelId: rl(GENERAL) });
    expect(failed.data.resultData.error?.message).toBe('Bad request - please check your parameters');
    expect((failed.data.resultData.error as { description?: string }).description).toBe('BadRequest: General channel cannot be deleted.');
    const kept = await out({ resource: 'channel', operation: 'get', teamId: team, channelId: '={{ { __rl: true, mode: "id", value: $json.channel } }}' },
      { continueOnFail: true, items: [{ json: { channel: '19:gone@thread.tacv2' } }, { json: { channel: GENERAL } }] });
    expect(kept[0]).toEqual({ error: 'The resource you are requesting could not be found' });
    expect(kept[1]).toMatchObject({ id: GENERAL });
  });
});

describe('Microsoft Teams messages', () => {
  it('posts a channel message (beta) with the workflow link, and a reply without it', async () => {
    process.env.PUBLIC_URL = 'https://weft.example.com';
    try {
      await out({ resource: 'channelMessage', operation: 'create', teamId: team, channelId: rl(GENERAL), contentType: 'text', message: 'Shipped', options: {} });
    } finally {
      delete process.env.PUBLIC_URL;
    }
    const [post] = calls(`/beta/teams/${TEAM_ID}/channels/${GENERAL}/messages`);
    expect(post.body).toEqual({ body: { contentType: 'html',
      content: 'Shipped<br><br><em> Powered by <a href="https://weft.example.com/workflow/wf-n8n?utm_source=n8n-internal&utm_medium=powered_by&utm_campaign=n8n-nodes-base.microsoftTeams">this n8n workflow</a> </em>' } });
    const reply = await out({ resource: 'channelMessage', operation: 'create', teamId: team, channelId: rl(GENERAL), contentType: 'html', message: '<b>Yes</b>',
      options: { makeReply: '1600000000000', includeLinkToWorkflow: false } });
    expect(calls(`/beta/teams/${TEAM_ID}/channels/${GENERAL}/messages/1600000000000/replies`)[0].body).toEqual({ body: { contentType: 'html', content: '<b>Yes</b>' } });
    expect(reply[0]).toMatchObject({ replyToId: '1600000000000' });
  });

  it('lists channel messages: a limit stops paging early, Return All follows every @odata.nextLink', async () => {
    expect(await out({ resource: 'channelMessage', operation: 'getAll', teamId: team, channelId: rl(GENERAL), limit: 3 })).toHaveLength(3);
    expect(calls(`/beta/teams/${TEAM_ID}/channels/${GENERAL}/messages`)).toHaveLength(1);
    graph.seen.length = 0;
    const all = await out({ resource: 'channelMessage', operation: 'getAll', teamId: team, channelId: rl(GENERAL), returnAll: true });
    expect(all).toHaveLength(25);
    expect(calls(`/beta/teams/${TEAM_ID}/channels/${GENERAL}/messages`).map((r) => r.query.$skiptoken)).toEqual([undefined, '20']);
  });

  it('sends, gets and lists chat messages; v2 asks for the limit as $top (at most 50) and pages on', async () => {
    const sent = await out({ resource: 'chatMessage', operation: 'create', chatId: rl(CHAT_ID), contentType: 'text', message: 'Hi', options: { includeLinkToWorkflow: false } });
    expect(calls(`/v1.0/chats/${CHAT_ID}/messages`)[0]).toMatchObject({ method: 'POST', body: { body: { contentType: 'text', content: 'Hi' } } });
    expect(sent[0]).toMatchObject({ chatId: CHAT_ID, id: '1700000099999' });
    expect((await out({ resource: 'chatMessage', operation: 'get', chatId: rl(CHAT_ID), messageId: '1700000000004' }))[0]).toMatchObject({ body: { content: 'Chat 5' } });
    graph.seen.length = 0;
    const some = await out({ resource: 'chatMessage', operation: 'getAll', chatId: rl(CHAT_ID), limit: 60 });
    expect(some).toHaveLength(60);
    expect(calls(`/v1.0/chats/${CHAT_ID}/messages`).map((r) => r.query)).toEqual([{ $top: '50' }, { $top: '50', $skiptoken: '50' }]);
    graph.seen.length = 0;
    expect(await out({ resource: 'chatMessage', operation: 'getAll', chatId: rl(CHAT_ID), returnAll: true })).toHaveLength(75);
    expect(calls(`/v1.0/chats/${CHAT_ID}/messages`)).toHaveLength(4);
  });

  it('waits out a 429 for the time Retry-After names', async () => {
    graph.rateLimitOnce(`/v1.0/chats/${CHAT_ID}/messages/1700000000001`, 1);
    const started = Date.now();
    const got = await out({ resource: 'chatMessage', operation: 'get', chatId: rl(CHAT_ID), messageId: '1700000000001' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(got[0]).toMatchObject({ id: '1700000000001' });
    expect(calls(`/v1.0/chats/${CHAT_ID}/messages/1700000000001`)).toHaveLength(2);
  });
});

describe('Microsoft Teams Planner tasks', () => {
  it('creates a task with its assignment; updates and deletes with the task\'s ETag as If-Match', async () => {
    const created = await out({ resource: 'task', operation: 'create', groupId: rl('grp-1'), planId: rl('plan-1'), bucketId: rl('bucket-1'), title: 'Write docs',
      options: { assignedTo: rl('user-2'), dueDateTime: '2024-05-01T00:00:00Z', percentComplete: 50 } });
    expect(calls('/v1.0/planner/tasks')[0].body).toEqual({
      planId: 'plan-1', bucketId: 'bucket-1', title: 'Write docs', dueDateTime: '2024-05-01T00:00:00Z', percentComplete: 50,
      assignments: { 'user-2': { '@odata.type': 'microsoft.graph.plannerAssignment', orderHint: ' !' } },
    });
    expect(created[0]).toMatchObject({ id: 'task-new', title: 'Write docs' });
    expect(await out({ resource: 'task', operation: 'update', taskId: 'task-3', updateFields: { title: 'Renamed', groupId: rl('grp-1'), bucketId: rl('bucket-1') } }))
      .toEqual([{ success: true }]);
    expect(calls('/v1.0/planner/tasks/task-3').map((r) => [r.method, r.ifMatch, r.body])).toEqual([['GET', undefined, undefined], ['PATCH', TASK_ETAG, { title: 'Renamed', bucketId: 'bucket-1' }]]);
    expect(await out({ resource: 'task', operation: 'deleteTask', taskId: 'task-4' })).toEqual([{ success: true }]);
    expect(calls('/v1.0/planner/tasks/task-4').map((r) => [r.method, r.ifMatch])).toEqual([['GET', undefined], ['DELETE', TASK_ETAG]]);
  });

  it('lists a plan\'s tasks through every page, and the signed-in member\'s tasks through /me', async () => {
    expect(await out({ resource: 'task', operation: 'getAll', tasksFor: 'plan', groupId: rl('grp-1'), planId: rl('plan-1'), returnAll: true })).toHaveLength(23);
    expect(calls('/v1.0/planner/plans/plan-1/tasks')).toHaveLength(3);
    graph.seen.length = 0;
    expect((await out({ resource: 'task', operation: 'getAll', groupId: rl('grp-1'), limit: 5 })).map((t) => t.id)).toEqual(['task-1', 'task-2']);
    expect(graph.seen.map((r) => r.path)).toEqual(['/v1.0/me', '/v1.0/users/user-1/planner/tasks']);
    expect((await out({ resource: 'task', operation: 'get', taskId: 'task-2' }))[0]).toMatchObject({ title: 'Task 2' });
  });
});

describe('Microsoft Teams v1', () => {
  it('uses v1 names: messageType, channel updateFields, additionalFields with labels, delete, the named member\'s tasks', async () => {
    await out({ resource: 'chatMessage', operation: 'create', chatId: CHAT_ID, messageType: 'html', message: '<i>v1</i>' }, { typeVersion: 1 });
    expect(calls(`/v1.0/chats/${CHAT_ID}/messages`)[0].body).toEqual({ body: { contentType: 'html', content: '<i>v1</i>' } });
    await out({ resource: 'channel', operation: 'update', teamId: TEAM_ID, channelId: '19:dev@thread.tacv2', updateFields: { name: 'Devs' } }, { typeVersion: 1 });
    expect(graph.seen.find((r) => r.method === 'PATCH')?.body).toEqual({ displayName: 'Devs' });
    await out({ resource: 'task', operation: 'create', groupSource: 'all', groupId: 'grp-1', planId: 'plan-1', bucketId: 'bucket-1', title: 'T',
      additionalFields: { labels: ['category1'], assignedTo: 'user-1' } }, { typeVersion: 1.1 });
    expect(calls('/v1.0/planner/tasks')[0].body).toEqual({ planId: 'plan-1', bucketId: 'bucket-1', title: 'T', appliedCategories: { category1: true },
      assignments: { 'user-1': { '@odata.type': 'microsoft.graph.plannerAssignment', orderHint: ' !' } } });
    expect(await out({ resource: 'task', operation: 'delete', taskId: 'task-5' }, { typeVersion: 1 })).toEqual([{ success: true }]);
    graph.seen.length = 0;
    await out({ resource: 'task', operation: 'getAll', tasksFor: 'member', groupId: 'grp-1', memberId: 'user-1', returnAll: true }, { typeVersion: 1 });
    expect(graph.seen.map((r) => r.path)).toEqual(['/v1.0/users/user-1/planner/tasks']);
  });

  it('v1 leaves the workflow link off unless asked; v1.1 appends it', async () => {
    await out({ resource: 'chatMessage', operation: 'create', chatId: CHAT_ID, messageType: 'text', message: 'a' }, { typeVersion: 1 });
    await out({ resource: 'chatMessage', operation: 'create', chatId: CHAT_ID, messageType: 'text', message: 'b' }, { typeVersion: 1.1 });
    const [v1, v11] = calls(`/v1.0/chats/${CHAT_ID}/messages`).map((r) => (r.body as { body: { contentType: string; content: string } }).body);
    expect(v1).toEqual({ contentType: 'text', content: 'a' });
    expect(v11.contentType).toBe('html');
    expect(v11.content).toMatch(/^b<br><br><em> Powered by <a href="http:\/\/localhost:\d+\/workflow\/wf-n8n\?/);
  });
});
