// The Slack node's legacy v1 channel, file and user operations against the local stand-in of Slack's
// Web API (slack-stand-in.ts): the method, arguments and token v1 sends, and what it outputs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { GOOD_TOKEN, startSlackStandIn, type SlackStandIn } from './slack-stand-in.ts';

let slack: SlackStandIn;
const saved = process.env.WEFT_SLACK_API_URL;
const credentials = { slackApi: { accessToken: GOOD_TOKEN } };

beforeAll(async () => {
  slack = await startSlackStandIn();
  process.env.WEFT_SLACK_API_URL = slack.url;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.WEFT_SLACK_API_URL;
  else process.env.WEFT_SLACK_API_URL = saved;
  await slack.close();
});
beforeEach(() => {
  slack.seen.length = 0;
});

const calls = (method: string) => slack.seen.filter((r) => r.path === `/api/${method}`);
async function run(parameters: Record<string, unknown>, items: Array<{ json: Record<string, unknown>; binary?: Record<string, unknown> }> = [{ json: {} }]) {
  const result = await runChain([{ name: 'Slack', type: 'n8n-nodes-base.slack', typeVersion: 1, parameters, credentials: { slackApi: { id: '1', name: 'Slack account' } } }],
    { items: items as never, credentials });
  expect(result.data.resultData.error).toBeUndefined();
  return outputOf(result, 'Slack').map((item) => item.json);
}

describe('Slack v1 channels', () => {
  it('creates a channel by the name as given (the default operation), private only with Is Private', async () => {
    expect(await run({ resource: 'channel', channelId: 'team-news' })).toEqual([{ id: 'C999', name: 'team-news', is_private: false }]);
    expect(calls('conversations.create')[0]).toMatchObject({ authorization: `Bearer ${GOOD_TOKEN}`, args: { name: 'team-news' } });
    await run({ resource: 'channel', operation: 'create', channelId: 'secret', additionalFields: { isPrivate: true } });
    expect(calls('conversations.create')[1].args).toEqual({ name: 'secret', is_private: true });
  });

  it('invites users (their IDs joined by commas) and opens a conversation', async () => {
    expect(await run({ resource: 'channel', operation: 'invite', channelId: 'C002', userIds: ['U001', 'U003'] })).toEqual([{ id: 'C002', name: 'channel-2', is_channel: true, is_private: false }]);
    expect(calls('conversations.invite')[0].args).toEqual({ channel: 'C002', users: 'U001,U003' });
    expect(await run({ resource: 'channel', operation: 'open', options: { users: ['U002'], returnIm: true } })).toEqual([{ id: 'D069C7QFK', is_im: true, user: 'U002' }]);
    expect(calls('conversations.open')[0].args).toEqual({ users: 'U002', return_im: true });
  });
});

describe('Slack v1 files and users', () => {
  it('uploads text content as a form to files.upload (the default operation) with the file name and channels', async () => {
    const output = await run({ resource: 'file', fileContent: 'hello', options: { channelIds: ['C001', 'C002'], fileName: 'hi.txt', title: 'Hi', initialComment: 'see' } });
    expect(calls('files.upload')[0]).toMatchObject({ contentType: 'application/x-www-form-urlencoded',
      args: { channels: 'C001,C002', filename: 'hi.txt', title: 'Hi', initial_comment: 'see', content: 'hello' } });
    expect(output).toEqual([{ id: 'F0LEGACY', title: 'Hi', content_given: true }]);
  });

  it('uploads binary data as multipart', async () => {
    const data = Buffer.from('binary bytes');
    await run({ resource: 'file', operation: 'upload', binaryData: true, binaryPropertyName: 'doc', options: {} },
      [{ json: {}, binary: { doc: { data: data.toString('base64'), mimeType: 'text/plain', fileName: 'doc.txt' } } }]);
    const [upload] = calls('files.upload');
    expect(upload.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload.raw.toString()).toContain('filename="doc.txt"');
    expect(upload.raw.toString()).toContain('binary bytes');
  });

  it('lists users up to a limit, or all of them following the cursor', async () => {
    expect((await run({ resource: 'user', operation: 'getAll', limit: 2 })).map((u) => u.id)).toEqual(['U001', 'U002']);
    expect(calls('users.list')[0].query).toMatchObject({ limit: '2' });
    expect((await run({ resource: 'user', operation: 'getAll', returnAll: true })).map((u) => u.id)).toEqual(['U001', 'U002', 'U003']);
  });
});

describe('Slack v1 user profile', () => {
  it('gets a profile with the added fields as arguments, and sets one: custom fields by ID, the expiry as UNIX seconds', async () => {
    expect(await run({ resource: 'userProfile', additionalFields: { user: 'U1', include_labels: true } })).toEqual([{ real_name: 'User 1', email: 'user1@example.com' }]);
    expect(calls('users.profile.get')[0]).toMatchObject({ authorization: `Bearer ${GOOD_TOKEN}`, query: { user: 'U1', include_labels: 'true' } });
    const [updated] = await run({ resource: 'userProfile', operation: 'update', additionalFields: {
      first_name: 'Ann', status_text: 'Away', status_expiration: '2030-01-01T00:00:00',
      customFieldUi: { customFieldValues: [{ id: 'Xf01TITLE', value: 'Engineer', alt: '' }] } } });
    const sent = calls('users.profile.set')[0].args.profile as Record<string, unknown>;
    expect(sent).toMatchObject({ first_name: 'Ann', status_text: 'Away', status_expiration: 1893456000, fields: { Xf01TITLE: { value: 'Engineer', alt: '' } } });
    expect(updated).toMatchObject({ first_name: 'Ann', status_expiration: 1893456000 });
    await run({ resource: 'userProfile', operation: 'update', additionalFields: { status_text: 'Here' } });
    expect((calls('users.profile.set')[1].args.profile as Record<string, unknown>).status_expiration).toBe(0);
  });
});
