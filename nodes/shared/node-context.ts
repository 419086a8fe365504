// Per-execution node state (n8n's getContext('node')) and the source that fed the node's
// input (getInputSourceData), read from the execute context when the engine provides them.
import type { ExecuteContext, JsonObject } from '../../engine/index.ts';

type ContextType = 'node' | 'flow';

interface ContextCapable {
  getContext?: (type: ContextType) => JsonObject;
  getInputSourceData?: (inputIndex?: number) => unknown;
}

// Without the engine's getContext, contexts live for the run: keyed by the run's abort signal,
// so they vanish with it and never end up in persisted static data.
const runContexts = new WeakMap<AbortSignal, Map<string, JsonObject>>();

/** The node's context for this execution (n8n's `getContext('node')`). */
export function nodeContext(ctx: ExecuteContext): JsonObject {
  const capable = ctx as ExecuteContext & ContextCapable;
  if (typeof capable.getContext === 'function') return capable.getContext('node');
  let contexts = runContexts.get(ctx.signal);
  if (!contexts) runContexts.set(ctx.signal, (contexts = new Map()));
  let context = contexts.get(ctx.node.name);
  if (!context) contexts.set(ctx.node.name, (context = {}));
  return context;
}

/** `{previousNode, previousNodeOutput?, previousNodeRun?}` of the given input, when known. */
export function inputSourceData(ctx: ExecuteContext, inputIndex = 0): unknown {
  const capable = ctx as ExecuteContext & ContextCapable;
  return typeof capable.getInputSourceData === 'function' ? capable.getInputSourceData(inputIndex) : undefined;
}
