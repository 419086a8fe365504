import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../engine/index.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { startFeedServer } from './feed-server.test-support.ts';

let feeds: Awaited<ReturnType<typeof startFeedServer>>;
beforeAll(async () => {
  feeds = await startFeedServer([
    { title: 'Second post', link: 'https://blog.example.test/2', date: new Date('2024-03-02T09:00:00Z'), body: 'two' },
    { title: 'First post', link: 'https://blog.example.test/1', date: new Date('2024-03-01T09:00:00Z'), body: 'one' },
  ]);
});
afterAll(() => feeds.close());

async function read(parameters: Record<string, unknown>, typeVersion = 1.2, items?: Item[], continueOnFail = false) {
  const result = await runChain([{ name: 'RSS', type: 'n8n-nodes-base.rssFeedRead', typeVersion, parameters, continueOnFail }], items ? { items } : {});
  return { result, items: outputOf(result, 'RSS') };
}

describe('rssFeedRead', () => {
  it('reads the entries of an RSS 2.0 feed as rss-parser gives them', async () => {
    const { items } = await read({ url: `${feeds.url}/rss.xml` });
    expect(items).toHaveLength(2);
    expect(items[0].json).toMatchObject({
      title: 'Second post', link: 'https://blog.example.test/2', guid: 'https://blog.example.test/2', creator: 'Ada',
      isoDate: '2024-03-02T09:00:00.000Z', pubDate: 'Sat, 02 Mar 2024 09:00:00 GMT', categories: ['news'], content: '<p>two</p>', contentSnippet: 'two',
    });
    expect(items[1].pairedItem).toEqual({ item: 0 });
  });

  it('reads an Atom feed', async () => {
    const { items } = await read({ url: `${feeds.url}/atom.xml` });
    expect(items.map((i) => i.json)).toEqual([expect.objectContaining({ title: 'Atom entry one', link: 'https://atom.example.test/one', author: 'Grace', isoDate: '2024-03-02T10:00:00.000Z', summary: 'First summary' })]);
  });

  it('v1.1+ reads one feed per item; v1 only the first item\'s', async () => {
    const inputs = [{ json: { u: `${feeds.url}/rss.xml` } }, { json: { u: `${feeds.url}/atom.xml` } }];
    expect((await read({ url: '={{ $json.u }}' }, 1.1, inputs)).items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }]);
    expect((await read({ url: '={{ $json.u }}' }, 1, inputs)).items).toHaveLength(2);
  });

  it('gives n8n\'s messages for a missing, invalid and unreachable URL, and names a non-feed', async () => {
    expect((await read({})).result.data.resultData.error?.message).toBe('The parameter "URL" has to be set!');
    expect((await read({ url: 'not a url' })).result.data.resultData.error?.message).toBe('The provided "URL" is not valid!');
    expect((await read({ url: 'http://127.0.0.1:1/feed' })).result.data.resultData.error?.message).toBe('It was not possible to connect to the URL. Please make sure the URL "http://127.0.0.1:1/feed" it is valid!');
    expect((await read({ url: `${feeds.url}/missing.xml` })).result.data.resultData.error?.message).toBe('Status code 404');
    expect((await read({ url: `${feeds.url}/page.html` })).result.data.resultData.error?.message).toMatch(/feed not recognized/i);
  });

  it('continueOnFail: a failing feed becomes an error item, the next one is read', async () => {
    const { items } = await read({ url: '={{ $json.u }}' }, 1.2, [{ json: { u: `${feeds.url}/missing.xml` } }, { json: { u: `${feeds.url}/atom.xml` } }], true);
    expect(items[0]).toEqual({ json: { error: 'Status code 404' }, pairedItem: { item: 0 } });
    expect(items[1].json.title).toBe('Atom entry one');
  });
});
