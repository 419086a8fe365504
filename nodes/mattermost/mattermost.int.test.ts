// The Mattermost node against a local stand-in of Mattermost's REST API v4 (mattermost-stand-in.ts,
// written from Mattermost's API reference): what it sends and what it outputs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { testMattermostCredential } from './mattermost-credential-test.ts';
import { CHANNEL_ID, TEAM_ID, TOKEN, USERS, startMattermostStandIn, type MattermostStandIn } from './mattermost-stand-in.ts';

let mm: MattermostStandIn;
let credentials: Record<string, Record<string, unknown>>;
beforeAll(async () => {
  mm = await startMattermostStandIn();
  credentials = { mattermostApi: { accessToken: TOKEN, baseUrl: `${mm.url}/`, allowUnauthorizedCerts: false } };
});
afterAll(async () => mm.close());
beforeEach(() => {
  mm.seen.length = 0;
});

const node = (parameters: Record<string, unknown>, continueOnFail = false) => ({
  name: 'Mattermost', type: 'n8n-nodes-base.mattermost', typeVersion: 1, parameters, continueOnFail,
  credentials: { mattermostApi: { id: '1', name: 'Mattermost account' } },
});
const run = (parameters: Record<string, unknown>, items = [{ json: {} }], continueOnFail = false) =>
  runChain([node(parameters, continueOnFail)], { items, credentials });
const errorOf = (result: Awaited<ReturnType<typeof runChain>>) => result.data.resultData.error?.message;

describe('Mattermost message', () => {
  it('posts the message with the Bearer token (resource and operation defaulted); attachments shaped as n8n does; outputs the post', async () => {
    const result = await run({
      channelId: CHANNEL_ID, message: '={{ "Deploy " + $json.v }}',
      attachments: [{ title: 'Build', color: '#00ff00', fields: { item: [{ title: 'Env', value: 'prod', short: true }] },
        actions: { item: [{ type: 'button', name: 'Approve', integration: { item: { url: 'https://example.com/hook', context: { property: [{ name: 'action', value: 'approve' }] } } } }] } }],
      otherOptions: { root_id: 'root0000000000000000000001' },
    }, [{ json: { v: '1.2' } }]);
    const [sent] = mm.seen;
    expect(sent).toMatchObject({ method: 'POST', path: '/api/v4/posts', authorization: `Bearer ${TOKEN}`, contentType: 'application/json; charset=utf-8' });
    expect(sent.body).toEqual({
      channel_id: CHANNEL_ID, message: 'Deploy 1.2', root_id: 'root0000000000000000000001',
      props: { attachments: [{ title: 'Build', color: '#00ff00', fields: [{ title: 'Env', value: 'prod', short: true }],
        actions: [{ name: 'Approve', integration: { url: 'https://example.com/hook', context: { action: 'approve' } } }] }] },
    });
    expect(outputOf(result, 'Mattermost')).toEqual([{ json: expect.objectContaining({ channel_id: CHANNEL_ID, message: 'Deploy 1.2', id: expect.any(String) }), pairedItem: { item: 0 } }]);
  });

  it('posts an ephemeral message and deletes a post', async () => {
    const eph = await run({ resource: 'message', operation: 'postEphemeral', userId: USERS[1].id, channelId: CHANNEL_ID, message: 'only you' });
    expect(mm.seen[0].body).toEqual({ user_id: USERS[1].id, post: { channel_id: CHANNEL_ID, message: 'only you' } });
    expect(outputOf(eph, 'Mattermost')[0].json).toMatchObject({ type: 'system_ephemeral', message: 'only you' });
    const posted = await run({ channelId: CHANNEL_ID, message: 'temp' });
    const id = String(outputOf(posted, 'Mattermost')[0].json.id);
    const deleted = await run({ resource: 'message', operation: 'delete', postId: id });
    expect(mm.seen.at(-1)).toMatchObject({ method: 'DELETE', path: `/api/v4/posts/${id}` });
    expect(outputOf(deleted, 'Mattermost')[0].json).toEqual({ status: 'OK' });
  });

  it('fails with Mattermost’s message, or outputs an error item per failed item (continue on fail)', async () => {
    const failed = await run({ channelId: 'nochannel', message: 'x' });
    expect(errorOf(failed)).toBe('You do not have the appropriate permissions.');
    const kept = await run({ channelId: '={{ $json.c }}', message: 'x' }, [{ json: { c: 'nochannel' } }, { json: { c: CHANNEL_ID } }], true);
    const out = outputOf(kept, 'Mattermost');
    expect(out[0]).toEqual({ json: { error: 'You do not have the appropriate permissions.' }, pairedItem: { item: 0 } });
    expect(out[1].json).toMatchObject({ channel_id: CHANNEL_ID });
  });

  it('a wrong token fails with Mattermost’s 401 message', async () => {
    const result = await runChain([node({ channelId: CHANNEL_ID, message: 'x' })], { items: [{ json: {} }], credentials: { mattermostApi: { accessToken: 'bad', baseUrl: mm.url } } });
    expect(errorOf(result)).toBe('Invalid or expired session, please login again.');
  });

  it('waits out a 429 with Retry-After, then posts', async () => {
    mm.rateLimit('/api/v4/posts', 1);
    const started = Date.now();
    const result = await run({ channelId: CHANNEL_ID, message: 'after wait' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(mm.seen.filter((r) => r.path === '/api/v4/posts')).toHaveLength(2);
    expect(outputOf(result, 'Mattermost')[0].json).toMatchObject({ message: 'after wait' });
  });
});

describe('Mattermost channel', () => {
  it('creates a private channel (type P), adds a user, reads statistics, deletes and restores it', async () => {
    const created = await run({ resource: 'channel', teamId: TEAM_ID, displayName: 'Ops', channel: 'ops', type: 'private' });
    expect(mm.seen[0].body).toEqual({ team_id: TEAM_ID, display_name: 'Ops', name: 'ops', type: 'P' });
    const id = String(outputOf(created, 'Mattermost')[0].json.id);
    await run({ resource: 'channel', operation: 'addUser', channelId: id, userId: USERS[2].id });
    expect(mm.seen.at(-1)).toMatchObject({ method: 'POST', path: `/api/v4/channels/${id}/members`, body: { user_id: USERS[2].id } });
    const stats = await run({ resource: 'channel', operation: 'statistics', channelId: CHANNEL_ID });
    expect(outputOf(stats, 'Mattermost')[0].json).toMatchObject({ channel_id: CHANNEL_ID, member_count: 130 });
    const deleted = await run({ resource: 'channel', operation: 'delete', channelId: id });
    expect(outputOf(deleted, 'Mattermost')[0].json).toEqual({ status: 'OK' });
    const restored = await run({ resource: 'channel', operation: 'restore', channelId: id });
    expect(outputOf(restored, 'Mattermost')[0].json).toMatchObject({ id, delete_at: 0 });
  });

  it('lists all members page by page (per_page 100 until an empty page)', async () => {
    const result = await run({ resource: 'channel', operation: 'members', teamId: TEAM_ID, channelId: CHANNEL_ID });
    expect(outputOf(result, 'Mattermost')).toHaveLength(130);
    expect(mm.seen.map((r) => r.query)).toEqual([{ page: '0', per_page: '100' }, { page: '1', per_page: '100' }, { page: '2', per_page: '100' }]);
  });

  it('with a limit, resolves the members to users', async () => {
    const result = await run({ resource: 'channel', operation: 'members', teamId: TEAM_ID, channelId: CHANNEL_ID, returnAll: false, limit: 3 });
    expect(mm.seen[0].query).toEqual({ per_page: '3' });
    expect(mm.seen[1]).toMatchObject({ method: 'POST', path: '/api/v4/users/ids', body: USERS.slice(0, 3).map((u) => u.id) });
    expect(outputOf(result, 'Mattermost').map((i) => i.json.username)).toEqual(['user1', 'user2', 'user3']);
  });

  it('searches channels of a team, up to the limit', async () => {
    const result = await run({ resource: 'channel', operation: 'search', teamId: TEAM_ID, term: 'town', limit: 5 });
    expect(mm.seen[0]).toMatchObject({ method: 'POST', path: `/api/v4/teams/${TEAM_ID}/channels/search`, body: { term: 'town' } });
    expect(outputOf(result, 'Mattermost').map((i) => i.json.name)).toEqual(['town-square']);
  });
});

describe('Mattermost reaction', () => {
  it('creates (colons stripped), lists and deletes a reaction', async () => {
    const posted = await run({ channelId: CHANNEL_ID, message: 'react to me' });
    const postId = String(outputOf(posted, 'Mattermost')[0].json.id);
    const created = await run({ resource: 'reaction', userId: USERS[0].id, postId, emojiName: ':thumbsup:' });
    expect(mm.seen.at(-1)!.body).toMatchObject({ user_id: USERS[0].id, post_id: postId, emoji_name: 'thumbsup', create_at: expect.any(Number) });
    expect(outputOf(created, 'Mattermost')[0].json).toMatchObject({ emoji_name: 'thumbsup' });
    const listed = await run({ resource: 'reaction', operation: 'getAll', postId });
    expect(outputOf(listed, 'Mattermost').map((i) => i.json.emoji_name)).toEqual(['thumbsup']);
    // Older exports name the operation `del`.
    await run({ resource: 'reaction', operation: 'del', userId: USERS[0].id, postId, emojiName: 'thumbsup' });
    expect(mm.seen.at(-1)).toMatchObject({ method: 'DELETE', path: `/api/v4/users/${USERS[0].id}/posts/${postId}/reactions/thumbsup` });
  });
});

describe('Mattermost user', () => {
  it('gets all users page by page, or a limited page with team filter and sort', async () => {
    const all = await run({ resource: 'user', operation: 'getAll' });
    expect(outputOf(all, 'Mattermost')).toHaveLength(230);
    const some = await run({ resource: 'user', operation: 'getAll', returnAll: false, limit: 2, additionalFields: { inTeam: TEAM_ID, sort: 'lastActivityAt' } });
    expect(mm.seen.at(-1)!.query).toEqual({ in_team: TEAM_ID, sort: 'last_activity_at', per_page: '2' });
    expect(outputOf(some, 'Mattermost')).toHaveLength(2);
  });

  it('refuses a sort without team or channel, as n8n does', async () => {
    const result = await run({ resource: 'user', operation: 'getAll', additionalFields: { sort: 'createdAt' } });
    expect(errorOf(result)).toBe("When sort is defined either 'in team' or 'in channel' must be defined");
  });

  it('gets by email and by IDs, creates, deactivates and invites', async () => {
    const byEmail = await run({ resource: 'user', operation: 'getByEmail', email: 'user5@example.com' });
    expect(outputOf(byEmail, 'Mattermost')[0].json).toMatchObject({ username: 'user5' });
    const byIds = await run({ resource: 'user', operation: 'getById', userIds: `${USERS[0].id},${USERS[1].id}`, additionalFields: { since: '2024-01-01T00:00:00.000Z' } });
    expect(mm.seen.at(-1)).toMatchObject({ body: [USERS[0].id, USERS[1].id], query: { since: String(Date.parse('2024-01-01T00:00:00.000Z')) } });
    expect(outputOf(byIds, 'Mattermost')).toHaveLength(2);
    const created = await run({ resource: 'user', operation: 'create', username: 'neo', authService: 'email', email: 'neo@example.com', password: 'secret1!',
      additionalFields: { first_name: 'Neo', notificationUi: { notificationValues: { desktop: 'mention', email: true } } } });
    // The notification settings arrive with their defaults filled in, as n8n's parameters do.
    const notify = { channel: true, desktop: 'mention', desktop_sound: true, email: true, first_name: false, mention_keys: '', push: 'mention' };
    expect(mm.seen.at(-1)!.body).toEqual({ auth_service: 'email', username: 'neo', first_name: 'Neo', notificationUi: { notificationValues: notify },
      notify_props: notify, email: 'neo@example.com', password: 'secret1!' });
    expect(outputOf(created, 'Mattermost')[0].json).toMatchObject({ username: 'neo' });
    const deactivated = await run({ resource: 'user', operation: 'desactive', userId: USERS[3].id });
    expect(mm.seen.at(-1)).toMatchObject({ method: 'DELETE', path: `/api/v4/users/${USERS[3].id}` });
    expect(outputOf(deactivated, 'Mattermost')[0].json).toEqual({ status: 'OK' });
    await run({ resource: 'user', operation: 'invite', teamId: TEAM_ID, emails: 'a@example.com,b@example.com' });
    expect(mm.seen.at(-1)).toMatchObject({ path: `/api/v4/teams/${TEAM_ID}/invite/email`, body: ['a@example.com', 'b@example.com'] });
  });

  it('an unknown email fails with Mattermost’s message', async () => {
    expect(errorOf(await run({ resource: 'user', operation: 'getByEmail', email: 'nobody@example.com' }))).toBe('Unable to find the user.');
  });
});

describe('Mattermost credential test', () => {
  it('lists users with the token', async () => {
    await expect(testMattermostCredential({ accessToken: TOKEN, baseUrl: mm.url }, 5000)).resolves.toBe('Connection tested successfully');
    await expect(testMattermostCredential({ accessToken: 'bad', baseUrl: mm.url }, 5000)).rejects.toThrow('Mattermost answered 401 Unauthorized: Invalid or expired session, please login again.');
    await expect(testMattermostCredential({ accessToken: TOKEN, baseUrl: 'http://127.0.0.1:1' }, 5000)).rejects.toThrow('The service refused the connection - perhaps it is offline');
  });
});
