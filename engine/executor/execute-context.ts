// What a running node sees (ExecuteContext) and what its expressions see (ExpressionContext),
// built from the stack entry being run.
import type { ExpressionContext } from '../expression-context.ts';
import { ParameterBatches } from './parameter-batches.ts';
import { NodeOperationError, type Item, type JsonObject } from '../node-sdk.ts';
import type { EngineExecuteContext } from './node-type-extras.ts';
import { deepCopy, parameterValue } from '../../domain/index.ts';
import { containsExpression } from './paths.ts';
import { signedResumeUrl } from './resume-signature.ts';
import { sharedPythonRunner } from '../sandbox/python-runner.ts';
import type { RunContext } from './run-context.ts';
import type { InputData, StackEntry } from './run-state.ts';
import { createChunkSender, type ChunkSender } from './response-chunks.ts';
import { inputConnectionData, startCall, type Closers } from './sub-nodes.ts';

/**
 * The expression context of one node run, without the item index. `inputItems` is the input as it
 * arrived: executeOnce narrows only what `getInputData` returns, as in n8n.
 */
export function expressionBase(rc: RunContext, entry: StackEntry, runIndex: number, fromAI?: JsonObject): Omit<ExpressionContext, 'itemIndex'> {
  const { definition } = rc.options;
  return {
    node: entry.node,
    inputItems: entry.data.main.map((items) => items ?? []),
    source: entry.source?.main ?? [],
    runIndex,
    workflow: { ...rc.workflowInfo, nodes: definition.nodes, connections: definition.connections },
    runData: rc.state.runData,
    contextData: rc.state.contextData,
    pinData: rc.pinData,
    execution: { id: rc.options.executionId, mode: rc.options.mode, resumeUrl: rc.options.resumeUrl },
    customData: rc.state.customData,
    staticData: rc.staticData,
    vars: rc.options.vars ?? {},
    env: rc.options.env,
    timezone: rc.timezone,
    ...(fromAI ? { fromAI } : {}),
  };
}

/**
 * `closers` collects what sub-nodes ask to close once this node's run is over; `fromAI` holds a
 * model's arguments when the node runs as a tool.
 */
export function buildExecuteContext(rc: RunContext, entry: StackEntry, runIndex: number, input: InputData, closers: Closers = [], fromAI?: JsonObject): EngineExecuteContext {
  const { node } = entry;
  let base: Omit<ExpressionContext, 'itemIndex'> | undefined;
  const expressionContext = (itemIndex: number): ExpressionContext => ({ ...(base ??= expressionBase(rc, entry, runIndex, fromAI)), itemIndex });
  const batches = new ParameterBatches(rc.options.evaluator, expressionContext, Math.max(0, ...entry.data.main.map((items) => items?.length ?? 0)));
  let chunks: ChunkSender | undefined;

  return {
    node,
    runIndex,
    mode: rc.options.mode,
    timezone: rc.timezone,
    workflow: rc.workflowInfo,
    executionId: rc.options.executionId,
    signal: rc.signal,
    getInputData(inputIndex = 0): Item[] {
      return input[inputIndex] ?? [];
    },
    getNodeParameter(name, itemIndex, fallback) {
      const value = parameterValue(rc.parameters(node), name, fallback);
      if (value === undefined) {
        throw new NodeOperationError(node.name, 'Could not get parameter', { description: `Parameter "${name}" does not exist`, itemIndex });
      }
      // Nodes may change what they get; the resolved parameters are shared by every item.
      if (!containsExpression(value)) return deepCopy(value);
      const resolved = batches.resolve(name, value, itemIndex);
      cleanupDates(resolved);
      return resolved;
    },
    continueOnFail() {
      // Here onError wins over the legacy flag (the engine's own check ORs them).
      if (node.onError === undefined) return node.continueOnFail === true;
      return node.onError !== 'stopWorkflow';
    },
    credentials: { get: (type, options) => rc.options.credentials(node, type, options) },
    getWorkflowStaticData(scope) {
      const key = scope === 'global' ? 'global' : `node:${node.name}`;
      const data = rc.staticData;
      if (data[key] === null || typeof data[key] !== 'object') data[key] = {};
      return data[key] as JsonObject;
    },
    executeSubWorkflow(source, items, options) {
      const run = rc.options.subWorkflow;
      if (!run) throw new NodeOperationError(node.name, 'Sub-workflows cannot run here', { description: 'This engine was started without a way to run other workflows' });
      return run({ source, items, wait: options.wait, parentExecutionId: rc.options.executionId });
    },
    blockPrivateNetworks: rc.options.blockPrivateNetworks === true,
    executeCommandEnabled: rc.options.executeCommandEnabled === true,
    filesAllowedDirs: rc.options.filesAllowedDirs ?? [],
    ...(rc.options.dataTables ? { dataTables: rc.options.dataTables } : {}),
    sendResponse(response) {
      return rc.options.recorder.record('WebhookResponseSent', { node: node.name, runIndex, response });
    },
    isStreaming: () => rc.options.streaming === true,
    sendChunk(type, itemIndex, content) {
      if (rc.options.streaming !== true) return Promise.resolve();
      if (!chunks) {
        const sender = (chunks = createChunkSender(rc.options.recorder, node, runIndex));
        // What is still held goes out when the node's run is over.
        closers.push(() => sender.flush());
      }
      return chunks.send(type, itemIndex, content);
    },
    runCode(code, options) {
      return rc.options.runCode(expressionContext(options.itemIndex ?? 0), code, { ...options, signal: rc.signal });
    },
    getParentNodes: (name) => rc.graph.parentNodes(name).flatMap((n) => rc.graph.nodes.get(n) ?? []),
    getChildNodes: (name) => [...rc.graph.descendantSet(name)].flatMap((n) => rc.graph.nodes.get(n) ?? []),
    runPython(request) {
      const full = { ...request, signal: rc.signal };
      return rc.options.runPython ? rc.options.runPython(expressionContext(request.itemIndex ?? 0), full) : sharedPythonRunner().run(full);
    },
    putExecutionToWait(until) {
      rc.state.waitTill = until;
    },
    getSignedResumeUrl(parameters = {}) {
      const { resumeUrl, resumeUrlSecret, executionId } = rc.options;
      if (!resumeUrl || !resumeUrlSecret) {
        throw new NodeOperationError(node.name, 'This run cannot be resumed by a link', { description: 'The engine was started without a resume URL and a key to sign it' });
      }
      return signedResumeUrl(resumeUrl, resumeUrlSecret, executionId, node.id ?? node.name, parameters);
    },
    getContext(type) {
      const key = type === 'flow' ? 'flow' : `node:${node.name}`;
      rc.state.contextTouched.add(key);
      return (rc.state.contextData[key] ??= {});
    },
    getInputSourceData(inputIndex = 0) {
      return entry.source?.main[inputIndex] ?? undefined;
    },
    startModelCall(callInput) {
      return startCall(rc, node.name, node.name, 'ai_languageModel', callInput, true);
    },
    getInputConnectionData(type, itemIndex) {
      return inputConnectionData(rc, entry, runIndex, input, buildExecuteContext, closers, type, itemIndex);
    },
    evaluateExpression(expression, itemIndex) {
      const resolved = rc.options.evaluator.resolve(`=${expression}`, expressionContext(itemIndex), { parameter: 'expression' });
      cleanupDates(resolved);
      return resolved;
    },
  };
}

/** Like n8n, Luxon DateTimes nested in a resolved object become their ISO string (top level stays). */
function cleanupDates(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  const entries = value as Record<string, unknown>;
  for (const key of Object.keys(entries)) {
    const inner = entries[key];
    if (inner === null || typeof inner !== 'object') continue;
    if ((inner as { isLuxonDateTime?: unknown }).isLuxonDateTime === true) entries[key] = String(inner);
    else cleanupDates(inner);
  }
}
