// The editor's node methods of community nodes: `methods.loadOptions` (a dropdown's choices) and
// `methods.listSearch` (a resource locator's list), run with n8n's ILoadOptionsFunctions as `this`.
// The node is not running: parameters come from the editor, credentials from the caller (the
// server resolves them through the vault with its access checks), requests get a fixed timeout.
import type { CredentialGetOptions, DataTables, NodeType } from '../../engine/index.ts';
import { authenticateRequest } from './credential-auth.ts';
import { legacyRequest, n8nHttpRequest, type HttpEnv, type LegacyRequestOptions } from './http-helpers.ts';
import { deepCopy, LoggerProxy } from './n8n-workflow/helpers.ts';
import { n8nInstanceOf } from './node-instances.ts';
import type { N8nCredentialType, N8nHttpRequestOptions, N8nNodeProperty } from './n8n-types.ts';
import { createCredentialEvaluator, extractResourceLocatorValue, type ParameterOptions } from './parameters.ts';

const METHOD_TIMEOUT_MS = 30_000;

export type NodeMethodKind = 'loadOptions' | 'listSearch';

export interface NodeMethodCall {
  nodeType: NodeType;
  /** The editor node's typeVersion; the type's newest when absent. */
  typeVersion?: number;
  kind: NodeMethodKind;
  method: string;
  currentNodeParameters: Record<string, unknown>;
  /** The credential references the editor's node holds (type → {id, name}). */
  credentials?: Record<string, { id?: string; name: string }>;
  filter?: string;
  paginationToken?: string;
}

export interface NodeMethodEnv {
  /** The plaintext of the node's credential of this type (an OAuth2 token renewed first when asked); the caller checks access. */
  getCredentials(type: string, options?: CredentialGetOptions): Promise<Record<string, unknown>>;
  credentialType(name: string): N8nCredentialType | undefined;
  blockPrivateNetworks: boolean;
  timezone: string;
  /** The workspace's data tables (the Data Table node's table list). */
  dataTables?: DataTables;
}

export type NodeMethodResult =
  | { options: Array<{ name: string; value: unknown; description?: string }> }
  | { results: Array<{ name: string; value: unknown; url?: string }>; paginationToken?: unknown };

/** Thrown for a call the node cannot answer (no such method); the server makes it a 400. */
export class NodeMethodError extends Error {}

function valueAt(source: Record<string, unknown>, path: string): unknown {
  let current: unknown = source;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The value the editor holds, else the property's default, else the fallback (as n8n does). */
function parameter(properties: N8nNodeProperty[], params: Record<string, unknown>, nodeName: string, name: string, fallback: unknown, options: ParameterOptions = {}): unknown {
  const path = name.replace(/^&/, '');
  let value = valueAt(params, path);
  const property = properties.find((p) => p.name === path.split('.')[0]);
  if (value === undefined && !path.includes('.')) value = property?.default;
  if (value === undefined) return fallback;
  const rl = value as { __rl?: unknown; mode?: string; value?: unknown };
  if (options.extractValue && rl !== null && typeof rl === 'object' && rl.__rl === true) {
    const rule = property?.modes?.find((m) => m.name === rl.mode)?.extractValue ?? property?.extractValue;
    return extractResourceLocatorValue(nodeName, name, rl as { __rl: true; mode: string; value: unknown }, rule);
  }
  return deepCopy(value);
}

/** n8n's ILoadOptionsFunctions for one call; `dispose` frees the credential expression sandbox. */
export function buildLoadOptionsFunctions(call: NodeMethodCall, env: NodeMethodEnv) {
  const description = call.nodeType.description;
  const properties = (n8nInstanceOf(call.nodeType)?.description.properties ?? []) as N8nNodeProperty[];
  const nodeName = description.defaults?.name ?? description.displayName;
  const http: HttpEnv = { signal: AbortSignal.timeout(METHOD_TIMEOUT_MS), blockPrivateNetworks: env.blockPrivateNetworks };
  const expressions = createCredentialEvaluator();
  const declared = new Set((description.credentials ?? []).map((c) => c.name));
  const getCredentials = async (type: string) => {
    // As in n8n: a node reads only the credential types it declares, and only those it holds.
    if (!declared.has(type)) throw new NodeMethodError(`The node type '${description.name}' does not use credentials of type '${type}'`);
    if (!call.credentials?.[type]) throw new NodeMethodError(`Node does not have any credentials set for "${type}"`);
    return env.getCredentials(type);
  };
  const authenticate = async (type: string, options: N8nHttpRequestOptions) =>
    authenticateRequest(env.credentialType(type), await getCredentials(type), options, { evaluate: (e, c) => expressions.evaluate(e, c) });
  // Packages call helpers with `.call(this, …)`, so none of them may rely on `this`.
  const requestWithAuthentication = async (type: string, options: LegacyRequestOptions) => {
    const signed = await authenticate(type, { ...options, url: options.uri ?? options.url ?? '' } as N8nHttpRequestOptions);
    const { url, ...rest } = signed;
    return legacyRequest(http, { ...(rest as LegacyRequestOptions), uri: url, ...(signed.auth ? { auth: { user: signed.auth.username, pass: signed.auth.password } } : {}) });
  };
  const node = () => ({
    id: '', name: nodeName, type: description.name, typeVersion: Math.max(...description.version),
    parameters: deepCopy(call.currentNodeParameters), credentials: deepCopy(call.credentials ?? {}),
  });

  const fns = {
    logger: LoggerProxy,
    getNode: node,
    getNodeParameter: (name: string, fallback?: unknown, options?: ParameterOptions) => parameter(properties, call.currentNodeParameters, nodeName, name, fallback, options),
    getCurrentNodeParameter: (name: string, options?: ParameterOptions) => parameter(properties, call.currentNodeParameters, nodeName, name, undefined, options),
    getCurrentNodeParameters: () => deepCopy(call.currentNodeParameters),
    getCredentials: (type: string) => getCredentials(type),
    getWorkflow: () => ({ id: undefined, name: undefined, active: false }),
    getTimezone: () => env.timezone,
    getMode: () => 'manual',
    getExecutionCancelSignal: () => http.signal,
    helpers: {
      httpRequest: (options: N8nHttpRequestOptions) => n8nHttpRequest(http, options),
      httpRequestWithAuthentication: async (type: string, options: N8nHttpRequestOptions) => n8nHttpRequest(http, await authenticate(type, options)),
      request: (uriOrOptions: string | LegacyRequestOptions, options?: LegacyRequestOptions) => legacyRequest(http, uriOrOptions, options),
      requestWithAuthentication,
      // n8n's OAuth2 variant: the vault keeps the token fresh and authenticateRequest sends it.
      requestOAuth2: requestWithAuthentication,
      returnJsonArray: (data: unknown) => (Array.isArray(data) ? data : [data]).map((json) => ({ json })),
    },
  };
  return { fns, dispose: () => expressions.dispose() };
}

/** Runs one node method and answers in n8n's shapes: `{options}` or `{results, paginationToken}`. */
export async function runNodeMethod(call: NodeMethodCall, env: NodeMethodEnv): Promise<NodeMethodResult> {
  const instance = n8nInstanceOf(call.nodeType);
  const methods = (instance?.methods as Record<string, Record<string, unknown> | undefined> | undefined)?.[call.kind];
  const method = methods && Object.hasOwn(methods, call.method) ? methods[call.method] : undefined;
  if (typeof method !== 'function') {
    throw new NodeMethodError(`The node type '${call.nodeType.description.name}' has no ${call.kind} method '${call.method}'`);
  }
  const { fns, dispose } = buildLoadOptionsFunctions(call, env);
  try {
    if (call.kind === 'loadOptions') {
      const options = await (method as (this: unknown) => Promise<unknown>).call(fns);
      if (!Array.isArray(options)) throw new NodeMethodError(`${call.method} answered something other than a list of options`);
      return { options: options as Array<{ name: string; value: unknown; description?: string }> };
    }
    const answer = await (method as (this: unknown, filter?: string, token?: string) => Promise<unknown>).call(fns, call.filter, call.paginationToken);
    const { results, paginationToken } = (answer ?? {}) as { results?: unknown; paginationToken?: unknown };
    if (!Array.isArray(results)) throw new NodeMethodError(`${call.method} answered without a list of results`);
    return { results: results as Array<{ name: string; value: unknown }>, ...(paginationToken !== undefined ? { paginationToken } : {}) };
  } finally {
    dispose();
  }
}
