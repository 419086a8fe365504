// The Notion node (v2, 2.1, 2.2) run on the real engine against the local stand-in for Notion's
// API (notion-stand-in.ts), which checks the secret and Notion-Version and answers Notion's shapes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain, type TestNode } from '../n8n-api/test-support.ts';
import { testNotionCredential } from './notion-credential-test.ts';
import { DATABASE_ID, PARENT_PAGE_ID, startNotionStandIn, type NotionStandIn } from './notion-stand-in.ts';

let notion: NotionStandIn;
const credentials = { notionApi: { apiKey: 'secret_TEST' } };
const database = { __rl: true, mode: 'list', value: DATABASE_ID, cachedResultName: 'Deals' };

beforeAll(async () => {
  notion = await startNotionStandIn();
  process.env.WEFT_NOTION_API_URL = notion.apiUrl;
});
afterAll(async () => {
  delete process.env.WEFT_NOTION_API_URL;
  await notion.close();
});
beforeEach(() => notion.reset());

const node = (parameters: Record<string, unknown>, typeVersion = 2.2, continueOnFail = false): TestNode => ({
  name: 'Notion', type: 'n8n-nodes-base.notion', typeVersion, parameters, continueOnFail,
});
const jsonOf = (result: Awaited<ReturnType<typeof runChain>>) => outputOf(result, 'Notion').map((item) => item.json);
const calls = () => notion.seen;

async function createDeal(title: string, price: number, stage: string) {
  return runChain([node({
    resource: 'databasePage', databaseId: database, title,
    propertiesUi: { propertyValues: [
      { key: 'Price|number', numberValue: price },
      { key: 'Stage|select', selectValue: stage },
      { key: 'Done|checkbox', checkboxValue: stage === 'Closed' },
    ] },
  })], { items: [{ json: {} }], credentials });
}

describe('Notion database pages', () => {
  it('creates a page in a database, titled under its title property, and answers the simple shape', async () => {
    const result = await runChain([node({
      resource: 'databasePage', databaseId: database, title: '={{ $json.name }}',
      propertiesUi: { propertyValues: [
        { key: 'Price|number', numberValue: 12.5 },
        { key: 'Stage|select', selectValue: 'Open' },
        { key: 'Tags|multi_select', multiSelectValue: 'a, b' },
        { key: 'Notes|rich_text', textContent: 'first call' },
        { key: 'Due|date', date: '2024-03-01T10:00:00', includeTime: true, timezone: 'Europe/Paris' },
        { key: 'Link|url', urlValue: '', ignoreIfEmpty: true },
      ] },
      blockUi: { blockValues: [{ type: 'heading_1', textContent: 'Summary' }, { type: 'to_do', textContent: 'Follow up', checked: false }] },
      options: { icon: '💼' },
    })], { items: [{ json: { name: 'Acme' } }, { json: { name: 'Beta' } }], credentials });

    const [lookup, create, second] = calls();
    expect(calls()).toHaveLength(3); // the database is read once for both items
    expect(second.body?.properties.Name).toEqual({ title: [{ text: { content: 'Beta' } }] });
    expect(lookup).toMatchObject({ method: 'GET', path: `/v1/databases/${DATABASE_ID}` });
    expect(create.headers['notion-version']).toBe('2021-08-16');
    expect(create.headers.authorization).toBe('Bearer secret_TEST');
    expect(create.body).toEqual({
      parent: { database_id: DATABASE_ID },
      properties: {
        Name: { title: [{ text: { content: 'Acme' } }] },
        Price: { type: 'number', number: 12.5 },
        Stage: { type: 'select', select: { name: 'Open' } },
        Tags: { type: 'multi_select', multi_select: [{ name: 'a' }, { name: 'b' }] },
        Notes: { rich_text: [{ text: { content: 'first call' } }] },
        Due: { type: 'date', date: { start: '2024-03-01T10:00:00+01:00', end: null } },
      },
      children: [
        { object: 'block', type: 'heading_1', heading_1: { text: [{ text: { content: 'Summary' } }] } },
        { object: 'block', type: 'to_do', to_do: { checked: false, text: [{ text: { content: 'Follow up' } }] } },
      ],
      icon: { emoji: '💼' },
    });
    const id = notion.pages[0].id;
    expect(outputOf(result, 'Notion')[1].pairedItem).toEqual({ item: 1 });
    expect(outputOf(result, 'Notion').slice(0, 1)).toEqual([{
      json: {
        id, name: 'Acme', url: `https://www.notion.so/${id.replace(/-/g, '')}`,
        property_name: 'Acme', property_notes: 'first call', property_price: 12.5, property_stage: 'Open', property_tags: ['a', 'b'],
        property_due: { start: '2024-03-01T10:00:00+01:00', end: null, time_zone: null }, property_created_at: notion.pages[0].properties['Created At'].created_time,
      },
      pairedItem: { item: 0 },
    }]);
  });

  it('gets many pages with built filters, sorts and cursor paging; raw output when not simplified', async () => {
    for (const [title, price, stage] of [['A', 5, 'Open'], ['B', 50, 'Open'], ['C', 500, 'Closed'], ['D', 70, 'Open']] as const) await createDeal(title, price, stage);
    notion.seen.length = 0;
    const result = await runChain([node({
      resource: 'databasePage', operation: 'getAll', databaseId: database, returnAll: true, filterType: 'manual', matchType: 'allFilters',
      filters: { conditions: [{ key: 'Stage|select', condition: 'equals', selectValue: 'Open' }, { key: 'Price|number', condition: 'greater_than', numberValue: 10 }] },
      options: { sort: { sortValue: [{ key: 'Price|number', direction: 'descending', timestamp: false }] } },
    })], { items: [{ json: {} }], credentials });
    expect(jsonOf(result).map((json) => [json.name, json.property_price])).toEqual([['D', 70], ['B', 50]]);
    expect(calls()[0].body).toEqual({
      filter: { and: [{ property: 'Stage', select: { equals: 'Open' } }, { property: 'Price', number: { greater_than: 10 } }] },
      sorts: [{ direction: 'descending', property: 'Price' }],
    });

    notion.seen.length = 0;
    const limited = await runChain([node({ resource: 'databasePage', operation: 'getAll', databaseId: database, limit: 3, simple: false })], { items: [{ json: {} }], credentials });
    expect(jsonOf(limited)).toHaveLength(3);
    expect(jsonOf(limited)[0]).toMatchObject({ object: 'page', properties: { Name: { type: 'title' } } });
    expect(calls()[0].body).toEqual({ page_size: 3 });

    const json = await runChain([node({ resource: 'databasePage', operation: 'getAll', databaseId: { __rl: true, mode: 'url', value: `https://www.notion.so/team/${DATABASE_ID.replace(/-/g, '')}?v=abc` }, returnAll: true,
      filterType: 'json', filterJson: '{"property":"Done","checkbox":{"equals":true}}' })], { items: [{ json: {} }], credentials });
    expect(jsonOf(json).map((page) => page.name)).toEqual(['C']);
  });

  it('downloads the files of files properties as binary data', async () => {
    await runChain([node({ resource: 'databasePage', databaseId: database, title: 'Contract',
      propertiesUi: { propertyValues: [{ key: 'Docs|files', fileUrls: { fileUrl: [{ name: 'a.pdf', url: `${notion.url}/files/a.pdf` }, { name: 'b.pdf', url: `${notion.url}/files/b.pdf` }] } }] } })],
    { items: [{ json: {} }], credentials });
    expect(calls()[1].body?.properties.Docs).toEqual({ type: 'files', files: [
      { name: 'a.pdf', type: 'external', external: { url: `${notion.url}/files/a.pdf` } }, { name: 'b.pdf', type: 'external', external: { url: `${notion.url}/files/b.pdf` } },
    ] });
    const result = await runChain([node({ resource: 'databasePage', operation: 'getAll', databaseId: database, returnAll: true, options: { downloadFiles: true } })],
      { items: [{ json: {} }], credentials });
    const [item] = outputOf(result, 'Notion');
    expect(item.json).toMatchObject({ name: 'Contract', property_docs: [`${notion.url}/files/a.pdf`, `${notion.url}/files/b.pdf`] });
    expect(Object.keys(item.binary ?? {})).toEqual(['Docs_0', 'Docs_1']);
    expect(Buffer.from(item.binary!.Docs_1.data, 'base64').toString()).toBe('file b.pdf');
    expect(notion.seen.find((call) => call.path === '/files/a.pdf')?.headers.authorization).toBeUndefined();
  });

  it('gets and updates a page by link or id', async () => {
    await createDeal('A', 5, 'Open');
    const { id } = notion.pages[0];
    const got = await runChain([node({ resource: 'databasePage', operation: 'get', pageId: { __rl: true, mode: 'url', value: `https://www.notion.so/A-${id.replace(/-/g, '')}` } })], { items: [{ json: {} }], credentials });
    expect(jsonOf(got)[0]).toMatchObject({ id, name: 'A', property_price: 5 });
    notion.seen.length = 0;
    const updated = await runChain([node({ resource: 'databasePage', operation: 'update', pageId: { __rl: true, mode: 'id', value: id },
      propertiesUi: { propertyValues: [{ key: 'Price|number', numberValue: 6 }, { key: 'Stage|select', selectValue: '' }] }, options: { icon: 'https://x/icon.png', iconType: 'file' } })],
    { items: [{ json: {} }], credentials });
    expect(calls()[0]).toMatchObject({ method: 'PATCH', body: { properties: { Price: { type: 'number', number: 6 }, Stage: { type: 'select', select: null } }, icon: { type: 'external', external: { url: 'https://x/icon.png' } } } });
    expect(jsonOf(updated)[0]).toMatchObject({ property_price: 6, property_stage: null });
  });

  it('fails with Notion’s message, names a bad relation id, and keeps going on continue-on-fail', async () => {
    const missing = await runChain([node({ resource: 'databasePage', operation: 'get', pageId: { __rl: true, mode: 'id', value: 'nope' } })], { items: [{ json: {} }], credentials });
    expect(missing.data.resultData.error).toMatchObject({ message: 'The resource you are requesting could not be found', description: expect.stringContaining('Could not find page with ID: nope') });
    const relation = await runChain([node({ resource: 'databasePage', databaseId: database, propertiesUi: { propertyValues: [{ key: 'Rel|relation', relationValue: ['not-a-uuid'] }] } })], { items: [{ json: {} }], credentials });
    expect(relation.data.resultData.error?.message).toBe('The relation id "not-a-uuid" is not a valid uuid with optional dashes.');
    const kept = await runChain([node({ resource: 'databasePage', operation: 'get', pageId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } }, 2.2, true)], { items: [{ json: { id: 'nope' } }], credentials });
    expect(outputOf(kept, 'Notion')).toEqual([{ json: { error: 'The resource you are requesting could not be found' }, pairedItem: { item: 0 } }]);
    const wrongKey = await runChain([node({ resource: 'user', operation: 'getAll', returnAll: true })], { items: [{ json: {} }], credentials: { notionApi: { apiKey: 'bad' } } });
    expect(wrongKey.data.resultData.error).toMatchObject({ message: 'Authorization failed - please check your credentials', description: 'API token is invalid.' });
  });
});

describe('Notion pages, blocks, databases and users', () => {
  it('creates a page under a page, searches pages and archives one', async () => {
    const created = await runChain([node({ resource: 'page', pageId: { __rl: true, mode: 'url', value: `https://www.notion.so/Parent-${PARENT_PAGE_ID.replace(/-/g, '')}` }, title: 'Minutes',
      blockUi: { blockValues: [{ type: 'paragraph', richText: true, text: { text: [{ textType: 'text', text: 'See', isLink: true, textLink: 'https://example.com', annotationUi: { bold: true } }] } }] } })],
    { items: [{ json: {} }], credentials });
    // The id is cut from the link as n8n does: without dashes, which Notion accepts.
    expect(calls()[0].body).toMatchObject({ parent: { page_id: PARENT_PAGE_ID.replace(/-/g, '') }, properties: { title: [{ text: { content: 'Minutes' } }] },
      children: [{ object: 'block', type: 'paragraph', paragraph: { text: [{ type: 'text', text: { content: 'See', link: { url: 'https://example.com' } }, annotations: { bold: true } }] } }] });
    const id = notion.pages[0].id;
    expect(jsonOf(created)).toEqual([{ id, name: 'Minutes', url: `https://www.notion.so/${id.replace(/-/g, '')}` }]);

    const searched = await runChain([node({ resource: 'page', operation: 'search', text: 'Minutes', options: { filter: { filters: { property: 'object', value: 'page' } } } })], { items: [{ json: {} }], credentials });
    expect(jsonOf(searched)).toEqual([{ id, name: 'Minutes', url: expect.any(String) }]);
    const archived = await runChain([node({ resource: 'page', operation: 'archive', pageId: { __rl: true, mode: 'id', value: id }, simple: false })], { items: [{ json: {} }], credentials });
    expect(jsonOf(archived)[0]).toMatchObject({ id, archived: true });
  });

  it('appends blocks and reads children page by page, simplified from 2.1 on and raw in 2', async () => {
    await runChain([node({ resource: 'page', pageId: { __rl: true, mode: 'id', value: PARENT_PAGE_ID }, title: 'Log' })], { items: [{ json: {} }], credentials });
    const pageId = notion.pages[0].id;
    const blocks = Array.from({ length: 150 }, (_, i) => ({ type: 'bulleted_list_item', textContent: `line ${i}` }));
    await runChain([node({ resource: 'block', blockId: { __rl: true, mode: 'id', value: pageId }, blockUi: { blockValues: blocks.slice(0, 100) } })], { items: [{ json: {} }], credentials });
    await runChain([node({ resource: 'block', blockId: { __rl: true, mode: 'id', value: pageId }, blockUi: { blockValues: blocks.slice(100) } })], { items: [{ json: {} }], credentials });
    expect(notion.blocks.get(pageId)).toHaveLength(150);
    notion.seen.length = 0;
    const all = await runChain([node({ resource: 'block', operation: 'getAll', blockId: { __rl: true, mode: 'url', value: `https://www.notion.so/Log-${pageId.replace(/-/g, '')}` }, returnAll: true })], { items: [{ json: {} }], credentials });
    expect(jsonOf(all)).toHaveLength(150);
    expect(calls().map((call) => call.query.get('start_cursor') !== null)).toEqual([false, true]);
    const linkId = pageId.replace(/-/g, '');
    expect(jsonOf(all)[0]).toMatchObject({ object: 'block', parent_id: linkId, root_id: linkId, type: 'bulleted_list_item', content: 'line 0' });
    expect(jsonOf(all)[0]).not.toHaveProperty('created_time');
    expect(jsonOf(all)[0]).not.toHaveProperty('bulleted_list_item');
    const raw = await runChain([node({ resource: 'block', operation: 'getAll', blockId: { __rl: true, mode: 'id', value: pageId }, limit: 2 }, 2)], { items: [{ json: {} }], credentials });
    expect(jsonOf(raw)).toHaveLength(2);
    expect(jsonOf(raw)[0]).toMatchObject({ created_time: expect.any(String), bulleted_list_item: { text: [{ plain_text: 'line 0' }] } });
    // 2.2 takes a block's own link (…?pvs=N#<block id>) as well as a page link.
    const blockLink = notion.blocks.get(pageId)![5].id as string;
    notion.blocks.set(blockLink, []);
    await runChain([node({ resource: 'block', blockId: { __rl: true, mode: 'url', value: `https://www.notion.so/Log-${pageId.replace(/-/g, '')}?pvs=21#${blockLink.replace(/-/g, '')}` },
      blockUi: { blockValues: [{ type: 'paragraph', textContent: 'nested' }] } })], { items: [{ json: {} }], credentials });
    expect(calls().at(-1)?.path).toBe(`/v1/blocks/${blockLink.replace(/-/g, '')}/children`);
    expect(notion.blocks.get(blockLink)).toHaveLength(1);
  });

  it('gets a database, lists and searches databases, lists users up to a limit and gets one', async () => {
    const got = await runChain([node({ resource: 'database', databaseId: database })], { items: [{ json: {} }], credentials });
    expect(jsonOf(got)).toEqual([{ id: DATABASE_ID, name: 'Deals', url: `https://www.notion.so/${DATABASE_ID.replace(/-/g, '')}` }]);
    const many = await runChain([node({ resource: 'database', operation: 'getAll', returnAll: true })], { items: [{ json: {} }], credentials });
    expect(jsonOf(many).map((json) => json.name)).toEqual(['Deals']);
    const searched = await runChain([node({ resource: 'database', operation: 'search', text: 'Deals', simple: false })], { items: [{ json: {} }], credentials });
    expect(jsonOf(searched)[0]).toMatchObject({ object: 'database', id: DATABASE_ID });
    notion.seen.length = 0;
    const users = await runChain([node({ resource: 'user', operation: 'getAll', limit: 3 })], { items: [{ json: {} }], credentials });
    expect(jsonOf(users).map((user) => user.name)).toEqual(['User 0', 'User 1', 'User 2']);
    expect(calls()).toHaveLength(2); // two users a page in the stand-in: the cursor went in the query
    expect(calls()[1].query.get('start_cursor')).toBe('00000002-aaaa-4bbb-8ccc-000000000000');
    const one = await runChain([node({ resource: 'user', userId: '00000001-aaaa-4bbb-8ccc-000000000000' })], { items: [{ json: {} }], credentials });
    expect(jsonOf(one)[0]).toMatchObject({ name: 'User 1', person: { email: 'user1@example.com' } });
  });

  it('waits out a 429 with Retry-After, refuses unknown operations, and tests the credential with users/me', async () => {
    notion.rateLimit(1, '0');
    const retried = await runChain([node({ resource: 'database', databaseId: database })], { items: [{ json: {} }], credentials });
    expect(jsonOf(retried)[0].name).toBe('Deals');
    notion.rateLimit(4, '0');
    const persisting = await runChain([node({ resource: 'database', databaseId: database })], { items: [{ json: {} }], credentials });
    expect(persisting.data.resultData.error).toMatchObject({ message: 'The service is receiving too many requests from you', description: 'You have been rate limited. Please try again in a few minutes.' });
    const unknown = await runChain([node({ resource: 'databasePage', operation: 'upsert' })], { items: [{ json: {} }], credentials });
    expect(unknown.data.resultData.error?.message).toBe('The operation "upsert" of "databasePage" is not supported');
    await expect(testNotionCredential({ apiKey: 'secret_TEST' }, 5000)).resolves.toBe('Connection tested successfully');
    await expect(testNotionCredential({ apiKey: 'bad' }, 5000)).rejects.toThrow('Authorization failed - please check your credentials: API token is invalid.');
  });
});
