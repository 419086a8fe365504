// The Hacker News node against a local stand-in of the Algolia HN Search API (hacker-news-stand-in.ts,
// written from its public documentation): the paths and query it sends and the items it outputs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { startHackerNewsStandIn, type HnStandIn } from './hacker-news-stand-in.ts';

let hn: HnStandIn;
const saved = process.env.WEFT_HACKER_NEWS_API_URL;

beforeAll(async () => {
  hn = await startHackerNewsStandIn();
  process.env.WEFT_HACKER_NEWS_API_URL = hn.url;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.WEFT_HACKER_NEWS_API_URL;
  else process.env.WEFT_HACKER_NEWS_API_URL = saved;
  await hn.close();
});
beforeEach(() => {
  hn.seen.length = 0;
});

const node = (parameters: Record<string, unknown>, continueOnFail = false) =>
  ({ name: 'Hacker News', type: 'n8n-nodes-base.hackerNews', typeVersion: 1, parameters, continueOnFail });

describe('Hacker News', () => {
  it('gets an article without its comments by default (article is the default resource), and with them when asked', async () => {
    const plain = await runChain([node({ articleId: '8863' })], { items: [{ json: {} }] });
    expect(outputOf(plain, 'Hacker News')).toEqual([{ json: { id: 8863, type: 'story', author: 'dhouston', title: 'My YC app: Dropbox', points: 111, parent_id: null }, pairedItem: { item: 0 } }]);
    expect(hn.seen[0]).toMatchObject({ method: 'GET', path: '/api/v1/items/8863' });
    const withComments = await runChain([node({ resource: 'article', operation: 'get', articleId: '8863', additionalFields: { includeComments: true } })], { items: [{ json: {} }] });
    expect((outputOf(withComments, 'Hacker News')[0].json.children as unknown[]).length).toBe(1);
  });

  it('gets a user', async () => {
    const result = await runChain([node({ resource: 'user', operation: 'get', username: '={{ $json.who }}' })], { items: [{ json: { who: 'pg' } }] });
    expect(outputOf(result, 'Hacker News')[0].json).toEqual({ username: 'pg', about: 'Bug fixer.', karma: 157236 });
    expect(hn.seen[0].path).toBe('/api/v1/users/pg');
  });

  it('searches with keyword, tags joined by commas and hitsPerPage = limit', async () => {
    const result = await runChain([node({ resource: 'all', operation: 'getAll', limit: 5, additionalFields: { keyword: 'story', tags: ['story', 'front_page'] } })], { items: [{ json: {} }] });
    expect(outputOf(result, 'Hacker News')).toHaveLength(5);
    expect(hn.seen[0].query).toEqual({ query: 'story', tags: 'story,front_page', hitsPerPage: '5' });
  });

  it('returns all hits page by page, waiting out a 429', async () => {
    hn.rateLimitOnce(0);
    const result = await runChain([node({ resource: 'all', operation: 'getAll', returnAll: true })], { items: [{ json: {} }] });
    expect(outputOf(result, 'Hacker News')).toHaveLength(250);
    expect(hn.seen.map((s) => s.query.page)).toEqual(['0', '0', '1', '2']);
    expect(hn.seen[1].query.hitsPerPage).toBe('100');
  });

  it('fails on an unknown article with the status, or gives an error item with continue on fail', async () => {
    const failed = await runChain([node({ articleId: '1' })], { items: [{ json: {} }] });
    expect(failed.data.resultData.error?.message).toMatch(/resource you are requesting could not be found/i);
    const kept = await runChain([node({ articleId: '={{ $json.id }}' }, true)], { items: [{ json: { id: '1' } }, { json: { id: '8863' } }] });
    const out = outputOf(kept, 'Hacker News');
    expect(out[0].json.error).toMatch(/could not be found/i);
    expect(out[1].json.id).toBe(8863);
  });
});
