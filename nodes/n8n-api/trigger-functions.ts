// `this` inside a community node's trigger() and poll(): n8n's ITriggerFunctions and IPollFunctions
// built on our TriggerContext (the execute functions, plus emit, activation mode and webhook URLs),
// and the manual (editor) run of such nodes: a trigger runs until its first emit, a poller once.
import { NodeOperationError, type ExecuteContext, type Item, type NodeOutput, type TriggerContext } from '../../engine/index.ts';
import { buildExecuteFunctions, type CredentialTypeLookup } from './execute-functions.ts';
import type { N8nNodeDescription, N8nNodeTypeInstance } from './n8n-types.ts';
import { createCredentialEvaluator } from './parameters.ts';

/** What a community node's emit() may be given: outputs of items (n8n), or one bare item list. */
export function toOutputs(data: unknown): Item[][] {
  if (!Array.isArray(data)) return [[{ json: (data ?? {}) as Item['json'] }]];
  if (data.length > 0 && !Array.isArray(data[0])) return [data as Item[]];
  return data as Item[][];
}

/** ITriggerFunctions / IPollFunctions for `ctx`; `dispose` frees the credential expression sandbox. */
export function buildTriggerFunctions(ctx: TriggerContext, description: N8nNodeDescription, credentialTypes: CredentialTypeLookup) {
  const expressions = createCredentialEvaluator();
  const base = buildExecuteFunctions(ctx, description, credentialTypes, expressions);
  const fns = {
    ...base,
    helpers: { ...base.helpers, createDeferredPromise },
    // Trigger parameters have no item: n8n's getNodeParameter(name, fallback, options) here.
    getNodeParameter: (name: string, fallback?: unknown, options?: Record<string, unknown>) => base.getNodeParameter(name, 0, fallback, options),
    // n8n's emit(data, responsePromise, donePromise): the done promise settles with the run.
    emit: (data: unknown, _responsePromise?: unknown, donePromise?: { resolve(v: unknown): void; reject(e: Error): void }) =>
      ctx.emit(toOutputs(data), donePromise ? (result, error) => (error ? donePromise.reject(error) : donePromise.resolve(result)) : undefined),
    emitError: (error: Error) => ctx.emitError(error),
    getActivationMode: () => ctx.activation,
    getMode: () => ctx.mode,
    getNodeWebhookUrl: (name: string) => ctx.webhookUrl(name),
    getInputData: () => [] as Item[],
  };
  return { fns, dispose: () => expressions.dispose() };
}

/** n8n's IDeferredPromise: a promise with its resolve/reject, for emit's donePromise. */
function createDeferredPromise<T = unknown>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

export type N8nTriggerFunctions = ReturnType<typeof buildTriggerFunctions>['fns'];

interface TriggerResponse {
  closeFunction?: () => Promise<void> | void;
  manualTriggerFunction?: () => Promise<void> | void;
}

/** Arms a trigger(): the node emits through ctx until `close` is called. */
export async function armTrigger(instance: N8nNodeTypeInstance, ctx: TriggerContext, credentialTypes: CredentialTypeLookup) {
  const { fns, dispose } = buildTriggerFunctions(ctx, instance.description, credentialTypes);
  let response: TriggerResponse | undefined;
  try {
    response = (await instance.trigger!.call(fns)) as TriggerResponse | undefined;
  } catch (err) {
    dispose();
    throw err;
  }
  return {
    response,
    async close() {
      try {
        await response?.closeFunction?.();
      } finally {
        dispose();
      }
    },
  };
}

export async function runPoll(instance: N8nNodeTypeInstance, ctx: TriggerContext, credentialTypes: CredentialTypeLookup): Promise<NodeOutput> {
  const { fns, dispose } = buildTriggerFunctions(ctx, instance.description, credentialTypes);
  try {
    const result = await instance.poll!.call(fns);
    return result === null || result === undefined ? null : toOutputs(result);
  } finally {
    dispose();
  }
}

/** An editor run's TriggerContext: the run's own context, emits caught by the caller. */
function manualContext(ctx: ExecuteContext, emit: TriggerContext['emit'], fail: (error: Error) => void): TriggerContext {
  return Object.assign(Object.create(ctx) as ExecuteContext, {
    activation: 'manual' as const,
    emit,
    emitError: fail,
    webhookUrl: () => { throw new NodeOperationError(ctx.node.name, 'Webhook URLs are not available in a manual run'); },
  }) as TriggerContext;
}

/**
 * A manual run of a trigger or poller: the trigger is armed, its manualTriggerFunction (if any)
 * called, and the run waits for the first emit (or a stop); a poller polls once.
 */
export async function runManually(instance: N8nNodeTypeInstance, ctx: ExecuteContext, credentialTypes: CredentialTypeLookup): Promise<NodeOutput> {
  let resolveEmit!: (output: Item[][]) => void;
  let rejectEmit!: (error: Error) => void;
  const first = new Promise<Item[][]>((resolve, reject) => { resolveEmit = resolve; rejectEmit = reject; });
  const tctx = manualContext(ctx, resolveEmit, rejectEmit);
  if (typeof instance.poll === 'function') return runPoll(instance, tctx, credentialTypes);
  const armed = await armTrigger(instance, tctx, credentialTypes);
  const onAbort = () => rejectEmit(new NodeOperationError(ctx.node.name, 'The run was stopped while waiting for the trigger'));
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  try {
    await armed.response?.manualTriggerFunction?.();
    return await first;
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
    await armed.close();
  }
}
