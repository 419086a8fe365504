// Follows the event log (so runs on any worker count) from its own checkpoint, turns finished runs
// and switched-off workflows into notices, matches them against the rules, and delivers them
// through the rules' channels within each rule's rate limit; a tick sends the digests that are due.
import {
  DEFAULT_WORKSPACE_ID, streamCategory, streamId,
  type NotificationRuleSpec, type NotificationTrigger, type RecordedEvent,
} from '../../domain/index.ts';
import type { EventStore, Subscription } from '../../events/index.ts';
import type { NotificationRuleDoc, ReadModelStore } from '../../projections/index.ts';
import type { Logger } from '../logger.ts';
import type { ChannelService } from './channel-service.ts';
import type { Deliveries } from './deliveries.ts';
import type { Inbox } from './inbox.ts';
import { digestMessage, noticeMessage, type Message, type Notice } from './message.ts';
import type { RateLimit } from './rate-limit.ts';
import type { RuleService } from './rule-service.ts';
import { sendThrough } from './senders.ts';

export const NOTIFICATION_STATE = 'notification_state';
const TYPES = ['ExecutionFinished', 'WorkflowDeactivated', 'WorkflowActivationFailed'];
const TICK_MS = 250;
const CHECKPOINT_EVERY_MS = 1_000;

interface StateDoc { [k: string]: unknown; id: string; position?: number; failures?: number }

export interface DispatcherDeps {
  events: EventStore;
  vault: ReadModelStore;
  rules: RuleService;
  channels: ChannelService;
  inbox: Inbox;
  deliveries: Deliveries;
  rateLimit: RateLimit;
  findExecution(id: string): Promise<{ workflowId: string; workspaceId?: string; mode: string; status: string; startedAt: string; stoppedAt?: string; error?: { message: string } } | undefined>;
  /** Resolves once the executions read model holds the event at `position` (bounded). */
  executionsProjected(position: number): Promise<void>;
  findWorkflow(id: string): Promise<{ name: string; workspaceId: string } | undefined>;
  publicUrl: string;
  logger: Logger;
  /** Whether this process sends (one server of several: the trigger leader). */
  delivers(): boolean;
}

/** The trigger a rule answers an event with (at most one per rule and event), most serious first. */
function matching(rule: NotificationRuleSpec, found: Partial<Record<NotificationTrigger, Notice>>): Notice | undefined {
  const order: NotificationTrigger[] = ['triggerFailing', 'runFailed', 'workflowDeactivated', 'runSlow', 'runSucceeded'];
  for (const trigger of order) {
    const notice = found[trigger];
    if (!notice || !rule.on.includes(trigger)) continue;
    if (trigger === 'runSlow' && (notice.durationMs ?? 0) <= (rule.slowAfterSeconds ?? Infinity) * 1000) continue;
    if (trigger === 'triggerFailing' && notice.failuresInRow !== undefined && notice.failuresInRow % (rule.failuresInRow ?? 1) !== 0) continue;
    return notice;
  }
  return undefined;
}

export async function createDispatcher(deps: DispatcherDeps) {
  const { vault, logger } = deps;
  await vault.ensureCollection({ name: NOTIFICATION_STATE });
  const state = vault.collection<StateDoc>(NOTIFICATION_STATE);
  let subscription: Subscription | undefined;
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | undefined;
  let closed = false;

  /** Sends a message through each of the rule's channels and records every outcome. */
  async function deliver(rule: Pick<NotificationRuleDoc, 'id' | 'workspaceId' | 'channelIds'> | { id: null; workspaceId: string; channelIds: string[] }, message: Message, workflowId: string | null) {
    const outcomes = [];
    for (const channelId of rule.channelIds) {
      const id = deps.deliveries.newId();
      const base = { id, workspaceId: rule.workspaceId, ruleId: rule.id, workflowId, channelId, digest: message.digest, title: message.title };
      const channel = await deps.channels.open(channelId).catch(() => undefined);
      try {
        if (!channel) throw new Error('The channel no longer exists');
        if (channel.kind === 'inApp') await deps.inbox.add(rule.workspaceId, rule.id, message);
        else await sendThrough(channel, message, { ruleId: rule.id, deliveryId: id });
        outcomes.push(await deps.deliveries.record({ ...base, channelKind: channel.kind, status: 'sent' }));
      } catch (err) {
        logger.warn({ rule: rule.id, channel: channelId, err: (err as Error).message }, 'notification delivery failed');
        outcomes.push(await deps.deliveries.record({ ...base, channelKind: channel?.kind ?? null, status: 'failed', error: (err as Error).message }));
      }
    }
    return outcomes;
  }

  /** Delivers what the rules answer; tells whether any rule answered (sent, or held for a digest). */
  async function notify(rules: NotificationRuleDoc[], workflowId: string, found: Partial<Record<NotificationTrigger, Notice>>): Promise<boolean> {
    let answered = false;
    for (const rule of rules) {
      const notice = matching(rule, found);
      if (!notice) continue;
      answered = true;
      if ((await deps.rateLimit.admit(rule, notice)) === 'send') await deliver(rule, noticeMessage(notice, deps.publicUrl), workflowId);
      else await deps.deliveries.record({ workspaceId: notice.workspaceId, ruleId: rule.id, workflowId, channelId: null, channelKind: null, status: 'suppressed', digest: false, title: noticeMessage(notice, deps.publicUrl).title });
    }
    return answered;
  }

  /** Failed runs in a row of a workflow's non-manual runs (a success resets it). */
  async function streak(workflowId: string, failed: boolean): Promise<number> {
    const id = `streak:${workflowId}`;
    const failures = failed ? ((await state.get(id))?.failures ?? 0) + 1 : 0;
    await state.upsert({ id, failures });
    return failures;
  }

  async function onRunFinished(event: RecordedEvent): Promise<boolean> {
    const executionId = streamId(event.stream);
    await deps.executionsProjected(event.position);
    const run = await deps.findExecution(executionId);
    if (!run || (run.status !== 'success' && run.status !== 'error')) return false;
    const workflow = await deps.findWorkflow(run.workflowId);
    const workspaceId = run.workspaceId ?? workflow?.workspaceId ?? DEFAULT_WORKSPACE_ID;
    // Most runs have no rule watching them: then nothing is counted or written (a failure streak
    // is counted only while a "keeps failing" rule watches the workflow).
    const rules = await deps.rules.forWorkflow(workspaceId, run.workflowId);
    if (rules.length === 0) return false;
    const failed = run.status === 'error';
    const at = run.stoppedAt ?? event.metadata.at;
    const base: Notice = {
      trigger: 'runSucceeded', workspaceId, workflowId: run.workflowId,
      workflowName: workflow?.name ?? run.workflowId, executionId, at, durationMs: Math.max(0, Date.parse(at) - Date.parse(run.startedAt)),
      ...(run.error ? { error: run.error.message } : {}),
    };
    const found: Partial<Record<NotificationTrigger, Notice>> = { runSlow: { ...base, trigger: 'runSlow' } };
    if (failed) found.runFailed = { ...base, trigger: 'runFailed' };
    else found.runSucceeded = base;
    if (run.mode !== 'manual' && rules.some((r) => r.on.includes('triggerFailing'))) {
      const failures = await streak(run.workflowId, failed);
      if (failures > 0) found.triggerFailing = { ...base, trigger: 'triggerFailing', failuresInRow: failures };
    }
    return notify(rules, base.workflowId, found);
  }

  async function onWorkflowEvent(event: RecordedEvent): Promise<boolean> {
    const workflowId = streamId(event.stream);
    const workflow = await deps.findWorkflow(workflowId);
    const base = { workspaceId: event.metadata.workspaceId ?? workflow?.workspaceId ?? DEFAULT_WORKSPACE_ID, workflowId, workflowName: workflow?.name ?? workflowId, at: event.metadata.at };
    const rules = await deps.rules.forWorkflow(base.workspaceId, workflowId);
    if (event.type === 'WorkflowActivationFailed') {
      return notify(rules, workflowId, { triggerFailing: { ...base, trigger: 'triggerFailing', error: (event.data as { reason: string }).reason } });
    }
    const actor = event.metadata.actor;
    const by = actor.kind === 'system' ? 'automatically' : (actor.name ?? actor.id);
    return notify(rules, workflowId, { workflowDeactivated: { ...base, trigger: 'workflowDeactivated', by } });
  }

  // The checkpoint is written at once after an event some rule answered (so a restart never sends
  // it twice), and otherwise at most once a second: re-reading a few unanswered events is harmless,
  // a write per run is not.
  let unsaved: number | undefined;
  let lastSave = 0;
  const saveCheckpoint = async (position: number) => {
    unsaved = undefined;
    lastSave = Date.now();
    await state.upsert({ id: 'checkpoint', position });
  };

  async function handle(event: RecordedEvent): Promise<void> {
    if (!deps.delivers()) return;
    let answered = false;
    try {
      answered = streamCategory(event.stream) === 'execution' ? await onRunFinished(event) : await onWorkflowEvent(event);
    } catch (err) {
      // One event that cannot be told must not stop every later notification.
      logger.error({ err, event: event.id }, 'notification for an event failed');
    }
    if (answered || Date.now() - lastSave >= CHECKPOINT_EVERY_MS) await saveCheckpoint(event.position);
    else unsaved = event.position;
  }

  function follow(from: number): void {
    const sub = deps.events.subscribe({ from, filter: { streamPrefixes: ['execution-', 'workflow-'], eventTypes: TYPES } }, handle);
    subscription = sub;
    sub.done.catch(async (err: unknown) => {
      if (closed) return;
      logger.error({ err }, 'notification subscription failed; resuming');
      const position = (await state.get('checkpoint').catch(() => undefined))?.position ?? from;
      setTimeout(() => { if (!closed) follow(position); }, 500).unref();
    });
  }

  async function sendDueDigests(): Promise<void> {
    const windowOf = async (ruleId: string) => (await deps.rules.byId(ruleId))?.windowSeconds;
    for (const window of await deps.rateLimit.takeEnded(windowOf)) {
      const rule = await deps.rules.byId(window.ruleId);
      if (!rule || !window.held.length) continue;
      await deliver(rule, digestMessage(window.held, window.heldCount, deps.publicUrl), window.workflowId);
    }
  }

  return {
    deliver,
    async start(): Promise<void> {
      // A first start tells only what happens from now on, not the whole history.
      const from = (await state.get('checkpoint'))?.position ?? (await deps.events.headPosition());
      follow(from);
      const tick = () => {
        if (closed) return;
        if (unsaved !== undefined && Date.now() - lastSave >= CHECKPOINT_EVERY_MS) void saveCheckpoint(unsaved).catch((err: unknown) => logger.warn({ err }, 'notification checkpoint not saved'));
        if (deps.delivers()) {
          ticking = sendDueDigests().catch((err: unknown) => logger.error({ err }, 'notification digests failed')).finally(() => { ticking = undefined; });
        }
        void Promise.resolve(ticking).then(() => {
          if (closed) return;
          timer = setTimeout(tick, TICK_MS);
          timer.unref();
        });
      };
      timer = setTimeout(tick, TICK_MS);
      timer.unref();
    },
    async stop(): Promise<void> {
      closed = true;
      clearTimeout(timer);
      await ticking;
      await subscription?.close();
      if (unsaved !== undefined) await saveCheckpoint(unsaved);
    },
  };
}
