// The issue resource of n8n's Jira node: create (subtasks need a parent), update (a status change
// goes through a transition first), get (optionally keyed by field names), get many by JQL
// (POST /api/2/search, startAt/maxResults), changelog, notify, transitions and delete.
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';
import type { JiraClient } from './jira-api.ts';

/** A resource locator's value, or the plain value. */
export const rl = (value: unknown): string => String(value && typeof value === 'object' ? ((value as JsonObject).value ?? '') : (value ?? '')).trim();

function customFields(fields: JsonObject, from: JsonObject): void {
  const values = ((from.customFieldsUi as JsonObject | undefined)?.customFieldsValues ?? []) as JsonObject[];
  for (const entry of values) fields[rl(entry.fieldId)] = entry.fieldValue;
}

function person(client: JiraClient, value: unknown): JsonObject {
  return client.version === 'cloud' ? { id: rl(value) } : { name: rl(value) };
}

async function subtaskTypes(client: JiraClient, i: number): Promise<string[]> {
  const types = (await client.request({ method: 'GET', path: '/api/2/issuetype' }, i)) as JsonObject[];
  return (Array.isArray(types) ? types : []).filter((t) => t.subtask).map((t) => String(t.id));
}

function commonFields(client: JiraClient, fields: JsonObject, from: JsonObject): void {
  if (from.labels) fields.labels = from.labels;
  if (from.serverLabels) fields.labels = from.serverLabels;
  if (rl(from.priority)) fields.priority = { id: rl(from.priority) };
  if (rl(from.assignee)) fields.assignee = person(client, from.assignee);
  if (rl(from.reporter)) fields.reporter = person(client, from.reporter);
  if (from.description) fields.description = from.description;
  customFields(fields, from);
}

/** n8n's simplifyIssueOutput: fields under their display names (custom fields last, clashes numbered). */
export function simplifyIssue(issue: JsonObject): JsonObject {
  const out: JsonObject = { id: issue.id, key: issue.key, self: issue.self };
  const names = (issue.names ?? {}) as Record<string, string>;
  const fields = (issue.fields ?? {}) as JsonObject;
  const custom = /^customfield_\d+$/;
  const keys = Object.keys(fields).sort((a, b) => (custom.test(a) === custom.test(b) ? (a > b ? 1 : -1) : custom.test(a) ? 1 : -1));
  for (const key of keys) {
    let name = names[key] || key;
    for (let n = 1; name in out; n++) name = `${names[key]}_${n}`;
    out[name] = fields[key];
  }
  return out;
}

export async function runIssue(ctx: ExecuteContext, client: JiraClient, operation: string, i: number): Promise<unknown> {
  const key = () => param(ctx, 'issueKey', i, '');
  switch (operation) {
    case 'create': {
      const more = collection(ctx, 'additionalFields', i);
      const issueType = rl(param<unknown>(ctx, 'issueType', i, ''));
      const fields: JsonObject = { summary: param(ctx, 'summary', i, ''), project: { id: rl(param<unknown>(ctx, 'project', i, '')) }, issuetype: { id: issueType } };
      commonFields(client, fields, more);
      if (more.componentIds) fields.components = (more.componentIds as string[]).map((id) => ({ id }));
      const query = more.updateHistory ? { updateHistory: true } : undefined;
      const subtasks = await subtaskTypes(client, i);
      if (subtasks.includes(issueType)) {
        if (!more.parentIssueKey) throw new NodeOperationError(ctx.node.name, 'You must define a Parent Issue Key when Issue type is sub-task', { itemIndex: i });
        fields.parent = { key: String(more.parentIssueKey).toUpperCase() };
      }
      return client.request({ method: 'POST', path: '/api/2/issue', body: { fields }, query }, i);
    }
    case 'update': {
      const more = collection(ctx, 'updateFields', i);
      const fields: JsonObject = {};
      if (more.summary) fields.summary = more.summary;
      if (more.issueType) fields.issuetype = { id: rl(more.issueType) };
      commonFields(client, fields, more);
      const subtasks = await subtaskTypes(client, i);
      if (subtasks.includes(rl(more.issueType))) {
        if (!more.parentIssueKey) throw new NodeOperationError(ctx.node.name, 'You must define a Parent Issue Key when Issue type is sub-task', { itemIndex: i });
        fields.parent = { key: String(more.parentIssueKey).toUpperCase() };
      }
      if (rl(more.statusId)) await client.request({ method: 'POST', path: `/api/2/issue/${key()}/transitions`, body: { transition: { id: rl(more.statusId) } } }, i);
      await client.request({ method: 'PUT', path: `/api/2/issue/${key()}`, body: { fields } }, i);
      return { success: true };
    }
    case 'get': {
      const more = collection(ctx, 'additionalFields', i);
      const simplify = param(ctx, 'simplifyOutput', i, false);
      const query: JsonObject = {};
      for (const name of ['fields', 'fieldsByKey', 'expand', 'properties', 'updateHistory']) if (more[name]) query[name] = more[name];
      if (simplify) query.expand = `${String(query.expand ?? '')},names`;
      const issue = await client.request({ method: 'GET', path: `/api/2/issue/${key()}`, query }, i) as JsonObject;
      if (!simplify) return issue;
      const rendered = issue.renderedFields as JsonObject | undefined;
      if (String(query.expand).toLowerCase().includes('renderedfields') && rendered && Object.keys(rendered).length) {
        const fields = { ...(issue.fields as JsonObject) };
        for (const [name, value] of Object.entries(rendered)) if (value !== null) fields[name] = value;
        issue.fields = fields;
      }
      return simplifyIssue(issue);
    }
    case 'getAll': {
      const options = collection(ctx, 'options', i);
      const body: JsonObject = {};
      if (options.fields) body.fields = String(options.fields).split(',');
      if (options.jql) body.jql = options.jql;
      if (options.expand) body.expand = typeof options.expand === 'string' ? options.expand.split(',') : options.expand;
      if (param(ctx, 'returnAll', i, false)) return client.requestAll('issues', { method: 'POST', path: '/api/2/search', body }, i);
      body.maxResults = param(ctx, 'limit', i, 50);
      return ((await client.request({ method: 'POST', path: '/api/2/search', body }, i)) as JsonObject).issues;
    }
    case 'changelog': {
      const path = `/api/2/issue/${key()}/changelog`;
      if (param(ctx, 'returnAll', i, false)) return client.requestAll('values', { method: 'GET', path }, i);
      return ((await client.request({ method: 'GET', path, query: { maxResults: param(ctx, 'limit', i, 50) } }, i)) as JsonObject).values;
    }
    case 'notify': {
      const more = collection(ctx, 'additionalFields', i);
      const body: JsonObject = {};
      for (const name of ['textBody', 'htmlBody', 'subject']) if (more[name]) body[name] = more[name];
      if (!param(ctx, 'jsonParameters', 0, false)) {
        const values = (collection(ctx, 'notificationRecipientsUi', i).notificationRecipientsValues ?? {}) as JsonObject;
        const to: JsonObject = {};
        if (values.reporter) to.reporter = values.reporter;
        if (values.assignee) to.assignee = values.assignee;
        if (values.watchers) to.watchers = values.watchers;
        if (values.voters) to.voters = values.voters;
        if (Array.isArray(values.users) && values.users.length) to.users = values.users.map((accountId) => ({ accountId }));
        if (Array.isArray(values.groups) && values.groups.length) to.groups = values.groups.map((name) => ({ name }));
        body.to = to;
        const restrict = (collection(ctx, 'notificationRecipientsRestrictionsUi', i).notificationRecipientsRestrictionsValues ?? {}) as JsonObject;
        body.restrict = Array.isArray(restrict.groups) && restrict.groups.length ? { groups: restrict.groups.map((name) => ({ name })) } : {};
      } else {
        const parse = (name: string) => { try { return JSON.parse(String(param<unknown>(ctx, name, i, ''))); } catch { return ''; } };
        const to = parse('notificationRecipientsJson');
        if (to) body.to = to;
        const restrict = parse('notificationRecipientsRestrictionsJson');
        if (restrict) body.restrict = restrict;
      }
      return client.request({ method: 'POST', path: `/api/2/issue/${key()}/notify`, body }, i);
    }
    case 'transitions': {
      const more = collection(ctx, 'additionalFields', i);
      const query: JsonObject = {};
      for (const name of ['transitionId', 'expand', 'skipRemoteOnlyCondition']) if (more[name]) query[name] = more[name];
      return ((await client.request({ method: 'GET', path: `/api/2/issue/${key()}/transitions`, query }, i)) as JsonObject).transitions;
    }
    case 'delete':
      await client.request({ method: 'DELETE', path: `/api/2/issue/${key()}`, query: { deleteSubtasks: param(ctx, 'deleteSubtasks', i, false) } }, i);
      return { success: true };
    default:
      throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of resource "issue" is not supported`, { itemIndex: i });
  }
}
