// `this` inside an n8n node's execute(): n8n's IExecuteFunctions built on our ExecuteContext. It
// also satisfies the declarative runner's DeclarativeFunctions, so both kinds of node share it.
import type { ExecuteContext, Item, JsonObject, ResponseChunkType, SubNodeCall, SupplyDataContext } from '../../engine/index.ts';
import { assertBinaryData, binaryBuffer, binaryToString, prepareBinaryData } from './binary-helpers.ts';
import { authenticateRequest } from './credential-auth.ts';
import type { DeclarativeFunctions } from './declarative/functions.ts';
import { legacyRequest, n8nHttpRequest, type HttpEnv, type LegacyRequestOptions } from './http-helpers.ts';
import { deepCopy, LoggerProxy } from './n8n-workflow/helpers.ts';
import type { N8nCredentialType, N8nHttpRequestOptions, N8nNodeDescription } from './n8n-types.ts';
import { getN8nParameter, type CredentialEvaluator, type ParameterOptions } from './parameters.ts';

/** Finds a raw n8n credential type by name (from the loaded packages). */
export type CredentialTypeLookup = (name: string) => N8nCredentialType | undefined;

function toItems(data: unknown): Item[] {
  const list = Array.isArray(data) ? data : [data];
  return list.map((entry) => {
    if (entry !== null && typeof entry === 'object' && 'json' in entry && typeof (entry as Item).json === 'object') return entry as Item;
    return { json: (entry ?? {}) as JsonObject };
  });
}

/** n8n's getNodeInputs/getNodeOutputs shape: one `{ type }` object per connection. */
function connections(list: N8nNodeDescription['inputs']): Array<{ type: string }> {
  if (typeof list === 'string') return [{ type: 'main' }];
  return list.map((entry) => (typeof entry === 'string' ? { type: entry } : { ...entry }));
}

/** `credentialExpressions` resolves credential types' `={{$credentials…}}` values; the caller disposes it. */
export function buildExecuteFunctions(ctx: ExecuteContext, description: N8nNodeDescription, credentialTypes: CredentialTypeLookup, credentialExpressions: CredentialEvaluator) {
  const env: HttpEnv = { signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks };
  const getCredentials = (type: string) => ctx.credentials.get(type);
  const authenticate = async (type: string, options: N8nHttpRequestOptions) =>
    authenticateRequest(credentialTypes(type), await getCredentials(type), options, { evaluate: (expr, creds) => credentialExpressions.evaluate(expr, creds) });
  const node = () => ({ ...ctx.node, parameters: deepCopy(ctx.node.parameters ?? {}) }) as ReturnType<DeclarativeFunctions['getNode']> & Record<string, unknown>;

  const helpers = {
    httpRequest: (options: N8nHttpRequestOptions) => n8nHttpRequest(env, options),
    async httpRequestWithAuthentication(credentialType: string, options: N8nHttpRequestOptions) {
      return n8nHttpRequest(env, await authenticate(credentialType, options));
    },
    request: (uriOrOptions: string | LegacyRequestOptions, options?: LegacyRequestOptions) => legacyRequest(env, uriOrOptions, options),
    async requestWithAuthentication(credentialType: string, options: LegacyRequestOptions) {
      const asModern = { ...options, url: options.uri ?? options.url ?? '' } as N8nHttpRequestOptions;
      const signed = await authenticate(credentialType, asModern);
      const { url, ...rest } = signed;
      return legacyRequest(env, { ...(rest as LegacyRequestOptions), uri: url, ...(signed.auth ? { auth: { user: signed.auth.username, pass: signed.auth.password } } : {}) });
    },
    // n8n's OAuth2 variant of `request`: the vault keeps the token fresh, authenticate() sends it.
    requestOAuth2(credentialType: string, options: LegacyRequestOptions) {
      return helpers.requestWithAuthentication(credentialType, options);
    },
    // Entries that already are items (have `json`) are kept, not wrapped again, as in n8n.
    returnJsonArray: (data: JsonObject | JsonObject[]): Item[] =>
      (Array.isArray(data) ? data : [data]).map((entry) => (entry?.json && typeof entry.json === 'object' ? { ...entry, json: entry.json } as Item : { json: entry })),
    constructExecutionMetaData(items: Item[], options: { itemData: Item['pairedItem'] }): Item[] {
      return items.map((item) => ({ ...item, pairedItem: options.itemData }));
    },
    normalizeItems: (items: unknown): Item[] => toItems(items),
    copyInputItems(items: Item[], properties: string[]): JsonObject[] {
      return items.map((item) => Object.fromEntries(properties.map((p) => [p, deepCopy(item.json[p] ?? null)])));
    },
    prepareBinaryData,
    getBinaryDataBuffer: async (itemIndex: number, propertyName: string, inputIndex = 0) =>
      binaryBuffer(assertBinaryData(ctx.node.name, ctx.getInputData(inputIndex), itemIndex, propertyName)),
    assertBinaryData: (itemIndex: number, propertyName: string, inputIndex = 0) =>
      assertBinaryData(ctx.node.name, ctx.getInputData(inputIndex), itemIndex, propertyName),
    binaryToString,
    binaryToBuffer: async (body: Buffer | NodeJS.ReadableStream) => (Buffer.isBuffer(body) ? body : Buffer.from(await binaryToString(body, 'latin1'), 'latin1')),
  };

  const fns = {
    helpers,
    logger: LoggerProxy,
    getInputData: (inputIndex = 0): Item[] => ctx.getInputData(inputIndex),
    getNodeParameter: (name: string, itemIndex: number, fallback?: unknown, options?: ParameterOptions) =>
      getN8nParameter(ctx, description.properties, name, itemIndex, fallback, options),
    getNode: node,
    getWorkflow: () => ({ ...ctx.workflow }),
    getCredentials: (type: string, _itemIndex?: number) => getCredentials(type),
    continueOnFail: () => ctx.continueOnFail(),
    getExecutionId: () => ctx.executionId,
    getMode: () => ctx.mode,
    getTimezone: () => ctx.timezone,
    getWorkflowStaticData: (type: 'global' | 'node') => ctx.getWorkflowStaticData(type),
    getContext: (type: 'node' | 'flow') => ctx.getContext(type),
    getInputSourceData: (inputIndex = 0) => ctx.getInputSourceData(inputIndex),
    evaluateExpression: (expression: string, itemIndex: number) => ctx.evaluateExpression(expression.startsWith('=') ? expression.slice(1) : expression, itemIndex),
    prepareOutputData: async (outputData: Item[]): Promise<Item[][]> => [outputData],
    putExecutionToWait: async (until: Date) => ctx.putExecutionToWait(until),
    sendResponse: (response: JsonObject) => ctx.sendResponse(response),
    isStreaming: () => ctx.isStreaming(),
    sendChunk: (type: ResponseChunkType, itemIndex: number, content?: string) => ctx.sendChunk(type, itemIndex, content),
    sendMessageToUI: (...args: unknown[]) => LoggerProxy.debug('sendMessageToUI', { node: ctx.node.name, args }),
    getExecutionCancelSignal: () => ctx.signal,
    onExecutionCancellation: (handler: () => unknown) => ctx.signal.addEventListener('abort', () => void handler(), { once: true }),
    getNodeInputs: () => connections(description.inputs),
    getNodeOutputs: () => connections(description.outputs),
    getInputConnectionData: (connectionType: string, itemIndex: number) => ctx.getInputConnectionData(connectionType, itemIndex),
  };
  // adapt-node.ts hands this same object to executeDeclarative, which type-checks it against
  // DeclarativeFunctions (the contract in declarative/functions.ts).
  return fns;
}

export type N8nExecuteFunctions = ReturnType<typeof buildExecuteFunctions>;

/**
 * `this` inside an n8n sub-node's supplyData(): the execute functions plus n8n's addInputData and
 * addOutputData, with which LangChain wrappers log each model or tool call; each becomes a
 * recorded use of the sub-node.
 */
export function buildSupplyDataFunctions(ctx: SupplyDataContext, description: N8nNodeDescription, credentialTypes: CredentialTypeLookup, credentialExpressions: CredentialEvaluator) {
  const calls: SubNodeCall[] = [];
  const firstJson = (data: unknown): JsonObject => ((data as Item[][] | undefined)?.[0]?.[0]?.json ?? {}) as JsonObject;
  return {
    ...buildExecuteFunctions(ctx, description, credentialTypes, credentialExpressions),
    addInputData(connectionType: string, data: unknown) {
      calls.push(ctx.startCall(connectionType, firstJson(data)));
      return { index: calls.length - 1 };
    },
    addOutputData(_connectionType: string, index: number, data: unknown) {
      const call = calls[index];
      if (!call) return;
      void (data instanceof Error ? call.fail(data) : call.end(firstJson(data)));
    },
  };
}
