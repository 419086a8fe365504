// Microsoft Outlook (n8n-nodes-base.microsoftOutlook) v2 and the legacy v1 on Microsoft Graph v1.0:
// messages, drafts, folders, events, contacts and message attachments. Lists become one item per
// entry; downloads add the file to the input item's binary data.
import type { ExecuteContext, Item, JsonObject, ListSearchPage, NodeType } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { param } from '../shared/params.ts';
import { graphClient, graphRequest, graphRequestAll, type GraphClient } from './microsoft-outlook-api.ts';
import { DEFAULT_OPERATION, locatorValue, OUTLOOK_RESOURCES } from './microsoft-outlook-operations.ts';
import { outlookProperties } from './microsoft-outlook.description.ts';
import { outlookSendAndWait } from './microsoft-outlook-send-and-wait.ts';
import { DEFAULT_OPERATION_V1, runOutlookV1 } from './microsoft-outlook-v1.ts';
import { outlookV1Properties } from './microsoft-outlook-v1.description.ts';

const isItem = (value: unknown): value is Item => !!value && typeof value === 'object' && 'json' in value && 'binary' in value;
/** v1's attachment downloads give items without binary data for messages that have none. */
const isWholeItem = (value: unknown): value is Item => !!value && typeof value === 'object' && Object.keys(value).every((k) => k === 'json' || k === 'binary') && 'json' in value;

async function execute(ctx: ExecuteContext, legacy: boolean): Promise<Item[][]> {
  const items = ctx.getInputData();
  const resource = param(ctx, 'resource', 0, 'message');
  const operation = param(ctx, 'operation', 0, (legacy ? DEFAULT_OPERATION_V1 : DEFAULT_OPERATION)[resource] ?? 'send');
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  const output: Item[] = [];
  try {
    const client = await graphClient(ctx, transport);
    if (!legacy && resource === 'message' && operation === 'sendAndWait') return await sendAndWait(client);
    for (let i = 0; i < items.length; i++) {
      try {
        const run = legacy ? (c: GraphClient, o: string, item: Item, n: number) => runOutlookV1(c, resource, o, item, n) : OUTLOOK_RESOURCES[resource];
        if (!run) throw new Error(`The resource "${resource}" is not known`);
        const answer = await run(client, operation, items[i], i);
        for (const entry of Array.isArray(answer) ? answer : [answer]) {
          output.push(isItem(entry) || (legacy && isWholeItem(entry)) ? { ...entry, pairedItem: { item: i } } : { json: entry as JsonObject, pairedItem: { item: i } });
        }
      } catch (error) {
        const failure = serviceCallError(ctx.node.name, error, i);
        if (!ctx.continueOnFail()) throw failure;
        output.push({ json: { error: errorMessage(failure) }, pairedItem: { item: i } });
      }
    }
  } finally {
    await transport.close();
  }
  return [output];
}

/** One email for the run, then the run parks (n8n's sendAndWait); the input passes on when it resumes. */
async function sendAndWait(client: GraphClient): Promise<Item[][]> {
  try {
    return await outlookSendAndWait(client);
  } catch (error) {
    const failure = serviceCallError(client.ctx.node.name, error, 0);
    if (!client.ctx.continueOnFail()) throw failure;
    return [[{ json: { error: errorMessage(failure) }, pairedItem: { item: 0 } }]];
  }
}

async function withClient<T>(ctx: ExecuteContext, work: (client: GraphClient) => Promise<T>): Promise<T> {
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    return await work(await graphClient(ctx, transport));
  } finally {
    await transport.close();
  }
}

/** A locator list: one Graph page (`$top` 100, `$filter` by name when searching), the nextLink as token. */
const searchList = (path: (client: GraphClient, ctx: ExecuteContext) => string, label: string, filterOn: string) =>
  (ctx: ExecuteContext, filter?: string, paginationToken?: string): Promise<ListSearchPage> => withClient(ctx, async (client) => {
    const answer = paginationToken
      ? await graphRequest(client, 'GET', paginationToken)
      : await graphRequest(client, 'GET', path(client, ctx), undefined, {
        $top: 100, $select: `id,${label}`, ...(filter ? { $filter: `contains(${filterOn}, '${filter.replace(/'/g, "''")}')` } : {}),
      });
    const results = ((answer.value ?? []) as JsonObject[]).map((v) => ({ name: String(v[label] ?? v.id), value: String(v.id) }));
    const next = answer['@odata.nextLink'];
    return { results, ...(typeof next === 'string' ? { paginationToken: next } : {}) };
  });

const messageOf = (ctx: ExecuteContext) => encodeURIComponent(locatorValue(ctx.getNodeParameter('messageId', 0, '')));

const base = {
  name: 'n8n-nodes-base.microsoftOutlook', displayName: 'Microsoft Outlook', icon: 'file:outlook.svg', group: ['transform'],
  description: 'Consume Microsoft Outlook API', defaults: { name: 'Microsoft Outlook' }, inputs: ['main'], outputs: ['main'],
  credentials: [{ name: 'microsoftOutlookOAuth2Api', required: true }],
};

export const microsoftOutlookNode: NodeType = {
  description: { ...base, version: [2], properties: outlookProperties },
  execute: (ctx) => execute(ctx, false),
  methods: {
    loadOptions: {
      getFolders: (ctx) => withClient(ctx, async (client) =>
        (await graphRequestAll(client, `${client.mailbox}/mailFolders`, { $select: 'id,displayName' })).map((f) => ({ name: String(f.displayName), value: String(f.id) }))),
    },
    listSearch: {
      searchMessages: searchList((c) => `${c.mailbox}/messages`, 'subject', 'subject'),
      searchDrafts: searchList((c) => `${c.mailbox}/mailFolders/drafts/messages`, 'subject', 'subject'),
      searchFolders: searchList((c) => `${c.mailbox}/mailFolders`, 'displayName', 'displayName'),
      searchCalendars: searchList((c) => `${c.mailbox}/calendars`, 'name', 'name'),
      searchEvents: searchList((c, ctx) => {
        const calendar = locatorValue(ctx.getNodeParameter('calendarId', 0, ''));
        return calendar ? `${c.mailbox}/calendars/${encodeURIComponent(calendar)}/events` : `${c.mailbox}/events`;
      }, 'subject', 'subject'),
      searchContacts: searchList((c) => `${c.mailbox}/contacts`, 'displayName', 'displayName'),
      searchAttachments: searchList((c, ctx) => `${c.mailbox}/messages/${messageOf(ctx)}/attachments`, 'name', 'name'),
    },
  },
};

/** v1's category picker: the mailbox's master categories. */
const getCategories = (ctx: ExecuteContext) => withClient(ctx, async (client) =>
  (await graphRequestAll(client, `${client.mailbox}/outlook/masterCategories`)).map((c) => ({ name: String(c.displayName), value: String(c.id) })));

export const microsoftOutlookNodeV1: NodeType = {
  description: { ...base, version: [1], properties: outlookV1Properties },
  execute: (ctx) => execute(ctx, true),
  methods: { loadOptions: { getCategories } },
};
