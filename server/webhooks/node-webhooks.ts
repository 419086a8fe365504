// Answers a call on the webhook of a node type with its own webhook() (community webhook nodes):
// the node reads the request, may write the answer itself, and decides whether a run starts with
// its workflowData (paths: node-webhook-paths.ts).
import type { Context } from 'koa';
import type { WebhookCall } from '../../engine/index.ts';
import type { CommunityTriggers } from '../triggers/community-triggers.ts';
import { answerLastNode } from './webhook-answer.ts';
import { readWebhookBody } from './webhook-body.ts';

export interface NodeWebhookConfig {
  bodyLimitBytes: number;
  maxJsonDepth: number;
}

/** Answers a call when a community webhook node holds the path; false when none does. */
export async function answerNodeWebhook(ctx: Context, triggers: CommunityTriggers, config: NodeWebhookConfig, path: string): Promise<boolean> {
  const hit = triggers.findWebhook(ctx.method, path);
  const target = hit && triggers.target(hit.entry);
  if (!hit || !target) return false;
  const body = await readWebhookBody(ctx.req, { limitBytes: config.bodyLimitBytes, maxDepth: config.maxJsonDepth, rawBody: true, binaryData: false, binaryPropertyName: 'data' });
  const raw = body.binary?.data?.data;
  const call: WebhookCall = {
    webhookName: hit.entry.webhook.name, method: ctx.method.toUpperCase(), headers: ctx.headers as Record<string, unknown>,
    query: { ...ctx.query }, params: hit.params, body: body.body, req: ctx.req, res: ctx.res,
    ...(raw ? { rawBody: Buffer.from(raw, 'base64') } : {}),
  };
  const abort = new AbortController();
  const answer = await target.type.triggers!.webhook!(Object.assign(target.context(abort.signal), { call }));
  const started = answer.workflowData ? await target.startRun(answer.workflowData) : undefined;
  if (started) ctx.set('X-Weft-Execution-Id', started.executionId);
  if (answer.noWebhookResponse) {
    // The node wrote the answer on the raw response.
    ctx.respond = false;
    return true;
  }
  if (answer.webhookResponse !== undefined) {
    ctx.status = 200;
    ctx.body = answer.webhookResponse as never;
    return true;
  }
  if (started && hit.entry.webhook.responseMode === 'lastNode') {
    answerLastNode(ctx, { responseMode: 'lastNode', responseCode: 200, responseData: 'firstEntryJson', responseBinaryPropertyName: 'data', options: {} }, await started.lastNodeDone);
    return true;
  }
  ctx.status = 200;
  ctx.body = { message: started ? 'Workflow was started' : 'Webhook call received' };
  return true;
}
