// Trello (n8n-nodes-base.trello, v1) on Trello's REST API: every argument goes in the query string
// (as n8n sends them), the key and token of the credential too. Returning every list or card pages
// backwards 30 at a time (`sort=-id`, `before`) as n8n does; a limit cuts the first page.
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject, type NodeType } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { collection, param } from '../shared/params.ts';
import { serviceUrl } from '../shared/service-url.ts';
import { restCall, runPerItem, type HttpMethod } from '../shared/rest-call.ts';
import { trelloProperties } from './trello.description.ts';

export const trelloBaseUrl = () => serviceUrl('trello', 'https://api.trello.com/1');

export interface Trello { ctx: ExecuteContext; transport: Dispatcher }

const readError = (body: unknown): string | undefined => {
  if (typeof body === 'string') return body;
  if (body && typeof body === 'object') {
    const b = body as JsonObject;
    return typeof b.message === 'string' ? b.message : typeof b.error === 'string' ? b.error : undefined;
  }
  return undefined;
};

export async function trelloRequest(api: Trello, method: HttpMethod, endpoint: string, query: JsonObject = {}, body: JsonObject = {}): Promise<unknown> {
  const credential = await api.ctx.credentials.get('trelloApi');
  const url = `${trelloBaseUrl()}/${endpoint.replace(/^\/+/, '')}`;
  return restCall(api.ctx, api.transport, {
    service: 'Trello',
    method, url, query: { ...query, key: credential.apiKey, token: credential.apiToken },
    ...(method !== 'GET' && Object.keys(body).length ? { json: body } : {}),
  }, readError);
}

/** n8n's apiRequestAllItems: 30 per page, newest first, each next page `before` the last id. */
async function requestAll(api: Trello, endpoint: string, query: JsonObject): Promise<unknown[]> {
  const q: JsonObject = { ...query, limit: 30, sort: '-id' };
  const all: unknown[] = [];
  for (;;) {
    const page = (await trelloRequest(api, 'GET', endpoint, q)) as JsonObject[];
    all.push(...page);
    if (page.length !== 0) q.before = page[page.length - 1].id;
    if (page.length < 30) return all;
  }
}

/** A resource locator's (or a plain string's) value; a Trello URL gives its short id. */
export function locatorValue(ctx: ExecuteContext, name: string, itemIndex: number): string {
  const raw = param<unknown>(ctx, name, itemIndex, '');
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const { mode, value } = raw as JsonObject;
    const text = value === undefined || value === null ? '' : String(value);
    if (mode === 'url') return /https?:\/\/trello\.com\/[bc]\/([a-zA-Z0-9]{2,})/.exec(text)?.[1] ?? text;
    return text;
  }
  return raw === undefined || raw === null ? '' : String(raw);
}

interface Call { method: HttpMethod; endpoint: string; query?: JsonObject; body?: JsonObject; pages?: boolean }

function plan(ctx: ExecuteContext, resource: string, operation: string, i: number): Call {
  const s = (name: string) => String(param(ctx, name, i, ''));
  const extra = () => collection(ctx, 'additionalFields', i);
  const changes = () => collection(ctx, 'updateFields', i);
  const id = () => s('id');
  const card = (name = 'cardId') => locatorValue(ctx, name, i);
  const key = `${resource}:${operation}`;
  switch (key) {
    case 'board:create': return { method: 'POST', endpoint: 'boards', query: { name: s('name'), desc: s('description'), ...extra() } };
    case 'board:delete': return { method: 'DELETE', endpoint: `boards/${locatorValue(ctx, 'id', i)}` };
    case 'board:get': return { method: 'GET', endpoint: `boards/${locatorValue(ctx, 'id', i)}`, query: extra() };
    case 'board:update': return { method: 'PUT', endpoint: `boards/${locatorValue(ctx, 'id', i)}`, query: changes() };
    case 'boardMember:getAll': return { method: 'GET', endpoint: `boards/${id()}/members`, pages: true };
    case 'boardMember:add': return { method: 'PUT', endpoint: `boards/${id()}/members/${s('idMember')}`,
      query: { type: s('type') || 'normal', allowBillableGuest: extra().allowBillableGuest ?? false } };
    case 'boardMember:invite': {
      const more = extra();
      return { method: 'PUT', endpoint: `boards/${id()}/members`, query: { email: s('email'), type: more.type }, body: more.fullName ? { fullName: more.fullName } : {} };
    }
    case 'boardMember:remove': return { method: 'DELETE', endpoint: `boards/${id()}/members/${s('idMember')}` };
    case 'card:create': return { method: 'POST', endpoint: 'cards', query: { idList: s('listId'), name: s('name'), desc: s('description'), ...extra() } };
    case 'card:delete': return { method: 'DELETE', endpoint: `cards/${card('id')}` };
    case 'card:get': return { method: 'GET', endpoint: `cards/${card('id')}`, query: extra() };
    case 'card:update': return { method: 'PUT', endpoint: `cards/${card('id')}`, query: changes() };
    case 'cardComment:create': return { method: 'POST', endpoint: `cards/${card()}/actions/comments`, query: { text: s('text') } };
    case 'cardComment:delete': return { method: 'DELETE', endpoint: `cards/${card()}/actions/${s('commentId')}/comments` };
    case 'cardComment:update': return { method: 'PUT', endpoint: `cards/${card()}/actions/${s('commentId')}/comments`, query: { text: s('text') } };
    case 'list:archive': return { method: 'PUT', endpoint: `lists/${id()}/closed`, query: { value: param(ctx, 'archive', i, false) } };
    case 'list:create': return { method: 'POST', endpoint: 'lists', query: { idBoard: s('idBoard'), name: s('name'), ...extra() } };
    case 'list:get': return { method: 'GET', endpoint: `lists/${id()}`, query: extra() };
    case 'list:getAll': return { method: 'GET', endpoint: `boards/${id()}/lists`, query: extra(), pages: false };
    case 'list:getCards': return { method: 'GET', endpoint: `lists/${id()}/cards`, query: extra(), pages: true };
    case 'list:update': return { method: 'PUT', endpoint: `lists/${id()}`, query: changes() };
    case 'attachment:create': return { method: 'POST', endpoint: `cards/${card()}/attachments`, query: { url: s('url'), ...extra() } };
    case 'attachment:delete': return { method: 'DELETE', endpoint: `cards/${card()}/attachments/${id()}` };
    case 'attachment:get': return { method: 'GET', endpoint: `cards/${card()}/attachments/${id()}`, query: extra() };
    case 'attachment:getAll': return { method: 'GET', endpoint: `cards/${card()}/attachments`, query: extra() };
    case 'checklist:create': return { method: 'POST', endpoint: `cards/${card()}/checklists`, query: { name: s('name'), ...extra() } };
    case 'checklist:delete': return { method: 'DELETE', endpoint: `cards/${card()}/checklists/${id()}` };
    case 'checklist:get': return { method: 'GET', endpoint: `checklists/${id()}`, query: extra() };
    case 'checklist:getAll': return { method: 'GET', endpoint: `cards/${card()}/checklists`, query: extra() };
    case 'checklist:getCheckItem': return { method: 'GET', endpoint: `cards/${card()}/checkItem/${s('checkItemId')}`, query: extra() };
    case 'checklist:createCheckItem': return { method: 'POST', endpoint: `checklists/${s('checklistId')}/checkItems`, query: { name: s('name'), ...extra() } };
    case 'checklist:deleteCheckItem': return { method: 'DELETE', endpoint: `cards/${card()}/checkItem/${s('checkItemId')}` };
    case 'checklist:updateCheckItem': return { method: 'PUT', endpoint: `cards/${card()}/checkItem/${s('checkItemId')}`, query: extra() };
    case 'checklist:completedCheckItems': return { method: 'GET', endpoint: `cards/${card()}/checkItemStates`, query: extra() };
    case 'label:create': return { method: 'POST', endpoint: 'labels', query: { idBoard: locatorValue(ctx, 'boardId', i), name: s('name'), color: String(param(ctx, 'color', i, 'null')) } };
    case 'label:delete': return { method: 'DELETE', endpoint: `labels/${id()}` };
    case 'label:get': return { method: 'GET', endpoint: `labels/${id()}`, query: extra() };
    case 'label:getAll': return { method: 'GET', endpoint: `board/${locatorValue(ctx, 'boardId', i)}/labels`, query: extra() };
    case 'label:update': return { method: 'PUT', endpoint: `labels/${id()}`, query: changes() };
    case 'label:addLabel': return { method: 'POST', endpoint: `cards/${card()}/idLabels`, query: { value: id() } };
    case 'label:removeLabel': return { method: 'DELETE', endpoint: `cards/${card()}/idLabels/${id()}` };
    default: throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not known!`, { itemIndex: i });
  }
}

async function run(api: Trello, resource: string, operation: string, i: number): Promise<unknown> {
  const call = plan(api.ctx, resource, operation, i);
  const query = { ...call.query };
  if (call.pages !== undefined) {
    const all = param(api.ctx, 'returnAll', i, false);
    // Trello has no paging for a board's lists: n8n asks once and keeps everything.
    if (all && call.pages) return requestAll(api, call.endpoint, query);
    if (!all) query.limit = param(api.ctx, 'limit', i, 20);
    const answer = await trelloRequest(api, call.method, call.endpoint, query);
    return !all && Array.isArray(answer) ? answer.slice(0, Number(query.limit)) : answer;
  }
  return trelloRequest(api, call.method, call.endpoint, query, call.body);
}

const DEFAULT_OPERATION: Record<string, string> = {
  attachment: 'getAll', board: 'create', boardMember: 'add', card: 'create', cardComment: 'create', checklist: 'getAll', label: 'getAll', list: 'create',
};

async function search(ctx: ExecuteContext, kind: 'boards' | 'cards', filter?: string) {
  if (!filter) throw new NodeOperationError(ctx.node.name, 'Type something to search for');
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    const query: JsonObject = kind === 'boards'
      ? { query: filter, modelTypes: 'boards', board_fields: 'name,url', boards_limit: 50 }
      : { query: filter, modelTypes: 'cards', card_fields: 'name,url', cards_limit: 50 };
    const answer = (await trelloRequest({ ctx, transport }, 'GET', 'search', query)) as JsonObject;
    const found = (answer[kind] as JsonObject[] | undefined) ?? [];
    return { results: found.map((entry) => ({ name: String(entry.name ?? ''), value: String(entry.id ?? ''), url: String(entry.url ?? '') })) };
  } finally {
    await transport.close();
  }
}

export const trelloNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.trello', displayName: 'Trello', icon: 'file:trello.svg', group: ['transform'], version: [1],
    description: 'Create, change and delete boards and cards', defaults: { name: 'Trello' }, inputs: ['main'], outputs: ['main'],
    credentials: [{ name: 'trelloApi', required: true }], properties: trelloProperties,
  },
  methods: {
    listSearch: {
      searchBoards: (ctx, filter) => search(ctx, 'boards', filter),
      searchCards: (ctx, filter) => search(ctx, 'cards', filter),
    },
  },
  async execute(ctx) {
    const resource = param(ctx, 'resource', 0, 'card');
    const operation = param(ctx, 'operation', 0, DEFAULT_OPERATION[resource] ?? 'create');
    const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
    try {
      return await runPerItem(ctx, (i) => run({ ctx, transport }, resource, operation, i));
    } finally {
      await transport.close();
    }
  },
};
