// ClickUp (n8n-nodes-base.clickUp, v1) on ClickUp's API v2: tasks (with their members, custom
// fields, tags, lists and dependencies), comments, folders, lists, checklists and their items, time entries. The token goes in the Authorization header as is (no
// "Bearer"), for the personal token and the OAuth2 token alike, as n8n sends them. A task list is
// read page by page from 0 until an empty page (or the limit) as n8n does.
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject, type LoadedOption, type NodeType } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { collection, param } from '../shared/params.ts';
import { serviceUrl } from '../shared/service-url.ts';
import { restCall, runPerItem, type HttpMethod } from '../shared/rest-call.ts';
import { clickUpCredentials, clickUpProperties } from './click-up.description.ts';
import { runTimeEntry } from './click-up-time-entry.ts';

export const clickUpBaseUrl = () => serviceUrl('clickup', 'https://api.clickup.com/api/v2');

interface ClickUp { ctx: ExecuteContext; transport: Dispatcher }

const readError = (body: unknown): string | undefined => {
  if (!body || typeof body !== 'object') return typeof body === 'string' ? body : undefined;
  const b = body as JsonObject;
  return typeof b.err === 'string' ? (b.ECODE ? `${b.err} (${String(b.ECODE)})` : b.err) : undefined;
};

async function token(ctx: ExecuteContext): Promise<string> {
  if (param(ctx, 'authentication', 0, 'accessToken') === 'oAuth2') {
    const data = (await ctx.credentials.get('clickUpOAuth2Api')).oauthTokenData as JsonObject | undefined;
    if (typeof data?.access_token !== 'string') throw new NodeOperationError(ctx.node.name, 'The ClickUp OAuth2 credential has no access token', { description: 'Connect the credential first' });
    return data.access_token;
  }
  return String((await ctx.credentials.get('clickUpApi')).accessToken ?? '');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function request(api: ClickUp, method: HttpMethod, path: string, body?: JsonObject, query: JsonObject = {}): Promise<any> {
  return restCall(api.ctx, api.transport, {
    service: 'ClickUp',
    method, url: `${clickUpBaseUrl()}${path}`, query, bracketArrays: true,
    headers: { authorization: await token(api.ctx) }, ...(body ? { json: body } : {}),
  }, readError);
}

/** n8n's clickupApiRequestAllItems: `page` from 0 until an empty page, or until `query.limit` entries. */
async function requestAll(api: ClickUp, property: string, path: string, query: JsonObject): Promise<JsonObject[]> {
  const all: JsonObject[] = [];
  const q: JsonObject = { ...query, page: 0 };
  for (;;) {
    const answer = await request(api, 'GET', path, undefined, q);
    const entries = (answer[property] as JsonObject[] | undefined) ?? [];
    all.push(...entries);
    q.page = Number(q.page) + 1;
    if (q.limit && Number(q.limit) <= all.length) return all;
    if (entries.length === 0) return all;
  }
}

const epoch = (value: unknown) => new Date(String(value)).getTime();

function parseJson(ctx: ExecuteContext, text: unknown, message: string, i: number): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    throw new NodeOperationError(ctx.node.name, message, { itemIndex: i });
  }
}

/** The task body from n8n's field names (dates as epoch ms, minutes × 6000 as n8n computes them). */
function taskBody(ctx: ExecuteContext, f: JsonObject, i: number, update: boolean): JsonObject {
  const body: JsonObject = update ? { assignees: { add: [], rem: [] } } : {};
  if (!update && f.customFieldsJson) body.custom_fields = parseJson(ctx, f.customFieldsJson, 'Custom Fields: Invalid JSON', i);
  if (f.content) body.content = f.content;
  if (!update && f.assignees) body.assignees = f.assignees;
  if (!update && f.tags) body.tags = f.tags;
  if (f.status) body.status = f.status;
  if (f.priority) body.priority = f.priority;
  if (f.dueDate) body.due_date = epoch(f.dueDate);
  if (f.dueDateTime) body.due_date_time = f.dueDateTime;
  if (f.timeEstimate) body.time_estimate = Number(f.timeEstimate) * 6000;
  if (f.startDate) body.start_date = epoch(f.startDate);
  if (f.startDateTime) body.start_date_time = f.startDateTime;
  if (f.notifyAll) body.notify_all = f.notifyAll;
  if (update && f.name) body.name = f.name;
  if (f.parentId) body.parent = f.parentId;
  const ids = (text: unknown) => String(text).split(',').map((id) => parseInt(id, 10));
  if (update && f.addAssignees) (body.assignees as JsonObject).add = ids(f.addAssignees);
  if (update && f.removeAssignees) (body.assignees as JsonObject).rem = ids(f.removeAssignees);
  if (f.markdownContent) {
    delete body.content;
    body.markdown_content = f.content;
  }
  return body;
}

function taskFilters(f: JsonObject): JsonObject {
  const q: JsonObject = {};
  if (f.archived) q.archived = f.archived;
  if (f.subtasks) q.subtasks = f.subtasks;
  if (f.includeClosed) q.include_closed = f.includeClosed;
  if (f.orderBy) q.order_by = f.orderBy;
  if (f.statuses) q.statuses = f.statuses;
  if (f.assignees) q.assignees = f.assignees;
  if (f.tags) q.tags = f.tags;
  for (const [from, to] of [['dueDateGt', 'due_date_gt'], ['dueDateLt', 'due_date_lt'], ['dateCreatedGt', 'date_created_gt'], ['dateCreatedLt', 'date_created_lt'],
    ['dateUpdatedGt', 'date_updated_gt'], ['dateUpdatedLt', 'date_updated_lt']]) if (f[from]) q[to] = epoch(f[from]);
  const values = (f.customFieldsUi as JsonObject | undefined)?.customFieldsValues as JsonObject[] | undefined;
  if (values) q.custom_fields = JSON.stringify(values.map((v) => ({ field_id: v.fieldId, operator: v.operator === 'equal' ? '=' : v.operator, value: v.value })));
  return q;
}

async function run(api: ClickUp, resource: string, operation: string, i: number): Promise<unknown> {
  const { ctx } = api;
  const s = (name: string) => String(param(ctx, name, i, ''));
  const limit = () => param(ctx, 'limit', i, 50);
  const key = `${resource}:${operation}`;
  if (resource === 'timeEntry') return runTimeEntry(ctx, (method, path, body, query) => request(api, method, path, body, query), operation, i);
  switch (key) {
    case 'task:create':
      return request(api, 'POST', `/list/${s('list')}/task`, { name: s('name'), ...taskBody(ctx, collection(ctx, 'additionalFields', i), i, false) });
    case 'task:update': return request(api, 'PUT', `/task/${s('id')}`, taskBody(ctx, collection(ctx, 'updateFields', i), i, true));
    case 'task:get': return request(api, 'GET', `/task/${s('id')}`);
    case 'task:getAll': {
      const query = taskFilters(collection(ctx, 'filters', i));
      if (param(ctx, 'returnAll', i, false)) return requestAll(api, 'tasks', `/list/${s('list')}/task`, query);
      return (await requestAll(api, 'tasks', `/list/${s('list')}/task`, { ...query, limit: limit() })).slice(0, limit());
    }
    case 'task:member': {
      const all = param(ctx, 'returnAll', i, false);
      const members = (await request(api, 'GET', `/task/${s('id')}/member`, undefined, all ? {} : { limit: limit() })).members as unknown[];
      return all ? members : members.slice(0, limit());
    }
    case 'task:setCustomField': {
      let value: unknown = param<unknown>(ctx, 'value', i, '');
      if (param(ctx, 'jsonParse', i, false)) value = parseJson(ctx, value, 'Value is invalid JSON!', i);
      else if (typeof value === 'string' && value.trim() !== '' && !isNaN(Number(value))) value = parseInt(value, 10);
      return request(api, 'POST', `/task/${s('task')}/field/${s('field')}`, { value });
    }
    case 'task:delete':
      await request(api, 'DELETE', `/task/${s('id')}`, {});
      return { success: true };
    case 'comment:create': {
      const extra = collection(ctx, 'additionalFields', i);
      const body: JsonObject = { comment_text: s('commentText') };
      if (extra.assignee) body.assignee = parseInt(String(extra.assignee), 10);
      if (extra.notifyAll) body.notify_all = extra.notifyAll;
      return request(api, 'POST', `/${s('commentOn')}/${s('id')}/comment`, body);
    }
    case 'comment:delete':
      await request(api, 'DELETE', `/comment/${s('comment')}`);
      return { success: true };
    case 'comment:getAll': return ((await request(api, 'GET', `/${s('commentsOn')}/${s('id')}/comment`, undefined, { limit: limit() })).comments as unknown[]).slice(0, limit());
    case 'comment:update': {
      const f = collection(ctx, 'updateFields', i);
      const body: JsonObject = {};
      if (f.commentText) body.comment_text = f.commentText;
      if (f.assignee) body.assignee = parseInt(String(f.assignee), 10);
      if (f.resolved) body.resolved = f.resolved;
      await request(api, 'PUT', `/comment/${s('comment')}`, body);
      return { success: true };
    }
    case 'folder:create': return request(api, 'POST', `/space/${s('space')}/folder`, { name: s('name') });
    case 'folder:delete':
      await request(api, 'DELETE', `/folder/${s('folder')}`);
      return { success: true };
    case 'folder:get': return request(api, 'GET', `/folder/${s('folder')}`);
    case 'folder:getAll': {
      const query: JsonObject = { limit: limit() };
      if (collection(ctx, 'filters', i).archived) query.archived = true;
      return ((await request(api, 'GET', `/space/${s('space')}/folder`, undefined, query)).folders as unknown[]).slice(0, limit());
    }
    case 'folder:update': {
      const name = collection(ctx, 'updateFields', i).name;
      return request(api, 'PUT', `/folder/${s('folder')}`, name ? { name } : {});
    }
    case 'checklist:create': return (await request(api, 'POST', `/task/${s('task')}/checklist`, { name: s('name') })).checklist;
    case 'checklist:delete':
      await request(api, 'DELETE', `/checklist/${s('checklist')}`);
      return { success: true };
    case 'checklist:update': {
      const f = collection(ctx, 'updateFields', i);
      const body: JsonObject = {};
      if (f.name) body.name = f.name;
      if (f.position) body.position = f.position;
      return (await request(api, 'PUT', `/checklist/${s('checklist')}`, body)).checklist;
    }
    case 'checklistItem:create': {
      const body: JsonObject = { name: s('name') };
      const assignee = collection(ctx, 'additionalFields', i).assignee;
      if (assignee) body.assignee = parseInt(String(assignee), 10);
      return (await request(api, 'POST', `/checklist/${s('checklist')}/checklist_item`, body)).checklist;
    }
    case 'checklistItem:delete':
      await request(api, 'DELETE', `/checklist/${s('checklist')}/checklist_item/${s('checklistItem')}`);
      return { success: true };
    case 'checklistItem:update': {
      const f = collection(ctx, 'updateFields', i);
      const body: JsonObject = {};
      if (f.name) body.name = f.name;
      if (f.parent) body.parent = f.parent;
      if (f.assignee) body.assignee = parseInt(String(f.assignee), 10);
      if (f.resolved) body.resolved = f.resolved;
      return (await request(api, 'PUT', `/checklist/${s('checklist')}/checklist_item/${s('checklistItem')}`, body)).checklist;
    }
    case 'list:create': {
      const f = collection(ctx, 'additionalFields', i);
      const body: JsonObject = { name: s('name') };
      if (f.content) body.content = f.content;
      if (f.dueDate) body.due_date = epoch(f.dueDate);
      if (f.dueDateTime) body.due_date_time = f.dueDateTime;
      if (f.priority) body.priority = f.priority;
      if (f.assignee) body.assignee = parseInt(String(f.assignee), 10);
      if (f.status) body.status = f.status;
      const parent = param(ctx, 'folderless', i, false) ? `/space/${s('space')}` : `/folder/${s('folder')}`;
      return request(api, 'POST', `${parent}/list`, body);
    }
    case 'list:customFields': return (await request(api, 'GET', `/list/${s('list')}/field`)).fields;
    case 'list:delete':
      await request(api, 'DELETE', `/list/${s('list')}`);
      return { success: true };
    case 'list:get': return request(api, 'GET', `/list/${s('list')}`);
    case 'list:getAll': {
      const query: JsonObject = {};
      if (collection(ctx, 'filters', i).archived) query.archived = true;
      const all = param(ctx, 'returnAll', i, false);
      if (!all) query.limit = limit();
      const parent = param(ctx, 'folderless', i, false) ? `/space/${s('space')}` : `/folder/${s('folder')}`;
      const lists = (await request(api, 'GET', `${parent}/list`, undefined, query)).lists as unknown[];
      return all ? lists : lists.slice(0, limit());
    }
    case 'list:member': {
      const all = param(ctx, 'returnAll', i, false);
      const members = (await request(api, 'GET', `/list/${s('list')}/member`, undefined, all ? {} : { limit: limit() })).members as unknown[];
      return all ? members : members.slice(0, limit());
    }
    case 'list:update': {
      const f = collection(ctx, 'updateFields', i);
      const body: JsonObject = {};
      if (f.name) body.name = f.name;
      if (f.content) body.content = f.content;
      if (f.dueDate) body.due_date = epoch(f.dueDate);
      if (f.dueDateTime) body.due_date_time = f.dueDateTime;
      if (f.priority) body.priority = f.priority;
      if (f.assignee) body.assignee = parseInt(String(f.assignee), 10);
      if (f.unsetStatus) body.unset_status = f.unsetStatus;
      return request(api, 'PUT', `/list/${s('list')}`, body);
    }
    case 'taskTag:add':
    case 'taskTag:remove':
      await request(api, operation === 'add' ? 'POST' : 'DELETE', `/task/${s('taskId')}/tag/${encodeURIComponent(s('tagName'))}`, {}, collection(ctx, 'additionalFields', i));
      return { success: true };
    case 'taskList:add':
    case 'taskList:remove':
      await request(api, operation === 'add' ? 'POST' : 'DELETE', `/list/${s('listId')}/task/${s('taskId')}`);
      return { success: true };
    case 'taskDependency:create':
      await request(api, 'POST', `/task/${s('task')}/dependency`, { depends_on: s('dependsOnTask') });
      return { success: true };
    case 'taskDependency:delete':
      await request(api, 'DELETE', `/task/${s('task')}/dependency`, {}, { depends_on: s('dependsOnTask') });
      return { success: true };
    default: throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of resource "${resource}" is not supported`, { itemIndex: i });
  }
}

async function withTransport<T>(ctx: ExecuteContext, work: (api: ClickUp) => Promise<T>): Promise<T> {
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    return await work({ ctx, transport });
  } finally {
    await transport.close();
  }
}

const current = (ctx: ExecuteContext, name: string) => String(ctx.getNodeParameter(name, 0, '') ?? '');
const list = (path: (ctx: ExecuteContext) => string | undefined, property: string, option: (e: JsonObject) => LoadedOption) =>
  (ctx: ExecuteContext) => withTransport(ctx, async (api) => {
    const where = path(ctx);
    if (!where) return [];
    return (((await request(api, 'GET', where))[property] as JsonObject[] | undefined) ?? []).map(option);
  });
const byId = (e: JsonObject): LoadedOption => ({ name: String(e.name), value: String(e.id) });

const DEFAULT_OPERATION: Record<string, string> = {
  task: 'create', comment: 'create', folder: 'get', checklist: 'create', checklistItem: 'create', list: 'customFields', taskTag: 'add', taskList: 'add', taskDependency: 'create', timeEntry: 'create',
};

export const clickUpNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.clickUp', displayName: 'ClickUp', icon: 'file:clickup.svg', group: ['output'], version: [1],
    description: 'Consume ClickUp API (Beta)', defaults: { name: 'ClickUp' }, inputs: ['main'], outputs: ['main'],
    credentials: clickUpCredentials, properties: clickUpProperties,
  },
  methods: {
    loadOptions: {
      getTeams: list(() => '/team', 'teams', byId),
      getSpaces: list((ctx) => `/team/${current(ctx, 'team')}/space`, 'spaces', byId),
      getFolders: list((ctx) => `/space/${current(ctx, 'space')}/folder`, 'folders', byId),
      getLists: list((ctx) => `/folder/${current(ctx, 'folder')}/list`, 'lists', byId),
      getFolderlessLists: list((ctx) => `/space/${current(ctx, 'space')}/list`, 'lists', byId),
      getAssignees: list((ctx) => (current(ctx, 'list') ? `/list/${current(ctx, 'list')}/member` : current(ctx, 'task') ? `/task/${current(ctx, 'task')}/member` : undefined),
        'members', (m) => ({ name: String(m.username), value: String(m.id) })),
      getTags: list((ctx) => `/space/${current(ctx, 'space')}/tag`, 'tags', (t) => ({ name: String(t.name), value: String(t.name) })),
      getStatuses: list((ctx) => `/list/${current(ctx, 'list')}`, 'statuses', (st) => ({ name: String(st.status), value: String(st.status) })),
      getCustomFields: list((ctx) => `/list/${current(ctx, 'list')}/field`, 'fields', byId),
      getTasks: list((ctx) => `/list/${current(ctx, 'list')}/task`, 'tasks', byId),
      // A time entry's tags go back to ClickUp as the objects themselves: the option's value is their JSON.
      getTimeEntryTags: list((ctx) => `/team/${current(ctx, 'team')}/time_entries/tags`, 'data', (t) => ({ name: String(t.name), value: JSON.stringify(t) })),
    },
  },
  async execute(ctx) {
    const resource = param(ctx, 'resource', 0, 'task');
    const operation = param(ctx, 'operation', 0, DEFAULT_OPERATION[resource] ?? 'get');
    return withTransport(ctx, (api) => runPerItem(ctx, (i) => run(api, resource, operation, i)));
  },
};
