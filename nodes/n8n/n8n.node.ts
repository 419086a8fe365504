// n8n (n8n-nodes-base.n8n v1): the n8n public API as a node (workflows, executions, credentials,
// audit), pointed by its n8nApi credential at any server that speaks it, Weft's own /api/v1 included.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { collection, param } from '../shared/params.ts';
import { ApiError, apiClient, type ApiClient } from './n8n-api-client.ts';
import { n8nProperties } from './n8n.description.ts';
import { n8nMethods } from './n8n-methods.ts';

type Operation = (ctx: ExecuteContext, api: ApiClient, itemIndex: number) => Promise<unknown>;

/** A workflow id from the resource locator (list or id mode: the value; URL mode: the id after /workflow/). */
function workflowIdOf(ctx: ExecuteContext, itemIndex: number): string {
  const value = param<unknown>(ctx, 'workflowId', itemIndex, { mode: 'list', value: '' });
  const locator = value && typeof value === 'object' ? (value as { mode?: string; value?: unknown }) : { mode: 'id', value };
  let id = String(locator.value ?? '');
  if (locator.mode === 'url') id = /\/workflow\/([^/?#]+)/.exec(id)?.[1] ?? id;
  if (!id) throw new NodeOperationError(ctx.node.name, 'No workflow given', { itemIndex });
  return encodeURIComponent(id);
}

function jsonParam(ctx: ExecuteContext, name: string, itemIndex: number): JsonObject {
  const value = param<unknown>(ctx, name, itemIndex, '');
  if (value && typeof value === 'object') return value as JsonObject;
  try {
    return JSON.parse(String(value)) as JsonObject;
  } catch (error) {
    throw new NodeOperationError(ctx.node.name, `The "${name}" parameter is not valid JSON`, { itemIndex, description: errorMessage(error) });
  }
}

/** What n8n's create/update send: only name, nodes, connections, settings (and staticData). */
function workflowBody(ctx: ExecuteContext, itemIndex: number): JsonObject {
  const { name, nodes, connections, settings, staticData } = jsonParam(ctx, 'workflowObject', itemIndex);
  return { name, nodes, connections, settings: settings ?? {}, ...(staticData !== undefined ? { staticData } : {}) };
}

/** Every page of a `{data, nextCursor}` list, or the first `limit` entries. */
async function listAll(ctx: ExecuteContext, api: ApiClient, path: string, query: Record<string, unknown>, itemIndex: number): Promise<JsonObject[]> {
  const all = param(ctx, 'returnAll', itemIndex, true);
  const limit = param(ctx, 'limit', itemIndex, 100);
  const found: JsonObject[] = [];
  let cursor: string | undefined;
  do {
    const page = (await api.call('GET', path, { query: { ...query, limit: all ? 100 : Math.min(limit - found.length, 250), cursor } })) as { data?: JsonObject[]; nextCursor?: string | null };
    found.push(...(page.data ?? []));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && (all || found.length < limit));
  return all ? found : found.slice(0, limit);
}

const operations: Record<string, Record<string, Operation>> = {
  workflow: {
    get: (ctx, api, i) => api.call('GET', `/workflows/${workflowIdOf(ctx, i)}`),
    create: (ctx, api, i) => api.call('POST', '/workflows', { body: workflowBody(ctx, i) }),
    update: (ctx, api, i) => api.call('PUT', `/workflows/${workflowIdOf(ctx, i)}`, { body: workflowBody(ctx, i) }),
    delete: (ctx, api, i) => api.call('DELETE', `/workflows/${workflowIdOf(ctx, i)}`),
    activate: (ctx, api, i) => api.call('POST', `/workflows/${workflowIdOf(ctx, i)}/activate`),
    deactivate: (ctx, api, i) => api.call('POST', `/workflows/${workflowIdOf(ctx, i)}/deactivate`),
    async getAll(ctx, api, i) {
      const filters = collection(ctx, 'filters', i);
      const tags = String(filters.tags ?? '').split(',').map((tag) => tag.trim()).filter(Boolean);
      // n8n's API takes `tags` (a list); Weft's takes one `tag`: both are sent, the rest is filtered here.
      const list = await listAll(ctx, api, '/workflows', {
        ...(filters.activeWorkflows !== undefined ? { active: filters.activeWorkflows } : {}),
        ...(tags.length ? { tags: tags.join(','), tag: tags[0] } : {}),
      }, i);
      const tagNames = (workflow: JsonObject) => ((workflow.tags as unknown[] | undefined) ?? []).map((tag) => (typeof tag === 'string' ? tag : String((tag as JsonObject).name)));
      return list.filter((workflow) => tags.every((tag) => tagNames(workflow).includes(tag)));
    },
  },
  execution: {
    get: (ctx, api, i) => api.call('GET', `/executions/${encodeURIComponent(param(ctx, 'executionId', i, ''))}`, {
      query: { includeData: collection(ctx, 'options', i).activeWorkflows === true },
    }),
    async getAll(ctx, api, i) {
      const filters = collection(ctx, 'filters', i);
      const list = await listAll(ctx, api, '/executions', { workflowId: filters.workflowId, status: filters.status }, i);
      if (collection(ctx, 'options', i).activeWorkflows !== true) return list;
      // Weft's list has no run data: each execution is fetched with it.
      return Promise.all(list.map((execution) => api.call('GET', `/executions/${encodeURIComponent(String(execution.id))}`, { query: { includeData: true } })));
    },
    async delete(ctx, api, i) {
      // n8n answers a delete with the execution; Weft with 204, so it is read first.
      const path = `/executions/${encodeURIComponent(param(ctx, 'executionId', i, ''))}`;
      const execution = await api.call('GET', path);
      const answer = await api.call('DELETE', path);
      return answer && typeof answer === 'object' && Object.keys(answer).length ? answer : execution;
    },
  },
  credential: {
    create: (ctx, api, i) => api.call('POST', '/credentials', {
      body: { name: param(ctx, 'name', i, ''), type: param(ctx, 'credentialTypeName', i, ''), data: jsonParam(ctx, 'data', i) },
    }),
    delete: (ctx, api, i) => api.call('DELETE', `/credentials/${encodeURIComponent(param(ctx, 'credentialId', i, ''))}`),
    getSchema: (ctx, api, i) => api.call('GET', `/credentials/schema/${encodeURIComponent(param(ctx, 'credentialTypeName', i, ''))}`),
  },
  audit: {
    generate(ctx, api, i) {
      const options = collection(ctx, 'additionalOptions', i);
      const additionalOptions: JsonObject = {};
      if (Array.isArray(options.categories) && options.categories.length) additionalOptions.categories = options.categories;
      if (options.daysAbandonedWorkflow !== undefined) additionalOptions.daysAbandonedWorkflow = options.daysAbandonedWorkflow;
      return api.call('POST', '/audit', { body: { additionalOptions } });
    },
  },
};

const DEFAULT_OPERATION: Record<string, string> = { workflow: 'getAll', execution: 'getAll', credential: 'create', audit: 'generate' };

function asNodeError(ctx: ExecuteContext, error: unknown, itemIndex: number): NodeOperationError {
  if (error instanceof NodeOperationError) return error;
  if (error instanceof ApiError) {
    const hint = error.status === 404 || error.status === 405 ? ' (the server may not offer this part of the n8n API)' : '';
    return new NodeOperationError(ctx.node.name, error.message, { itemIndex, description: `${error.request} answered ${error.status}${hint}` });
  }
  return serviceCallError(ctx.node.name, error, itemIndex);
}

export const n8nNode: NodeType = {
  methods: n8nMethods,
  description: {
    name: 'n8n-nodes-base.n8n',
    displayName: 'n8n',
    icon: 'file:n8n.svg',
    group: ['transform'],
    version: [1],
    description: 'Handle events and perform actions on your n8n instance',
    defaults: { name: 'n8n' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [{ name: 'n8nApi', required: true }],
    properties: n8nProperties,
  },
  async execute(ctx) {
    const items = ctx.getInputData();
    const resource = param(ctx, 'resource', 0, 'workflow');
    const operationName = param(ctx, 'operation', 0, DEFAULT_OPERATION[resource] ?? '');
    const operation = operations[resource]?.[operationName];
    if (!operation) throw new NodeOperationError(ctx.node.name, `The operation "${operationName}" of "${resource}" is not supported`);
    const api = await apiClient(ctx);
    const output: Item[] = [];
    try {
      for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
        try {
          const result = await operation(ctx, api, itemIndex);
          const list = Array.isArray(result) ? result : [result];
          for (const json of list) output.push({ json: (json && typeof json === 'object' ? json : { value: json }) as JsonObject, pairedItem: { item: itemIndex } });
        } catch (error) {
          if (!ctx.continueOnFail()) throw asNodeError(ctx, error, itemIndex);
          output.push({ json: { error: errorMessage(error) }, pairedItem: { item: itemIndex } });
        }
      }
    } finally {
      await api.close();
    }
    return [output];
  },
};
