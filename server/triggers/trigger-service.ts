// Activation and triggers: checks a workflow can be activated (webhook paths free, schedules
// valid), records failures as events, arms the schedule timers of active workflows (again on
// every start-up), follows workflow events to re-arm, and starts a run on each due tick.
import { randomUUID } from 'node:crypto';
import {
  AppError, ConflictError, streamName, ValidationError, webhooksOf, WORKFLOW_CATEGORY, WORKFLOW_DEFINITION_EVENT_TYPES, workflowDecider,
  type RecordedEvent, type WorkflowDefinition,
} from '../../domain/index.ts';
import type { EventStore, Subscription } from '../../events/index.ts';
import { isDueTick, loadTriggerNodeTypes, ScheduleRuleError, scheduleTriggerItem, triggerSchedules } from '../../nodes/index.ts';
import { createMutex, productionDoc, webhookKey, WORKFLOWS, type ProjectionRunner, type WorkflowDoc } from '../../projections/index.ts';
import type { RequestContext, RunCommand } from '../commands.ts';
import type { ExecutionService } from '../executions/execution-service.ts';
import type { Logger } from '../logger.ts';
import type { PublishOptions, WorkflowService } from '../workflow-service.ts';
import type { ProductionRegistry } from '../webhooks/webhook-registry.ts';
import type { Scheduler, Tick } from './scheduler.ts';
import type { ArmFailure, CommunityTriggers } from './community-triggers.ts';
import { workflowTimezone } from './trigger-context.ts';
import { createLocalTryLock, type TryLock } from '../redis-lock.ts';
import type { ActivationMode } from '../../engine/index.ts';

const SCHEDULE_TRIGGER = 'n8n-nodes-base.scheduleTrigger';
const REARM_EVENTS = new Set<string>([
  ...WORKFLOW_DEFINITION_EVENT_TYPES, 'WorkflowPublished', 'WorkflowActivated', 'WorkflowDeactivated', 'WorkflowDeleted', 'WorkflowRestoredFromDeletion', 'WorkflowActivationFailed',
]);

export interface TriggerServiceDeps {
  events: EventStore;
  run: RunCommand;
  workflows: WorkflowService;
  /** The workflows read model (to list active workflows and wait for it to catch up). */
  workflowsRunner: ProjectionRunner;
  /** The webhook registry read model. */
  webhooksRunner: ProjectionRunner;
  registry: ProductionRegistry;
  executions: ExecutionService;
  scheduler: Scheduler;
  config: { timezone: string; maxLatenessMs: number };
  logger: Logger;
  /** Called for every workflow event (webhook caches). */
  onWorkflowEvent?: (workflowId: string) => void;
  /** Called for every tick with how late it fired (benchmarks). */
  onTick?: (tick: Tick, lagMs: number) => void;
  /**
   * Serialises activations across servers (Redis): checking the paths and claiming them must not
   * race with another server doing the same. Default: this process only.
   */
  sharedLock?: <T>(work: () => Promise<T>) => Promise<T>;
  /** Keeps a workflow's polls from overlapping across servers (Redis); this process is always covered. */
  pollLock?: TryLock;
  /** Node types with their own trigger hooks (community triggers, pollers, webhook nodes). */
  communityTriggers?: CommunityTriggers;
}

export type TriggerService = ReturnType<typeof createTriggerService>;

export { workflowTimezone };

export function createTriggerService(deps: TriggerServiceDeps) {
  const { scheduler, logger } = deps;
  const exclusive = createMutex();
  // Activations go one at a time here and, with Redis, one at a time across servers.
  const claiming = <T>(work: () => Promise<T>): Promise<T> => exclusive(() => (deps.sharedLock ? deps.sharedLock(work) : work()));
  let subscription: Subscription | undefined;
  // At most one poll of a workflow at a time: a poll slower than its interval skips the ticks that
  // come meanwhile rather than piling up (the next tick after it ends polls from its cursor).
  const localPolls = createLocalTryLock();
  /** Runs a poll unless one of the workflow's is running here or, with Redis, on another server. */
  async function pollAlone(workflowId: string, poll: () => Promise<void>): Promise<boolean> {
    let ran = false;
    const here = await localPolls(workflowId, async () => {
      ran = deps.pollLock ? await deps.pollLock(workflowId, poll) : (await poll(), true);
    });
    return here && ran;
  }
  // What each workflow is armed with, so edits that leave its schedules alone do not re-arm them.
  const armedWith = new Map<string, string>();

  /** Why the definition cannot be active, or undefined when it can. */
  async function problemWith(doc: WorkflowDoc, definition: WorkflowDefinition, visibleTo: string): Promise<AppError | undefined> {
    const entries = webhooksOf(definition, doc.id);
    const seen = new Set<string>();
    for (const e of entries) {
      const key = webhookKey(e.method, e.path);
      if (seen.has(key)) return new ValidationError(`Two Webhook nodes use ${e.method} /webhook/${e.path}`, [{ path: 'nodes', message: 'duplicate webhook path' }]);
      seen.add(key);
      const communityHolder = deps.communityTriggers?.holder(e.method, e.path);
      const holder = (await deps.registry.holder(e)) ?? (communityHolder ? { workflowId: communityHolder } : undefined);
      if (holder && holder.workflowId !== doc.id) {
        const other = await deps.workflows.find(holder.workflowId);
        const named = other && (other.workspaceId === visibleTo || other.sharedWith.includes(visibleTo))
          ? `workflow '${other.name}' (${other.id})`
          : 'a workflow in another workspace';
        return new ConflictError(`The webhook path ${e.method} /webhook/${e.path} is already used by ${named}; deactivate it or change the path`, [
          { path: `nodes.${e.node}.parameters.path`, message: `taken by ${other && named !== 'a workflow in another workspace' ? other.id : 'another workflow'}` },
        ]);
      }
    }
    await loadTriggerNodeTypes(definition.nodes);
    try {
      triggerSchedules(definition, doc.id);
      deps.communityTriggers?.pollSchedules({ ...doc, definition });
    } catch (err) {
      if (err instanceof ScheduleRuleError) return new ValidationError(err.message, [{ path: 'nodes', message: 'invalid schedule' }]);
      throw err;
    }
    return undefined;
  }

  async function recordFailure(doc: WorkflowDoc, reason: string, ctx: RequestContext): Promise<void> {
    await deps.run(workflowDecider, streamName(WORKFLOW_CATEGORY, doc.id), { type: 'FailActivation', reason }, ctx, {
      workspaceId: doc.workspaceId, step: 'activation-failed',
    });
  }

  /**
   * Arms (or disarms) the workflow's timers to match its current read model, from its published
   * version. Answers the community trigger nodes that failed to arm (see community-triggers.ts).
   */
  async function arm(found: WorkflowDoc | undefined, id: string, activation: ActivationMode = 'update'): Promise<ArmFailure[]> {
    const doc = found && productionDoc(found);
    if (doc) await loadTriggerNodeTypes(doc.definition.nodes);
    const failures = (await deps.communityTriggers?.sync(doc, id, activation)) ?? [];
    if (!doc || !doc.active || doc.deleted) {
      armedWith.delete(id);
      await scheduler.disarm(id);
      return failures;
    }
    let schedules;
    try {
      schedules = [...triggerSchedules(doc.definition, doc.id), ...(deps.communityTriggers?.pollSchedules(doc) ?? [])];
    } catch (err) {
      if (!(err instanceof ScheduleRuleError)) throw err;
      // Same request id on every server for this revision: the failure is recorded once.
      await recordFailure(doc, err.message, { actor: { kind: 'system', id: 'triggers' }, requestId: `rearm-${doc.id}-${doc.revision}` });
      armedWith.delete(id);
      await scheduler.disarm(id);
      return failures;
    }
    const timezone = workflowTimezone(doc.definition, deps.config.timezone);
    const spec = JSON.stringify([schedules, timezone]);
    if (armedWith.get(id) === spec) return failures;
    await scheduler.arm(id, schedules, timezone);
    if (schedules.length) armedWith.set(id, spec);
    else armedWith.delete(id);
    return failures;
  }

  /**
   * A community trigger that throws while being armed fails the activation, as in n8n: the
   * workflow goes back to inactive and the failure is recorded.
   */
  async function undoActivation(doc: WorkflowDoc, failures: ArmFailure[], ctx: RequestContext): Promise<never> {
    const message = `Workflow could not be activated: ${failures.map((f) => `${f.node}: ${f.message}`).join('; ')}`;
    const off = await deps.workflows.deactivate(doc.id, { ...ctx, requestId: `${ctx.requestId}-undo` });
    await deps.webhooksRunner.waitFor(await deps.events.headPosition(), 30_000);
    await arm(off, doc.id);
    await recordFailure(off, message, { ...ctx, requestId: `${ctx.requestId}-failed` });
    throw new ValidationError(message, failures.map((f) => ({ path: `nodes.${f.node}`, message: f.message })));
  }

  async function onWorkflowEvent(event: RecordedEvent): Promise<void> {
    const id = event.stream.slice(WORKFLOW_CATEGORY.length + 1);
    deps.onWorkflowEvent?.(id);
    if (!REARM_EVENTS.has(event.type)) return;
    try {
      await deps.workflowsRunner.waitFor(event.position, 30_000);
      await exclusive(async () => arm(await deps.workflows.find(id), id));
    } catch (err) {
      logger.error({ err, workflowId: id }, 'could not re-arm the triggers of a workflow');
    }
  }

  async function onTick(tick: Tick): Promise<void> {
    const lag = Date.now() - tick.scheduledAt.getTime();
    deps.onTick?.(tick, lag);
    if (lag > deps.config.maxLatenessMs) {
      logger.warn({ workflowId: tick.workflowId, node: tick.schedule.node, lagMs: lag }, 'schedule tick skipped: it fired too late (missed ticks are not replayed)');
      return;
    }
    if (!isDueTick(tick.schedule, tick.scheduledAt, tick.timezone)) return;
    const found = await deps.workflows.find(tick.workflowId);
    if (!found || !found.active || found.deleted) return;
    const doc = productionDoc(found);
    const node = doc.definition.nodes.find((n) => n.name === tick.schedule.node && !n.disabled);
    if (!node) return;
    await loadTriggerNodeTypes([node]);
    if (deps.communityTriggers?.polls(node)) {
      const polls = deps.communityTriggers;
      const ran = await pollAlone(doc.id, () => polls.poll(doc, node).catch((err) => logger.error({ err, workflowId: doc.id, node: node.name }, 'a poll failed')));
      if (!ran) logger.info({ workflowId: doc.id, node: node.name }, 'poll skipped: the previous poll of this workflow is still running');
      return;
    }
    const json = node.type === SCHEDULE_TRIGGER ? scheduleTriggerItem(tick.scheduledAt, tick.timezone) : {};
    try {
      // Not waited for: the worker logs a run that crashes.
      await deps.executions.start(doc, { mode: 'trigger', startNode: node.name, triggerItems: [{ json }] }, {
        actor: { kind: 'system', id: 'schedule' }, requestId: randomUUID(),
      });
    } catch (err) {
      logger.error({ err, workflowId: doc.id }, 'scheduled run could not start');
    }
  }

  return {
    onTick,

    /** Follows workflow events, then arms every active workflow and drops stale timers. */
    async start(): Promise<void> {
      const head = await deps.events.headPosition();
      subscription = deps.events.subscribe({ from: head, filter: { streamPrefixes: [`${WORKFLOW_CATEGORY}-`] } }, onWorkflowEvent);
      const active = new Set<string>();
      let cursor: string | undefined;
      do {
        const page = await deps.workflowsRunner.collection<WorkflowDoc>(WORKFLOWS).find({ filter: { active: true, deleted: false }, limit: 500, cursor });
        for (const doc of page.items) {
          active.add(doc.id);
          await exclusive(() => arm(doc, doc.id, 'init')).catch((err) => logger.error({ err, workflowId: doc.id }, 'could not arm a workflow on start-up'));
        }
        cursor = page.nextCursor;
      } while (cursor);
      await scheduler.prune(active);
      logger.info({ workflows: active.size, armed: scheduler.armed().length }, 'triggers armed');
    },

    /**
     * Activates after checking webhook paths and schedules; a refusal is recorded as an event.
     * Activation publishes the draft, or the revision named.
     */
    activate(id: string, ctx: RequestContext, request: PublishOptions = {}): Promise<WorkflowDoc> {
      return claiming(async () => {
        const doc = await deps.workflows.get(id);
        const publish = await deps.workflows.publishRequest(doc, request);
        if (!doc.deleted) {
          const problem = await problemWith(doc, publish.definition ?? doc.definition, doc.workspaceId);
          if (problem) {
            if (!doc.active) await recordFailure(doc, problem.message, ctx);
            throw problem;
          }
        }
        const result = await deps.workflows.activate(id, ctx, request);
        // Paths are registered before the answer: a call right after activation finds them.
        await deps.webhooksRunner.waitFor(await deps.events.headPosition(), 30_000);
        const failures = await arm(result, id, 'activate');
        if (failures.length) return undoActivation(result, failures, ctx);
        return result;
      });
    },

    deactivate(id: string, ctx: RequestContext): Promise<WorkflowDoc> {
      return claiming(async () => {
        const result = await deps.workflows.deactivate(id, ctx);
        await deps.webhooksRunner.waitFor(await deps.events.headPosition(), 30_000);
        await arm(result, id);
        return result;
      });
    },

    /**
     * Publishes the draft (or an earlier revision) after the same checks as activation when the
     * workflow is active, and re-arms its triggers from it before answering.
     */
    publish(id: string, ctx: RequestContext, request: PublishOptions = {}): Promise<WorkflowDoc> {
      return claiming(async () => {
        const doc = await deps.workflows.get(id);
        const publish = await deps.workflows.publishRequest(doc, request);
        if (doc.active && !doc.deleted) {
          const problem = await problemWith(doc, publish.definition ?? doc.definition, doc.workspaceId);
          if (problem) throw problem;
        }
        const result = await deps.workflows.publish(id, ctx, request);
        await deps.webhooksRunner.waitFor(await deps.events.headPosition(), 30_000);
        const failures = await arm(result, id, 'update');
        if (failures.length) return undoActivation(result, failures, ctx);
        return result;
      });
    },

    /**
     * Refuses a new definition for an active workflow when its webhook paths are taken. Only while
     * it has never been published: after that, edits change the draft and publishing checks.
     */
    async checkUpdate(id: string, definition: WorkflowDefinition): Promise<void> {
      const doc = await deps.workflows.find(id);
      if (!doc || !doc.active || doc.deleted || doc.published) return;
      const problem = await problemWith(doc, definition, doc.workspaceId);
      if (problem) throw problem;
    },

    async close(): Promise<void> {
      await subscription?.close();
      await scheduler.close();
      await deps.communityTriggers?.close();
    },
  };
}
