// The Notion Trigger against a local stand-in for Notion's API (notion-trigger-stand-in.ts): polls
// deliver pages added since the last poll once, following cursors, with the cursor kept in static
// data as n8n keeps it; a manual run shows the newest page; the editor lists databases.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JsonObject, TriggerContext } from '../../engine/index.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { methodContext } from '../node-methods.ts';
import { NT_DATABASE_ID, NT_SECRET, notionPage, startNotionTriggerStandIn, type NotionTriggerStandIn } from './notion-trigger-stand-in.ts';
import { databaseIdOf, notionTriggerNode } from './notion-trigger.node.ts';

let notion: NotionTriggerStandIn;
beforeAll(async () => {
  notion = await startNotionTriggerStandIn();
  process.env.WEFT_NOTION_API_URL = notion.apiUrl;
});
afterAll(async () => {
  delete process.env.WEFT_NOTION_API_URL;
  await notion.close();
});
beforeEach(() => {
  notion.seen.length = 0;
  notion.pages.length = 0;
});
afterEach(() => vi.useRealTimers());

const database = { __rl: true, mode: 'list', value: NT_DATABASE_ID, cachedResultName: 'Tasks' };

function pollContext(parameters: Record<string, unknown>, staticData: JsonObject): TriggerContext {
  const ctx = methodContext({
    nodeType: notionTriggerNode, kind: 'listSearch', method: 'getDatabases', currentNodeParameters: parameters,
    credentials: { notionApi: { id: '1', name: 'Notion' } },
  }, { getCredentials: async () => ({ apiKey: NT_SECRET }), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
  return { ...ctx, mode: 'trigger', activation: 'activate', getWorkflowStaticData: () => staticData, emit: () => {}, emitError: () => {}, webhookUrl: () => '' };
}

const at = (iso: string) => vi.setSystemTime(new Date(iso));
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('Notion Trigger', () => {
  it('delivers each added page once across polls, paging with cursors', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const state: JsonObject = {};
    const ctx = pollContext({ event: 'pageAddedToDatabase', databaseId: database }, state);
    notion.pages.push(notionPage(id(1), 'Old', '2024-03-01T09:50:00.000Z'), notionPage(id(2), 'Fresh', '2024-03-01T10:00:00.000Z'));

    at('2024-03-01T10:00:30Z');
    const first = await notionTriggerNode.triggers!.poll!(ctx);
    expect(first?.[0].map((item) => item.json)).toEqual([{ id: id(2), Name: 'Fresh', Done: false }]);
    expect(state).toEqual({ lastTimeChecked: '2024-03-01T10:00:00.000Z', possibleDuplicates: [id(2)] });
    expect(notion.seen[0].path).toBe(`/v1/databases/${NT_DATABASE_ID}/query`);
    expect(notion.seen[0].headers).toMatchObject({ authorization: `Bearer ${NT_SECRET}`, 'notion-version': '2022-02-22' });
    expect(notion.seen[0].body).toEqual({
      page_size: 1, sorts: [{ timestamp: 'created_time', direction: 'descending' }],
      filter: { timestamp: 'created_time', created_time: { on_or_after: '2024-03-01T10:00:00Z' } },
    });

    for (let n = 3; n <= 14; n++) notion.pages.push(notionPage(id(n), `Task ${n}`, `2024-03-01T10:0${n < 9 ? 1 : 4}:00.000Z`));
    notion.seen.length = 0;
    at('2024-03-01T10:05:10Z');
    const second = await notionTriggerNode.triggers!.poll!(ctx);
    const names = second?.[0].map((item) => item.json.Name);
    expect(names).toHaveLength(12);
    expect(names).not.toContain('Fresh');
    expect(notion.seen.map((call) => [call.body.page_size, call.body.start_cursor])).toEqual([[1, undefined], [10, undefined], [10, id(7)]]);
    expect(state.lastTimeChecked).toBe('2024-03-01T10:05:00.000Z');
    expect((state.possibleDuplicates as string[]).sort()).toEqual([9, 10, 11, 12, 13, 14].map(id));

    at('2024-03-01T10:06:10Z');
    notion.rateLimitOnce(0);
    expect(await notionTriggerNode.triggers!.poll!(ctx)).toBeNull();
  });

  it('watches edits by last_edited_time and outputs raw pages when not simplified', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const state: JsonObject = { lastTimeChecked: '2024-03-01T10:00:00.000Z' };
    notion.pages.push(notionPage(id(1), 'Edited', '2024-02-01T10:00:00.000Z', '2024-03-01T10:02:00.000Z'));
    at('2024-03-01T10:03:00Z');
    const out = await notionTriggerNode.triggers!.poll!(pollContext({ event: 'pagedUpdatedInDatabase', databaseId: database, simple: false }, state));
    expect(out?.[0][0].json).toMatchObject({ object: 'page', id: id(1), last_edited_time: '2024-03-01T10:02:00.000Z' });
    expect(notion.seen[0].body.sorts).toEqual([{ timestamp: 'last_edited_time', direction: 'descending' }]);
  });

  it('shows the newest page on a manual run, and reports Notion errors', async () => {
    notion.pages.push(notionPage(id(1), 'A', '2024-03-01T09:00:00.000Z'), notionPage(id(2), 'B', '2024-03-01T11:00:00.000Z'));
    const credentials = { notionApi: { apiKey: NT_SECRET } };
    const node = (databaseId: unknown) => ({ name: 'Notion Trigger', type: 'n8n-nodes-base.notionTrigger', typeVersion: 1, parameters: { event: 'pageAddedToDatabase', databaseId } });
    const result = await runChain([node({ __rl: true, mode: 'url', value: `https://www.notion.so/team/${NT_DATABASE_ID.replace(/-/g, '')}?v=f2d4` })], { credentials });
    expect(outputOf(result, 'Notion Trigger').map((item) => item.json)).toEqual([{ id: id(2), Name: 'B', Done: false }]);
    expect(notion.seen[0].body.filter).toBeUndefined();
    const missing = await runChain([node({ __rl: true, mode: 'id', value: 'ab1545b247fb49fa92d6f4b49f4d8116' })], { credentials });
    expect(JSON.stringify(missing)).toContain('Could not find database with ID: ab1545b2-47fb-49fa-92d6-f4b49f4d8116.');
  });

  it('lists databases for the editor and reads database links', async () => {
    const ctx = pollContext({ event: 'pageAddedToDatabase' }, {});
    expect(await notionTriggerNode.methods!.listSearch!.getDatabases(ctx, 'task')).toEqual({
      results: [{ name: 'Tasks', value: NT_DATABASE_ID, url: `https://www.notion.so/${NT_DATABASE_ID.replace(/-/g, '')}` }],
    });
    expect(notion.seen[0].body).toEqual({ query: 'task', filter: { property: 'object', value: 'database' }, page_size: 100 });
    expect(databaseIdOf({ mode: 'url', value: 'https://www.notion.so/Tasks-0fe2f7de558b471eab07e9d871cdf4a9?v=1' })).toBe(NT_DATABASE_ID);
  });
});
