// Stripe Trigger (n8n-nodes-base.stripeTrigger v1): on activation it creates a webhook endpoint
// (POST /v1/webhook_endpoints with url, enabled_events[], description and api_version when set)
// and keeps its id, events and signing secret in the node's static data (webhookId, webhookEvents,
// webhookSecret); it looks the endpoint up by id (a 404/resource_missing forgets it) and deletes it
// on deactivation. Deliveries are checked against `Stripe-Signature` (t=…,v1=… HMAC-SHA256 of
// `${t}.${rawBody}`) with the credential's signature secret, else the kept endpoint secret; a bad,
// missing or stale signature answers 401 and starts no run. Events not chosen start no run; the
// output is the event object.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { NodeOperationError, type ExecuteContext, type JsonObject, type NodeOutput, type NodeType, type TriggerContext, type WebhookAnswer, type WebhookContext } from '../../engine/index.ts';
import { param } from '../shared/params.ts';
import { stripeRequest } from './stripe-api.ts';
import { stripeCredentials, stripeTriggerProperties } from './stripe-trigger.description.ts';

/** How far a delivery's timestamp may be from now (Stripe's libraries default to five minutes). */
export const SIGNATURE_TOLERANCE_S = 300;

const chosenEvents = (ctx: ExecuteContext): string[] => {
  const value = param<unknown>(ctx, 'events', 0, []);
  return Array.isArray(value) ? value.map(String) : [];
};

const webhookSetup = {
  async checkExists(ctx: TriggerContext): Promise<boolean> {
    const data = ctx.getWorkflowStaticData('node');
    if (data.webhookId === undefined) return false;
    try {
      await stripeRequest(ctx, 'GET', `/webhook_endpoints/${encodeURIComponent(String(data.webhookId))}`);
    } catch (error) {
      const failure = error as { httpCode?: string; stripeCode?: string };
      if (failure.httpCode === '404' || failure.stripeCode === 'resource_missing') {
        delete data.webhookId;
        delete data.webhookEvents;
        delete data.webhookSecret;
        return false;
      }
      throw error;
    }
    return true;
  },
  async create(ctx: TriggerContext): Promise<boolean> {
    const body: JsonObject = {
      url: ctx.webhookUrl('default'),
      description: `Created by n8n for workflow ID: ${ctx.workflow.id}`,
      enabled_events: chosenEvents(ctx),
    };
    const apiVersion = String(param<unknown>(ctx, 'apiVersion', 0, '') ?? '');
    if (apiVersion) body.api_version = apiVersion;
    const answer = await stripeRequest(ctx, 'POST', '/webhook_endpoints', body);
    if (answer.id === undefined || answer.secret === undefined || answer.status !== 'enabled') {
      throw new NodeOperationError(ctx.node.name, 'Stripe webhook creation response did not contain the expected data.', { description: JSON.stringify(answer).slice(0, 300) });
    }
    const data = ctx.getWorkflowStaticData('node');
    data.webhookId = String(answer.id);
    data.webhookEvents = answer.enabled_events ?? body.enabled_events;
    data.webhookSecret = String(answer.secret);
    return true;
  },
  async delete(ctx: TriggerContext): Promise<boolean> {
    const data = ctx.getWorkflowStaticData('node');
    if (data.webhookId !== undefined) {
      try {
        await stripeRequest(ctx, 'DELETE', `/webhook_endpoints/${encodeURIComponent(String(data.webhookId))}`);
      } catch {
        return false;
      }
      delete data.webhookId;
      delete data.webhookEvents;
      delete data.webhookSecret;
    }
    return true;
  },
};

/**
 * Whether a `Stripe-Signature` header is valid for the raw body under `secret`: some `v1` entry
 * equals the hex HMAC-SHA256 of `${t}.${rawBody}` and `t` is within the tolerance of `nowS`.
 * True when no secret is kept.
 */
export function stripeSignatureValid(secret: unknown, header: unknown, rawBody: Buffer | undefined, nowS = Math.floor(Date.now() / 1000)): boolean {
  if (typeof secret !== 'string' || !secret) return true;
  if (!rawBody) return false;
  const text = String(Array.isArray(header) ? header[0] : (header ?? ''));
  let timestamp: string | undefined;
  const signatures: string[] = [];
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') timestamp = value;
    else if (key === 'v1') signatures.push(value);
  }
  if (!timestamp || !/^\d+$/.test(timestamp) || !signatures.length) return false;
  if (Math.abs(nowS - Number(timestamp)) > SIGNATURE_TOLERANCE_S) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex'));
  return signatures.some((given) => {
    const candidate = Buffer.from(given);
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  });
}

async function webhook(ctx: WebhookContext): Promise<WebhookAnswer> {
  const { call } = ctx;
  let configured: unknown;
  try {
    configured = (await ctx.credentials.get('stripeApi')).signatureSecret;
  } catch { /* no credential: fall back to the kept endpoint secret */ }
  const secret = typeof configured === 'string' && configured ? configured : ctx.getWorkflowStaticData('node').webhookSecret;
  if (!stripeSignatureValid(secret, call.headers['stripe-signature'], call.rawBody)) {
    call.res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' });
    call.res.end('Unauthorized');
    return { noWebhookResponse: true };
  }
  const body = (call.body && typeof call.body === 'object' && !Array.isArray(call.body) ? call.body : {}) as JsonObject;
  const events = chosenEvents(ctx);
  const type = body.type;
  if (typeof type !== 'string' || (!events.includes('*') && !events.includes(type))) return {};
  return { workflowData: [[{ json: body }]] };
}

async function execute(ctx: ExecuteContext): Promise<NodeOutput> {
  const items = ctx.getInputData();
  return [items.length ? items : [{ json: {} }]];
}

export const stripeTriggerNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.stripeTrigger',
    displayName: 'Stripe Trigger',
    icon: 'fa:cc-stripe',
    group: ['trigger'],
    version: [1],
    description: 'Starts the workflow on Stripe events',
    defaults: { name: 'Stripe Trigger' },
    inputs: [],
    outputs: ['main'],
    credentials: stripeCredentials,
    triggerKind: 'webhook',
    properties: stripeTriggerProperties,
  },
  execute,
  triggers: {
    webhooks: () => [{ name: 'default', httpMethod: 'POST', path: 'webhook', responseMode: 'onReceived', isFullPath: false }],
    webhook,
    webhookSetup,
  },
};
