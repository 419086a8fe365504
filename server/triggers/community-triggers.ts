// Arms the trigger hooks of node types that start runs by themselves (community trigger, polling
// and webhook nodes, see TriggerHooks in engine/node-sdk.ts) for the active workflows of this
// server: trigger() is armed and closed with the workflow, webhook nodes' paths are answered
// here and their remote registrations (webhookSetup) made on activation and removed on
// deactivation, and a poll tick polls. Every emit becomes a run of the workflow in mode 'trigger'.
// With several servers, only the leader arms trigger() and the remote registrations (see
// trigger-leadership.ts); every server answers the webhooks.
import { randomUUID } from 'node:crypto';
import { staticDataFromDefinition, type WebhookEntry, type WorkflowDefinition, type WorkflowNode } from '../../domain/index.ts';
import { loadTriggerNodeTypes, pollTimesSchedules, type TriggerSchedule } from '../../nodes/index.ts';
import type { ActivationMode, Item, JsonObject, NodeType, TriggerContext } from '../../engine/index.ts';
import type { WorkflowDoc } from '../../projections/index.ts';
import type { RequestContext } from '../commands.ts';
import type { Logger } from '../logger.ts';
import { systemWriter, type StaticDataOwner, type StaticDataStore } from '../static-data-store.ts';
import { buildTriggerContext, type TriggerContextDeps } from './trigger-context.ts';
import { soleLeadership, type Leadership } from './trigger-leadership.ts';
import { nodeWebhookPath, type NodeWebhookEntry } from '../webhooks/node-webhook-paths.ts';
import { matchPath } from '../webhooks/webhook-registry.ts';
import type { ExecutionService, RunRequest } from '../executions/execution-service.ts';

/** How a run a node's webhook starts differs from a plain one. */
export interface NodeRunOptions {
  /** The call takes its answer as a stream. */
  streaming?: boolean;
  /** The run stops after the trigger (it answers from its own step). */
  onlyThisNode?: boolean;
}

export interface CommunityTriggersDeps extends TriggerContextDeps {
  executions: Pick<ExecutionService, 'start' | 'startDefinition'>;
  nodeType(name: string, version: number): NodeType | undefined;
  publicUrl: string;
  logger: Logger;
  /**
   * Arm trigger() and webhooks here: servers yes, queue workers no (they may still take poll
   * ticks from the shared scheduler, so they poll).
   */
  armsHooks: boolean;
  /** Which workflow's Webhook node holds a method + path (the webhooks read model), if any. */
  pathHolder?: (method: string, path: string) => Promise<string | undefined>;
  /** Where the workflows' static data is kept between polls, emits and restarts. */
  staticDataStore: Pick<StaticDataStore, 'load' | 'save'>;
  /** Whether this server leads (arms trigger() and remote registrations); alone, it always does. */
  leadership?: Leadership;
}

interface Armed {
  spec: string;
  doc: WorkflowDoc;
  abort: AbortController;
  closers: Array<() => Promise<void> | void>;
  /** Remote webhook registrations to delete on deactivation. */
  setups: Array<() => Promise<unknown>>;
}

export type CommunityTriggers = ReturnType<typeof createCommunityTriggers>;

/** A node whose trigger or webhook registration threw while being armed. */
export interface ArmFailure {
  node: string;
  message: string;
}

/** A run request's trigger items: the first output with items (n8n emits on one output). */
function firstOutput(output: Item[][]): { items: Item[]; index: number } | undefined {
  const index = output.findIndex((items) => Array.isArray(items) && items.length > 0);
  return index < 0 ? undefined : { items: output[index], index };
}

const ownerOf = (doc: WorkflowDoc): StaticDataOwner => ({ workflowId: doc.id, workspaceId: doc.workspaceId, seed: doc.definition.staticData });
const jsonCopy = (data: JsonObject): JsonObject => JSON.parse(JSON.stringify(data)) as JsonObject;

export function createCommunityTriggers(deps: Omit<CommunityTriggersDeps, 'staticData'>) {
  const { logger } = deps;
  const leadership = deps.leadership ?? soleLeadership();
  const armed = new Map<string, Armed>();
  const webhooks = new Map<string, NodeWebhookEntry[]>();
  // An armed workflow's static data: loaded from the store when it is armed, and what its triggers
  // changed since (`saved` is the last state stored) is saved before each run they start, after
  // arming, and on disarming. Polls load and save their own copy (they may run on any process).
  const staticData = new Map<string, { owner: StaticDataOwner; data: JsonObject; saved: JsonObject }>();
  const ctxDeps: TriggerContextDeps = {
    ...deps,
    staticData(workflowId) {
      let entry = staticData.get(workflowId);
      const doc = armed.get(workflowId)?.doc;
      if (!entry && doc) {
        const data = staticDataFromDefinition(doc.definition.staticData) as JsonObject;
        entry = { owner: ownerOf(doc), data, saved: jsonCopy(data) };
        staticData.set(workflowId, entry);
      }
      return entry?.data ?? {};
    },
  };

  async function loadStaticData(doc: WorkflowDoc): Promise<void> {
    const data = (await deps.staticDataStore.load(ownerOf(doc))) as JsonObject;
    staticData.set(doc.id, { owner: ownerOf(doc), data, saved: jsonCopy(data) });
  }

  async function saveStaticData(workflowId: string): Promise<void> {
    const entry = staticData.get(workflowId);
    if (!entry) return;
    const now = jsonCopy(entry.data);
    if (await deps.staticDataStore.save(entry.owner, entry.saved, now, systemWriter('trigger'))) entry.saved = now;
  }

  function hooked(doc: WorkflowDoc): Array<{ node: WorkflowNode; type: NodeType }> {
    const out: Array<{ node: WorkflowNode; type: NodeType }> = [];
    for (const node of doc.definition.nodes) {
      if (node.disabled) continue;
      const type = deps.nodeType(node.type, node.typeVersion ?? 1);
      if (type?.triggers) out.push({ node, type });
    }
    return out;
  }

  async function emitRun(workflowId: string, node: WorkflowNode, output: Item[][], mode: 'trigger' | 'webhook', options: NodeRunOptions = {}) {
    // The run reads the stored static data: what the trigger changed must be there first.
    await saveStaticData(workflowId);
    const doc = armed.get(workflowId)?.doc;
    const first = firstOutput(output);
    if (!doc || !first) return undefined;
    return deps.executions.start(doc, { mode, startNode: node.name, triggerItems: first.items, triggerOutput: first.index, ...runRequestOf(node, options) }, {
      actor: { kind: 'system', id: 'trigger' }, requestId: randomUUID(),
    });
  }

  function contextFor(
    doc: WorkflowDoc, node: WorkflowNode, type: NodeType, activation: ActivationMode, signal: AbortSignal, ownStaticData?: JsonObject,
    emitMode: 'trigger' | 'webhook' = 'trigger',
  ): TriggerContext {
    const ctx: TriggerContext = buildTriggerContext(ownStaticData ? { ...ctxDeps, staticData: () => ownStaticData } : ctxDeps, {
      doc, node, type, activation, signal,
      emit(output, onDone) {
        emitRun(doc.id, node, output, emitMode)
          .then((started) => {
            if (!onDone) return;
            if (!started) return onDone(undefined);
            started.lastNodeDone.then((result) => onDone(result), (err: Error) => onDone(undefined, err));
          })
          .catch((err: Error) => {
            logger.error({ err, workflowId: doc.id, node: node.name }, 'a trigger emit could not start a run');
            onDone?.(undefined, err);
          });
      },
      emitError(error) {
        logger.error({ err: error, workflowId: doc.id, node: node.name }, 'a trigger reported an error');
      },
      webhookUrl(name) {
        const hook = type.triggers?.webhooks?.(ctx).find((w) => w.name === name);
        if (!hook) throw new Error(`Node "${node.name}" has no webhook named '${name}'`);
        return `${deps.publicUrl}/webhook/${nodeWebhookPath(node, hook, doc.id).path}`;
      },
    });
    return ctx;
  }

  async function disarm(id: string, removeRemote: boolean): Promise<void> {
    const current = armed.get(id);
    if (!current) return;
    armed.delete(id);
    webhooks.delete(id);
    for (const close of current.closers) {
      await Promise.resolve().then(close).catch((err) => logger.error({ err, workflowId: id }, 'a trigger failed to close'));
    }
    // After the close functions: they may still make requests under this signal.
    current.abort.abort();
    if (removeRemote) {
      for (const remove of current.setups) await remove().catch((err) => logger.error({ err, workflowId: id }, 'a webhook could not be removed from the remote service'));
    }
    await saveStaticData(id);
    staticData.delete(id);
  }

  /** Arms the nodes; answers which could not be armed (they stay unarmed, the others run). */
  async function arm(doc: WorkflowDoc, nodes: Array<{ node: WorkflowNode; type: NodeType }>, spec: string, activation: ActivationMode): Promise<ArmFailure[]> {
    const failures: ArmFailure[] = [];
    const entry: Armed = { spec, doc, abort: new AbortController(), closers: [], setups: [] };
    armed.set(doc.id, entry);
    if (deps.armsHooks) await loadStaticData(doc);
    const paths: NodeWebhookEntry[] = [];
    // Listed before the services are told: some (Meta) call the URL back while it is being registered.
    webhooks.set(doc.id, paths);
    const leads = leadership.isLeader();
    for (const { node, type } of deps.armsHooks ? nodes : []) {
      const hooks = type.triggers!;
      const ctx = contextFor(doc, node, type, activation, entry.abort.signal);
      try {
        if (hooks.webhooks && hooks.webhook) {
          for (const w of hooks.webhooks(ctx)) {
            const entry = { ...nodeWebhookPath(node, w, doc.id), workflowId: doc.id, node: node.name, webhook: w };
            const holder = [...webhooks.values(), paths].flat().find((e) => e.webhook.httpMethod === w.httpMethod && e.path === entry.path);
            const holderId = holder?.workflowId ?? (await deps.pathHolder?.(w.httpMethod, entry.path));
            if (holderId && holderId !== doc.id) throw new Error(`The webhook path ${w.httpMethod} /webhook/${entry.path} is already used by workflow ${holderId}`);
            paths.push(entry);
          }
          const setup = hooks.webhookSetup;
          if (setup && leads) {
            if (!(await setup.checkExists(ctx))) await setup.create(ctx);
            entry.setups.push(() => setup.delete(contextFor(doc, node, type, activation, new AbortController().signal)));
          }
        }
        if (hooks.trigger && leads) {
          const response = await hooks.trigger(ctx);
          if (response?.close) entry.closers.push(response.close);
        }
      } catch (err) {
        logger.error({ err, workflowId: doc.id, node: node.name }, 'a trigger could not be armed');
        failures.push({ node: node.name, message: err instanceof Error ? err.message : String(err) });
      }
    }
    await saveStaticData(doc.id);
    return failures;
  }

  // A new leader arms what the old one had armed; a server that lost the lead closes its triggers
  // (remote registrations stay: the leader keeps them). One change at a time, in order.
  let leadChanges = Promise.resolve();
  leadership.onChange(() => {
    leadChanges = leadChanges.then(async () => {
      for (const [id, entry] of [...armed]) {
        await disarm(id, false);
        const nodes = hooked(entry.doc);
        const failures = await arm(entry.doc, nodes, entry.spec, 'leadershipChange');
        for (const failure of failures) logger.error({ workflowId: id, ...failure }, 'a trigger could not be armed after a change of leader');
      }
    }).catch((err) => logger.error({ err }, 'the triggers could not follow a change of leader'));
  });

  return {
    /** Arms, re-arms or disarms the workflow's hooked nodes to match `doc`; unchanged nodes stay armed. */
    async sync(doc: WorkflowDoc | undefined, id: string, activation: ActivationMode): Promise<ArmFailure[]> {
      const nodes = doc && doc.active && !doc.deleted ? hooked(doc) : [];
      const spec = JSON.stringify(nodes.map(({ node }) => [node.name, node.type, node.typeVersion, node.parameters, node.credentials, node.webhookId]));
      const current = armed.get(id);
      if (current && current.spec === spec) {
        current.doc = doc!;
        return [];
      }
      await disarm(id, true);
      return nodes.length && doc ? arm(doc, nodes, spec, activation) : [];
    },

    /** The schedules of the workflow's polling nodes (their pollTimes). */
    pollSchedules(doc: WorkflowDoc): TriggerSchedule[] {
      return hooked(doc).filter(({ type }) => type.triggers?.poll).flatMap(({ node }) => pollTimesSchedules(node, doc.id));
    },

    /** True when the node polls: a tick of it polls instead of starting a run directly. */
    polls(node: WorkflowNode): boolean {
      return Boolean(deps.nodeType(node.type, node.typeVersion ?? 1)?.triggers?.poll);
    },

    /** One poll, from the stored static data and saving what it changed there; items returned start a run. */
    async poll(doc: WorkflowDoc, node: WorkflowNode): Promise<void> {
      const type = deps.nodeType(node.type, node.typeVersion ?? 1);
      if (!type?.triggers?.poll) return;
      const entry = armed.get(doc.id);
      const owner = ownerOf(doc);
      const data = (await deps.staticDataStore.load(owner)) as JsonObject;
      const before = jsonCopy(data);
      const ctx = contextFor(doc, node, type, 'activate', entry?.abort.signal ?? new AbortController().signal, data);
      const output = await type.triggers.poll(ctx);
      await deps.staticDataStore.save(owner, before, data, systemWriter('poll'));
      if (output) await emitRun(doc.id, node, output, 'trigger');
    },

    /** The community webhook answering a call, if any. */
    findWebhook(method: string, path: string): { entry: NodeWebhookEntry; params: Record<string, string> } | undefined {
      for (const list of webhooks.values()) {
        for (const entry of list) {
          if (entry.webhook.httpMethod !== method.toUpperCase()) continue;
          const params = matchEntry(entry, path);
          if (params) return { entry, params };
        }
      }
      return undefined;
    },

    /** The workflow whose community node answers a method + path here, if any (activation checks). */
    holder(method: string, path: string): string | undefined {
      for (const list of webhooks.values()) {
        const found = list.find((e) => e.webhook.httpMethod === method.toUpperCase() && e.path === path);
        if (found) return found.workflowId;
      }
      return undefined;
    },

    /** What a webhook call needs to run: the armed doc, node and type. */
    target(entry: NodeWebhookEntry) {
      const doc = armed.get(entry.workflowId)?.doc;
      const node = doc?.definition.nodes.find((n) => n.name === entry.node);
      const type = node && deps.nodeType(node.type, node.typeVersion ?? 1);
      if (!doc || !node || !type?.triggers?.webhook) return undefined;
      return {
        doc, node, type,
        // Runs a webhook call starts through emit (the MCP Server Trigger's) are webhook runs too.
        context: (signal: AbortSignal) => contextFor(doc, node, type, 'activate', signal, undefined, 'webhook'),
        startRun: (output: Item[][], options?: NodeRunOptions) => emitRun(doc.id, node, output, 'webhook', options),
      };
    },

    /**
     * The webhooks of a definition's node-type webhook nodes, as the editor's test listening registers
     * them (answered under /webhook-test/ by testTarget); their remote registrations are not made.
     */
    async testWebhooks(doc: WorkflowDoc, definition: WorkflowDefinition): Promise<WebhookEntry[]> {
      await loadTriggerNodeTypes(definition.nodes);
      const listening = { ...doc, definition };
      const entries: WebhookEntry[] = [];
      for (const { node, type } of hooked(listening)) {
        if (!type.triggers?.webhooks || !type.triggers.webhook) continue;
        const ctx = contextFor(listening, node, type, 'manual', new AbortController().signal, {});
        for (const w of type.triggers.webhooks(ctx)) {
          const { path, dynamic } = nodeWebhookPath(node, w, doc.id);
          entries.push({ method: w.httpMethod.toUpperCase(), path, node: node.name, dynamic, segments: path.split('/').length });
        }
      }
      return entries;
    },

    /**
     * A test call's node-type webhook: what answering it needs (its run starts by hand, as the
     * listener), or undefined for other nodes (the Webhook node).
     */
    async testTarget(doc: WorkflowDoc, definition: WorkflowDefinition, nodeName: string, method: string, runCtx: RequestContext) {
      const node = definition.nodes.find((n) => n.name === nodeName);
      if (node) await loadTriggerNodeTypes([node]);
      const type = node && deps.nodeType(node.type, node.typeVersion ?? 1);
      if (!node || !type?.triggers?.webhook || !type.triggers.webhooks) return undefined;
      const listening = { ...doc, definition };
      const context = (signal: AbortSignal) => contextFor(listening, node, type, 'manual', signal, {});
      const webhook = type.triggers.webhooks(context(new AbortController().signal)).find((w) => w.httpMethod.toUpperCase() === method.toUpperCase());
      const startRun = async (output: Item[][], options: NodeRunOptions = {}) => {
        const first = firstOutput(output);
        if (!first) return undefined;
        const workflow = { id: doc.id, workspaceId: doc.workspaceId, active: false };
        return deps.executions.startDefinition(definition, workflow, { mode: 'manual', startNode: node.name, triggerItems: first.items, triggerOutput: first.index, ...runRequestOf(node, options) }, runCtx);
      };
      return webhook && { type, node, webhook, context, startRun };
    },

    /** Closes every armed trigger (shutdown) and gives the lead up: remote webhooks stay registered, as in n8n. */
    async close(): Promise<void> {
      await leadChanges;
      for (const id of [...armed.keys()]) await disarm(id, false);
      await leadership.close();
    },
  };
}

function matchEntry(entry: NodeWebhookEntry, called: string): Record<string, string> | undefined {
  const path = called.replace(/^\/+|\/+$/g, '');
  if (!entry.dynamic) return entry.path === path ? {} : undefined;
  return matchPath(entry.path, path);
}

/** What a node's webhook asks of its run, as the run request says it. */
function runRequestOf(node: WorkflowNode, options: NodeRunOptions): Pick<RunRequest, 'streaming' | 'destinationNode'> {
  return { ...(options.streaming ? { streaming: true } : {}), ...(options.onlyThisNode ? { destinationNode: node.name } : {}) };
}
