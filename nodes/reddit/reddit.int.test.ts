// The Reddit node against a local stand-in of Reddit's API (reddit-stand-in.ts, written from Reddit's
// API documentation): which host, method, path and query it uses, the token, and what it outputs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { GOOD_TOKEN, startRedditStandIn, type RedditStandIn } from './reddit-stand-in.ts';

let reddit: RedditStandIn;
const saved = { oauth: process.env.WEFT_REDDIT_OAUTH_API_URL, www: process.env.WEFT_REDDIT_API_URL };
const credentials = { redditOAuth2Api: { oauthTokenData: { access_token: GOOD_TOKEN } } };

beforeAll(async () => {
  reddit = await startRedditStandIn();
  process.env.WEFT_REDDIT_OAUTH_API_URL = reddit.oauthUrl;
  process.env.WEFT_REDDIT_API_URL = reddit.wwwUrl;
});
afterAll(async () => {
  for (const [name, value] of [['WEFT_REDDIT_OAUTH_API_URL', saved.oauth], ['WEFT_REDDIT_API_URL', saved.www]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await reddit.close();
});
beforeEach(() => { reddit.seen.length = 0; });

const node = (parameters: Record<string, unknown>, continueOnFail = false) => ({
  name: 'Reddit', type: 'n8n-nodes-base.reddit', typeVersion: 1, parameters, continueOnFail,
  credentials: { redditOAuth2Api: { id: '1', name: 'Reddit account' } },
});
const run = async (parameters: Record<string, unknown>, creds: Record<string, Record<string, unknown>> = credentials) =>
  runChain([node(parameters)], { items: [{ json: {} }], credentials: creds });

describe('Reddit post', () => {
  it('creates a text post with api/submit on the OAuth host, arguments in the query, and outputs json.data', async () => {
    const result = await run({ resource: 'post', operation: 'create', subreddit: 'n8n', title: 'Hello', text: 'Body' });
    expect(outputOf(result, 'Reddit').map((i) => i.json)).toEqual([{ url: 'https://www.reddit.com/r/n8n/comments/new1/x/', drafts_count: 0, id: 'new1', name: 't3_new1' }]);
    const [sent] = reddit.seen;
    expect(sent).toMatchObject({ method: 'POST', host: 'oauth', path: '/api/submit', authorization: `Bearer ${GOOD_TOKEN}`, userAgent: 'n8n' });
    expect(sent.query).toEqual({ title: 'Hello', sr: 'n8n', kind: 'self', text: 'Body', api_type: 'json' });
  });

  it('link posts send url and resubmit; delete prefixes t3_ and outputs success', async () => {
    await run({ resource: 'post', operation: 'create', subreddit: 'n8n', title: 'L', kind: 'link', url: 'https://n8n.io', resubmit: true });
    expect(reddit.seen[0].query).toEqual({ title: 'L', sr: 'n8n', kind: 'link', url: 'https://n8n.io', resubmit: 'true', api_type: 'json' });
    const deleted = await run({ resource: 'post', operation: 'delete', postId: 'abc' });
    expect(outputOf(deleted, 'Reddit')[0].json).toEqual({ success: true });
    expect(reddit.seen[1]).toMatchObject({ method: 'POST', path: '/api/del', query: { id: 't3_abc', api_type: 'json' } });
  });

  it('gets a post, and getAll follows `after` for Return All (230 posts in 3 pages) or keeps the limit', async () => {
    const got = await run({ resource: 'post', operation: 'get', subreddit: 'n8n', postId: 'xyz' });
    expect(outputOf(got, 'Reddit')[0].json).toMatchObject({ id: 'xyz', title: 'Post 1' });
    reddit.seen.length = 0;
    const all = await run({ resource: 'post', operation: 'getAll', subreddit: 'n8n', returnAll: true, filters: { category: 'hot' } });
    expect(outputOf(all, 'Reddit')).toHaveLength(230);
    expect(reddit.seen.map((r) => [r.host, r.path, r.query.limit, r.query.after])).toEqual([
      ['oauth', '/r/n8n/hot.json', '100', undefined], ['oauth', '/r/n8n/hot.json', '100', 't3_p100'], ['oauth', '/r/n8n/hot.json', '100', 't3_p200'],
    ]);
    reddit.seen.length = 0;
    const some = await run({ resource: 'post', operation: 'getAll', subreddit: 'n8n', limit: 5 });
    expect(outputOf(some, 'Reddit')).toHaveLength(5);
    expect(reddit.seen).toHaveLength(1);
    expect(reddit.seen[0].path).toBe('/r/n8n.json');
  });

  it('searches all of Reddit or one subreddit with restrict_sr and sort', async () => {
    const found = await run({ resource: 'post', operation: 'search', location: 'allReddit', keyword: 'n8n', limit: 3, additionalFields: { sort: 'new' } });
    expect(outputOf(found, 'Reddit')).toHaveLength(3);
    expect(reddit.seen[0]).toMatchObject({ path: '/search.json', query: { q: 'n8n', restrict_sr: 'false', sort: 'new', limit: '100', api_type: 'json' } });
    await run({ resource: 'post', operation: 'search', subreddit: 'n8n', keyword: 'x', limit: 2 });
    expect(reddit.seen[1]).toMatchObject({ path: '/r/n8n/search.json', query: { q: 'x', restrict_sr: 'true' } });
  });

  it('a 401 becomes a node error with Reddit’s words; continue on fail gives an error item', async () => {
    const failed = await run({ resource: 'post', operation: 'delete', postId: 'abc' }, { redditOAuth2Api: { oauthTokenData: { access_token: 'bad' } } });
    expect(failed.data.resultData.error?.message).toMatch(/Authorization failed.*Unauthorized \(401\)/);
    const kept = await runChain([node({ resource: 'post', operation: 'get', subreddit: 'n8n', postId: 'missing' }, true)], { items: [{ json: {} }], credentials });
    expect(outputOf(kept, 'Reddit')[0].json.error).toMatch(/could not be found/);
  });

  it('waits out a 429 with Retry-After and then succeeds', async () => {
    reddit.rateLimitOnce('/api/del', 0);
    const result = await run({ resource: 'post', operation: 'delete', postId: 'abc' });
    expect(outputOf(result, 'Reddit')[0].json).toEqual({ success: true });
    expect(reddit.seen.filter((r) => r.path === '/api/del')).toHaveLength(2);
  });
});

describe('Reddit comments, profile, subreddits and users', () => {
  it('comments and replies with t3_/t1_ things and outputs the new comment; getAll reads the second listing', async () => {
    const created = await run({ resource: 'postComment', operation: 'create', postId: 'abc', commentText: 'Nice' });
    expect(outputOf(created, 'Reddit')[0].json).toEqual({ id: 'newc', parent_id: 't3_abc', body: 'Nice' });
    const replied = await run({ resource: 'postComment', operation: 'reply', commentId: 'c1', replyText: 'Thanks' });
    expect(outputOf(replied, 'Reddit')[0].json).toEqual({ id: 'newc', parent_id: 't1_c1', body: 'Thanks' });
    const removed = await run({ resource: 'postComment', operation: 'delete', commentId: 'c1' });
    expect(outputOf(removed, 'Reddit')[0].json).toEqual({ success: true });
    expect(reddit.seen[2].query).toEqual({ id: 't1_c1', api_type: 'json' });
    const comments = await run({ resource: 'postComment', operation: 'getAll', subreddit: 'n8n', postId: 'abc', returnAll: true });
    expect(outputOf(comments, 'Reddit').map((i) => i.json)).toEqual(COMMENTS_OUT);
  });

  it('profile identity gives features; trophies their data; saved lists the signed-in user’s saved posts', async () => {
    expect(outputOf(await run({ resource: 'profile', operation: 'get', details: 'identity' }), 'Reddit')[0].json).toEqual({ chat: true });
    expect(outputOf(await run({ resource: 'profile', operation: 'get', details: 'trophies' }), 'Reddit')[0].json).toEqual({ name: 'Verified Email' });
    reddit.seen.length = 0;
    const saved = await run({ resource: 'profile', operation: 'get', details: 'saved', limit: 2 });
    expect(outputOf(saved, 'Reddit')).toHaveLength(2);
    expect(reddit.seen.map((r) => r.path)).toEqual(['/api/v1/me', '/user/ann/saved.json']);
  });

  it('subreddit and user calls use the public host without a token', async () => {
    const about = await runChain([node({ resource: 'subreddit', operation: 'get', subreddit: 'n8n', content: 'about' })], { items: [{ json: {} }] });
    expect(outputOf(about, 'Reddit')[0].json).toEqual({ display_name: 'n8n', subscribers: 10 });
    expect(reddit.seen[0]).toMatchObject({ host: 'www', path: '/r/n8n/about/about.json', authorization: '' });
    const rules = await run({ resource: 'subreddit', operation: 'get', subreddit: 'n8n', content: 'rules' });
    expect(outputOf(rules, 'Reddit')[0].json).toEqual({ short_name: 'Be nice' });
    const trending = await run({ resource: 'subreddit', operation: 'getAll', filters: { trending: true }, limit: 2 });
    expect(outputOf(trending, 'Reddit').map((i) => i.json)).toEqual([{ name: 'a' }, { name: 'b' }]);
    const user = await run({ resource: 'user', operation: 'get', username: 'bob', details: 'about' });
    expect(outputOf(user, 'Reddit')[0].json).toEqual({ name: 'bob', link_karma: 3 });
    const submitted = await run({ resource: 'user', operation: 'get', username: 'bob', details: 'submitted', limit: 4 });
    expect(outputOf(submitted, 'Reddit')).toHaveLength(4);
    expect(reddit.seen.at(-1)).toMatchObject({ host: 'www', path: '/user/bob/submitted.json' });
  });
});

const COMMENTS_OUT = [{ id: 'c1', body: 'first' }, { id: 'c2', body: 'second' }];
