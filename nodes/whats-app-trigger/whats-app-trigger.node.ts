// WhatsApp Trigger (n8n-nodes-base.whatsAppTrigger v1): on activation it subscribes the Meta app
// (the credential's client id) to whatsapp_business_account with the chosen fields, this webhook's
// URL and the node's id as verify token (POST /{app-id}/subscriptions), and removes the subscription
// on deactivation. Meta's GET verification (hub.mode=subscribe, hub.verify_token, hub.challenge) is
// answered with the challenge when the token is the node's id. Deliveries must carry X-Hub-Signature-256
// (HMAC-SHA256 of the raw body with the app secret); each change becomes one item `{...value, field}`,
// filtered by the chosen fields and message statuses.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { NodeOperationError, type ExecuteContext, type JsonObject, type NodeOutput, type NodeType, type TriggerContext, type WebhookAnswer, type WebhookContext } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';
import { createSubscription, deleteSubscription, listSubscriptions } from './whats-app-graph-api.ts';
import { whatsAppTriggerProperties } from './whats-app-trigger.description.ts';

const OBJECT = 'whatsapp_business_account';

const updatesOf = (ctx: ExecuteContext) => {
  const value = param<unknown>(ctx, 'updates', 0, []);
  return Array.isArray(value) ? value.map(String) : [];
};
const sortedNames = (fields: Array<{ name: string }> | undefined) => (fields ?? []).map((f) => f.name).sort().join(',');

/** n8n's status filter: undefined keeps all; empty drops status events; otherwise a status must be chosen (or 'all'). */
export function filterStatuses<T extends { statuses?: unknown }>(events: T[], allowed: string[] | undefined): T[] {
  if (!allowed) return events;
  if (!allowed.length) return events.filter((event) => !event.statuses);
  if (allowed.includes('all')) return events;
  return events.filter((event) => {
    const statuses = Array.isArray(event.statuses) ? (event.statuses as JsonObject[]) : [];
    return statuses.length ? statuses.some((s) => allowed.includes(String(s.status))) : true;
  });
}

/** Whether the raw body carries `sha256=<HMAC under the app secret>`. */
export function hubSignatureValid(secret: string, header: unknown, rawBody: Buffer | undefined): boolean {
  const given = Buffer.from(String(Array.isArray(header) ? header[0] : (header ?? '')));
  if (!rawBody) return false;
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const webhookSetup = {
  async checkExists(ctx: TriggerContext): Promise<boolean> {
    const wanted = [...updatesOf(ctx)].sort().join(',');
    const appId = String((await ctx.credentials.get('whatsAppTriggerApi')).clientId ?? '');
    const subscriptions = await listSubscriptions(ctx);
    const match = subscriptions.find((s) => s.object === OBJECT && sortedNames(s.fields) === wanted && s.active);
    if (!match) return false;
    if (match.callback_url !== ctx.webhookUrl('default')) {
      throw new NodeOperationError(ctx.node.name, `The WhatsApp App ID ${appId} already has a webhook subscription. Delete it or use another App before executing the trigger. Due to WhatsApp API limitations, you can have just one trigger per App.`);
    }
    return true;
  },
  async create(ctx: TriggerContext): Promise<boolean> {
    await createSubscription(ctx, {
      object: OBJECT, callback_url: ctx.webhookUrl('default'), verify_token: String(ctx.node.id), fields: JSON.stringify(updatesOf(ctx)), include_values: true,
    });
    return true;
  },
  async delete(ctx: TriggerContext): Promise<boolean> {
    await deleteSubscription(ctx, OBJECT);
    return true;
  },
};

async function webhook(ctx: WebhookContext): Promise<WebhookAnswer> {
  const { call } = ctx;
  if (call.webhookName === 'setup' && call.query['hub.challenge'] !== undefined) {
    const mode = call.query['hub.mode'];
    if (String(call.query['hub.verify_token']) !== String(ctx.node.id) || (mode !== undefined && mode !== 'subscribe')) return {};
    call.res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    call.res.end(String(call.query['hub.challenge']));
    return { noWebhookResponse: true };
  }
  const credential = await ctx.credentials.get('whatsAppTriggerApi');
  // A delivery Meta did not sign with the app secret starts nothing, as in n8n.
  if (!hubSignatureValid(String(credential.clientSecret ?? ''), call.headers['x-hub-signature-256'], call.rawBody)) return {};
  const body = (call.body && typeof call.body === 'object' ? call.body : {}) as JsonObject;
  if (body.object !== OBJECT) return {};
  const entries = Array.isArray(body.entry) ? (body.entry as JsonObject[]) : [];
  const fields = updatesOf(ctx);
  const events = entries
    .flatMap((entry) => (Array.isArray(entry.changes) ? (entry.changes as JsonObject[]) : []))
    .filter((change) => !fields.length || fields.includes(String(change.field)))
    .map((change) => ({ ...((change.value ?? {}) as JsonObject), field: change.field }) as JsonObject);
  const statuses = collection(ctx, 'options', 0).messageStatusUpdates;
  const kept = filterStatuses(events, Array.isArray(statuses) ? statuses.map(String) : undefined);
  if (!kept.length) return {};
  return { workflowData: [kept.map((json) => ({ json }))] };
}

async function execute(ctx: ExecuteContext): Promise<NodeOutput> {
  const items = ctx.getInputData();
  return [items.length ? items : [{ json: {} }]];
}

export const whatsAppTriggerNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.whatsAppTrigger',
    displayName: 'WhatsApp Trigger',
    icon: 'fa:whatsapp',
    group: ['trigger'],
    version: [1],
    description: 'Starts the workflow on WhatsApp Business events',
    defaults: { name: 'WhatsApp Trigger' },
    inputs: [],
    outputs: ['main'],
    credentials: [{ name: 'whatsAppTriggerApi', required: true }],
    triggerKind: 'webhook',
    properties: whatsAppTriggerProperties,
  },
  execute,
  triggers: {
    webhooks: () => [
      { name: 'setup', httpMethod: 'GET', path: 'webhook', responseMode: 'onReceived', isFullPath: false },
      { name: 'default', httpMethod: 'POST', path: 'webhook', responseMode: 'onReceived', isFullPath: false },
    ],
    webhook,
    webhookSetup,
  },
};
