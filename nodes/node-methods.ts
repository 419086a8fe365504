// The editor's node methods (a dropdown's loadOptions, a resource locator's listSearch) for every
// node: built-in ones answer through `NodeType.methods` with an ExecuteContext that has no run;
// community ones through n8n's ILoadOptionsFunctions (n8n-api/load-options.ts).
import { deepCopy, parameterValue, resolveNodeParameters, type WorkflowNode } from '../domain/index.ts';
import { NodeOperationError, type ExecuteContext, type NodeType } from '../engine/index.ts';
import { runNodeMethod as runN8nNodeMethod, NodeMethodError, type NodeMethodCall, type NodeMethodEnv, type NodeMethodResult } from './n8n-api/index.ts';

const METHOD_TIMEOUT_MS = 30_000;

function unavailable(node: string, what: string): never {
  throw new NodeOperationError(node, `${what} is not available while the editor loads options`);
}

/** The ExecuteContext a built-in node's method gets: the editor's parameters and the node's credentials. */
export function methodContext(call: NodeMethodCall, env: NodeMethodEnv): ExecuteContext {
  const description = call.nodeType.description;
  const typeVersion = call.typeVersion ?? Math.max(...description.version);
  const node = {
    id: '', name: description.defaults?.name ?? description.displayName, type: description.name, typeVersion,
    position: [0, 0], parameters: deepCopy(call.currentNodeParameters), credentials: deepCopy(call.credentials ?? {}),
  } as WorkflowNode;
  const declared = new Set((description.credentials ?? []).map((c) => c.name));
  let resolved: Record<string, unknown> | undefined;
  return {
    node, runIndex: 0, mode: 'manual', timezone: env.timezone,
    workflow: { id: '', name: '', active: false }, executionId: '',
    signal: AbortSignal.timeout(METHOD_TIMEOUT_MS),
    blockPrivateNetworks: env.blockPrivateNetworks,
    ...(env.dataTables ? { dataTables: env.dataTables } : {}),
    getInputData: () => [],
    getNodeParameter(name, itemIndex, fallback) {
      resolved ??= resolveNodeParameters(description, call.currentNodeParameters, typeVersion) as Record<string, unknown>;
      const value = parameterValue(resolved as never, name, fallback);
      if (value === undefined) throw new NodeOperationError(node.name, 'Could not get parameter', { description: `Parameter "${name}" does not exist`, itemIndex });
      return deepCopy(value);
    },
    continueOnFail: () => false,
    credentials: {
      // As in n8n: a node reads only the credential types it declares, and only those it holds.
      async get(type, options) {
        if (!declared.has(type)) throw new NodeMethodError(`The node type '${description.name}' does not use credentials of type '${type}'`);
        if (!call.credentials?.[type]) throw new NodeMethodError(`Node does not have any credentials set for "${type}"`);
        return env.getCredentials(type, options);
      },
    },
    getWorkflowStaticData: () => ({}),
    runCode: () => unavailable(node.name, 'Running code'),
    putExecutionToWait: () => unavailable(node.name, 'Waiting'),
    getContext: () => ({}),
    getInputSourceData: () => undefined,
    evaluateExpression: () => unavailable(node.name, 'Evaluating expressions'),
    executeSubWorkflow: () => unavailable(node.name, 'Running a sub-workflow'),
    sendResponse: () => unavailable(node.name, 'Answering a webhook'),
    // Nothing streams outside a run.
    isStreaming: () => false,
    sendChunk: () => Promise.resolve(),
    getInputConnectionData: () => unavailable(node.name, 'A sub-node'),
  };
}

async function runBuiltInMethod(methods: NonNullable<NodeType['methods']>, call: NodeMethodCall, env: NodeMethodEnv): Promise<NodeMethodResult> {
  const table = methods[call.kind] as Record<string, unknown> | undefined;
  const method = table && Object.hasOwn(table, call.method) ? table[call.method] : undefined;
  if (typeof method !== 'function') throw new NodeMethodError(`The node type '${call.nodeType.description.name}' has no ${call.kind} method '${call.method}'`);
  const ctx = methodContext(call, env);
  if (call.kind === 'loadOptions') return { options: await (method as NonNullable<typeof methods.loadOptions>[string])(ctx) };
  return (method as NonNullable<typeof methods.listSearch>[string])(ctx, call.filter, call.paginationToken);
}

/** Runs one node method and answers in n8n's shapes: `{options}` or `{results, paginationToken}`. */
export function runNodeMethod(call: NodeMethodCall, env: NodeMethodEnv): Promise<NodeMethodResult> {
  const methods = call.nodeType.methods;
  return methods ? runBuiltInMethod(methods, call, env) : runN8nNodeMethod(call, env);
}
