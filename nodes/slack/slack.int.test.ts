// The Slack node against a local stand-in of Slack's Web API (slack-stand-in.ts, written from Slack's
// method documentation): what it sends (method, path, arguments, token) and what it outputs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { testSlackApiCredential } from './slack-credential-test.ts';
import { GOOD_TOKEN, startSlackStandIn, type SlackStandIn } from './slack-stand-in.ts';

let slack: SlackStandIn;
const saved = { api: process.env.WEFT_SLACK_API_URL, publicUrl: process.env.PUBLIC_URL };
const credentials = { slackApi: { accessToken: GOOD_TOKEN } };
const footer = '_Automated with this <https://weft.example.com/workflow/wf-n8n?utm_source=n8n-internal&utm_medium=powered_by&utm_campaign=n8n-nodes-base.slack|n8n workflow>_';

beforeAll(async () => {
  slack = await startSlackStandIn();
  process.env.WEFT_SLACK_API_URL = slack.url;
  process.env.PUBLIC_URL = 'https://weft.example.com';
});
afterAll(async () => {
  for (const [name, value] of [['WEFT_SLACK_API_URL', saved.api], ['PUBLIC_URL', saved.publicUrl]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await slack.close();
});
beforeEach(() => {
  slack.seen.length = 0;
});

const node = (typeVersion: number, parameters: Record<string, unknown>, continueOnFail = false) => ({
  name: 'Slack', type: 'n8n-nodes-base.slack', typeVersion, parameters, continueOnFail,
  credentials: { slackApi: { id: '1', name: 'Slack account' } },
});
const channel = (value: string) => ({ __rl: true, mode: 'id', value });
const calls = (path: string) => slack.seen.filter((r) => r.path === `/api/${path}`);

describe('Slack v2 message', () => {
  it('posts text as JSON with the token and, from v2.1, n8n’s workflow link; outputs the answer with ts as message_timestamp', async () => {
    const result = await runChain([node(2.2, { select: 'channel', channelId: channel('C001'), text: '={{ "Hello " + $json.who }}', otherOptions: {} })],
      { items: [{ json: { who: 'Ann' } }], credentials });
    expect(outputOf(result, 'Slack')).toEqual([{
      json: { ok: true, channel: 'C001', message_timestamp: '1700000100.000200',
        message: { type: 'message', subtype: 'bot_message', text: `Hello Ann\n${footer}`, ts: '1700000100.000200', bot_id: 'B001' } },
      pairedItem: { item: 0 },
    }]);
    const [sent] = calls('chat.postMessage');
    expect(sent.method).toBe('POST');
    expect(sent.authorization).toBe(`Bearer ${GOOD_TOKEN}`);
    expect(sent.contentType).toBe('application/json; charset=utf-8');
    expect(sent.args).toEqual({ channel: 'C001', text: `Hello Ann\n${footer}` });
  });

  it('v2 adds no link, nor does v2.2 with the option off; options, replies, bot photo and a @username target go into the body', async () => {
    await runChain([node(2, { select: 'channel', channelId: channel('C002'), text: 'plain' })], { items: [{ json: {} }], credentials });
    expect(calls('chat.postMessage')[0].args).toEqual({ channel: 'C002', text: 'plain' });
    await runChain([node(2.3, {
      select: 'user', user: { __rl: true, mode: 'username', value: 'john' }, text: 'hi',
      otherOptions: { includeLinkToWorkflow: false, mrkdwn: false, thread_ts: { replyValues: { thread_ts: 1700000000.000001, reply_broadcast: true } },
        botProfile: { imageValues: { profilePhotoType: 'emoji', icon_emoji: ':robot_face:' } } },
    })], { items: [{ json: {} }], credentials });
    expect(calls('chat.postMessage')[1].args).toEqual({
      channel: '@john', text: 'hi', thread_ts: 1700000000.000001, reply_broadcast: true, icon_emoji: ':robot_face:', includeLinkToWorkflow: false, mrkdwn: false,
    });
  });

  it('sends blocks from JSON text with the link as a last section, and the text as notification text', async () => {
    const blocks = JSON.stringify({ blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Deploy* done' } }] });
    await runChain([node(2.1, { select: 'channel', channelId: { __rl: true, mode: 'url', value: 'https://app.slack.com/client/T123/C003' }, messageType: 'block', blocksUi: blocks, text: 'Deploy done' })],
      { items: [{ json: {} }], credentials });
    expect(calls('chat.postMessage')[0].args).toEqual({
      channel: 'C003', text: 'Deploy done',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Deploy* done' } }, { type: 'section', text: { type: 'mrkdwn', text: footer } }],
    });
  });

  it('turns Slack’s ok:false into a node error naming the code, or an error item with continue on fail', async () => {
    const failed = await runChain([node(2.2, { select: 'channel', channelId: channel('C404'), text: 'x' })], { items: [{ json: {} }], credentials });
    expect(failed.data.resultData.error?.message).toBe('Slack error response: "channel_not_found"');
    const kept = await runChain([node(2.2, { select: 'channel', channelId: '={{ { __rl: true, mode: "id", value: $json.c } }}', text: 'x' }, true)],
      { items: [{ json: { c: 'C404' } }, { json: { c: 'C001' } }], credentials });
    const out = outputOf(kept, 'Slack');
    expect(out[0]).toEqual({ json: { error: 'Slack error response: "channel_not_found"' }, pairedItem: { item: 0 } });
    expect(out[1].json.channel).toBe('C001');
    const wrongToken = await runChain([node(2.2, { select: 'channel', channelId: channel('C001'), text: 'x' })],
      { items: [{ json: {} }], credentials: { slackApi: { accessToken: 'xoxb-wrong' } } });
    expect(wrongToken.data.resultData.error?.message).toBe('Slack error response: "invalid_auth"');
  });

  it('updates, deletes and gets a permalink with the documented arguments', async () => {
    const updated = await runChain([node(2.2, { resource: 'message', operation: 'update', channelId: channel('C001'), ts: 1700000000.000001, text: 'edited' })],
      { items: [{ json: {} }], credentials });
    expect(calls('chat.update')[0].args).toEqual({ channel: 'C001', ts: '1700000000.000001', text: `edited\n${footer}` });
    expect(outputOf(updated, 'Slack')[0].json.message_timestamp).toBe('1700000000.000001');
    await runChain([node(2.2, { resource: 'message', operation: 'delete', select: 'channel', channelId: channel('C001'), timestamp: '1700000000.000001' })],
      { items: [{ json: {} }], credentials });
    expect(calls('chat.delete')[0].args).toEqual({ channel: 'C001', ts: '1700000000.000001' });
    const link = await runChain([node(2.2, { resource: 'message', operation: 'getPermalink', channelId: channel('C002'), timestamp: '1700000000.000002' })],
      { items: [{ json: {} }], credentials });
    expect(calls('chat.getPermalink')[0]).toMatchObject({ method: 'GET', query: { channel: 'C002', message_ts: '1700000000.000002' } });
    expect(outputOf(link, 'Slack')[0].json.permalink).toBe('https://example.slack.com/archives/C002/p1700000000000002');
  });
});

describe('Slack v2 channels, users, reactions', () => {
  it('getAll with a limit asks for that many; Return All follows next_cursor to the last page', async () => {
    const some = await runChain([node(2.2, { resource: 'channel', operation: 'getAll', limit: 3 })], { items: [{ json: {} }], credentials });
    expect(outputOf(some, 'Slack').map((i) => i.json.id)).toEqual(['C001', 'C002', 'C003']);
    expect(calls('conversations.list')[0].query).toEqual({ limit: '3' });
    slack.seen.length = 0;
    const all = await runChain([node(2.2, { resource: 'channel', operation: 'getAll', returnAll: true, filters: { types: ['public_channel', 'private_channel'], excludeArchived: true } })],
      { items: [{ json: {} }], credentials });
    expect(outputOf(all, 'Slack')).toHaveLength(150);
    const pages = calls('conversations.list');
    expect(pages).toHaveLength(2);
    expect(pages[0].query).toEqual({ types: 'public_channel,private_channel', exclude_archived: 'true', page: '1', limit: '100' });
    expect(pages[1].query.cursor).toBeTruthy();
  });

  it('waits out a 429 with Retry-After and then answers the history', async () => {
    slack.rateLimitOnce('conversations.history', 1);
    const started = Date.now();
    const result = await runChain([node(2.2, { resource: 'channel', operation: 'history', channelId: channel('C001'), limit: 2 })], { items: [{ json: {} }], credentials });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(calls('conversations.history')).toHaveLength(2);
    expect(outputOf(result, 'Slack').map((i) => i.json.text)).toEqual(['message 1', 'message 2']);
  });

  it('fails with n8n’s 429 wording when Slack keeps asking to wait too long', async () => {
    slack.rateLimitOnce('users.list', 3600);
    const result = await runChain([node(2.2, { resource: 'user', operation: 'getAll', returnAll: true })], { items: [{ json: {} }], credentials });
    expect(result.data.resultData.error).toMatchObject({ message: 'The service is receiving too many requests from you', description: 'Slack error response: "ratelimited"' });
  });

  it('creates a channel, sets a topic, lists members with resolved users, reads a user and adds a reaction', async () => {
    const created = await runChain([node(2.2, { resource: 'channel', operation: 'create', channelId: '#releases', channelVisibility: 'private' })], { items: [{ json: {} }], credentials });
    expect(outputOf(created, 'Slack')[0].json).toEqual({ id: 'C999', name: 'releases', is_private: true });
    const topic = await runChain([node(2.2, { resource: 'channel', operation: 'setTopic', channelId: channel('C001'), topic: 'Ship it' })], { items: [{ json: {} }], credentials });
    expect(outputOf(topic, 'Slack')[0].json).toMatchObject({ id: 'C001', topic: { value: 'Ship it' } });
    const members = await runChain([node(2.2, { resource: 'channel', operation: 'member', channelId: channel('C001'), returnAll: true, resolveData: true })], { items: [{ json: {} }], credentials });
    expect(outputOf(members, 'Slack').map((i) => i.json.name)).toEqual(['user1', 'user2', 'user3']);
    const ids = await runChain([node(2.2, { resource: 'channel', operation: 'member', channelId: channel('C001'), limit: 2 })], { items: [{ json: {} }], credentials });
    expect(outputOf(ids, 'Slack').map((i) => i.json)).toEqual([{ member: 'U001' }, { member: 'U002' }]);
    const user = await runChain([node(2.2, { resource: 'user', operation: 'info', user: { __rl: true, mode: 'id', value: 'U002' } })], { items: [{ json: {} }], credentials });
    expect(outputOf(user, 'Slack')[0].json).toEqual({ id: 'U002', name: 'user2', real_name: 'User 2' });
    const reaction = await runChain([node(2.2, { resource: 'reaction', operation: 'add', channelId: channel('C001'), timestamp: 1700000000.000001, name: 'tada' })], { items: [{ json: {} }], credentials });
    expect(calls('reactions.add')[0].args).toEqual({ channel: 'C001', name: 'tada', timestamp: '1700000000.000001' });
    expect(outputOf(reaction, 'Slack')[0].json).toEqual({ ok: true });
  });

  it('creates a user group with its options as Slack arguments and lists groups up to the limit', async () => {
    const created = await runChain([node(2.2, { resource: 'userGroup', name: 'oncall', options: { handle: 'oncall', description: 'Pager' } })], { items: [{ json: {} }], credentials });
    expect(calls('usergroups.create')[0].args).toEqual({ name: 'oncall', handle: 'oncall', description: 'Pager' });
    expect(outputOf(created, 'Slack')[0].json).toEqual({ id: 'S001', name: 'oncall', handle: 'oncall', description: 'Pager' });
    const listed = await runChain([node(2.2, { resource: 'userGroup', operation: 'getAll', limit: 2, options: { include_count: true } })], { items: [{ json: {} }], credentials });
    expect(calls('usergroups.list')[0].query).toEqual({ include_count: 'true' });
    expect(outputOf(listed, 'Slack').map((i) => i.json)).toEqual([{ id: 'S001', name: 'S001', user_count: 2 }, { id: 'S002', name: 'S002', user_count: 2 }]);
  });

  it('refuses an operation it does not implement by name', async () => {
    const result = await runChain([node(2.2, { resource: 'user', operation: 'updateProfile', options: {} })], { items: [{ json: {} }], credentials });
    expect(result.data.resultData.error?.message).toBe('The operation "updateProfile" of resource "user" is not supported');
  });
});

describe('Slack v2 defaults, OAuth2 and search', () => {
  it('runs a resource’s default operation when the export leaves it out (channel → create)', async () => {
    const result = await runChain([node(2.2, { resource: 'channel', channelId: 'general-2' })], { items: [{ json: {} }], credentials });
    expect(calls('conversations.create')[0].args).toEqual({ name: 'general-2', is_private: false });
    expect(outputOf(result, 'Slack')[0].json).toEqual({ id: 'C999', name: 'general-2', is_private: false });
  });

  it('with OAuth2 sends the user token of the exchange (authed_user.access_token)', async () => {
    const oauth = { ...node(2.2, { authentication: 'oAuth2', select: 'channel', channelId: channel('C001'), text: 'hi', otherOptions: { includeLinkToWorkflow: false } }),
      credentials: { slackOAuth2Api: { id: '2', name: 'Slack OAuth' } } };
    const result = await runChain([oauth], { items: [{ json: {} }],
      credentials: { slackOAuth2Api: { oauthTokenData: { access_token: 'xoxb-bot-token', authed_user: { id: 'U001', access_token: GOOD_TOKEN } } } } });
    expect(result.data.resultData.error).toBeUndefined();
    expect(calls('chat.postMessage')[0].authorization).toBe(`Bearer ${GOOD_TOKEN}`);
  });

  it('with OAuth2 and “Use Bot’s Access Token” sends the bot token', async () => {
    const oauth = { ...node(2.2, { authentication: 'oAuth2', resource: 'user', operation: 'getPresence', user: { __rl: true, mode: 'id', value: 'U001' } }),
      credentials: { slackOAuth2Api: { id: '2', name: 'Slack OAuth' } } };
    const result = await runChain([oauth], { items: [{ json: {} }],
      credentials: { slackOAuth2Api: { useBotToken: true, oauthTokenData: { access_token: GOOD_TOKEN, authed_user: { id: 'U001', access_token: 'xoxp-user' } } } } });
    expect(calls('users.getPresence')[0]).toMatchObject({ method: 'GET', authorization: `Bearer ${GOOD_TOKEN}`, query: { user: 'U001' } });
    expect(outputOf(result, 'Slack')[0].json).toEqual({ ok: true, presence: 'active' });
  });

  it('searches with n8n’s sort mapping and channel filters, answering the matches', async () => {
    const result = await runChain([node(2.2, { resource: 'message', operation: 'search', query: 'deploy', sort: 'relevance', limit: 2, options: { searchChannel: ['ops', 'dev'] } })],
      { items: [{ json: {} }], credentials });
    expect(calls('search.messages')[0]).toMatchObject({ method: 'POST', query: { query: 'deploy in:ops in:dev', sort: 'score', sort_dir: 'desc', count: '2' } });
    expect(outputOf(result, 'Slack').map((i) => i.json.text)).toEqual(['message 1', 'message 2']);
  });

  it('turns history date filters into epoch seconds', async () => {
    await runChain([node(2.2, { resource: 'channel', operation: 'history', channelId: channel('C001'), returnAll: true,
      filters: { oldest: '2023-11-14T22:13:20.000Z', inclusive: true } })], { items: [{ json: {} }], credentials });
    expect(calls('conversations.history')[0].query).toEqual({ channel: 'C001', inclusive: 'true', oldest: '1700000000', page: '1', limit: '100' });
  });
});

describe('Slack v2 file upload', () => {
  const binaryItem = { json: {}, binary: { data: { data: Buffer.from('hello file').toString('base64'), mimeType: 'text/plain', fileName: 'hello.txt' } } };

  it('v2.2 uses the external upload flow and outputs the completed files', async () => {
    const result = await runChain([node(2.2, { resource: 'file', operation: 'upload', binaryPropertyName: 'data', options: { channelId: 'C001', initialComment: 'here', title: 'Greeting' } })],
      { items: [binaryItem], credentials });
    expect(outputOf(result, 'Slack')).toEqual([{ json: { id: 'F0UPLOAD', title: 'Greeting', name: 'Greeting' }, pairedItem: { item: 0 } }]);
    expect(calls('files.getUploadURLExternal')[0]).toMatchObject({ method: 'GET', query: { filename: 'hello.txt', length: '10' } });
    const upload = slack.seen.find((r) => r.path === '/upload/F0UPLOAD');
    expect(upload?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload?.raw.toString()).toContain('filename="hello.txt"');
    expect(upload?.raw.toString()).toContain('hello file');
    expect(calls('files.completeUploadExternal')[0].args).toEqual({ channel_id: 'C001', initial_comment: 'here', files: [{ id: 'F0UPLOAD', title: 'Greeting' }] });
  });

  it('v2 uploads text content as a form to files.upload', async () => {
    const result = await runChain([node(2, { resource: 'file', operation: 'upload', fileContent: 'some text', options: { channelIds: ['C001', 'C002'], title: 'Notes' } })],
      { items: [{ json: {} }], credentials });
    expect(calls('files.upload')[0]).toMatchObject({ contentType: 'application/x-www-form-urlencoded', args: { channels: 'C001,C002', title: 'Notes', content: 'some text' } });
    expect(outputOf(result, 'Slack')[0].json).toEqual({ id: 'F0LEGACY', title: 'Notes', content_given: true });
  });
});

describe('Slack v1', () => {
  it('posts channel, text, bot user name, attachments and other options; outputs the answer unchanged', async () => {
    const result = await runChain([node(1, {
      channel: 'C001', text: 'legacy', username: 'bot', attachments: [{ title: 'T', fields: { item: [{ title: 'a', value: 'b', short: true }] } }], otherOptions: { mrkdwn: true },
    })], { items: [{ json: {} }], credentials });
    expect(calls('chat.postMessage')[0].args).toEqual({
      channel: 'C001', text: 'legacy', username: 'bot', attachments: [{ title: 'T', fields: [{ title: 'a', value: 'b', short: true }] }], mrkdwn: true,
    });
    expect(outputOf(result, 'Slack')[0].json).toMatchObject({ ok: true, channel: 'C001', ts: '1700000100.000200' });
    await runChain([node(1, { operation: 'postEphemeral', channel: 'C001', user: 'U002', text: 'psst', as_user: true })], { items: [{ json: {} }], credentials });
    expect(calls('chat.postEphemeral')[0].args).toEqual({ channel: 'C001', user: 'U002', text: 'psst', as_user: true, attachments: [] });
    const failed = await runChain([node(1, { channel: 'C404', text: 'x' })], { items: [{ json: {} }], credentials });
    expect(failed.data.resultData.error?.message).toBe('Slack error response: {"ok":false,"error":"channel_not_found"}');
  });
});

describe('Slack connection failures and the credential test', () => {
  it('names a refused connection in n8n’s words', async () => {
    process.env.WEFT_SLACK_API_URL = 'http://127.0.0.1:1/api';
    try {
      const result = await runChain([node(2.2, { select: 'channel', channelId: channel('C001'), text: 'x' })], { items: [{ json: {} }], credentials });
      expect(result.data.resultData.error).toMatchObject({ message: 'The service refused the connection - perhaps it is offline', description: expect.stringMatching(/ECONNREFUSED/) });
    } finally {
      process.env.WEFT_SLACK_API_URL = slack.url;
    }
  });

  it('accepts a good token and names a bad one', async () => {
    await expect(testSlackApiCredential({ accessToken: GOOD_TOKEN }, 5000)).resolves.toBe('Connection tested successfully');
    expect(calls('users.profile.get')[0].authorization).toBe(`Bearer ${GOOD_TOKEN}`);
    await expect(testSlackApiCredential({ accessToken: 'xoxb-wrong' }, 5000)).rejects.toThrow('Invalid access token');
  });
});
