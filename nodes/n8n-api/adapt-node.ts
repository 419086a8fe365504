// Turns an n8n node class instance (INodeType, or VersionedNodeType with nodeVersions) into our
// NodeType(s). Programmatic nodes run their own execute() with `this` = buildExecuteFunctions;
// declarative ones (routing/requestDefaults, no execute) go to the declarative runner; triggers,
// pollers and webhook nodes get our TriggerHooks (trigger-functions.ts, webhook-functions.ts), and
// their manual runs wait for the first emit or poll once.
import { NodeOperationError, type Item, type NodeDescription, type NodeOutput, type NodeProperty, type NodeType, type SubNodeInput, type TriggerHooks } from '../../engine/index.ts';
import { armTrigger, runManually, runPoll } from './trigger-functions.ts';
import { answerWebhook, nodeWebhooks, webhookSetup } from './webhook-functions.ts';
import { executeDeclarative, isDeclarative } from './declarative/index.ts';
import { buildExecuteFunctions, buildSupplyDataFunctions, type CredentialTypeLookup } from './execute-functions.ts';
import { rememberN8nInstance } from './node-instances.ts';
import { createCredentialEvaluator } from './parameters.ts';
import type { N8nConnection, N8nNodeDescription, N8nNodeTypeInstance, N8nVersionedNodeType } from './n8n-types.ts';

function connectionTypes(list: N8nConnection[] | string): string[] {
  // Some nodes compute inputs/outputs with an expression string; they then take one main connection.
  if (typeof list === 'string') return ['main'];
  return list.map((entry) => (typeof entry === 'string' ? entry : entry.type));
}

/** n8n lists sub-node inputs (`ai_*`) among a node's inputs; ours keeps them apart. */
function splitInputs(list: N8nConnection[] | string): { inputs: string[]; subNodeInputs: SubNodeInput[] } {
  const all = typeof list === 'string' ? ['main'] : list;
  const inputs: string[] = [];
  const subNodeInputs: SubNodeInput[] = [];
  for (const entry of all) {
    const spec = typeof entry === 'string' ? { type: entry } : entry;
    if (spec.type === 'main') inputs.push('main');
    else subNodeInputs.push({ type: spec.type, displayName: spec.displayName ?? spec.type, ...(spec.required ? { required: true } : {}), ...(typeof spec.maxConnections === 'number' ? { maxConnections: spec.maxConnections } : {}) });
  }
  return { inputs, subNodeInputs };
}

function triggerKindOf(instance: N8nNodeTypeInstance): NodeDescription['triggerKind'] {
  if (typeof instance.trigger === 'function') return 'trigger';
  if (typeof instance.poll === 'function' || instance.description.polling) return 'poll';
  if (typeof instance.webhook === 'function') return 'webhook';
  return undefined;
}

function iconOf(description: N8nNodeDescription): string | undefined {
  const icon = description.icon ?? description.iconUrl;
  if (typeof icon === 'string') return icon;
  return icon?.light;
}

/** What an execute() answers, made into our output shape (n8n allows null and a bare item list). */
function toOutput(result: unknown): NodeOutput {
  if (result === null || result === undefined) return null;
  if (!Array.isArray(result)) throw new Error('The node returned something other than a list of outputs');
  if (result.length > 0 && !Array.isArray(result[0])) return [result as Item[]];
  return result as Item[][];
}

function adaptOne(packageName: string, instance: N8nNodeTypeInstance, versions: number[], credentialTypes: CredentialTypeLookup): NodeType {
  const d = instance.description;
  const kind = triggerKindOf(instance);
  const { inputs, subNodeInputs } = splitInputs(d.inputs);
  const description: NodeDescription = {
    name: `${packageName}.${d.name}`,
    displayName: d.displayName,
    group: [...(d.group ?? [])],
    version: versions,
    description: d.description ?? '',
    defaults: { ...d.defaults },
    inputs,
    ...(subNodeInputs.length > 0 ? { subNodeInputs } : {}),
    outputs: connectionTypes(d.outputs),
    // n8n's property shape is a superset of ours; the extra fields (routing, modes) ride along.
    properties: d.properties as unknown as NodeProperty[],
  };
  const icon = iconOf(d);
  if (icon) description.icon = icon;
  if (d.outputNames) description.outputNames = [...d.outputNames];
  if (d.credentials) description.credentials = d.credentials.map((c) => ({ name: c.name, ...(c.required ? { required: true } : {}), ...(c.displayOptions ? { displayOptions: c.displayOptions as never } : {}) }));
  if (kind) description.triggerKind = kind;
  const declarative = isDeclarative(d, typeof instance.execute === 'function');
  if (kind === 'poll' && !description.properties.some((p) => p.name === 'pollTimes')) description.properties = [...description.properties, POLL_TIMES];

  const type: NodeType = {
    description,
    ...(kind ? { triggers: triggerHooks(instance, credentialTypes) } : {}),
    async execute(ctx) {
      const execute = instance.execute;
      // Outside manual runs the engine passes a trigger's injected items through instead.
      if ((kind === 'trigger' || kind === 'poll') && typeof execute !== 'function') return runManually(instance, ctx, credentialTypes);
      if (typeof execute !== 'function' && !declarative) {
        throw new NodeOperationError(ctx.node.name, `The community node '${description.name}' cannot run here`, {
          description: kind ? 'It is a webhook node: it runs when its workflow is active and its URL is called (test listening is not supported yet)' : 'It has neither an execute method nor request routing',
        });
      }
      const expressions = createCredentialEvaluator();
      try {
        const fns = buildExecuteFunctions(ctx, d, credentialTypes, expressions);
        return toOutput(typeof execute === 'function' ? await execute.call(fns) : await executeDeclarative(fns, d));
      } finally {
        expressions.dispose();
      }
    },
  };
  const supplyData = instance.supplyData;
  if (typeof supplyData === 'function') {
    type.supplyData = async (ctx, itemIndex) => {
      const expressions = createCredentialEvaluator();
      const fns = buildSupplyDataFunctions(ctx, d, credentialTypes, expressions);
      let supplied: { response?: unknown; closeFunction?: () => Promise<void> } | undefined;
      try {
        supplied = (await supplyData.call(fns, itemIndex)) as typeof supplied;
      } catch (error) {
        expressions.dispose();
        throw error;
      }
      // The root uses what was supplied until its run is over; only then may its helpers go.
      const close = supplied?.closeFunction;
      return { response: supplied?.response, closeFunction: async () => { expressions.dispose(); await close?.(); } };
    };
  }
  rememberN8nInstance(type, instance);
  return type;
}

/**
 * n8n adds this parameter to every polling node (NodeHelpers): when to poll, in the Cron node's
 * triggerTimes shape; the server turns it into schedules.
 */
const POLL_TIMES = {
  displayName: 'Poll Times', name: 'pollTimes', type: 'fixedCollection', typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Poll Time' },
  default: { item: [{ mode: 'everyMinute' }] }, options: [],
} as unknown as NodeProperty;

function triggerHooks(instance: N8nNodeTypeInstance, credentialTypes: CredentialTypeLookup): TriggerHooks {
  const hooks: TriggerHooks = {};
  if (typeof instance.trigger === 'function') {
    hooks.trigger = async (ctx) => {
      const armed = await armTrigger(instance, ctx, credentialTypes);
      return { close: () => armed.close() };
    };
  }
  if (typeof instance.poll === 'function') hooks.poll = (ctx) => runPoll(instance, ctx, credentialTypes);
  if (typeof instance.webhook === 'function') {
    hooks.webhooks = (ctx) => nodeWebhooks(instance, ctx);
    hooks.webhook = (ctx) => answerWebhook(instance, ctx, credentialTypes);
    const setup = webhookSetup(instance, credentialTypes);
    if (setup) hooks.webhookSetup = setup;
  }
  return hooks;
}

function isVersioned(value: N8nNodeTypeInstance | N8nVersionedNodeType): value is N8nVersionedNodeType {
  return (value as N8nVersionedNodeType).nodeVersions !== undefined && typeof (value as N8nVersionedNodeType).nodeVersions === 'object';
}

/**
 * Our NodeTypes for one n8n node class instance. A versioned node gives one NodeType per distinct
 * implementation, each listing the versions it serves, the default version last (our rule for
 * "the version new nodes get").
 */
export function adaptNodeType(packageName: string, instance: N8nNodeTypeInstance | N8nVersionedNodeType, credentialTypes: CredentialTypeLookup): NodeType[] {
  if (!isVersioned(instance)) {
    const v = instance.description.version;
    const versions = Array.isArray(v) ? [...v] : [v ?? 1];
    if (typeof instance.description.defaultVersion === 'number') moveLast(versions, instance.description.defaultVersion);
    return [adaptOne(packageName, instance, versions, credentialTypes)];
  }
  const byImplementation = new Map<N8nNodeTypeInstance, number[]>();
  for (const [key, impl] of Object.entries(instance.nodeVersions)) {
    const list = byImplementation.get(impl) ?? [];
    list.push(Number(key));
    byImplementation.set(impl, list);
  }
  const defaultVersion = instance.description.defaultVersion ?? Math.max(...Object.keys(instance.nodeVersions).map(Number));
  const types: NodeType[] = [];
  for (const [impl, versions] of byImplementation) {
    versions.sort((a, b) => a - b);
    moveLast(versions, defaultVersion);
    // The base description (name, displayName, icon) wins over each version's own copy of it.
    const merged = { ...impl, description: { ...impl.description, ...pick(instance.description, ['name', 'displayName', 'icon', 'iconUrl', 'group', 'description']) } } as N8nNodeTypeInstance;
    Object.setPrototypeOf(merged, Object.getPrototypeOf(impl));
    types.push(adaptOne(packageName, merged, versions, credentialTypes));
  }
  // The implementation holding the default version comes last, so it is the one listed for new nodes.
  types.sort((a, b) => Number(a.description.version.includes(defaultVersion)) - Number(b.description.version.includes(defaultVersion)));
  return types;
}

function moveLast(list: number[], value: number): void {
  const at = list.indexOf(value);
  if (at >= 0 && at !== list.length - 1) list.push(...list.splice(at, 1));
}

function pick(source: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}
