// Answers a call on the webhook of a node type with its own webhook() (community webhook nodes):
// the node reads the request, may write the answer itself, and decides whether a run starts with
// its workflowData (paths: node-webhook-paths.ts).
import type { Context } from 'koa';
import type { BinaryData, Item, NodeType, NodeWebhook, RunResult, TriggerContext, WebhookCall } from '../../engine/index.ts';
import type { WorkflowDefinition } from '../../domain/index.ts';
import type { WorkflowDoc } from '../../projections/index.ts';
import type { RequestContext } from '../commands.ts';
import type { CommunityTriggers, NodeRunOptions } from '../triggers/community-triggers.ts';
import type { ExecutionWatch } from './execution-watch.ts';
import { answerStreaming } from './streamed-answer.ts';
import { formPagesFollow } from '../../nodes/index.ts';
import { answerFormNext } from './form-pages.ts';
import { answerFromNode, answerLastNode, answerWithoutResponder } from './webhook-answer.ts';
import { readWebhookBody } from './webhook-body.ts';
import { answerPreflight } from './webhook-checks.ts';
import { WEBHOOK_METHODS } from './webhook-registry.ts';

const FORM_TRIGGER = 'n8n-nodes-base.formTrigger';
const RESPOND_NODE = 'n8n-nodes-base.respondToWebhook';

export interface NodeWebhookConfig {
  bodyLimitBytes: number;
  maxJsonDepth: number;
  /** Follows a run for the answers written while it goes on (a streamed answer). */
  watch: ExecutionWatch;
}

/** What answering a call with a node's own webhook() needs. */
interface HookTarget {
  type: NodeType;
  node: { name: string };
  /** The workflow the run uses: which nodes follow the trigger, and its Respond to Webhook nodes. */
  definition: WorkflowDefinition;
  webhook: NodeWebhook;
  params: Record<string, string>;
  context(signal: AbortSignal): TriggerContext;
  startRun(output: Item[][], options?: NodeRunOptions): Promise<{ executionId: string; lastNodeDone: Promise<RunResult>; ended: Promise<RunResult> } | undefined>;
}

/** Answers a call when a community webhook node holds the path; false when none does. */
export async function answerNodeWebhook(ctx: Context, triggers: CommunityTriggers, config: NodeWebhookConfig, path: string): Promise<boolean> {
  if (ctx.method.toUpperCase() === 'OPTIONS') return answerNodePreflight(ctx, triggers, path);
  const hit = triggers.findWebhook(ctx.method, path);
  const target = hit && triggers.target(hit.entry);
  if (!hit || !target) return false;
  await answerWithHook(ctx, { ...target, definition: target.doc.definition, webhook: hit.entry.webhook, params: hit.params }, config);
  return true;
}

/** CORS preflight for a node type's webhook: the methods it answers on the path, its allowed origins. */
function answerNodePreflight(ctx: Context, triggers: CommunityTriggers, path: string): boolean {
  const held = WEBHOOK_METHODS.filter((method) => triggers.findWebhook(method, path));
  if (held.length === 0) return false;
  const target = triggers.target(triggers.findWebhook(held[0], path)!.entry);
  const options = (target?.node.parameters?.options ?? {}) as Record<string, unknown>;
  answerPreflight(ctx, held, typeof options.allowedOrigins === 'string' ? options.allowedOrigins : '*');
  return true;
}

/**
 * Answers a test call (/webhook-test/) when a listening workflow's node-type webhook node is
 * called (its run starts by hand, as the listener); false for the Webhook node's calls.
 */
export async function answerTestNodeWebhook(
  ctx: Context, triggers: CommunityTriggers, config: NodeWebhookConfig,
  listening: { doc: WorkflowDoc; definition: WorkflowDefinition; node: string; params: Record<string, string>; runCtx: RequestContext },
): Promise<boolean> {
  const target = await triggers.testTarget(listening.doc, listening.definition, listening.node, ctx.method, listening.runCtx);
  if (!target) return false;
  await answerWithHook(ctx, { ...target, definition: listening.definition, params: listening.params }, config);
  return true;
}

/** The node reads the request, may write the answer itself, and decides whether a run starts with its workflowData. */
async function answerWithHook(ctx: Context, target: HookTarget, config: NodeWebhookConfig): Promise<void> {
  const body = await readWebhookBody(ctx.req, { limitBytes: config.bodyLimitBytes, maxDepth: config.maxJsonDepth, rawBody: true, binaryData: false, binaryPropertyName: 'data' });
  const raw = body.binary?.data?.data;
  const multipart = String(ctx.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');
  const call: WebhookCall & { binary?: Record<string, BinaryData> } = {
    webhookName: target.webhook.name, method: ctx.method.toUpperCase(), headers: ctx.headers as Record<string, unknown>,
    query: { ...ctx.query }, params: target.params, body: body.body, req: ctx.req, res: ctx.res,
    // A multipart body's files (a form's uploads); its raw bytes are not kept.
    ...(multipart ? (body.binary ? { binary: body.binary } : {}) : raw ? { rawBody: Buffer.from(raw, 'base64') } : {}),
  };
  const abort = new AbortController();
  const answer = await target.type.triggers!.webhook!(Object.assign(target.context(abort.signal), { call }));
  const streaming = target.webhook.responseMode === 'streaming' && !answer.onlyThisNode;
  const options: NodeRunOptions = { ...(streaming ? { streaming } : {}), ...(answer.onlyThisNode ? { onlyThisNode: true } : {}) };
  const started = answer.workflowData ? await target.startRun(answer.workflowData, options) : undefined;
  if (started) ctx.set('X-Weft-Execution-Id', started.executionId);
  // A Form Trigger with Form nodes after it (n8n looks at the trigger's child nodes the same way):
  // the browser goes on to the run's next page once the run parks there, or to its ending.
  if (started && target.type.description.name === FORM_TRIGGER && formPagesFollow(target.definition, target.node.name)) {
    await started.ended.catch(() => undefined);
    answerFormNext(ctx, started.executionId);
    return;
  }
  if (answer.noWebhookResponse) {
    // The node wrote the answer on the raw response.
    ctx.respond = false;
    return;
  }
  if (answer.webhookResponse !== undefined) {
    ctx.status = 200;
    ctx.body = answer.webhookResponse as never;
    return;
  }
  if (started && streaming) {
    answerStreaming(ctx, config.watch, started);
    return;
  }
  if (started && target.webhook.responseMode === 'responseNode') {
    const responders = new Set(target.definition.nodes.filter((n) => n.type === RESPOND_NODE && !n.disabled).map((n) => n.name));
    const done = started.lastNodeDone;
    const response = await config.watch.respondNodeAnswer(started.executionId, responders, done);
    if (response) answerFromNode(ctx, response);
    else answerWithoutResponder(ctx, await done.catch(() => undefined));
    return;
  }
  if (started && (target.webhook.responseMode === 'lastNode' || answer.onlyThisNode)) {
    answerLastNode(ctx, { responseMode: 'lastNode', responseCode: 200, responseData: 'firstEntryJson', responseBinaryPropertyName: 'data', options: {} }, await started.lastNodeDone);
    return;
  }
  ctx.status = 200;
  ctx.body = { message: started ? 'Workflow was started' : 'Webhook call received' };
}
