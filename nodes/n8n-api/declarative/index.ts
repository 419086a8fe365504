// Runs an n8n declarative node (a description with requestDefaults and `routing`, no execute):
// for each input item, gather the request from requestDefaults and the displayed properties'
// routing, run preSend, send it (signed by the node's credential), paginate when asked, turn the
// response into items by postReceive, cap by maxResults. Failures become NodeApiError-like
// errors, or error items when the node continues on fail.
import { NodeOperationError, type Item } from '../../../engine/index.ts';
import type { N8nHttpRequestOptions, N8nNodeDescription, N8nNodeProperty } from '../n8n-types.ts';
import { toApiError } from './api-error.ts';
import { createSandboxEvaluator } from './expression.ts';
import type { DeclarativeFunctions, N8nFullResponse } from './functions.ts';
import { paginate } from './pagination.ts';
import { responseToItems } from './post-receive.ts';
import { deepMerge, emptyRequestData, isDisplayed, mergeRequestData, type RequestData } from './request-data.ts';
import { collectProperty, type Resolve } from './routing.ts';

export type { DeclarativeFunctions, N8nFullResponse, EvaluateWithKeys } from './functions.ts';
export { DeclarativeApiError } from './api-error.ts';
export { createSandboxEvaluator } from './expression.ts';
export type { SandboxEvaluator } from './expression.ts';
export { fetchHttpRequest, HttpStatusError } from './http.ts';

/** Whether a description is declarative: it routes requests instead of executing. */
export function isDeclarative(description: N8nNodeDescription, hasExecute: boolean): boolean {
  return !hasExecute && (description.requestDefaults !== undefined || description.properties.some((p) => p.routing !== undefined || hasOptionRouting(p)));
}

function hasOptionRouting(property: N8nNodeProperty): boolean {
  return (property.options ?? []).some((o) => typeof o === 'object' && o !== null && 'routing' in o);
}

/** Node parameters with each missing top-level one at the default of its first displayed definition. */
function parameterRoot(description: N8nNodeDescription, parameters: Record<string, unknown>, typeVersion: number): Record<string, unknown> {
  const root: Record<string, unknown> = { ...parameters };
  for (const property of description.properties) {
    if (property.name in root || property.type === 'notice') continue;
    if (isDisplayed(property, { root, typeVersion })) root[property.name] = structuredClone(property.default);
  }
  return root;
}

/**
 * The credential a declarative node signs with: its only one, or (several declared) the one whose
 * displayOptions.show.authentication names the node's `authentication` parameter.
 */
function credentialFor(description: N8nNodeDescription, root: Record<string, unknown>, nodeName: string): { name: string; required: boolean } | undefined {
  const list = description.credentials ?? [];
  if (list.length === 0) return undefined;
  const found = list.length === 1 ? list[0] : list.find((c) => (c.displayOptions?.show?.authentication ?? []).includes(root.authentication));
  if (!found) throw new NodeOperationError(nodeName, `The node has no credentials of type "${String(root.authentication)}" defined`);
  return { name: found.name, required: found.required === true };
}

function toFullResponse(result: unknown): N8nFullResponse {
  const r = result as Partial<N8nFullResponse> | undefined;
  if (r && typeof r === 'object' && typeof r.statusCode === 'number' && 'body' in r) return { headers: {}, ...r } as N8nFullResponse;
  return { body: result, headers: {}, statusCode: 200 };
}

/** The `requestOptions.batching` setting: pause `interval` ms after every `size` items. */
function batchingOf(parameters: Record<string, unknown>): { size: number; interval: number } {
  const batch = ((parameters.requestOptions as { batching?: { batch?: { batchSize?: number; batchInterval?: number } } } | undefined)?.batching?.batch) ?? {};
  return { size: batch.batchSize && batch.batchSize > 0 ? batch.batchSize : 1, interval: batch.batchInterval ?? 0 };
}

export async function executeDeclarative(fns: DeclarativeFunctions, description: N8nNodeDescription): Promise<Item[][]> {
  const node = fns.getNode();
  const input = fns.getInputData();
  const sandbox = fns.evaluate ? undefined : createSandboxEvaluator();
  const out: Item[] = [];
  try {
    // One credential for the whole run, read once (n8n reads it for item 0).
    const credential = credentialFor(description, parameterRoot(description, node.parameters, node.typeVersion), node.name);
    let credentials: Record<string, unknown> | undefined;
    if (credential) {
      try {
        credentials = await fns.getCredentials(credential.name, 0);
      } catch (error) {
        if (credential.required) throw error;
      }
    }
    const signWith = credential && credentials ? { name: credential.name, data: credentials } : undefined;
    const batch = batchingOf(node.parameters);
    for (let i = 0; i < input.length; i++) {
      if (i > 0 && batch.interval > 0 && i % batch.size === 0) await new Promise((r) => setTimeout(r, batch.interval));
      try {
        const items = await runItem(fns, description, i, input[i], sandbox, signWith);
        out.push(...items.map((item) => ({ ...item, pairedItem: { item: i } })));
      } catch (error) {
        const apiError = toApiError(node.name, error, i);
        if (!fns.continueOnFail()) throw apiError;
        // n8n's error item: empty json, the error beside it (kept as plain data so run data stores it).
        const { message, description: detail, httpCode } = apiError;
        out.push({ json: {}, error: { name: apiError.name, message, ...(detail ? { description: detail } : {}), ...(httpCode ? { httpCode } : {}) }, pairedItem: { item: i } });
      }
    }
  } finally {
    sandbox?.dispose();
  }
  return [out];
}

async function runItem(
  fns: DeclarativeFunctions,
  description: N8nNodeDescription,
  i: number,
  item: Item,
  sandbox: ReturnType<typeof createSandboxEvaluator> | undefined,
  credential: { name: string; data: Record<string, unknown> } | undefined,
): Promise<Item[]> {
  const node = fns.getNode();
  const typeVersion = node.typeVersion;
  const root = parameterRoot(description, node.parameters, typeVersion);
  const base = { $credentials: credential?.data ?? {}, $version: typeVersion };
  const resolve: Resolve = (value, keys) =>
    fns.evaluate ? fns.evaluate(value, i, { ...base, ...keys }) : sandbox!.resolve(value, { $parameter: root, $json: item.json, $input: { item }, $itemIndex: i, ...base, ...keys });

  const data = emptyRequestData();
  if (description.requestDefaults) deepMerge(data.options as Record<string, unknown>, resolve(description.requestDefaults, {}) as Record<string, unknown>);
  if (description.requestOperations) Object.assign(data.requestOperations, description.requestOperations as Record<string, unknown>);
  const scope = { root, typeVersion };
  for (const property of description.properties) {
    if (property.type === 'notice' || !isDisplayed(property, scope)) continue;
    let value: unknown = root[property.name];
    try {
      value = fns.getNodeParameter(property.name, i, value, { extractValue: true });
    } catch {
      // Not every implementation answers for parameters the node does not show; the default stands.
    }
    mergeRequestData(data, collectProperty(property, value, scope, { $value: value }, resolve));
  }

  data.options.url ??= '';
  // The node's own `requestOptions` parameter (n8n adds it to declarative nodes): timeout and TLS.
  const requestOptions = (root.requestOptions ?? {}) as { timeout?: number; allowUnauthorizedCerts?: boolean };
  data.options.timeout = requestOptions.timeout || 300_000;
  if (requestOptions.allowUnauthorizedCerts) data.options.skipSslCertificateValidation = true;
  // preSend and package functions run with `this` as n8n's single-item functions.
  const single = Object.create(fns) as Record<string, unknown>;
  single.getNodeParameter = (name: string, fallback?: unknown, options?: { extractValue?: boolean }) => fns.getNodeParameter(name, i, fallback, options);
  single.getInputData = () => item;
  single.getItemIndex = () => i;
  for (const preSend of data.preSend) data.options = await preSend.call(single, data.options);

  const request = async (options: N8nHttpRequestOptions): Promise<N8nFullResponse> => {
    const sent: N8nHttpRequestOptions = { ...options, returnFullResponse: true };
    const body = sent.body;
    if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body) && Object.keys(body).length === 0) delete sent.body;
    const result = credential ? await fns.helpers.httpRequestWithAuthentication(credential.name, sent) : await fns.helpers.httpRequest(sent);
    return toFullResponse(result);
  };
  const toItems = (response: N8nFullResponse) => responseToItems(single as unknown as DeclarativeFunctions, data, response, resolve);
  single.makeRoutingRequest = async (requestData: RequestData) => toItems(await request(requestData.options));

  const pagination = data.requestOperations.pagination;
  let results: Item[];
  if (data.paginate && pagination) {
    results =
      typeof pagination === 'function'
        ? await (pagination as (this: unknown, d: RequestData) => Promise<Item[]>).call(single, data)
        : await paginate(data, pagination, { request, toItems }, resolve);
  } else {
    results = await toItems(await request(data.options));
  }
  if (data.maxResults) {
    const max = Number(data.maxResults);
    if (Number.isFinite(max)) results.splice(max);
  }
  return results;
}
