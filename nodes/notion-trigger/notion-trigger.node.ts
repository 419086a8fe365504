// Notion Trigger (n8n-nodes-base.notionTrigger v1): polls a database for pages added
// (`created_time`) or edited (`last_edited_time`) since the last poll. Notion's timestamps are to
// the minute, so as in n8n the cursor is the minute of the last poll (`lastTimeChecked`) plus the
// ids already delivered at the newest timestamp (`possibleDuplicates`), both in the node's static
// data. A manual run shows the newest page.
import type { ExecuteContext, JsonObject, NodeProperty, NodeType, TriggerContext } from '../../engine/index.ts';
import { cronNode } from '../cron/cron.node.ts';
import { simplifyProperties } from '../notion/notion-values.ts';
import { param } from '../shared/params.ts';
import { notionPost } from './notion-trigger-api.ts';

const EVENTS = ['pageAddedToDatabase', 'pagedUpdatedInDatabase'];
const showForEvents = { show: { event: EVENTS } };

const triggerTimes = cronNode.description.properties.find((p) => p.name === 'triggerTimes')!;
/** n8n adds Poll Times to every polling node; every minute unless set. */
const pollTimes: NodeProperty = {
  ...triggerTimes, displayName: 'Poll Times', name: 'pollTimes',
  typeOptions: { ...triggerTimes.typeOptions, multipleValueButtonText: 'Add Poll Time' }, default: { item: [{ mode: 'everyMinute' }] },
};

const properties: NodeProperty[] = [
  pollTimes,
  {
    displayName: 'Event', name: 'event', type: 'options', required: true, default: 'pageAddedToDatabase',
    options: [{ name: 'Page Added to Database', value: 'pageAddedToDatabase' }, { name: 'Page Updated in Database', value: 'pagedUpdatedInDatabase' }],
  },
  { displayName: 'In Notion, make sure to add your connection to the pages you want to access.', name: 'notionNotice', type: 'notice', default: '' },
  {
    displayName: 'Database', name: 'databaseId', type: 'resourceLocator', default: { mode: 'list', value: '' }, required: true, displayOptions: showForEvents,
    description: 'The Notion database to watch',
    modes: [
      { displayName: 'Database', name: 'list', type: 'list', placeholder: 'Select a Database...', typeOptions: { searchListMethod: 'getDatabases', searchable: true } },
      { displayName: 'Link', name: 'url', type: 'string', placeholder: 'https://www.notion.so/0fe2f7de558b471eab07e9d871cdf4a9?v=f2d424ba0c404733a3f500c78c881610' },
      { displayName: 'ID', name: 'id', type: 'string', placeholder: 'ab1545b247fb49fa92d6f4b49f4d8116' },
    ],
  },
  { displayName: 'Simplify', name: 'simple', type: 'boolean', default: true, displayOptions: showForEvents, description: 'Whether to output each page\'s property values instead of the raw page' },
];

const UUID = /([0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12})/i;

/** The database id of the locator (list/id value, or the id in a notion.so link), dashed. */
export function databaseIdOf(raw: unknown): string {
  const locator = raw && typeof raw === 'object' ? (raw as JsonObject) : { value: raw };
  const value = String(locator.value ?? '');
  const found = (locator.mode === 'url' ? /notion\.so\/(?:[^/?#]+\/)?(?:[^/?#]*-)?([0-9a-f]{32})/i.exec(value) : UUID.exec(value))?.[1] ?? value;
  const hex = found.replace(/-/g, '');
  return /^[0-9a-f]{32}$/i.test(hex) ? `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}` : value;
}

/** n8n's simplifyObjects with version 1: a database page as `{id, <property name>: value…}`. */
const simplify = (pages: JsonObject[]) => pages.map((page) => ({ id: page.id, ...simplifyProperties((page.properties ?? {}) as never) }) as JsonObject);

const minuteOf = (time: number) => Math.floor(time / 60_000) * 60_000;
/** moment's `utc().format()`: seconds precision and a Z. */
const notionTime = (time: number) => new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** One poll (or a manual look): the pages to deliver, or null. */
export async function pollNotion(ctx: ExecuteContext, manual: boolean): Promise<JsonObject[] | null> {
  const state = ctx.getWorkflowStaticData('node');
  const databaseId = databaseIdOf(param<unknown>(ctx, 'databaseId', 0, ''));
  const event = param(ctx, 'event', 0, 'pageAddedToDatabase');
  const simple = param(ctx, 'simple', 0, true);
  const since = typeof state.lastTimeChecked === 'string' ? Date.parse(state.lastTimeChecked) : minuteOf(Date.now());
  state.lastTimeChecked = new Date(minuteOf(Date.now())).toISOString();
  const seen = Array.isArray(state.possibleDuplicates) ? state.possibleDuplicates.map(String) : [];
  const stamp = event === 'pageAddedToDatabase' ? 'created_time' : 'last_edited_time';
  const body: JsonObject = {
    page_size: 1,
    sorts: [{ timestamp: stamp, direction: 'descending' }],
    ...(manual ? {} : { filter: { timestamp: stamp, [stamp]: { on_or_after: notionTime(since) } } }),
  };
  const path = `/databases/${databaseId}/query`;
  const newest = ((await notionPost(ctx, path, body)).results ?? []) as JsonObject[];
  if (manual && newest.length) return simple ? simplify(newest) : newest;
  if (!newest.length || Object.keys(newest[0]).length === 0) return null;

  let records: JsonObject[] = [];
  body.page_size = 10;
  for (;;) {
    const page = await notionPost(ctx, path, body);
    records.push(...((page.results ?? []) as JsonObject[]));
    if (page.next_cursor !== null && page.next_cursor !== undefined) body.start_cursor = page.next_cursor;
    const last = records[records.length - 1];
    // Read on until a page strictly older than the last poll: pages of the same minute may be new.
    if (!last || Date.parse(String(last[stamp])) < since || page.has_more !== true) break;
  }
  records = records.filter((record) => !seen.includes(String(record.id)));
  if (records[0]) {
    const latest = Date.parse(String(records[0][stamp]));
    state.possibleDuplicates = records.filter((record) => Date.parse(String(record[stamp])) === latest).map((record) => record.id);
  } else {
    delete state.possibleDuplicates;
  }
  if (!records.length) return null;
  return simple ? simplify(records) : records;
}

export const notionTriggerNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.notionTrigger',
    displayName: 'Notion Trigger',
    icon: 'fa:book',
    group: ['trigger'],
    version: [1],
    description: 'Starts the workflow when Notion events occur',
    defaults: { name: 'Notion Trigger' },
    inputs: [],
    outputs: ['main'],
    credentials: [{ name: 'notionApi', required: true }],
    triggerKind: 'poll',
    properties,
  },
  async execute(ctx) {
    const pages = await pollNotion(ctx, true);
    return [(pages ?? []).map((json) => ({ json, pairedItem: { item: 0 } }))];
  },
  methods: {
    listSearch: {
      async getDatabases(ctx, filter) {
        const answer = await notionPost(ctx, '/search', { ...(filter ? { query: filter } : {}), filter: { property: 'object', value: 'database' }, page_size: 100 });
        const results = ((answer.results ?? []) as JsonObject[]).map((database) => {
          const title = ((database.title ?? []) as JsonObject[])[0];
          return { name: String(title?.plain_text ?? ''), value: String(database.id), url: String(database.url ?? '') };
        });
        return { results: results.sort((a, b) => a.name.localeCompare(b.name)) };
      },
    },
  },
  triggers: {
    async poll(ctx: TriggerContext) {
      const pages = await pollNotion(ctx, false);
      return pages ? [pages.map((json) => ({ json }))] : null;
    },
  },
};
