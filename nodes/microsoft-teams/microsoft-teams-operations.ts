// What each Teams operation asks of Microsoft Graph and what it outputs, for v1/v1.1 and v2 alike
// (v1 names a few parameters differently: `messageType`, channel `updateFields`, task
// `additionalFields`, `delete` operations). Writes without an answer output `{success: true}`.
import { NodeOperationError, type JsonObject } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';
import { graphRequest, graphRequestAll, segment, type TeamsClient } from './microsoft-teams-api.ts';
import { locatorValue } from './microsoft-teams-locators.ts';

export type Out = JsonObject | JsonObject[];
type Operation = (client: TeamsClient, i: number) => Promise<Out>;

const SUCCESS = { success: true };
const v1 = (client: TeamsClient) => client.ctx.node.typeVersion < 2;
/** The id a parameter names (a locator or a plain value); refused when empty, so no call goes to a wrong path. */
const rawId = (client: TeamsClient, name: string, i: number) => {
  const value = locatorValue(client.ctx.getNodeParameter(name, i, ''));
  if (!value) throw new NodeOperationError(client.ctx.node.name, `The parameter "${name}" is empty`, { itemIndex: i });
  return value;
};
/** The same id as a path segment. */
const id = (client: TeamsClient, name: string, i: number) => segment(rawId(client, name, i));
const str = (client: TeamsClient, name: string, i: number) => String(param<unknown>(client.ctx, name, i, '') ?? '');

/** Return All, or a limit that also stops paging early; `top` asks Graph for that page size where it takes one. */
function listed(client: TeamsClient, path: string, i: number, top?: number): Promise<JsonObject[]> {
  if (param(client.ctx, 'returnAll', i, false)) return graphRequestAll(client, path);
  const limit = Number(param(client.ctx, 'limit', i, 50));
  return graphRequestAll(client, path, top ? { $top: Math.min(limit, top) } : {}, limit);
}

/** The address users reach this server at, as n8n's instance base URL (with its trailing slash). */
function instanceBaseUrl(): string {
  const url = process.env.PUBLIC_URL?.trim() || `http://localhost:${process.env.PORT?.trim() || '5678'}`;
  return url.endsWith('/') ? url : `${url}/`;
}

/** n8n's prepareMessage: the body, with the "Powered by this workflow" link (then always HTML) when asked. */
function messageBody(client: TeamsClient, i: number, includeLink: boolean): JsonObject {
  let type = str(client, v1(client) ? 'messageType' : 'contentType', i) || 'text';
  let content = str(client, 'message', i);
  if (includeLink) {
    const campaign = encodeURIComponent('n8n-nodes-base.microsoftTeams');
    const link = `${instanceBaseUrl()}workflow/${client.ctx.workflow.id}?utm_source=n8n-internal&utm_medium=powered_by&utm_campaign=${campaign}`;
    type = 'html';
    content = `${content}<br><br><em> Powered by <a href="${link}">this n8n workflow</a> </em>`;
  }
  return { body: { contentType: type, content } };
}

const channel: Record<string, Operation> = {
  async create(client, i) {
    const options = collection(client.ctx, 'options', i);
    const body: JsonObject = { displayName: str(client, 'name', i) };
    if (options.description) body.description = options.description;
    if (options.type) body.membershipType = options.type;
    return graphRequest(client, 'POST', `/v1.0/teams/${id(client, 'teamId', i)}/channels`, { body });
  },
  async deleteChannel(client, i) {
    await graphRequest(client, 'DELETE', `/v1.0/teams/${id(client, 'teamId', i)}/channels/${id(client, 'channelId', i)}`);
    return SUCCESS;
  },
  get: (client, i) => graphRequest(client, 'GET', `/v1.0/teams/${id(client, 'teamId', i)}/channels/${id(client, 'channelId', i)}`),
  getAll: (client, i) => listed(client, `/v1.0/teams/${id(client, 'teamId', i)}/channels`, i),
  async update(client, i) {
    const fields = v1(client) ? collection(client.ctx, 'updateFields', i) : { name: str(client, 'name', i), description: collection(client.ctx, 'options', i).description };
    const body: JsonObject = {};
    if (fields.name) body.displayName = fields.name;
    if (fields.description) body.description = fields.description;
    await graphRequest(client, 'PATCH', `/v1.0/teams/${id(client, 'teamId', i)}/channels/${id(client, 'channelId', i)}`, { body });
    return SUCCESS;
  },
};
channel.delete = channel.deleteChannel;

const channelMessage: Record<string, Operation> = {
  // n8n posts channel messages through Graph's beta endpoint.
  create(client, i) {
    const options = collection(client.ctx, 'options', i);
    const includeLink = (options.includeLinkToWorkflow as boolean | undefined) ?? client.ctx.node.typeVersion >= 1.1;
    const base = `/beta/teams/${id(client, 'teamId', i)}/channels/${id(client, 'channelId', i)}/messages`;
    const path = options.makeReply ? `${base}/${segment(String(options.makeReply))}/replies` : base;
    return graphRequest(client, 'POST', path, { body: messageBody(client, i, includeLink) });
  },
  getAll: (client, i) => listed(client, `/beta/teams/${id(client, 'teamId', i)}/channels/${id(client, 'channelId', i)}/messages`, i),
};

const chatMessage: Record<string, Operation> = {
  create(client, i) {
    const option = collection(client.ctx, 'options', i).includeLinkToWorkflow as boolean | undefined;
    // v2 appends the link unless switched off; v1 from 1.1 on.
    const includeLink = v1(client) ? option ?? client.ctx.node.typeVersion >= 1.1 : option !== false;
    return graphRequest(client, 'POST', `/v1.0/chats/${id(client, 'chatId', i)}/messages`, { body: messageBody(client, i, includeLink) });
  },
  get: (client, i) => graphRequest(client, 'GET', `/v1.0/chats/${id(client, 'chatId', i)}/messages/${segment(str(client, 'messageId', i))}`),
  // v2 asks for the limit as the page size; Graph takes at most 50 per page for chat messages.
  getAll: (client, i) => listed(client, `/v1.0/chats/${id(client, 'chatId', i)}/messages`, i, v1(client) ? undefined : 50),
};

/** A Planner assignment of the task to a user, as Graph's plannerAssignments wants it. */
const assignment = (user: string): JsonObject => ({ [user]: { '@odata.type': 'microsoft.graph.plannerAssignment', orderHint: ' !' } });
const dateTime = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/** The task fields of a create or update: the assignee as an assignment, labels as applied categories, locators as ids. */
function taskFields(fields: JsonObject): JsonObject {
  const body: JsonObject = {};
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'groupId' || value === '' || value === undefined) continue; // the group only filters the plan and member lists
    if (key === 'assignedTo') body.assignments = assignment(locatorValue(value));
    else if (key === 'labels') {
      if (Array.isArray(value) && value.length) body.appliedCategories = Object.fromEntries(value.map((label) => [String(label), true]));
    } else if (key === 'planId' || key === 'bucketId') body[key] = locatorValue(value);
    else if (key === 'dueDateTime') body.dueDateTime = dateTime(value);
    else body[key] = value;
  }
  return body;
}

/** Planner writes need the task's current ETag (If-Match), read first as n8n does. */
async function etagOf(client: TeamsClient, taskPath: string): Promise<string> {
  return String((await graphRequest(client, 'GET', taskPath))['@odata.etag'] ?? '');
}

const task: Record<string, Operation> = {
  create(client, i) {
    const fields = collection(client.ctx, v1(client) ? 'additionalFields' : 'options', i);
    const body = { planId: rawId(client, 'planId', i), bucketId: rawId(client, 'bucketId', i), title: str(client, 'title', i), ...taskFields(fields) };
    return graphRequest(client, 'POST', '/v1.0/planner/tasks', { body });
  },
  async deleteTask(client, i) {
    const path = `/v1.0/planner/tasks/${id(client, 'taskId', i)}`;
    await graphRequest(client, 'DELETE', path, { headers: { 'if-match': await etagOf(client, path) } });
    return SUCCESS;
  },
  get: (client, i) => graphRequest(client, 'GET', `/v1.0/planner/tasks/${id(client, 'taskId', i)}`),
  async getAll(client, i) {
    if (param(client.ctx, 'tasksFor', i, 'member') === 'plan') return listed(client, `/v1.0/planner/plans/${id(client, 'planId', i)}/tasks`, i);
    // v1 names the member; v2 lists the signed-in user's tasks.
    const member = v1(client) ? id(client, 'memberId', i) : segment(String((await graphRequest(client, 'GET', '/v1.0/me')).id ?? ''));
    return listed(client, `/v1.0/users/${member}/planner/tasks`, i);
  },
  async update(client, i) {
    const path = `/v1.0/planner/tasks/${id(client, 'taskId', i)}`;
    const body = taskFields(collection(client.ctx, 'updateFields', i));
    await graphRequest(client, 'PATCH', path, { body, headers: { 'if-match': await etagOf(client, path) } });
    return SUCCESS;
  },
};
task.delete = task.deleteTask;

export const TEAMS_RESOURCES: Record<string, Record<string, Operation>> = { channel, channelMessage, chatMessage, task };
