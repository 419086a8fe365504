// GraphQL (n8n-nodes-base.graphql v1, 1.1): one GraphQL-over-HTTP request per item, sent with the
// HTTP Request node's transport (timeouts, redirects, private-network guard, abort signal).
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { toSpec, type BuiltRequest } from '../http-request/build-request.ts';
import { createTransport, send } from '../http-request/send.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { param } from '../shared/params.ts';
import { AUTH_CREDENTIAL_TYPES, graphqlCredentials, graphqlProperties } from './graphql.description.ts';

const TIMEOUT_MS = 300_000;

async function authenticate(ctx: ExecuteContext, itemIndex: number, request: BuiltRequest): Promise<void> {
  const mode = param(ctx, 'authentication', itemIndex, 'none');
  if (mode === 'none') return;
  const type = AUTH_CREDENTIAL_TYPES[mode];
  if (!type) throw new NodeOperationError(ctx.node.name, `Authentication "${mode}" is not supported`, { itemIndex });
  const data = await ctx.credentials.get(type);
  if (type === 'httpBasicAuth') {
    request.headers.authorization = `Basic ${Buffer.from(`${String(data.user ?? '')}:${String(data.password ?? '')}`).toString('base64')}`;
  } else if (type === 'httpHeaderAuth') {
    request.headers[String(data.name).toLowerCase()] = String(data.value ?? '');
  } else if (type === 'httpQueryAuth') {
    request.query[String(data.name)] = String(data.value ?? '');
  } else {
    const token = (data.oauthTokenData as JsonObject | undefined)?.access_token;
    if (typeof token !== 'string' || !token) {
      throw new NodeOperationError(ctx.node.name, 'The OAuth2 credential has no access token', { description: 'Connect the credential first', itemIndex });
    }
    request.headers.authorization = `Bearer ${token}`;
  }
}

function variablesOf(ctx: ExecuteContext, itemIndex: number): unknown {
  const variables = param<unknown>(ctx, 'variables', itemIndex, {});
  if (typeof variables !== 'string') return variables;
  try {
    return JSON.parse(variables || '{}');
  } catch (error) {
    throw new NodeOperationError(ctx.node.name, 'Using variables failed', { description: `${variables}\n\nWith error message:\n${errorMessage(error)}`, itemIndex });
  }
}

function buildRequest(ctx: ExecuteContext, itemIndex: number): BuiltRequest {
  const method = param(ctx, 'requestMethod', itemIndex, 'POST');
  const format = param(ctx, 'requestFormat', itemIndex, ctx.node.typeVersion >= 1.1 ? 'json' : 'graphql');
  const headerUi = param<unknown>(ctx, 'headerParametersUi', itemIndex, {}) as { parameter?: Array<{ name: string; value: string }> };
  const headers: Record<string, string> = { 'content-type': `application/${format}`, accept: 'application/json' };
  for (const { name, value } of headerUi?.parameter ?? []) if (name) headers[name.toLowerCase()] = String(value ?? '');
  const request: BuiltRequest = { method, url: param(ctx, 'endpoint', itemIndex, ''), query: {}, headers, arrayFormat: 'brackets' };
  const query = String(param<unknown>(ctx, 'query', itemIndex, ''));
  if (method === 'GET') {
    request.query.query = query;
  } else if (format === 'json') {
    const operationName = param(ctx, 'operationName', itemIndex, '');
    request.body = { kind: 'json', value: { query, variables: variablesOf(ctx, itemIndex), operationName: operationName || null } };
  } else {
    request.body = { kind: 'raw', data: query, contentType: 'application/graphql' };
  }
  return request;
}

/** n8n's message for a response's `errors`: their messages joined, or the value itself. */
function errorsMessage(errors: unknown): string {
  if (Array.isArray(errors)) return errors.map((error) => (error as JsonObject)?.message).join(', ') || 'Unexpected error';
  if (errors && typeof errors === 'object' && typeof (errors as JsonObject).message === 'string' && (errors as JsonObject).message) {
    return (errors as JsonObject).message as string;
  }
  return typeof errors === 'string' ? errors || 'Unexpected error' : JSON.stringify(errors) || 'Unexpected error';
}

async function runItem(ctx: ExecuteContext, itemIndex: number, transport: ReturnType<typeof createTransport>): Promise<Item> {
  const request = buildRequest(ctx, itemIndex);
  await authenticate(ctx, itemIndex, request);
  if (!request.url) throw new NodeOperationError(ctx.node.name, 'The endpoint is empty', { itemIndex });
  const response = await send(transport, toSpec(request), {
    timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 21, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks,
  });
  const text = response.body.toString('utf8');
  if (param(ctx, 'responseFormat', 0, 'json') === 'string') {
    return { json: { [param(ctx, 'dataPropertyName', 0, 'data')]: text }, pairedItem: { item: itemIndex } };
  }
  let body: JsonObject;
  try {
    body = JSON.parse(text) as JsonObject;
  } catch {
    throw new NodeOperationError(ctx.node.name, 'Response body is not valid JSON. Change "Response Format" to "String"', {
      itemIndex, description: `HTTP ${response.statusCode}: ${text.slice(0, 200)}`,
    });
  }
  if (body?.errors !== undefined && body.errors !== null) {
    throw new NodeOperationError(ctx.node.name, errorsMessage(body.errors), { itemIndex, description: JSON.stringify(body.errors) });
  }
  if (response.statusCode >= 400) {
    throw new NodeOperationError(ctx.node.name, `The GraphQL endpoint answered ${response.statusCode} ${response.statusMessage}`, { itemIndex, description: text.slice(0, 500) });
  }
  return { json: body, pairedItem: { item: itemIndex } };
}

export const graphqlNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.graphql',
    displayName: 'GraphQL',
    icon: 'file:graphql.png',
    group: ['input'],
    version: [1, 1.1],
    description: 'Makes a GraphQL request and returns the received data',
    defaults: { name: 'GraphQL' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: graphqlCredentials,
    properties: graphqlProperties,
  },
  async execute(ctx) {
    const items = ctx.getInputData();
    const transport = createTransport({ allowUnauthorizedCerts: param(ctx, 'allowUnauthorizedCerts', 0, false), blockPrivateNetworks: ctx.blockPrivateNetworks });
    const output: Item[] = [];
    try {
      for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
        try {
          output.push(await runItem(ctx, itemIndex, transport));
        } catch (error) {
          if (!ctx.continueOnFail()) throw serviceCallError(ctx.node.name, error, itemIndex);
          output.push({ json: { error: errorMessage(error) }, pairedItem: { item: itemIndex } });
        }
      }
    } finally {
      await transport.close();
    }
    return [output];
  },
};
