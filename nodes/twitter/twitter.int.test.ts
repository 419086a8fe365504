// The X node (v2 and v1) against a local stand-in of X's API (twitter-stand-in.ts, written from X's
// developer docs; it verifies OAuth 1.0a signatures per RFC 5849 on its own): what it sends and outputs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { methodContext } from '../node-methods.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { testTwitterOAuth1Credential, testTwitterOAuth2Credential } from './twitter-credential-test.ts';
import { twitterNodeV1 } from './twitter.node.ts';
import { BEARER, CONSUMER, ME, TOKEN, signatureBaseString, startTwitterStandIn, type TwitterStandIn } from './twitter-stand-in.ts';
import { createHmac } from 'node:crypto';

let x: TwitterStandIn;
const oauth2 = { oauthTokenData: { access_token: BEARER } };
const oauth1 = { consumerKey: CONSUMER.key, consumerSecret: CONSUMER.secret, signatureMethod: 'HMAC-SHA1', oauthTokenData: { oauth_token: TOKEN.key, oauth_token_secret: TOKEN.secret } };
beforeAll(async () => {
  x = await startTwitterStandIn();
  process.env.WEFT_TWITTER_API_URL = x.url;
  process.env.WEFT_TWITTER_UPLOAD_API_URL = x.url;
});
afterAll(async () => {
  delete process.env.WEFT_TWITTER_API_URL;
  delete process.env.WEFT_TWITTER_UPLOAD_API_URL;
  await x.close();
});
beforeEach(() => { x.seen.length = 0; });

const run = (typeVersion: 1 | 2, parameters: Record<string, unknown>, items: unknown[] = [{ json: {} }], continueOnFail = false, creds?: Record<string, Record<string, unknown>>) => runChain([{
  name: 'X', type: 'n8n-nodes-base.twitter', typeVersion, parameters, continueOnFail,
  credentials: { twitterOAuth2Api: { id: '1', name: 'X2' }, twitterOAuth1Api: { id: '2', name: 'X1' } },
}], { items: items as never, credentials: creds ?? { twitterOAuth2Api: oauth2, twitterOAuth1Api: oauth1 } });
const errorOf = (result: Awaited<ReturnType<typeof runChain>>) => result.data.resultData.error?.message;

describe('the stand-in’s own RFC 5849 signer', () => {
  it('reproduces the signature of X’s documented example', () => {
    const base = signatureBaseString('POST', 'https://api.twitter.com/1.1/statuses/update.json', [
      ['status', 'Hello Ladies + Gentlemen, a signed OAuth request!'], ['include_entities', 'true'], ['oauth_consumer_key', 'xvz1evFS4wEEPTGEFPHBog'],
      ['oauth_nonce', 'kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg'], ['oauth_signature_method', 'HMAC-SHA1'], ['oauth_timestamp', '1318622958'],
      ['oauth_token', '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb'], ['oauth_version', '1.0']]);
    const signature = createHmac('sha1', 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw&LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE').update(base).digest('base64');
    expect(signature).toBe('hCtSmYh+iHYCEqBWrE7C7hYmtUk=');
  });
});

describe('X v2', () => {
  it('creates a tweet with the Bearer token, quoting and replying by URL/ID; outputs data', async () => {
    const result = await run(2, { text: 'Hello from Weft', additionalFields: {
      inQuoteToStatusId: { __rl: true, mode: 'url', value: 'https://x.com/n8n_io/status/1700000000000000001' },
      inReplyToStatusId: { __rl: true, mode: 'id', value: '1700000000000000002' }, location: 'abc123' } });
    expect(x.seen[0]).toMatchObject({ method: 'POST', path: '/2/tweets', headers: { authorization: `Bearer ${BEARER}`, 'content-type': 'application/json' } });
    expect(x.seen[0].body).toEqual({ text: 'Hello from Weft', geo: { place_id: 'abc123' }, quote_tweet_id: '1700000000000000001', reply: { in_reply_to_tweet_id: '1700000000000000002' } });
    expect(outputOf(result, 'X')[0]).toEqual({ json: { id: expect.any(String), text: 'Hello from Weft', edit_history_tweet_ids: [expect.any(String)] }, pairedItem: { item: 0 } });
  });

  it('likes and retweets as the signed-in user, and deletes', async () => {
    const liked = await run(2, { operation: 'like', tweetId: { __rl: true, mode: 'id', value: '1700000000000000003' } });
    expect(x.seen.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /2/users/me', `POST /2/users/${ME.id}/likes`]);
    expect(x.seen[1].body).toEqual({ tweet_id: '1700000000000000003' });
    expect(outputOf(liked, 'X')[0].json).toEqual({ liked: true });
    await run(2, { operation: 'retweet', tweetId: { __rl: true, mode: 'id', value: '1700000000000000003' } });
    expect(x.seen.at(-1)!.path).toBe(`/2/users/${ME.id}/retweets`);
    const deleted = await run(2, { operation: 'delete', tweetDeleteId: { __rl: true, mode: 'url', value: 'https://twitter.com/n8n_io/status/1700000000000000004' } });
    expect(x.seen.at(-1)).toMatchObject({ method: 'DELETE', path: '/2/tweets/1700000000000000004' });
    expect(outputOf(deleted, 'X')[0].json).toEqual({ deleted: true });
  });

  it('searches recent tweets: a limit as max_results, or all pages of 10 by next_token', async () => {
    const some = await run(2, { operation: 'search', searchText: 'automation', limit: 20, additionalFields: { sortOrder: 'recency', tweetFieldsObject: ['author_id', 'created_at'] } });
    expect(x.seen[0].query).toEqual({ query: 'automation', sort_order: 'recency', 'tweet.fields': 'author_id,created_at', max_results: '20' });
    expect(outputOf(some, 'X')).toHaveLength(20);
    x.seen.length = 0;
    const all = await run(2, { operation: 'search', searchText: 'automation', returnAll: true });
    expect(x.seen.map((r) => r.query.next_token ?? '-')).toEqual(['-', '10', '20']);
    // 25 seeded tweets, one deleted by the test before.
    expect(outputOf(all, 'X')).toHaveLength(24);
  });

  it('adds a user (by username) to a list, sends a DM, gets a user', async () => {
    await run(2, { resource: 'list', list: { __rl: true, mode: 'url', value: 'https://x.com/i/lists/99923132' }, user: { __rl: true, mode: 'username', value: '@n8n_io' } });
    expect(x.seen.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /2/users/by/username/n8n_io', 'POST /2/lists/99923132/members']);
    expect(x.seen[1].body).toEqual({ user_id: '1068479892537384960' });
    const dm = await run(2, { resource: 'directMessage', user: { __rl: true, mode: 'id', value: '1068479892537384960' }, text: 'hi', additionalFields: { attachments: '55' } });
    expect(x.seen.at(-1)).toMatchObject({ path: '/2/dm_conversations/with/1068479892537384960/messages', body: { text: 'hi', attachments: [{ media_id: '55' }] } });
    expect(outputOf(dm, 'X')[0].json).toMatchObject({ dm_event_id: expect.any(String) });
    const user = await run(2, { resource: 'user', user: { __rl: true, mode: 'username', value: 'n8n_io' } });
    expect(outputOf(user, 'X')[0].json).toEqual({ id: '1068479892537384960', name: 'n8n.io', username: 'n8n_io' });
    const self = await run(2, { resource: 'user', me: true });
    expect(outputOf(self, 'X')[0].json).toEqual(ME);
  });

  it('words X’s errors as n8n does; continue on fail', async () => {
    expect(errorOf(await run(2, { text: 'automation tip #1' }))).toBe('You are not allowed to create a Tweet with duplicate content.');
    // X's problem detail is the message, unless its first error says what a value "must be" (as n8n).
    expect(errorOf(await run(2, { operation: 'search', searchText: 'a', limit: 5 }))).toBe('One or more parameters to your request was invalid.');
    expect(errorOf(await run(2, { text: '' }))).toBe('text must be a non-empty string');
    const kept = await run(2, { text: '={{ $json.t }}' }, [{ json: { t: 'automation tip #2' } }, { json: { t: 'fresh one' } }], true);
    expect(outputOf(kept, 'X').map((i) => i.json.error ?? i.json.text)).toEqual(['You are not allowed to create a Tweet with duplicate content.', 'fresh one']);
    expect(errorOf(await run(2, { text: 'x' }, undefined, false, { twitterOAuth2Api: { oauthTokenData: { access_token: 'bad' } } }))).toBe('Unauthorized');
  });

  it('waits until x-rate-limit-reset on a 429', async () => {
    x.rateLimit(1);
    const started = Date.now();
    const result = await run(2, { text: 'after the window' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(x.seen).toHaveLength(2);
    expect(outputOf(result, 'X')[0].json).toMatchObject({ text: 'after the window' });
  });
});

describe('X v1 (OAuth 1.0a)', () => {
  it('posts a status update signed with HMAC-SHA1 (the stand-in verifies the signature)', async () => {
    const result = await run(1, { text: 'Hello Ladies + Gentlemen, a signed OAuth request!', additionalFields: { inReplyToStatusId: '1700000000000000005',
      locationFieldsUi: { locationFieldsValues: { latitude: '37.78', longitude: '-122.40' } } } });
    expect(x.seen[0]).toMatchObject({ method: 'POST', path: '/1.1/statuses/update.json' });
    expect(x.seen[0].query).toEqual({ status: 'Hello Ladies + Gentlemen, a signed OAuth request!', in_reply_to_status_id: '1700000000000000005',
      auto_populate_reply_metadata: 'true', lat: '37.78', long: '-122.4' });
    expect(x.seen[0].headers.authorization).toMatch(/^OAuth .*oauth_signature_method="HMAC-SHA1"/);
    expect(outputOf(result, 'X')[0].json).toMatchObject({ text: 'Hello Ladies + Gentlemen, a signed OAuth request!', in_reply_to_status_id_str: '1700000000000000005' });
  });

  it('uploads an image attachment (signed form) and tweets with its media ID; a video goes INIT / APPEND / FINALIZE for a DM', async () => {
    const png = Buffer.from('\x89PNG image bytes');
    const result = await run(1, { text: 'with picture', additionalFields: { attachments: 'data' } },
      [{ json: {}, binary: { data: { data: png.toString('base64'), mimeType: 'image/png', fileName: 'a.png' } } }]);
    expect(x.seen[0]).toMatchObject({ method: 'POST', path: '/1.1/media/upload.json', form: { media_data: png.toString('base64') } });
    const mediaId = outputOf(result, 'X')[0].json.entities as { media: Array<{ id_str: string }> };
    expect(x.seen[1].query.media_ids).toBe(mediaId.media[0].id_str);
    x.seen.length = 0;
    const video = Buffer.alloc(1000, 7);
    const dm = await run(1, { resource: 'directMessage', userId: '1068479892537384960', text: 'clip', additionalFields: { attachment: 'clip' } },
      [{ json: {}, binary: { clip: { data: video.toString('base64'), mimeType: 'video/mp4', fileName: 'clip.mp4' } } }]);
    expect(x.seen.map((r) => r.form?.command ?? r.path)).toEqual(['INIT', 'APPEND', 'FINALIZE', '/1.1/direct_messages/events/new.json']);
    expect(x.seen[0].form).toMatchObject({ total_bytes: '1000', media_type: 'video/mp4' });
    const sent = x.seen[3].body as { event: { message_create: { message_data: Record<string, unknown> } } };
    expect(sent.event.message_create.message_data).toEqual({ text: 'clip', attachment: { type: 'media', media: { id: expect.any(String) } } });
    expect(outputOf(dm, 'X')[0].json).toMatchObject({ type: 'message_create' });
  });

  it('deletes, likes, retweets and sends a direct message', async () => {
    await run(1, { operation: 'delete', tweetId: '1700000000000000006' });
    expect(x.seen.at(-1)!.path).toBe('/1.1/statuses/destroy/1700000000000000006.json');
    const liked = await run(1, { operation: 'like', tweetId: '1700000000000000007', additionalFields: { includeEntities: true } });
    expect(x.seen.at(-1)!.query).toEqual({ id: '1700000000000000007', include_entities: 'true' });
    expect(outputOf(liked, 'X')[0].json).toMatchObject({ favorited: true });
    await run(1, { operation: 'retweet', tweetId: '1700000000000000007', additionalFields: { trimUser: true } });
    expect(x.seen.at(-1)).toMatchObject({ path: '/1.1/statuses/retweet/1700000000000000007.json', query: { id: '1700000000000000007', trim_user: 'true' } });
    const dm = await run(1, { resource: 'directMessage', userId: '1068479892537384960', text: 'hello' });
    expect(x.seen.at(-1)!.body).toEqual({ event: { type: 'message_create', message_create: { target: { recipient_id: '1068479892537384960' }, message_data: { text: 'hello' } } } });
    expect(outputOf(dm, 'X')[0].json).toMatchObject({ type: 'message_create' });
  });

  it('searches with a count, or all pages by since_id while next_results is given', async () => {
    const some = await run(1, { operation: 'search', searchText: 'automation tip', limit: 5, additionalFields: { resultType: 'recent', lang: 'en' } });
    expect(x.seen[0].query).toEqual({ q: 'automation tip', response_type: 'recent', lang: 'en', tweet_mode: 'compat', count: '5' });
    expect(outputOf(some, 'X')).toHaveLength(5);
  });

  it('a wrong consumer secret fails the signature check with X’s message', async () => {
    expect(errorOf(await run(1, { operation: 'delete', tweetId: '1700000000000000008' }, undefined, false, { twitterOAuth1Api: { ...oauth1, consumerSecret: 'wrong' } })))
      .toBe('Could not authenticate you.');
  });

  it('lists ISO 639-1 languages for the search filter', async () => {
    const ctx = methodContext({ nodeType: twitterNodeV1, kind: 'loadOptions', method: 'getLanguages', currentNodeParameters: {}, credentials: { twitterOAuth1Api: { id: '1', name: 'x' } } },
      { getCredentials: async () => oauth1, credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
    const languages = await twitterNodeV1.methods!.loadOptions!.getLanguages(ctx);
    expect(languages).toContainEqual({ name: 'English', value: 'en' });
    expect(languages.length).toBeGreaterThan(150);
  });
});

describe('X credential tests', () => {
  it('checks the OAuth2 token', async () => {
    await expect(testTwitterOAuth2Credential(oauth2, 5000)).resolves.toBe('Connection tested successfully');
    await expect(testTwitterOAuth2Credential({ oauthTokenData: { access_token: 'bad' } }, 5000)).rejects.toThrow('X answered 401 Unauthorized: Unauthorized');
  });
  it('signs the OAuth 1.0a check', async () => {
    await expect(testTwitterOAuth1Credential({ ...oauth1, consumerSecret: 'wrong' }, 5000)).rejects.toThrow('X answered 401 Unauthorized: Could not authenticate you.');
  });
});
