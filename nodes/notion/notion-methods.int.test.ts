// The Notion node's editor methods against the local API stand-in (notion-stand-in.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runNodeMethod } from '../node-methods.ts';
import { DATABASE_ID, startNotionStandIn, type NotionStandIn } from './notion-stand-in.ts';
import { notionNode } from './notion.node.ts';

let notion: NotionStandIn;
const saved = process.env.WEFT_NOTION_API_URL;
beforeAll(async () => {
  notion = await startNotionStandIn();
  process.env.WEFT_NOTION_API_URL = notion.apiUrl;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.WEFT_NOTION_API_URL;
  else process.env.WEFT_NOTION_API_URL = saved;
  await notion.close();
});
beforeEach(() => notion.reset());

const call = (kind: 'loadOptions' | 'listSearch', method: string, currentNodeParameters: Record<string, unknown>, filter?: string, apiKey = 'secret_TEST') =>
  runNodeMethod({ nodeType: notionNode, typeVersion: 2.2, kind, method, currentNodeParameters, filter, credentials: { notionApi: { id: '1', name: 'notion' } } },
    { getCredentials: async () => ({ apiKey }), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });

describe('Notion editor methods', () => {
  it('getDatabases searches databases page by page, untitled ones by id, sorted by name', async () => {
    const archive = notion.addDatabase('archive');
    const untitled = notion.addDatabase('');
    for (let n = 1; n <= 99; n++) notion.addDatabase(`bulk ${n}`);
    const answer = (await call('listSearch', 'getDatabases', { resource: 'databasePage', operation: 'getAll' })) as { results: Array<{ name: string }> };
    expect(answer.results).toHaveLength(102);
    expect(answer.results.slice(0, 2)).toEqual([
      { name: untitled, value: untitled, url: `https://www.notion.so/${untitled.replace(/-/g, '')}` },
      { name: 'archive', value: archive, url: `https://www.notion.so/${archive.replace(/-/g, '')}` },
    ]);
    expect(answer.results.at(-1)).toEqual({ name: 'Deals', value: DATABASE_ID, url: `https://www.notion.so/${DATABASE_ID.replace(/-/g, '')}` });
    const searches = notion.seen.filter((r) => r.path === '/v1/search');
    expect(searches).toHaveLength(2);
    expect(searches[0].body).toEqual({ page_size: 100, filter: { property: 'object', value: 'database' } });
    expect(searches[1].body?.start_cursor).toBeTruthy();
    expect(searches[0].headers.authorization).toBe('Bearer secret_TEST');

    const filtered = (await call('listSearch', 'getDatabases', {}, 'Deal')) as { results: Array<{ value: string }> };
    expect(filtered.results.map((r) => r.value)).toEqual([DATABASE_ID]);
    expect(notion.seen.at(-1)?.body).toMatchObject({ query: 'Deal' });
  });

  it('getDatabaseProperties leaves out computed properties; getFilterProperties lists all, as name|type', async () => {
    const parameters = { resource: 'databasePage', operation: 'create', databaseId: { __rl: true, mode: 'url', value: `https://www.notion.so/${DATABASE_ID.replace(/-/g, '')}?v=abc` } };
    const writable = ((await call('loadOptions', 'getDatabaseProperties', parameters)) as { options: Array<{ value: string }> }).options;
    expect(writable).toContainEqual({ name: 'Price', value: 'Price|number' });
    expect(writable.map((o) => o.value)).not.toContain('Created At|created_time');
    expect(notion.seen.at(-1)?.path).toBe(`/v1/databases/${DATABASE_ID.replace(/-/g, '')}`);
    const all = ((await call('loadOptions', 'getFilterProperties', { ...parameters, operation: 'getAll', databaseId: { __rl: true, mode: 'id', value: DATABASE_ID } })) as { options: Array<{ name: string }> }).options;
    expect(all.map((o) => o.name)).toEqual(['Created At', 'Docs', 'Done', 'Due', 'Link', 'Name', 'Notes', 'Price', 'Stage', 'Tags']);
  });

  it('an unknown database is Notion\'s error', async () => {
    await expect(call('loadOptions', 'getFilterProperties', { resource: 'databasePage', operation: 'getAll', databaseId: { __rl: true, mode: 'id', value: 'nope' } }))
      .rejects.toThrow(/could not be found/i);
  });
});
